"""Which attempt counts (STATS.md, "Which attempt counts"), as Moodle's quiz statistics choose it."""

import pytest

from assessments.analytics import select_counted


def attempt(trainee, number, score, *, finished=True) -> dict:
    return {"trainee": trainee, "number": number, "finished": finished, "score": score}


ATTEMPTS = [
    attempt("budi", 1, 4.0),
    attempt("budi", 2, 7.0),
    attempt("budi", 3, 5.0),
    attempt("ani", 2, 3.0),  # numbers need not arrive in order
    attempt("ani", 1, 6.0),
]


@pytest.mark.parametrize(
    ("method", "selected"),
    [
        ("first", [["ani", 1], ["budi", 1]]),
        ("last", [["ani", 2], ["budi", 3]]),
        ("best", [["ani", 1], ["budi", 2]]),
    ],
)
def test_first_last_and_best(method, selected):
    assert select_counted(ATTEMPTS, method) == {"selected": selected, "awaiting_grading": []}


def test_a_chosen_attempt_awaiting_grading_is_listed_and_not_replaced():
    attempts = [attempt("citra", 1, None), attempt("citra", 2, 8.0), attempt("ani", 1, 5.0)]
    assert select_counted(attempts, "first") == {"selected": [["ani", 1]], "awaiting_grading": ["citra"]}
    # The graded second attempt counts when it is the chosen one.
    assert select_counted(attempts, "last") == {"selected": [["ani", 1], ["citra", 2]], "awaiting_grading": []}


def test_the_last_attempt_awaiting_grading_is_not_replaced_by_an_earlier_one():
    attempts = [attempt("dewi", 1, 9.0), attempt("dewi", 2, None)]
    assert select_counted(attempts, "last") == {"selected": [], "awaiting_grading": ["dewi"]}


def test_unfinished_attempts_take_no_part():
    attempts = [
        attempt("eko", 1, None, finished=False),
        attempt("eko", 2, 3.0),
        attempt("eko", 3, 9.0, finished=False),
        attempt("fajar", 1, None, finished=False),  # nothing finished: in neither list
    ]
    for method in ("first", "last", "best"):
        assert select_counted(attempts, method) == {"selected": [["eko", 2]], "awaiting_grading": []}, method


def test_a_tie_for_best_goes_to_the_lowest_number():
    attempts = [attempt("gita", 3, 6.0), attempt("gita", 2, 6.0), attempt("gita", 1, 2.0)]
    assert select_counted(attempts, "best")["selected"] == [["gita", 2]]


def test_a_tie_within_1e_9_is_a_tie():
    attempts = [attempt("gita", 1, 0.1 + 0.2), attempt("gita", 2, 0.3)]  # 0.30000000000000004 and 0.3
    assert select_counted(attempts, "best")["selected"] == [["gita", 1]]


def test_an_attempt_awaiting_grading_counts_as_0_for_best():
    graded_higher = [attempt("hadi", 1, None), attempt("hadi", 2, 1.0)]
    assert select_counted(graded_higher, "best") == {"selected": [["hadi", 2]], "awaiting_grading": []}
    # A graded 0 ties with the ungraded first attempt, which is lower: the trainee awaits grading.
    graded_zero = [attempt("hadi", 1, None), attempt("hadi", 2, 0.0)]
    assert select_counted(graded_zero, "best") == {"selected": [], "awaiting_grading": ["hadi"]}
    # An ungraded attempt beats a negative score (0 > -1) and so awaits grading.
    negative = [attempt("hadi", 1, -1.0), attempt("hadi", 2, None)]
    assert select_counted(negative, "best") == {"selected": [], "awaiting_grading": ["hadi"]}


def test_both_lists_are_sorted_by_trainee():
    attempts = [attempt(trainee, 1, score) for trainee, score in ((30, 1.0), (4, None), (12, 2.0), (1, None))]
    assert select_counted(attempts, "first") == {"selected": [[12, 1], [30, 1]], "awaiting_grading": [1, 4]}


def test_no_attempts():
    assert select_counted([], "best") == {"selected": [], "awaiting_grading": []}


def test_malformed_input_raises():
    with pytest.raises(ValueError, match="method"):
        select_counted(ATTEMPTS, "average")
    with pytest.raises(ValueError, match="numbered"):
        select_counted([attempt("ani", 1, 2.0), attempt("ani", 1, 3.0)], "first")
    with pytest.raises(ValueError, match="finite"):
        select_counted([attempt("ani", 1, float("nan"))], "best")
