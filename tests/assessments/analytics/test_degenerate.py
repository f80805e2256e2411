"""Degenerate data: every undefined figure is None (never NaN, infinity or an exception) and has a reason."""

import json

import pytest
from django.utils import translation

from assessments.analytics import (
    category_shift,
    category_shift_notes,
    compare_groups,
    compare_groups_notes,
    item_analysis,
    item_analysis_notes,
    pair_totals,
    prepost,
    prepost_notes,
    unpaired_notes,
)

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def plain(result):
    """The result itself, after checking it holds plain Python values only (no NaN, infinity or numpy types)."""
    json.dumps(result, allow_nan=False)
    stack = [result]
    while stack:
        value = stack.pop()
        assert type(value) in (dict, list, str, int, float, type(None)), f"{type(value).__name__}: {value!r}"
        stack.extend(value.values() if isinstance(value, dict) else value if isinstance(value, list) else [])
    return result


def test_prepost_with_one_trainee():
    result = plain(prepost([3], [5], max_score=8, pass_mark=5))
    assert result["n"] == 1
    assert result["mean_gain"] == 2.0
    for key in ("sd_pre", "sd_post", "sd_gain", "t", "t_df", "t_p", "d_z"):
        assert result[key] is None, key
    assert any(note.startswith("n < 2") for note in prepost_notes(result))


def test_prepost_with_nobody_paired():
    result = plain(prepost([], [], max_score=8, pass_mark=5))
    assert result["n"] == 0
    assert result["mean_pre"] is None
    assert result["g_class"] is None
    assert result["wilcoxon_w"] is None
    assert prepost_notes(result) == ["No trainee has both a counted pre-test and a counted post-test."]


def test_prepost_with_everybody_gaining_the_same():
    result = plain(prepost([1, 2, 3], [2, 3, 4], max_score=8, pass_mark=5))
    assert result["sd_gain"] == 0
    assert result["t"] is None
    assert result["d_z"] is None
    assert result["wilcoxon_n"] == 3  # the differences are not zero, so Wilcoxon stands
    assert result["wilcoxon_w"] == 0.0
    assert "Every trainee gained the same (zero variance): the paired t-test and d_z are undefined." in prepost_notes(
        result
    )


def test_prepost_with_every_difference_zero():
    result = plain(prepost([1, 4, 6], [1, 4, 6], max_score=8, pass_mark=5))
    assert result["wilcoxon_w"] is None
    assert result["wilcoxon_p"] is None
    assert result["wilcoxon_n"] == 0
    assert result["t"] is None
    assert "Every difference is zero: the Wilcoxon signed-rank test is undefined." in prepost_notes(result)


def test_mcnemar_when_nobody_changes_between_failing_and_passing():
    result = plain(prepost([1, 6, 6], [2, 7, 5], max_score=8, pass_mark=5))
    assert result["mcnemar"] == {"b": 0, "c": 0, "exact_p": 1.0, "chi2_corrected": 0.0, "p_corrected": 1.0}
    assert any("b + c = 0" in note for note in prepost_notes(result))


def test_normalised_gain_when_the_class_starts_at_the_maximum():
    result = plain(prepost([8, 8], [8, 7], max_score=8, pass_mark=5))
    assert result["g_class"] is None
    assert result["g_individual_mean"] is None
    assert result["g_individual_excluded"] == 2
    notes = prepost_notes(result)
    assert "The class mean pre-test score is the maximum: the class normalised gain is undefined." in notes
    assert "2 trainees scored the maximum on the pre-test and are left out of the mean individual gain." in notes


def test_unpaired_trainees_are_reported_not_dropped():
    pairing = pair_totals({"ani": 3, "budi": 4, "citra": 5}, {"budi": 6, "ani": 5, "dewi": 2})
    assert (pairing.pre, pairing.post) == ([3, 4], [5, 6])
    assert (pairing.pre_only, pairing.post_only) == (["citra"], ["dewi"])
    assert unpaired_notes(pairing) == [
        "1 trainee took only the pre-test (unpaired).",
        "1 trainee took only the post-test (unpaired).",
    ]
    with pytest.raises(ValueError, match="paired"):
        prepost([3, 4, 5], [5, 6], max_score=8, pass_mark=5)


def test_item_analysis_with_one_attempt():
    result = plain(item_analysis([[1, 0, 1]], [1, 1, 1]))
    assert result["test"]["n"] == 1
    assert result["test"]["sd"] is None
    assert result["test"]["cic"] is None
    assert [item["facility"] for item in result["items"]] == [100.0, 0.0, 100.0]
    assert all(item["discrimination_index"] is None for item in result["items"])
    assert item_analysis_notes(result) == [
        "Only one attempt: spreads, effective weights and discrimination need at least two."
    ]


