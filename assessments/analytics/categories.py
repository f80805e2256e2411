"""Answer-category shift, as in the source study (STATS.md, "Answer-category shift").

Per aspect and group: a 2 x K table of how often each answer category (Likert level, right/wrong) was chosen
before and after, tested with chi-square without correction.
"""

import math

import numpy as np
from django.utils.translation import gettext as _
from scipy import stats

from ._common import number

LOW_EXPECTED = 5  # below this the chi-square approximation is doubtful


def category_shift(pre_counts: dict, post_counts: dict) -> dict:
    """`pre_counts` and `post_counts` are `{category: count}`; categories chosen by nobody are dropped."""
    for counts in (pre_counts, post_counts):
        if any(not math.isfinite(count) or count < 0 for count in counts.values()):
            raise ValueError("category counts must be finite and not negative")
    chosen = {category for category in (*pre_counts, *post_counts) if _total(category, pre_counts, post_counts)}
    categories = _sorted(chosen)
    table = np.array([[counts.get(category, 0) for category in categories] for counts in (pre_counts, post_counts)])
    result = {"categories": categories, "chi2": None, "p": None, "df": None, "min_expected": None}
    if len(categories) < 2 or np.any(table.sum(axis=1) == 0):
        return result
    test = stats.chi2_contingency(table, correction=False)
    result.update(
        chi2=number(test.statistic),
        p=number(test.pvalue),
        df=int(test.dof),
        min_expected=float(test.expected_freq.min()),
    )
    return result


def category_fisher_p(pre_counts: dict, post_counts: dict) -> float | None:
    """Fisher's exact two-sided p of a 2 x 2 category table (e.g. right/wrong before and after), for when
    `category_shift`'s min_expected is below 5; None unless exactly two categories remain and no row is empty."""
    result = category_shift(pre_counts, post_counts)
    if result["chi2"] is None or len(result["categories"]) != 2:
        return None
    table = [[counts.get(category, 0) for category in result["categories"]] for counts in (pre_counts, post_counts)]
    return number(stats.fisher_exact(table).pvalue)


def _total(category, pre_counts: dict, post_counts: dict):
    return pre_counts.get(category, 0) + post_counts.get(category, 0)


def _sorted(categories: set) -> list:
    try:
        return sorted(categories)
    except TypeError:  # mixed kinds of keys (e.g. 1 and "1"): sort by their text
        return sorted(categories, key=str)


def category_shift_notes(result: dict) -> list[str]:
    """Why a `category_shift` result has no test, or why its test is doubtful, in words."""
    if len(result["categories"]) < 2:
        return [_("Fewer than two answer categories were chosen: the chi-square test is undefined.")]
    if result["chi2"] is None:
        return [_("No answers were counted before or after: the chi-square test is undefined.")]
    if result["min_expected"] < LOW_EXPECTED:
        return [_("Expected count below 5: the chi-square approximation may be unreliable.")]
    return []
