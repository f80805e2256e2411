"""How each kind of question earns its mark (the rules the question editor's help describes)."""

from decimal import Decimal

import pytest

from assessments.constants import QuestionKind
from assessments.scoring import mark_answer, normalise_text_answer, percent_of, total

from .factories import make_question

pytestmark = pytest.mark.django_db


def ids(question, *texts):
    return [c.pk for c in question.choices.all() if c.text in texts]


def test_single_choice_earns_the_share_of_the_chosen_answer():
    question = make_question(QuestionKind.SINGLE, mark=2)
    assert mark_answer(question, ids(question, "Pendamping sosial"), Decimal(2)) == Decimal(2)
    assert mark_answer(question, ids(question, "Camat"), Decimal(2)) == 0
    assert mark_answer(question, None, Decimal(2)) == 0


def test_multiple_response_gives_partial_credit_and_penalties_but_never_below_zero():
    question = make_question(QuestionKind.MULTIPLE, mark=2)
    assert mark_answer(question, ids(question, "Mencatat kas", "Menyusun rencana usaha"), Decimal(2)) == 2
    assert mark_answer(question, ids(question, "Mencatat kas"), Decimal(2)) == 1
    # ticking everything: 50 + 50 - 100 = 0
    everything = ids(question, "Mencatat kas", "Menyusun rencana usaha", "Membagi hibah untuk pribadi")
    assert mark_answer(question, everything, Decimal(2)) == 0
    assert mark_answer(question, ids(question, "Membagi hibah untuk pribadi"), Decimal(2)) == 0


def test_short_answer_ignores_case_spaces_and_punctuation():
    question = make_question(QuestionKind.SHORT_ANSWER)
    assert mark_answer(question, "  iuran   Kesetiakawanan, sosial. ", Decimal(1)) == 1
    assert mark_answer(question, "i.k.s", Decimal(1)) == 0  # the letters must still form the word
    assert mark_answer(question, "IKS!", Decimal(1)) == 1
    assert mark_answer(question, "arisan", Decimal(1)) == 0
    assert normalise_text_answer("Kelompok  Usaha—Bersama!") == "kelompok usaha bersama"


def test_likert_levels_score_in_quarters_and_reverse_keyed_items_score_the_other_way():
    plain = make_question(QuestionKind.LIKERT, mark=4)
    reverse = make_question(QuestionKind.LIKERT, mark=4, likert_reverse=True)
    assert [mark_answer(plain, level, Decimal(4)) for level in range(1, 6)] == [0, 1, 2, 3, 4]
    assert [mark_answer(reverse, level, Decimal(4)) for level in range(1, 6)] == [4, 3, 2, 1, 0]


def test_unscored_likert_items_are_worth_nothing():
    survey_item = make_question(QuestionKind.LIKERT, likert_scored=False)
    assert survey_item.max_mark == 0
    assert mark_answer(survey_item, 5, survey_item.max_mark) == 0


def test_essays_wait_for_a_grader_unless_left_empty():
    essay = make_question(QuestionKind.ESSAY, mark=5)
    assert mark_answer(essay, "Saya akan mengajak anggota berdiskusi.", Decimal(5)) is None
    assert mark_answer(essay, "   ", Decimal(5)) == 0
    assert total([Decimal(1), None]) is None
    assert total([Decimal(1), Decimal("0.5")]) == Decimal("1.5")
    assert percent_of(Decimal(3), Decimal(4)) == Decimal("75.00")
    assert percent_of(Decimal(0), Decimal(0)) is None
