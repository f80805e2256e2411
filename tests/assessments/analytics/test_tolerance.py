"""Constant means constant within 1e-9 (STATS.md): float rounding of decimal marks never fakes a variance,
a difference, a split tie or a missed pass mark."""

import numpy as np
import pytest
from scipy import stats

from assessments.analytics import compare_groups, item_analysis, prepost

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")

PRE = [0.1, 0.3, 0.7, 1.1, 1.3, 2.9, 3.7]
POST = [value + 0.2 for value in PRE]  # 0.2 for everyone, as floats: not all exactly 0.2


def test_the_fixture_gains_really_differ_in_the_last_bits():
    gains = np.subtract(POST, PRE)
    assert np.ptp(gains) > 0  # the data set tests something: exact equality would find a variance
    assert np.ptp(gains) < 1e-9
    with pytest.warns(RuntimeWarning, match="catastrophic cancellation"):
        naive = stats.ttest_rel(POST, PRE)
    assert abs(naive.statistic) > 1e9  # what the exact test for constancy led to


def test_gains_of_0_2_for_everyone_have_no_t_d_z_or_interval():
    result = prepost(PRE, POST, max_score=10, pass_mark=5)
    assert result["mean_gain"] == pytest.approx(0.2)
    assert result["sd_gain"] == 0.0
    for key in ("t", "t_df", "t_p", "d_z", "gain_ci_low", "gain_ci_high"):
        assert result[key] is None, key


def test_gains_of_0_2_for_everyone_are_one_tie_for_wilcoxon():
    result = prepost(PRE, POST, max_score=10, pass_mark=5)
    assert result["wilcoxon_n"] == len(PRE)
    assert result["wilcoxon_r"] == pytest.approx(1.0)
    # All |d| tied at mid-rank 4: only "all positive" or "all negative" reach the extremes, p = 2 / 2^7.
    assert result["wilcoxon_p_exact"] == pytest.approx(2 / 2**7)
    tied = stats.wilcoxon([0.2] * len(PRE), zero_method="wilcox", correction=False, method="approx")
    assert result["wilcoxon_p"] == pytest.approx(tied.pvalue)


def test_a_rounding_difference_is_no_difference():
    pre = [0.1 + 0.2, 0.3, 1.0]
    post = [0.3, 0.1 + 0.2, 1.0]  # differences of about +-5.6e-17 and 0
    assert np.any(np.subtract(post, pre) != 0)
    result = prepost(pre, post, max_score=10, pass_mark=5)
    assert result["wilcoxon_n"] == 0
    for key in ("wilcoxon_w", "wilcoxon_p", "wilcoxon_p_exact", "wilcoxon_r", "t"):
        assert result[key] is None, key


def test_a_total_a_rounding_below_the_pass_mark_passes():
    five = sum([0.1] * 50)  # fifty items of 0.1 marks: 4.999999999999998
    assert five < 5
    result = prepost([1.0, five, 6.0], [five, five, 1.0], max_score=10, pass_mark=5)
    assert result["mcnemar"]["b"] == 1  # trainee 1 failed, then passed; trainee 2 passed both times
    assert result["mcnemar"]["c"] == 1  # trainee 3 passed, then failed
    table = compare_groups([1.0, 1.0], [five, 4.0], [five], [1.0], max_score=10, pass_mark=5)
    assert table["table"] == [[1, 1], [0, 1]]
    assert table["baseline_fisher_p"] == pytest.approx(stats.fisher_exact([[0, 2], [1, 0]]).pvalue)


def test_a_pre_test_a_rounding_below_the_maximum_is_the_maximum():
    maximum = sum([0.1] * 10)  # 0.9999999999999999
    result = prepost([maximum, 0.5], [1.0, 1.0], max_score=1, pass_mark=0.5)
    assert result["g_individual_excluded"] == 1
    assert result["g_individual_mean"] == pytest.approx(1.0)


def test_gains_constant_in_both_groups_leave_welch_and_the_effect_sizes_undefined():
    control_pre = [1.1, 2.3, 3.7]
    result = compare_groups(PRE, POST, control_pre, [v + 0.1 for v in control_pre], max_score=10, pass_mark=5)
    assert result["gain_diff"] == pytest.approx(0.1)
    for key in ("welch_t", "welch_p", "cohen_d", "hedges_g"):
        assert result[key] is None, key


def test_pre_tests_constant_within_1e_9_leave_the_baseline_and_morris_undefined():
    same = [0.3, 0.1 + 0.2, 0.3]  # 0.3 and 0.30000000000000004
    result = compare_groups(same, [1, 2, 3], same, [2, 1, 1], max_score=10, pass_mark=5)
    assert result["morris_dppc2"] is None
    assert result["baseline_d"] is None
    assert result["cohen_d"] is not None


def test_an_item_a_rounding_away_from_constant_has_no_discrimination():
    scores = [[0.1 + 0.2, 1], [0.3, 0], [0.3, 1], [0.3, 0]]
    item = item_analysis(scores, [1, 1])["items"][0]
    assert item["sd"] == 0.0
    assert item["discrimination_index"] is None
    assert item["discriminative_efficiency"] is None