def test_item_analysis_with_all_equal_scores():
    result = plain(item_analysis([[1, 0]] * 5, [1, 1]))
    test = result["test"]
    assert test["sd"] == 0
    for key in ("skewness", "kurtosis", "cic", "error_ratio", "standard_error"):
        assert test[key] is None, key
    for item in result["items"]:
        assert item["sd"] == 0
        assert item["effective_weight"] is None
        assert item["discrimination_index"] is None
        assert item["discriminative_efficiency"] is None
    notes = item_analysis_notes(result)
    assert notes[0].startswith("Every attempt has the same total (zero variance)")
    assert notes[1].startswith("Item 1: every attempt has the same mark on it (zero variance)")


def test_item_analysis_flags_negative_covariance():
    scores = [[1, 1, 0], [1, 1, 0], [0, 0, 1], [0, 0, 1], [1, 1, 0]]  # item 3 runs against the rest
    result = plain(item_analysis(scores, [1, 1, 1]))
    assert result["items"][2]["effective_weight"] is None
    assert result["items"][0]["effective_weight"] is not None
    assert "Item 3: negative covariance with the total: no effective weight." in item_analysis_notes(result)


def test_a_zero_row_in_the_two_by_two_table():
    result = plain(compare_groups([4, 5], [6, 4], [], [], max_score=8, pass_mark=5))
    assert result["table"] == [[1, 1], [0, 0]]
    for key in ("chi2", "chi2_p", "chi2_df", "chi2_yates", "chi2_yates_p", "min_expected", "fisher_odds_ratio"):
        assert result[key] is None, key
    assert result["fisher_p"] == 1.0
    assert result["gain_diff"] is None
    assert result["welch_t"] is None
    assert compare_groups_notes(result) == [
        "The control group has no post-test scores: the chi-square test is undefined.",
        "The odds ratio is undefined (0/0): not shown.",
        "A group has no paired trainees: the gains cannot be compared.",
    ]


def test_a_zero_column_in_the_two_by_two_table():
    result = plain(compare_groups([1, 2], [2, 4], [1, 3, 2], [1, 2, 4], max_score=8, pass_mark=5))
    assert result["table"] == [[0, 2], [0, 3]]
    assert result["chi2"] is None
    assert "Nobody passed the post-test (a zero column): the chi-square test is undefined." in compare_groups_notes(
        result
    )


def test_small_expected_counts_lead_with_fisher():
    result = plain(compare_groups([3, 3, 4, 5], [6, 4, 6, 5], [1, 1, 2, 3], [1, 6, 0, 2], max_score=8, pass_mark=5))
    assert result["min_expected"] < 5
    assert result["chi2"] is not None
    assert compare_groups_notes(result)[0] == "Expected count below 5: Fisher's exact test shown."


def test_an_infinite_odds_ratio_is_none():
    result = plain(compare_groups([2, 3, 4], [6, 6, 7], [1, 2, 3, 2], [2, 3, 4, 4], max_score=8, pass_mark=5))
    assert result["table"] == [[3, 0], [0, 4]]
    assert result["fisher_odds_ratio"] is None
    assert 0 < result["fisher_p"] < 0.05
    assert result["chi2"] is not None
    assert "The odds ratio is infinite (a zero cell in the table): not shown." in compare_groups_notes(result)


def test_gains_that_vary_in_neither_group():
    result = plain(compare_groups([1, 1, 1], [6, 6, 6], [2, 2, 2, 2], [3, 3, 3, 3], max_score=8, pass_mark=5))
    assert result["gain_diff"] == 4.0
    assert result["welch_t"] is None
    assert result["welch_p"] is None
    assert result["cohen_d"] is None
    assert any("zero variance" in note for note in compare_groups_notes(result))


def test_a_group_of_one():
    result = plain(compare_groups([1], [6], [2, 3], [3, 5], max_score=8, pass_mark=5))
    assert result["gain_diff"] == 3.5
    assert result["welch_t"] is None
    assert result["cohen_d"] is None
    assert "n < 2 in a group: Welch's t-test and Cohen's d are undefined." in compare_groups_notes(result)


def test_category_shift_with_fewer_than_two_categories():
    result = plain(category_shift({"benar": 4, "salah": 0}, {"benar": 7}))
    assert result == {"categories": ["benar"], "chi2": None, "p": None, "df": None, "min_expected": None}
    assert category_shift_notes(result) == [
        "Fewer than two answer categories were chosen: the chi-square test is undefined."
    ]


def test_category_shift_with_an_empty_row():
    result = plain(category_shift({}, {"3": 2, "1": 5}))
    assert result["categories"] == ["1", "3"]
    assert result["chi2"] is None
    assert category_shift_notes(result) == [
        "No answers were counted before or after: the chi-square test is undefined."
    ]


def test_category_shift_drops_unchosen_categories_and_warns_on_small_counts():
    result = plain(category_shift({"1": 2, "2": 1, "5": 0}, {"1": 1, "2": 3, "5": 0}))
    assert result["categories"] == ["1", "2"]
    assert result["df"] == 1
    assert category_shift_notes(result) == ["Expected count below 5: the chi-square approximation may be unreliable."]
