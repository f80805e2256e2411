"""Pre/post within a group (STATS.md, "Pre/post within a group" and "Version 2"): gains and their 95 % interval,
Hake's g, paired t, Wilcoxon (approximate and exact, rank-biserial r), McNemar.

`pre` and `post` are paired totals in the same trainee order. Trainees with only one of the two tests are
reported as unpaired by the caller, never dropped here: `pair_totals` does the pairing and keeps them.
Scores are compared with the pass mark and the maximum within TOLERANCE, never exactly.
"""

from typing import NamedTuple

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from scipy import stats

from ._common import TOLERANCE, at_least, constant, mean, number, paired, ratio, sd
from .wilcoxon import wilcoxon


class Pairing(NamedTuple):
    pre: list
    post: list
    pre_only: list
    post_only: list


def pair_totals(pre_by_trainee: dict, post_by_trainee: dict) -> Pairing:
    """Paired totals (in the order of `pre_by_trainee`) and the trainees who took only one of the tests."""
    both = [trainee for trainee in pre_by_trainee if trainee in post_by_trainee]
    return Pairing(
        pre=[pre_by_trainee[trainee] for trainee in both],
        post=[post_by_trainee[trainee] for trainee in both],
        pre_only=[trainee for trainee in pre_by_trainee if trainee not in post_by_trainee],
        post_only=[trainee for trainee in post_by_trainee if trainee not in pre_by_trainee],
    )


def prepost(pre, post, *, max_score, pass_mark) -> dict:
    """The figures of STATS.md "Pre/post within a group" and its version 2 additions; passing is score >= pass_mark."""
    pre, post = paired(pre, post, ("pre", "post"))
    if not max_score > 0:
        raise ValueError("max_score must be positive")
    gain = post - pre
    n = len(gain)
    return {
        "n": n,
        "mean_pre": mean(pre),
        "mean_post": mean(post),
        "sd_pre": sd(pre),
        "sd_post": sd(post),
        "mean_gain": mean(gain),
        "sd_gain": sd(gain),
        **_normalised_gain(pre, post, float(max_score)),
        **_paired_t(pre, post, gain),
        **wilcoxon(gain),
        "mcnemar": mcnemar(at_least(pre, pass_mark), at_least(post, pass_mark)),
    }


def _normalised_gain(pre, post, max_score: float) -> dict:
    """Hake's g on the class means, and the mean of the individual gains; pre = max_score within TOLERANCE."""
    g_class = None
    if len(pre) and np.mean(pre) < max_score - TOLERANCE:
        pre_percent, post_percent = 100 * np.mean(pre) / max_score, 100 * np.mean(post) / max_score
        g_class = ratio(post_percent - pre_percent, 100 - pre_percent)
    below_max = ~at_least(pre, max_score)
    individual = (post[below_max] - pre[below_max]) / (max_score - pre[below_max])
    return {
        "g_class": g_class,
        "g_individual_mean": mean(individual),
        "g_individual_excluded": int(np.count_nonzero(~below_max)),
    }


def _paired_t(pre, post, gain) -> dict:
    """Paired t, d_z and the 95 % t interval of the mean gain; all None for n < 2 or gains constant within 1e-9."""
    n = len(gain)
    if n < 2 or constant(gain):
        return dict.fromkeys(("t", "t_df", "t_p", "d_z", "gain_ci_low", "gain_ci_high"))
    result = stats.ttest_rel(post, pre)
    mean_gain, sd_gain = mean(gain), sd(gain)
    half_width = float(stats.t.ppf(0.975, n - 1)) * sd_gain / np.sqrt(n)
    return {
        "t": number(result.statistic),
        "t_df": n - 1,
        "t_p": number(result.pvalue),
        "d_z": ratio(mean_gain, sd_gain),
        "gain_ci_low": number(mean_gain - half_width),
        "gain_ci_high": number(mean_gain + half_width),
    }


def mcnemar(passed_before, passed_after) -> dict:
    """McNemar on passing: b failed before and passed after, c passed before and failed after."""
    passed_before, passed_after = np.asarray(passed_before, dtype=bool), np.asarray(passed_after, dtype=bool)
    b = int(np.count_nonzero(~passed_before & passed_after))
    c = int(np.count_nonzero(passed_before & ~passed_after))
    if b + c == 0:
        return {"b": 0, "c": 0, "exact_p": 1.0, "chi2_corrected": 0.0, "p_corrected": 1.0}
    chi2_corrected = max(abs(b - c) - 1, 0) ** 2 / (b + c)
    return {
        "b": b,
        "c": c,
        "exact_p": min(1.0, 2 * float(stats.binom.cdf(min(b, c), b + c, 0.5))),
        "chi2_corrected": float(chi2_corrected),
        "p_corrected": float(stats.chi2.sf(chi2_corrected, 1)),
    }


def prepost_notes(result: dict) -> list[str]:
    """Why figures of a `prepost` result are None, or what the report should say about them, in words."""
    n = result["n"]
    if n == 0:
        return [_("No trainee has both a counted pre-test and a counted post-test.")]
    notes = []
    if n < 2:
        notes.append(_("n < 2: standard deviations, the paired t-test and d_z are undefined."))
    elif result["sd_gain"] == 0:
        notes.append(_("Every trainee gained the same (zero variance): the paired t-test and d_z are undefined."))
    if result["g_class"] is None:
        notes.append(_("The class mean pre-test score is the maximum: the class normalised gain is undefined."))
    excluded = result["g_individual_excluded"]
    if excluded:
        notes.append(
            ngettext(
                "%(count)d trainee scored the maximum on the pre-test and is left out of the mean individual gain.",
                "%(count)d trainees scored the maximum on the pre-test and are left out of the mean individual gain.",
                excluded,
            )
            % {"count": excluded}
        )
    if result["wilcoxon_w"] is None:
        notes.append(_("Every difference is zero: the Wilcoxon signed-rank test is undefined."))
    notes.extend(mcnemar_notes(result["mcnemar"]))
    return notes


def unpaired_notes(pairing: Pairing) -> list[str]:
    """What the report says about trainees left out of the paired figures."""
    notes = []
    if pairing.pre_only:
        count = len(pairing.pre_only)
        notes.append(
            ngettext(
                "%(count)d trainee took only the pre-test (unpaired).",
                "%(count)d trainees took only the pre-test (unpaired).",
                count,
            )
            % {"count": count}
        )
    if pairing.post_only:
        count = len(pairing.post_only)
        notes.append(
            ngettext(
                "%(count)d trainee took only the post-test (unpaired).",
                "%(count)d trainees took only the post-test (unpaired).",
                count,
            )
            % {"count": count}
        )
    return notes


def mcnemar_notes(result: dict) -> list[str]:
    if result["b"] + result["c"] == 0:
        return [_("No trainee changed between failing and passing (b + c = 0): McNemar's test gives p = 1.")]
    return []
