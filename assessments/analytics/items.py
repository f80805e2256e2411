"""Item analysis: Moodle's quiz statistics over attempts x items (STATS.md, "Item analysis").

Variances and covariances use the divisor S - 1. x_i is the marks on item i, T the total, X_i = T - x_i the
rest of the test. Everything undefined for the data is None; `item_analysis_notes` says why.
"""

import math

import numpy as np
from django.utils.translation import gettext as _
from scipy import stats

from ._common import constant, cov, mean, number, ratio, sd, var, vector


def item_analysis(scores, max_marks) -> dict:
    """Test-level and per-item statistics; `scores` is attempts x items (marks obtained)."""
    marks, maxima = _matrix(scores, max_marks)
    totals = marks.sum(axis=1)
    covariances = [cov(marks[:, i], totals) for i in range(marks.shape[1])]
    weight_sum = sum(math.sqrt(c) for c in covariances if c is not None and c >= 0)
    marks_sum = float(maxima.sum())
    items = [
        _item(marks[:, i], totals - marks[:, i], float(maxima[i]), marks_sum, covariances[i], weight_sum)
        for i in range(marks.shape[1])
    ]
    return {"test": _test(marks, totals), "items": items}


def _matrix(scores, max_marks) -> tuple[np.ndarray, np.ndarray]:
    maxima = vector(max_marks, "max_marks")
    marks = np.asarray(scores, dtype=float)
    if marks.size == 0:
        marks = marks.reshape(len(marks), len(maxima))
    if marks.ndim != 2 or marks.shape[1] != len(maxima):
        raise ValueError("scores must be attempts x items, with one max_marks value per item")
    if not np.all(np.isfinite(marks)) or np.any(maxima < 0):
        raise ValueError("scores must be finite and max_marks not negative")
    return marks, maxima


def _test(marks: np.ndarray, totals: np.ndarray) -> dict:
    n = len(totals)
    varies = not constant(totals)
    spread = sd(totals)
    cic = _cic(marks, totals)
    # cic <= 100 always (Cronbach's alpha <= 1); max() only absorbs float rounding.
    error_ratio = None if cic is None else 100 * math.sqrt(max(0.0, 1 - cic / 100))
    return {
        "n": n,
        "mean": mean(totals),
        "median": float(np.median(totals)) if n else None,
        "sd": spread,
        "skewness": number(stats.skew(totals, bias=False)) if n > 2 and varies else None,
        "kurtosis": number(stats.kurtosis(totals, fisher=True, bias=False)) if n > 3 and varies else None,
        "cic": cic,
        "error_ratio": error_ratio,
        "standard_error": None if error_ratio is None or spread is None else error_ratio / 100 * spread,
    }


def _cic(marks: np.ndarray, totals: np.ndarray) -> float | None:
    """Coefficient of internal consistency (Cronbach's alpha, KR-20), in percent; may be negative."""
    attempts, items = marks.shape
    total_variance = var(totals)
    if attempts <= 2 or items <= 1 or not total_variance:
        return None
    item_variances = sum(var(marks[:, i]) for i in range(items))
    return 100 * items / (items - 1) * (1 - item_variances / total_variance)


def _item(x, rest, maximum: float, marks_sum: float, covariance, weight_sum: float) -> dict:
    variance, rest_variance = var(x), var(rest)
    item_rest = cov(x, rest)
    discrimination = None
    if variance and rest_variance:
        discrimination = 100 * item_rest / math.sqrt(variance * rest_variance)
    best_covariance = cov(np.sort(x), np.sort(rest))
    efficiency = ratio(item_rest, best_covariance) if best_covariance and best_covariance > 0 else None
    usable_weight = covariance is not None and covariance >= 0 and weight_sum > 0
    return {
        "facility": _percent(mean(x), maximum),
        "sd": _percent(sd(x), maximum),
        "intended_weight": _percent(maximum, marks_sum),
        "effective_weight": 100 * math.sqrt(covariance) / weight_sum if usable_weight else None,
        "discrimination_index": discrimination,
        "discriminative_efficiency": None if efficiency is None else 100 * efficiency,
    }


def _percent(value: float | None, whole: float) -> float | None:
    return None if value is None else ratio(100 * value, whole)


def item_analysis_notes(result: dict) -> list[str]:
    """Why figures of an `item_analysis` result are None, in words (works on a result loaded back from JSON)."""
    test, items = result["test"], result["items"]
    if test["n"] == 0:
        return [_("No attempts to analyse.")]
    if test["n"] < 2:
        return [_("Only one attempt: spreads, effective weights and discrimination need at least two.")]
    notes = []
    zero_variance = test["sd"] == 0
    if zero_variance:
        notes.append(
            _(
                "Every attempt has the same total (zero variance): skewness, kurtosis, the coefficient of "
                "internal consistency and the effective weights are undefined."
            )
        )
    else:
        if test["skewness"] is None:
            notes.append(_("Skewness needs at least three attempts."))
        if test["kurtosis"] is None:
            notes.append(_("Kurtosis needs at least four attempts."))
        if test["cic"] is None:
            if test["n"] < 3:
                notes.append(_("The coefficient of internal consistency needs at least three attempts."))
            else:
                notes.append(_("The coefficient of internal consistency needs at least two items."))
    for position, item in enumerate(items, start=1):
        notes.extend(_item_notes(position, item, zero_variance))
    return notes


def _item_notes(position: int, item: dict, zero_variance: bool) -> list[str]:
    notes = []
    if item["facility"] is None:
        notes.append(_("Item %(number)d has a maximum mark of 0: facility undefined.") % {"number": position})
    if item["effective_weight"] is None and not zero_variance:
        notes.append(
            _("Item %(number)d: negative covariance with the total: no effective weight.") % {"number": position}
        )
    if item["discrimination_index"] is None:
        if item["sd"] in (0, None):
            text = _(
                "Item %(number)d: every attempt has the same mark on it (zero variance): "
                "discrimination index and discriminative efficiency undefined."
            )
        else:
            text = _(
                "Item %(number)d: the rest of the test does not vary (zero variance): "
                "discrimination index and discriminative efficiency undefined."
            )
        notes.append(text % {"number": position})
    return notes
