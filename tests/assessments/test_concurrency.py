"""On PostgreSQL: answers saved while two submits race leave exactly one submission that holds them,
and devices racing to change one answer from the same version leave one answer stored and acknowledged."""

import threading

import pytest
from django.db import connection

from assessments.constants import FINISHED_STATES, QuestionKind
from assessments.models import Attempt
from assessments.services import (
    AttemptClosed,
    GivenAnswer,
    SaveOutcome,
    attempt_save_answers,
    attempt_start,
    attempt_submit,
)

from ..courses.factories import CohortFactory, EnrollmentFactory
from ..people.factories import TraineeFactory
from .factories import make_question, make_quiz

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
QUESTIONS = 50


@pytest.fixture
def open_attempt(course, regions):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are tested on PostgreSQL (bin/test runs the suite there too).")
    cohort = CohortFactory(course=course, region=regions["35"])
    trainee = TraineeFactory(home_region=regions["35.78"])
    EnrollmentFactory(cohort=cohort, trainee=trainee)
    questions = [make_question(QuestionKind.SINGLE, text=f"Soal {n}") for n in range(QUESTIONS)]
    attempt = attempt_start(quiz=make_quiz(course, questions), trainee=trainee)
    answers = [GivenAnswer(q.pk, [q.choices.get(percent=100).pk]) for q in questions]
    return attempt, trainee, answers


def race(jobs):
    start = threading.Barrier(len(jobs))
    outcomes = []

    def run(job):
        try:
            start.wait()
            outcomes.append(job())
        except AttemptClosed:
            outcomes.append("closed")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_fifty_autosaves_and_two_submits_with_the_form_leave_one_submission_with_every_answer(open_attempt):
    attempt, trainee, answers = open_attempt
    saves = [
        (lambda given=given: attempt_save_answers(attempt_id=attempt.pk, trainee=trainee, answers=[given]))
        for given in answers
    ]
    submits = [lambda: attempt_submit(attempt_id=attempt.pk, trainee=trainee, answers=answers)] * 2

    outcomes = race(saves + submits)

    assert len(outcomes) == QUESTIONS + 2
    finished = Attempt.objects.filter(trainee=trainee, state__in=FINISHED_STATES)
    assert finished.count() == 1 and not Attempt.objects.filter(trainee=trainee, state="in_progress").exists()
    attempt.refresh_from_db()
    assert attempt.score == QUESTIONS  # every answer is in, and each was marked right
    assert all(row.response is not None for row in attempt.answers.all())


def test_autosaves_racing_a_bare_submit_are_either_in_the_submission_or_told_they_are_not(open_attempt):
    attempt, trainee, answers = open_attempt
    saves = [
        (lambda given=given: attempt_save_answers(attempt_id=attempt.pk, trainee=trainee, answers=[given]))
        for given in answers
    ]
    submits = [lambda: attempt_submit(attempt_id=attempt.pk, trainee=trainee)] * 2

    outcomes = race(saves + submits)

    saved = {question_id for outcome in outcomes if isinstance(outcome, SaveOutcome) for question_id in outcome.saved}
    refused = outcomes.count("closed")
    assert len(saved) + refused == QUESTIONS
    assert Attempt.objects.filter(trainee=trainee, state__in=FINISHED_STATES).count() == 1
    answered = set(attempt.answers.filter(response__isnull=False).values_list("question_id", flat=True))
    assert answered == saved  # nothing acknowledged was lost, nothing refused slipped in


def test_devices_changing_one_answer_from_the_same_version_leave_one_stored_and_the_others_told(course, regions):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are tested on PostgreSQL (bin/test runs the suite there too).")
    cohort = CohortFactory(course=course, region=regions["35"])
    trainee = TraineeFactory(home_region=regions["35.78"])
    EnrollmentFactory(cohort=cohort, trainee=trainee)
    question = make_question(QuestionKind.SHORT_ANSWER)
    attempt = attempt_start(quiz=make_quiz(course, [question]), trainee=trainee)
    devices = 10
    saves = [
        (
            lambda n=n: attempt_save_answers(
                attempt_id=attempt.pk, trainee=trainee, answers=[GivenAnswer(question.pk, f"jawaban {n}", base=0)]
            )
        )
        for n in range(devices)
    ]

    outcomes = race(saves)

    winners = [outcome for outcome in outcomes if outcome.saved]
    assert len(outcomes) == devices and len(winners) == 1
    row = attempt.answers.get(question=question)
    assert winners[0].saved == {question.pk: row.saved_seq}
    losers = [lost for outcome in outcomes for lost in outcome.lost]
    assert len(losers) == devices - 1
    assert all((lost.seq, lost.response) == (row.saved_seq, row.response) for lost in losers)
