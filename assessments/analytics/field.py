"""Field outcomes of the KUBE (STATS.md, "Difference in differences on field outcomes" and "KUBE survival").

- `did(rows)`: difference in differences by OLS with a cluster-robust standard error, clustered by mentor;
- `survival(months, closed, *, at)`: Kaplan-Meier share of KUBE still active at given months.

Both delegate the estimate to statsmodels, the reference STATS.md names, and only decide what is undefined;
`did_notes` and `survival_notes` say why in words, from the result alone.
"""

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from statsmodels.duration.survfunc import SurvfuncRight
from statsmodels.regression.linear_model import OLS

from ._common import TOLERANCE, constant, number, snapped, vector

DID_KEYS = ("did", "se", "t", "df", "p", "ci_low", "ci_high")
MIN_CLUSTERS = 3  # below this the cluster-robust SE (on G - 1 df) is not reported
DESIGN_COLUMNS = 4  # K: 1, treated, post, treated x post


def did(rows) -> dict:
    """OLS of y on 1, treated, post, treated x post; `did` is the coefficient of treated x post.

    `rows`: dicts {"unit", "cluster", "treated": 0|1, "post": 0|1, "y": float}. The standard error is
    cluster-robust by `cluster` with the small-sample factor (G / (G - 1)) ((N - 1) / (N - K)), K = 4, and t, p
    and the 95 % interval use t on G - 1 df: exactly statsmodels'
    `OLS(y, X).fit(cov_type="cluster", cov_kwds={"groups": g}, use_t=True)`.
    Every figure but the counts (n_obs, n_clusters) is None when an arm has no row in one of the two periods;
    se, t, p and the interval are None when G < 3, and when N <= K (one row per arm and period: no residual
    to estimate from). When the model fits every row (residuals 0 within TOLERANCE) se is 0 and t, p and the
    interval are None, as the paired t is for constant gains.
    """
    rows = list(rows)
    treated, post, y = _design(rows)
    codes: dict = {}
    clusters = np.array([codes.setdefault(row["cluster"], len(codes)) for row in rows], dtype=int)
    n_clusters = len(codes)
    result = {**dict.fromkeys(DID_KEYS), "n_obs": len(rows), "n_clusters": n_clusters}
    if len({(a, b) for a, b in zip(treated, post, strict=True)}) < 4:
        return result
    design = np.column_stack([np.ones(len(rows)), treated, post, treated * post])
    result.update(did=float(OLS(y, design).fit().params[3]), df=n_clusters - 1)
    if n_clusters < MIN_CLUSTERS or len(rows) <= DESIGN_COLUMNS:
        return result
    return {**result, **_cluster_inference(y, design, clusters)}


def _cluster_inference(y: np.ndarray, design: np.ndarray, clusters: np.ndarray) -> dict:
    """se, t, p and the 95 % interval of the treated x post coefficient, cluster-robust, t on G - 1 df."""
    fit = OLS(y, design).fit(cov_type="cluster", cov_kwds={"groups": clusters}, use_t=True)
    se = float(fit.bse[3])
    if constant(fit.resid) or se <= TOLERANCE:
        return {"se": 0.0}
    ci_low, ci_high = fit.conf_int(alpha=0.05)[3]
    return {
        "se": se,
        "t": number(fit.tvalues[3]),
        "p": number(fit.pvalues[3]),
        "ci_low": number(ci_low),
        "ci_high": number(ci_high),
    }


def _design(rows: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    for row in rows:
        if row["treated"] not in (0, 1) or row["post"] not in (0, 1):
            raise ValueError("treated and post must be 0 or 1")
    treated = np.array([float(row["treated"]) for row in rows])
    post = np.array([float(row["post"]) for row in rows])
    return treated, post, vector([row["y"] for row in rows], "y")


def survival(months, closed, *, at=(6, 12, 24)) -> dict:
    """Kaplan-Meier S(X) for each X in `at`: the product over event times t <= X of (1 - d_t / n_t).

    `months`: time to closure or to the last record; `closed`: 1 closed (an event), 0 still active (censored).
    n_t counts the KUBE with months >= t, so a KUBE censored at an event time is at risk at it (statsmodels'
    `SurvfuncRight`). Times equal within TOLERANCE are one time. `at_X` is None when X is beyond the longest
    follow-up (nothing is known there), and for every X when there is no KUBE.
    """
    months, closed = vector(months, "months"), vector(closed, "closed")
    if len(months) != len(closed):
        raise ValueError(f"months and closed must be paired: {len(months)} != {len(closed)} values")
    if np.any(months < 0) or not np.all(np.isin(closed, (0, 1))):
        raise ValueError("months must not be negative and closed must be 0 or 1")
    result = {"n": len(months), "events": int(closed.sum())}
    times = snapped(months)
    curve = SurvfuncRight(times, closed) if len(times) else None
    for x in at:
        result[f"at_{x:g}"] = _survival_at(curve, times, float(x))
    return result


def _survival_at(curve: SurvfuncRight | None, times: np.ndarray, x: float) -> float | None:
    if curve is None or x > times.max() + TOLERANCE:
        return None
    up_to = curve.surv_times <= x + TOLERANCE
    return float(curve.surv_prob[up_to][-1]) if np.any(up_to) else 1.0


def did_notes(result: dict) -> list[str]:
    """Why figures of a `did` result are None (or the standard error 0), in words."""
    if result["n_obs"] == 0:
        return [_("No field records to compare.")]
    if result["did"] is None:
        return [
            _(
                "An arm has no records in one of the two periods (baseline, follow-up): the difference in "
                "differences is undefined."
            )
        ]
    if result["n_obs"] <= DESIGN_COLUMNS:
        return [_("One record per arm and period: the standard error, t-test and confidence interval are undefined.")]
    if result["n_clusters"] < MIN_CLUSTERS:
        return [
            _("Fewer than 3 mentors (clusters): the standard error, t-test and confidence interval are not reported.")
        ]
    if result["se"] == 0:
        return [
            _(
                "The model fits every record exactly (zero residual variance): the t-test and confidence interval "
                "are undefined."
            )
        ]
    return []


def survival_notes(result: dict) -> list[str]:
    """Why shares of a `survival` result are None, in words: no KUBE, or a month beyond the longest follow-up."""
    if result["n"] == 0:
        return [_("No KUBE to follow.")]
    notes = []
    for key, value in result.items():
        if key.startswith("at_") and value is None:
            months = key.removeprefix("at_")
            notes.append(
                ngettext(
                    "No KUBE was followed for %(months)s month: the share still active then is unknown.",
                    "No KUBE was followed for %(months)s months: the share still active then is unknown.",
                    round(float(months)),
                )
                % {"months": months}
            )
    return notes
