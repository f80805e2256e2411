"""Version 2 figures of `prepost` and `compare_groups` (STATS.md, "More figures in ..."), checked against their
definitions written out, and when each is None."""

import math

import numpy as np
import pytest
from scipy import stats

from assessments.analytics import compare_groups, prepost

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")

T_PRE, T_POST = [3, 4, 2, 5, 3, 4], [6, 7, 4, 6, 5, 8]
C_PRE, C_POST = [2, 3, 3, 5, 1], [3, 3, 4, 5, 3]


def pooled(a, b) -> float:
    return math.sqrt(((len(a) - 1) * np.var(a, ddof=1) + (len(b) - 1) * np.var(b, ddof=1)) / (len(a) + len(b) - 2))


def test_the_gain_interval_is_the_paired_t_interval():
    result = prepost(T_PRE, T_POST, max_score=8, pass_mark=5)
    interval = stats.ttest_rel(T_POST, T_PRE).confidence_interval(0.95)
    assert result["gain_ci_low"] == pytest.approx(interval.low)
    assert result["gain_ci_high"] == pytest.approx(interval.high)
    assert result["gain_ci_low"] < result["mean_gain"] < result["gain_ci_high"]


def test_the_gain_interval_is_none_with_t():
    one = prepost([3], [5], max_score=8, pass_mark=5)
    assert one["gain_ci_low"] is None
    assert one["gain_ci_high"] is None


def test_hedges_g_corrects_cohens_d():
    result = compare_groups(T_PRE, T_POST, C_PRE, C_POST, max_score=8, pass_mark=5)
    gains_t, gains_c = np.subtract(T_POST, T_PRE), np.subtract(C_POST, C_PRE)
    cohen_d = (gains_t.mean() - gains_c.mean()) / pooled(gains_t, gains_c)
    assert result["cohen_d"] == pytest.approx(cohen_d)
    assert result["hedges_g"] == pytest.approx(cohen_d * (1 - 3 / (4 * 11 - 9)))


def test_morris_dppc2_standardises_by_the_pooled_pre_test_sd():
    result = compare_groups(T_PRE, T_POST, C_PRE, C_POST, max_score=8, pass_mark=5)
    change = (np.mean(T_POST) - np.mean(T_PRE)) - (np.mean(C_POST) - np.mean(C_PRE))
    c_p = 1 - 3 / (4 * (6 + 5 - 2) - 1)
    assert result["morris_dppc2"] == pytest.approx(c_p * change / pooled(T_PRE, C_PRE))


def test_morris_dppc2_is_none_when_the_pre_test_does_not_vary():
    result = compare_groups([3, 3, 3], [4, 6, 5], [3, 3], [3, 4], max_score=8, pass_mark=5)
    assert result["morris_dppc2"] is None
    assert result["baseline_d"] is None
    assert result["cohen_d"] is not None  # the gains do vary


def test_baseline_d_is_treatment_minus_control_on_the_pre_test():
    result = compare_groups(T_PRE, T_POST, C_PRE, C_POST, max_score=8, pass_mark=5)
    assert result["baseline_d"] == pytest.approx((np.mean(T_PRE) - np.mean(C_PRE)) / pooled(T_PRE, C_PRE))
    swapped = compare_groups(C_PRE, C_POST, T_PRE, T_POST, max_score=8, pass_mark=5)
    assert swapped["baseline_d"] == pytest.approx(-result["baseline_d"])


def test_baseline_fisher_p_is_on_the_pre_test_pass_table():
    # Before: the treatment group all failed, the control group all passed; after, everybody passed.
    result = compare_groups([1, 2, 3, 1], [6, 7, 6, 8], [5, 6, 7, 8], [6, 7, 8, 8], max_score=8, pass_mark=5)
    assert result["table"] == [[4, 0], [4, 0]]
    assert result["fisher_p"] == pytest.approx(1.0)
    assert result["baseline_fisher_p"] == pytest.approx(stats.fisher_exact([[0, 4], [4, 0]]).pvalue)
    assert result["baseline_fisher_p"] < 0.05


def test_a_group_of_one_leaves_the_pooled_effect_sizes_undefined():
    result = compare_groups([1], [6], [2, 3], [3, 5], max_score=8, pass_mark=5)
    for key in ("cohen_d", "hedges_g", "morris_dppc2", "baseline_d"):
        assert result[key] is None, key
    assert result["baseline_fisher_p"] == pytest.approx(1.0)


def test_an_empty_group_keeps_baseline_fisher_p_defined():
    result = compare_groups([4, 5], [6, 4], [], [], max_score=8, pass_mark=5)
    assert result["baseline_d"] is None
    assert result["morris_dppc2"] is None
    assert result["baseline_fisher_p"] == 1.0
