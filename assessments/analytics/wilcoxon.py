"""Wilcoxon signed-rank test on paired differences (STATS.md, "Pre/post within a group" and "Version 2").

Zero differences are dropped and tied |d| share their mid-rank; both "zero" and "tied" are judged within
TOLERANCE (constant within 1e-9), so float rounding neither invents a difference nor splits a tie. Figures:

- wilcoxon_w, wilcoxon_p: the normal approximation with tie correction and no continuity correction
  (`scipy.stats.wilcoxon(..., zero_method="wilcox", correction=False, method="approx")`), W the smaller rank sum;
- wilcoxon_n: m, the number of non-zero differences;
- wilcoxon_p_exact: the exact two-sided p, conditional on the mid-ranks, for 1 <= m <= EXACT_MAX_N;
- wilcoxon_r: the matched-pairs rank-biserial (W+ - W-) / (W+ + W-).
"""

import numpy as np
from scipy import stats

from ._common import TOLERANCE, number, snapped

EXACT_MAX_N = 50  # STATS.md: the exact p for 1 <= m <= 50; the report leads with it then


def wilcoxon(differences: np.ndarray) -> dict:
    """The signed-rank figures of `differences` (post - pre); all None but wilcoxon_n = 0 when every one is 0."""
    signed = signed_differences(differences)
    m = len(signed)
    if m == 0:
        return {"wilcoxon_w": None, "wilcoxon_p": None, "wilcoxon_n": 0, "wilcoxon_p_exact": None, "wilcoxon_r": None}
    approx = stats.wilcoxon(signed, zero_method="wilcox", correction=False, method="approx")
    ranks = doubled_ranks(signed)
    positive = signed > 0
    plus, minus = int(ranks[positive].sum()), int(ranks[~positive].sum())
    return {
        "wilcoxon_w": number(approx.statistic),
        "wilcoxon_p": number(approx.pvalue),
        "wilcoxon_n": m,
        "wilcoxon_p_exact": exact_p(ranks, positive),
        "wilcoxon_r": (plus - minus) / (plus + minus),
    }


def signed_differences(differences) -> np.ndarray:
    """The non-zero differences (|d| > TOLERANCE), with |d| equal within TOLERANCE made exactly equal."""
    d = np.asarray(differences, dtype=float)
    d = d[np.abs(d) > TOLERANCE]
    return np.sign(d) * snapped(np.abs(d))


def doubled_ranks(signed: np.ndarray) -> np.ndarray:
    """2 x the mid-rank of each |d|: whole numbers, so sums of ranks index an array exactly."""
    return np.rint(2 * stats.rankdata(np.abs(signed), method="average")).astype(np.int64)


def exact_p(ranks: np.ndarray, positive: np.ndarray) -> float | None:
    """Two-sided exact p = min(1, 2 min(P(W+ <= w), P(W+ >= w))) over the 2^m equally likely sign patterns.

    The null distribution of W+ given these (doubled, possibly tied) ranks is built by dynamic programming:
    counts[s] is the number of sign patterns of the ranks seen so far whose positive ranks sum to s; each new
    rank r either stays out of the sum or shifts it by r. m (m + 1) + 1 cells and m steps instead of listing
    2^m patterns; the counts are exact integers (at most 2^50 < 2^63).
    """
    m = len(ranks)
    if not 1 <= m <= EXACT_MAX_N:
        return None
    counts = np.zeros(int(ranks.sum()) + 1, dtype=np.int64)
    counts[0] = 1
    for rank in ranks:
        previous = counts.copy()
        counts[rank:] += previous[:-rank]
    observed = int(ranks[positive].sum())
    tail = min(int(counts[: observed + 1].sum()), int(counts[observed:].sum()))
    patterns = 2**m
    return min(2 * tail, patterns) / patterns
