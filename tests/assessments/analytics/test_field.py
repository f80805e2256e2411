"""Field outcomes (STATS.md, "Difference in differences on field outcomes" and "KUBE survival")."""

import numpy as np
import pytest
from django.utils import translation
from scipy import stats
from statsmodels.duration.survfunc import SurvfuncRight
from statsmodels.regression.linear_model import OLS

from assessments.analytics import did, did_notes, survival, survival_notes

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")

INFERENCE = ("se", "t", "p", "ci_low", "ci_high")


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def kube_rows(clusters: int, *, seed: int = 0, units_per_cluster: int = 2) -> list[dict]:
    """Two rows (baseline, follow-up) per KUBE; the first half of the mentors are in the treatment arm."""
    rng = np.random.default_rng(seed)
    rows = []
    for mentor in range(clusters):
        treated = int(mentor < clusters / 2)
        mentor_effect = rng.normal()
        for unit in range(units_per_cluster):
            for post in (0, 1):
                y = 4 + mentor_effect + 0.5 * treated + post * (1 + 0.4 * treated) + rng.normal(0, 0.5)
                rows.append(
                    {"unit": f"K{mentor}{unit}", "cluster": f"M{mentor}", "treated": treated, "post": post, "y": y}
                )
    return rows


def cell_mean(rows, treated, post) -> float:
    return float(np.mean([row["y"] for row in rows if row["treated"] == treated and row["post"] == post]))


def test_did_is_the_difference_of_the_arms_changes():
    rows = kube_rows(6, seed=1, units_per_cluster=3)[:-2]  # unbalanced on purpose
    result = did(rows)
    expected = (cell_mean(rows, 1, 1) - cell_mean(rows, 1, 0)) - (cell_mean(rows, 0, 1) - cell_mean(rows, 0, 0))
    assert result["did"] == pytest.approx(expected)
    assert (result["n_obs"], result["n_clusters"], result["df"]) == (len(rows), 6, 5)


@pytest.mark.parametrize("seed", range(3))
def test_did_is_statsmodels_cluster_robust_ols(seed):
    rows = kube_rows(7, seed=seed)
    y = np.array([row["y"] for row in rows])
    treated = np.array([row["treated"] for row in rows], dtype=float)
    post = np.array([row["post"] for row in rows], dtype=float)
    groups = np.array([int(row["cluster"][1:]) for row in rows])
    design = np.column_stack([np.ones(len(y)), treated, post, treated * post])
    fit = OLS(y, design).fit(cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)
    result = did(rows)
    assert result["did"] == pytest.approx(fit.params[3])
    assert result["se"] == pytest.approx(fit.bse[3])
    assert result["t"] == pytest.approx(fit.tvalues[3])
    assert result["p"] == pytest.approx(fit.pvalues[3])
    assert [result["ci_low"], result["ci_high"]] == pytest.approx(list(fit.conf_int()[3]))


def test_the_standard_error_has_the_small_sample_factor_and_g_minus_1_df():
    """The cluster sandwich written out, independently of statsmodels."""
    rows = kube_rows(5, seed=4)
    y = np.array([row["y"] for row in rows])
    treated = np.array([row["treated"] for row in rows], dtype=float)
    post = np.array([row["post"] for row in rows], dtype=float)
    x = np.column_stack([np.ones(len(y)), treated, post, treated * post])
    bread = np.linalg.inv(x.T @ x)
    residuals = y - x @ (bread @ x.T @ y)
    meat = np.zeros((4, 4))
    for cluster in {row["cluster"] for row in rows}:
        members = np.array([row["cluster"] == cluster for row in rows])
        score = x[members].T @ residuals[members]
        meat += np.outer(score, score)
    g, n, k = 5, len(y), 4
    covariance = (g / (g - 1)) * ((n - 1) / (n - k)) * bread @ meat @ bread
    result = did(rows)
    assert result["se"] == pytest.approx(np.sqrt(covariance[3, 3]))
    assert result["df"] == g - 1
    half_width = stats.t.ppf(0.975, g - 1) * result["se"]
    assert result["ci_high"] - result["ci_low"] == pytest.approx(2 * half_width)


@pytest.mark.parametrize("clusters", [1, 2])
def test_fewer_than_3_clusters_leave_the_inference_undefined(clusters):
    rows = kube_rows(clusters, units_per_cluster=2)
    if clusters == 1:  # one mentor cannot be in both arms: give the second KUBE's rows to the control arm
        rows = [{**row, "treated": int(row["unit"] == "K00")} for row in rows]
    result = did(rows)
    assert result["n_clusters"] == clusters
    assert result["did"] is not None
    for key in INFERENCE:
        assert result[key] is None, key


def test_3_clusters_are_enough():
    result = did(kube_rows(3, seed=2))
    assert result["n_clusters"] == 3
    assert result["df"] == 2
    assert all(result[key] is not None for key in INFERENCE)


def test_an_arm_missing_a_period_leaves_every_figure_but_the_counts_undefined():
    rows = [row for row in kube_rows(6) if not (row["treated"] == 0 and row["post"] == 1)]
    result = did(rows)
    assert result == {
        "did": None,
        "se": None,
        "t": None,
        "df": None,
        "p": None,
        "ci_low": None,
        "ci_high": None,
        "n_obs": 18,
        "n_clusters": 6,
    }
    assert did([])["n_obs"] == 0
    assert did([])["did"] is None


