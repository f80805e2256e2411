"""Treatment vs control (STATS.md, "Treatment vs control"): pass/fail at the post-test and the gains.

Each group's `pre` and `post` are paired totals in the same trainee order; the gain is post - pre.
"""

import math

import numpy as np
from django.utils.translation import gettext as _
from scipy import stats

from ._common import constant, mean, number, paired, ratio, var

FISHER_BELOW = 5  # an expected count below this makes the report lead with Fisher's exact test


def compare_groups(treatment_pre, treatment_post, control_pre, control_post, *, max_score, pass_mark) -> dict:
    """`max_score` is part of the shared interface; passing is judged on `pass_mark` alone."""
    treatment_pre, treatment_post = paired(treatment_pre, treatment_post, ("treatment_pre", "treatment_post"))
    control_pre, control_post = paired(control_pre, control_post, ("control_pre", "control_post"))
    table = [_passed_failed(treatment_post, pass_mark), _passed_failed(control_post, pass_mark)]
    return {
        "table": table,
        **_chi2(table),
        **_fisher(table),
        **_gains(treatment_post - treatment_pre, control_post - control_pre),
    }


def _passed_failed(post: np.ndarray, pass_mark) -> list[int]:
    passed = int(np.count_nonzero(post >= pass_mark))
    return [passed, len(post) - passed]


def _chi2(table: list[list[int]]) -> dict:
    counts = np.asarray(table)
    if np.any(counts.sum(axis=0) == 0) or np.any(counts.sum(axis=1) == 0):
        return dict.fromkeys(("chi2", "chi2_p", "chi2_df", "chi2_yates", "chi2_yates_p", "min_expected"))
    plain = stats.chi2_contingency(counts, correction=False)
    yates = stats.chi2_contingency(counts, correction=True)
    return {
        "chi2": number(plain.statistic),
        "chi2_p": number(plain.pvalue),
        "chi2_df": int(plain.dof),
        "chi2_yates": number(yates.statistic),
        "chi2_yates_p": number(yates.pvalue),
        "min_expected": float(plain.expected_freq.min()),
    }


def _fisher(table: list[list[int]]) -> dict:
    """Sample odds ratio (None when infinite or 0/0) and the two-sided exact p."""
    result = stats.fisher_exact(table)
    return {"fisher_odds_ratio": number(result.statistic), "fisher_p": number(result.pvalue)}


def _gains(treatment: np.ndarray, control: np.ndarray) -> dict:
    both_present = len(treatment) > 0 and len(control) > 0
    gain_diff = mean(treatment) - mean(control) if both_present else None
    welch_t = welch_p = cohen_d = None
    if len(treatment) >= 2 and len(control) >= 2:
        if not (constant(treatment) and constant(control)):
            welch = stats.ttest_ind(treatment, control, equal_var=False)
            welch_t, welch_p = number(welch.statistic), number(welch.pvalue)
        # Pooled SD: each group's variance (ddof 1) weighted by its n - 1.
        pooled_variance = ((len(treatment) - 1) * var(treatment) + (len(control) - 1) * var(control)) / (
            len(treatment) + len(control) - 2
        )
        cohen_d = ratio(gain_diff, math.sqrt(pooled_variance))
    return {"gain_diff": gain_diff, "welch_t": welch_t, "welch_p": welch_p, "cohen_d": cohen_d}


def compare_groups_notes(result: dict) -> list[str]:
    """Why figures of a `compare_groups` result are None, or which test the report leads with, in words."""
    (a, b), (c, d) = result["table"]
    notes = []
    if result["chi2"] is None:
        notes.extend(_empty_margins(a, b, c, d))
    elif result["min_expected"] < FISHER_BELOW:
        notes.append(_("Expected count below 5: Fisher's exact test shown."))
    if result["fisher_odds_ratio"] is None:
        if a * d > 0:
            notes.append(_("The odds ratio is infinite (a zero cell in the table): not shown."))
        else:
            notes.append(_("The odds ratio is undefined (0/0): not shown."))
    if result["gain_diff"] is None:
        notes.append(_("A group has no paired trainees: the gains cannot be compared."))
    elif result["welch_t"] is None:
        if min(a + b, c + d) < 2:
            notes.append(_("n < 2 in a group: Welch's t-test and Cohen's d are undefined."))
        else:
            notes.append(
                _("The gains vary in neither group (zero variance): Welch's t-test and Cohen's d are undefined.")
            )
    return notes


def _empty_margins(a: int, b: int, c: int, d: int) -> list[str]:
    notes = []
    if a + b == 0:
        notes.append(_("The treatment group has no post-test scores: the chi-square test is undefined."))
    if c + d == 0:
        notes.append(_("The control group has no post-test scores: the chi-square test is undefined."))
    if a + b and c + d:
        if a + c == 0:
            notes.append(_("Nobody passed the post-test (a zero column): the chi-square test is undefined."))
        if b + d == 0:
            notes.append(_("Nobody failed the post-test (a zero column): the chi-square test is undefined."))
    return notes
