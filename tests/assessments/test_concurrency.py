"""On PostgreSQL: answers saved while two submits race leave exactly one submission that holds them."""

import threading

import pytest
from django.db import connection

from assessments.constants import FINISHED_STATES, QuestionKind
from assessments.models import Attempt
from assessments.services import AttemptClosed, GivenAnswer, attempt_save_answers, attempt_start, attempt_submit

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
    answers = [GivenAnswer(q.pk, [q.choices.get(percent=100).pk], seq=1000 + n) for n, q in enumerate(questions)]
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

    saved = {question_id for outcome in outcomes if isinstance(outcome, list) for question_id in outcome}
    refused = outcomes.count("closed")
    assert len(saved) + refused == QUESTIONS
    assert Attempt.objects.filter(trainee=trainee, state__in=FINISHED_STATES).count() == 1
    answered = set(attempt.answers.filter(response__isnull=False).values_list("question_id", flat=True))
    assert answered == saved  # nothing acknowledged was lost, nothing refused slipped in