def test_one_row_per_arm_and_period_has_no_standard_error():
    cells = [(0, 0), (0, 1), (1, 0), (1, 1)]
    rows = [
        {"unit": f"K{i}", "cluster": f"M{i}", "treated": t, "post": p, "y": 1.5 * i} for i, (t, p) in enumerate(cells)
    ]
    result = did(rows)  # four mentors, but N = K = 4: no residual degrees of freedom
    assert result["did"] == pytest.approx(0.0)
    assert (result["n_obs"], result["n_clusters"]) == (4, 4)
    for key in INFERENCE:
        assert result[key] is None, key
    assert did_notes(result)[0].startswith("One record per arm and period")


def test_a_perfect_fit_has_se_0_and_no_t():
    rows = [{**row, "y": 1.1 + 0.7 * row["treated"] + 0.2 * row["post"]} for row in kube_rows(4)]
    result = did(rows)
    assert result["did"] == pytest.approx(0.0, abs=1e-9)
    assert result["se"] == 0.0
    for key in ("t", "p", "ci_low", "ci_high"):
        assert result[key] is None, key


def test_did_rejects_a_non_binary_indicator():
    rows = kube_rows(4)
    rows[0]["treated"] = 2
    with pytest.raises(ValueError, match="0 or 1"):
        did(rows)


def test_survival_counts_a_kube_censored_at_an_event_time_as_at_risk():
    result = survival([2, 4, 4, 6], [1, 1, 0, 1], at=(4, 6))
    # At 4: three KUBE at risk (the one censored at 4 too), one closes: S = 3/4 * 2/3.
    assert result == {"n": 4, "events": 3, "at_4": pytest.approx(0.5), "at_6": pytest.approx(0.0)}


def test_survival_treats_times_equal_within_1e_9_as_one_time():
    result = survival([2, 4 + 1e-12, 4, 6], [1, 1, 0, 1], at=(4,))
    assert result["at_4"] == pytest.approx(0.5)


def test_survival_beyond_the_longest_follow_up_is_none():
    result = survival([3, 5, 12, 20], [1, 0, 0, 1])
    assert result["at_6"] == pytest.approx(0.75)
    assert result["at_12"] == pytest.approx(0.75)
    assert result["at_24"] is None  # followed for 20 months at most
    assert survival([3, 5, 24], [0, 1, 0])["at_24"] == pytest.approx(0.5)  # 24 itself is followed


def test_survival_without_closures_is_1_and_without_kube_none():
    assert survival([7, 13, 30], [0, 0, 0]) == {"n": 3, "events": 0, "at_6": 1.0, "at_12": 1.0, "at_24": 1.0}
    assert survival([], []) == {"n": 0, "events": 0, "at_6": None, "at_12": None, "at_24": None}


@pytest.mark.parametrize("seed", range(4))
def test_survival_matches_statsmodels(seed):
    rng = np.random.default_rng(seed)
    months = rng.integers(1, 36, size=40).astype(float)  # whole months: many ties
    closed = rng.integers(0, 2, size=40).astype(float)
    curve = SurvfuncRight(months, closed)
    result = survival(months, closed, at=(1, 6, 12, 24, 35))
    for x in (1, 6, 12, 24, 35):
        if x > months.max():
            assert result[f"at_{x}"] is None
            continue
        expected = np.prod(1 - curve.n_events[curve.surv_times <= x] / curve.n_risk[curve.surv_times <= x])
        assert result[f"at_{x}"] == pytest.approx(expected)


def test_survival_rejects_malformed_input():
    with pytest.raises(ValueError, match="0 or 1"):
        survival([3, 4], [1, 2])
    with pytest.raises(ValueError, match="negative"):
        survival([-1, 4], [1, 0])
    with pytest.raises(ValueError, match="paired"):
        survival([3, 4], [1])


def test_did_notes_say_why_figures_are_missing():
    assert did_notes(did(kube_rows(6))) == []
    assert did_notes(did([])) == ["No field records to compare."]
    incomplete = did([row for row in kube_rows(6) if row["post"] == 0 or row["treated"] == 1])
    assert did_notes(incomplete)[0].startswith("An arm has no records in one of the two periods")
    assert did_notes(did(kube_rows(2)))[0].startswith("Fewer than 3 mentors (clusters)")
    perfect = did([{**row, "y": 1.0 + row["post"]} for row in kube_rows(4)])
    assert did_notes(perfect)[0].startswith("The model fits every record exactly")


def test_survival_notes_name_the_months_beyond_the_follow_up():
    assert survival_notes(survival([3, 30], [1, 0])) == []
    assert survival_notes(survival([], [])) == ["No KUBE to follow."]
    assert survival_notes(survival([3, 8], [1, 0], at=(1, 6, 12, 24))) == [
        "No KUBE was followed for 12 months: the share still active then is unknown.",
        "No KUBE was followed for 24 months: the share still active then is unknown.",
    ]
