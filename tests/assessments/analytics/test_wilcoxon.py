"""The exact Wilcoxon signed-rank p and the rank-biserial r (STATS.md, "More figures in `prepost`")."""

import itertools

import numpy as np
import pytest
from scipy import stats

from assessments.analytics import prepost
from assessments.analytics.wilcoxon import EXACT_MAX_N, wilcoxon

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


def listed_p(differences) -> float:
    """The definition, by listing every sign pattern of the mid-ranks (only for small m)."""
    d = np.asarray([value for value in differences if value != 0], dtype=float)
    ranks = stats.rankdata(np.abs(d))
    observed = ranks[d > 0].sum()
    sums = [sum(rank for rank, sign in zip(ranks, signs, strict=True) if sign) for signs in _patterns(len(d))]
    below = sum(total <= observed + 1e-12 for total in sums) / len(sums)
    above = sum(total >= observed - 1e-12 for total in sums) / len(sums)
    return min(1.0, 2 * min(below, above))


def _patterns(m: int):
    return itertools.product((False, True), repeat=m)


def test_m_0_has_no_exact_p_and_no_r():
    result = prepost([2, 3, 4], [2, 3, 4], max_score=8, pass_mark=5)
    assert result["wilcoxon_n"] == 0
    assert result["wilcoxon_p_exact"] is None
    assert result["wilcoxon_r"] is None


def test_m_1_gives_p_1_and_r_plus_or_minus_1():
    up = prepost([2, 3, 4], [2, 5, 4], max_score=8, pass_mark=5)
    assert up["wilcoxon_n"] == 1
    assert up["wilcoxon_p_exact"] == pytest.approx(1.0)  # 2 min(1/2, 1), capped at 1
    assert up["wilcoxon_r"] == pytest.approx(1.0)
    down = prepost([2, 3, 4], [2, 1, 4], max_score=8, pass_mark=5)
    assert down["wilcoxon_r"] == pytest.approx(-1.0)


def test_m_50_is_exact_and_matches_scipy():
    differences = np.arange(1, 51) * np.where(np.arange(50) % 7 == 0, -1, 1)
    result = wilcoxon(differences.astype(float))
    assert result["wilcoxon_n"] == EXACT_MAX_N == 50
    expected = stats.wilcoxon(differences, method="exact").pvalue
    assert result["wilcoxon_p_exact"] == pytest.approx(expected, rel=1e-12, abs=1e-15)
    assert 0 < result["wilcoxon_p_exact"] < 1e-4  # far in the tail: the counts are exact integers


def test_m_51_has_no_exact_p_but_keeps_the_approximation_and_r():
    pre = list(range(51))
    post = [value + 1 + (index % 3) for index, value in enumerate(pre)]
    result = prepost(pre, post, max_score=200, pass_mark=100)
    assert result["wilcoxon_n"] == 51
    assert result["wilcoxon_p_exact"] is None
    assert result["wilcoxon_p"] is not None
    assert result["wilcoxon_r"] == pytest.approx(1.0)


def test_zero_differences_are_dropped_before_ranking():
    with_zeros = wilcoxon(np.array([0.0, 3, -1, 0, 2, 5, 0, 4]))
    without = wilcoxon(np.array([3.0, -1, 2, 5, 4]))
    assert with_zeros["wilcoxon_n"] == 5
    assert with_zeros["wilcoxon_p_exact"] == pytest.approx(without["wilcoxon_p_exact"])
    assert with_zeros["wilcoxon_r"] == pytest.approx(without["wilcoxon_r"])


@pytest.mark.parametrize(
    "differences",
    [
        [1, 1, -1, 2, 2, -3, 4, 4, 4, -5],
        [2, 2, 2, 2, -2, 2, 2, 2],
        [1, -1, 1, -1, 3, 3, -0.5, 0.5, 0.5],
        [1, 1, 2, 0, -1, 0, 4, 1, 2, 2],  # the v2 fixture's gains: p = 0.0390625
    ],
)
def test_ties_get_mid_ranks_and_the_p_is_conditional_on_them(differences):
    result = wilcoxon(np.asarray(differences, dtype=float))
    assert result["wilcoxon_p_exact"] == pytest.approx(listed_p(differences), abs=1e-12)
    d = np.asarray([value for value in differences if value], dtype=float)
    ranks = stats.rankdata(np.abs(d))
    plus, minus = ranks[d > 0].sum(), ranks[d < 0].sum()
    assert result["wilcoxon_r"] == pytest.approx((plus - minus) / (plus + minus))


def test_the_fixture_gains_give_the_expected_exact_p():
    assert listed_p([1, 1, 2, 0, -1, 0, 4, 1, 2, 2]) == pytest.approx(0.0390625)


@pytest.mark.parametrize("seed", range(8))
def test_without_ties_or_zeros_the_exact_p_is_scipys(seed):
    rng = np.random.default_rng(seed)
    m = int(rng.integers(2, 31))
    differences = rng.permutation(np.arange(1, m + 1)) * rng.choice([-1, 1], m) + rng.uniform(-0.4, 0.4)
    result = wilcoxon(differences)
    expected = stats.wilcoxon(differences, zero_method="wilcox", method="exact").pvalue
    assert result["wilcoxon_p_exact"] == pytest.approx(expected, rel=1e-12, abs=1e-15)


def test_the_exact_p_is_symmetric_in_the_sign_of_the_differences():
    differences = np.array([1.5, -2, 3, 3, 4, -6, 7, 8])
    assert wilcoxon(differences)["wilcoxon_p_exact"] == pytest.approx(wilcoxon(-differences)["wilcoxon_p_exact"])
