"""Treatment vs control (STATS.md, "Treatment vs control" and "Version 2"): pass/fail at the post-test, the gains
and their effect sizes (Cohen's d, Hedges' g, Morris' d_ppc2), and how alike the groups were at the pre-test.

Each group's `pre` and `post` are paired totals in the same trainee order; the gain is post - pre. A pooled SD
weights each group's variance (ddof 1, so each group needs n >= 2) by its n - 1; an SD of 0 within TOLERANCE
leaves the effect size None. Passing is score >= pass_mark within TOLERANCE.
"""

import math

import numpy as np
from django.utils.translation import gettext as _
from scipy import stats

from ._common import TOLERANCE, at_least, constant, mean, number, paired, var

FISHER_BELOW = 5  # an expected count below this makes the report lead with Fisher's exact test


def compare_groups(treatment_pre, treatment_post, control_pre, control_post, *, max_score, pass_mark) -> dict:
    """`max_score` is part of the shared interface; passing is judged on `pass_mark` alone."""
    treatment_pre, treatment_post = paired(treatment_pre, treatment_post, ("treatment_pre", "treatment_post"))
    control_pre, control_post = paired(control_pre, control_post, ("control_pre", "control_post"))
    table = [_passed_failed(treatment_post, pass_mark), _passed_failed(control_post, pass_mark)]
    gains = _gains(treatment_post - treatment_pre, control_post - control_pre)
    n = len(treatment_pre) + len(control_pre)
    return {
        "table": table,
        **_chi2(table),
        **_fisher(table),
        **gains,
        "hedges_g": None if gains["cohen_d"] is None else gains["cohen_d"] * (1 - 3 / (4 * n - 9)),
        "morris_dppc2": _morris_dppc2(gains["gain_diff"], pooled_sd(treatment_pre, control_pre), n),
        **_baseline(treatment_pre, control_pre, pass_mark),
    }


def _passed_failed(scores: np.ndarray, pass_mark) -> list[int]:
    passed = int(np.count_nonzero(at_least(scores, pass_mark)))
    return [passed, len(scores) - passed]


def pooled_sd(a: np.ndarray, b: np.ndarray) -> float | None:
    """sqrt(((n_a - 1) V(a) + (n_b - 1) V(b)) / (n_a + n_b - 2)), V with ddof 1; None unless both n >= 2."""
    if len(a) < 2 or len(b) < 2:
        return None
    return math.sqrt(((len(a) - 1) * var(a) + (len(b) - 1) * var(b)) / (len(a) + len(b) - 2))


def _standardised(difference: float | None, spread: float | None) -> float | None:
    """difference / spread, or None when either is missing or the spread is 0 within TOLERANCE."""
    if difference is None or spread is None or spread <= TOLERANCE:
        return None
    return number(difference / spread)


def _morris_dppc2(gain_diff: float | None, sd_pre: float | None, n: int) -> float | None:
    """Morris (2008) d_ppc2 = c_p ((M_post,T - M_pre,T) - (M_post,C - M_pre,C)) / SD_pre, SD_pre pooled.

    c_p = 1 - 3 / (4 (n_T + n_C - 2) - 1) corrects the small-sample bias. The difference of the mean changes is
    gain_diff, since each group's totals are paired.
    """
    effect = _standardised(gain_diff, sd_pre)
    return None if effect is None else (1 - 3 / (4 * (n - 2) - 1)) * effect


def _baseline(treatment_pre: np.ndarray, control_pre: np.ndarray, pass_mark) -> dict:
    """Were the groups alike before training? Cohen's d of the pre-test totals (treatment minus control, pooled
    SD) and Fisher's exact two-sided p on the pre-test pass table (STATS.md, "Kesetaraan awal")."""
    both_present = len(treatment_pre) > 0 and len(control_pre) > 0
    difference = mean(treatment_pre) - mean(control_pre) if both_present else None
    table = [_passed_failed(treatment_pre, pass_mark), _passed_failed(control_pre, pass_mark)]
    return {
        "baseline_d": _standardised(difference, pooled_sd(treatment_pre, control_pre)),
        "baseline_fisher_p": number(stats.fisher_exact(table).pvalue),
    }


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
    welch_t = welch_p = None
    if len(treatment) >= 2 and len(control) >= 2 and not (constant(treatment) and constant(control)):
        welch = stats.ttest_ind(treatment, control, equal_var=False)
        welch_t, welch_p = number(welch.statistic), number(welch.pvalue)
    cohen_d = _standardised(gain_diff, pooled_sd(treatment, control))
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
