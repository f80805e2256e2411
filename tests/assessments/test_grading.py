"""Essays wait in a per-cohort queue; graders' marks and regrades are kept in the audit trail."""

from decimal import Decimal

import pytest
from django.urls import reverse

from assessments.constants import AttemptState, QuestionKind, RegradeState, ScoreChangeReason
from assessments.models import Choice, RegradeRun, ScoreChange
from assessments.services import GivenAnswer, attempt_save_answers, attempt_start, attempt_submit

from ..courses.factories import CohortFactory, EnrollmentFactory
from ..people.factories import TraineeFactory, TrainerFactory
from .conftest import _with_totp
from .factories import make_question, make_quiz

pytestmark = pytest.mark.django_db

ESSAY_TEXT = "Saya mengajak anggota menyusun aturan kelompok bersama."


@pytest.fixture
def essay_attempt(course, enrolled):
    essay = make_question(QuestionKind.ESSAY, mark=4, text="Bagaimana Anda menghadapi anggota yang jarang hadir?")
    single = make_question(QuestionKind.SINGLE)
    attempt = attempt_start(quiz=make_quiz(course, [single, essay], title="Tugas esai"), trainee=enrolled)
    right = [single.choices.get(percent=100).pk]
    given = [GivenAnswer(essay.pk, ESSAY_TEXT), GivenAnswer(single.pk, right)]
    attempt_save_answers(attempt_id=attempt.pk, trainee=enrolled, answers=given)
    return attempt_submit(attempt_id=attempt.pk, trainee=enrolled)


def test_an_essay_waits_for_grading_then_the_attempt_is_graded(client, trainer, cohort, essay_attempt):
    assert essay_attempt.state == AttemptState.SUBMITTED and essay_attempt.score is None
    client.force_login(trainer)
    queue = client.get(reverse("assessments:grading_queue", kwargs={"cohort_id": cohort.pk}))
    answer = essay_attempt.answers.get(question__kind=QuestionKind.ESSAY)
    assert reverse("assessments:grade_answer", kwargs={"answer_id": answer.pk}) in queue.content.decode()

    url = reverse("assessments:grade_answer", kwargs={"answer_id": answer.pk})
    assert ESSAY_TEXT in client.get(url).content.decode()
    response = client.post(url, {"mark": "3,5", "comment": "Contoh yang baik."})
    assert response.status_code == 302

    essay_attempt.refresh_from_db()
    assert essay_attempt.state == AttemptState.GRADED
    assert essay_attempt.score == Decimal("4.5") and essay_attempt.max_score == 5
    change = ScoreChange.objects.get(answer=answer)
    assert (change.changed_by, change.old_mark, change.new_mark) == (trainer, None, Decimal("3.5"))
    assert change.reason == ScoreChangeReason.HAND_GRADED


def test_a_mark_out_of_range_is_refused_with_a_message_and_nothing_changes(client, trainer, essay_attempt):
    answer = essay_attempt.answers.get(question__kind=QuestionKind.ESSAY)
    client.force_login(trainer)
    url = reverse("assessments:grade_answer", kwargs={"answer_id": answer.pk})
    for bad in ("9", "abc", ""):
        response = client.post(url, {"mark": bad, "comment": "x"})
        assert response.status_code == 400
        assert 'role="alert"' in response.content.decode()
    answer.refresh_from_db()
    assert answer.mark is None and not ScoreChange.objects.exists()


def test_trainers_of_other_cohorts_and_trainees_cannot_grade(client, course, regions, essay_attempt):
    answer = essay_attempt.answers.get(question__kind=QuestionKind.ESSAY)
    other_trainer = _with_totp(TrainerFactory())
    CohortFactory(course=course, region=regions["63"], trainers=[other_trainer])
    client.force_login(other_trainer)
    url = reverse("assessments:grade_answer", kwargs={"answer_id": answer.pk})
    assert client.post(url, {"mark": "4"}).status_code == 404
    assert (
        client.get(reverse("assessments:grading_queue", kwargs={"cohort_id": essay_attempt.cohort_id})).status_code
        == 404
    )
    client.force_login(TraineeFactory(home_region=regions["35"]))
    assert client.post(url, {"mark": "4"}).status_code == 403
    answer.refresh_from_db()
    assert answer.mark is None


def test_regrading_after_an_answer_key_change_updates_scores_and_keeps_an_audit_trail(
    client, trainer, cohort, course, enrolled, django_capture_on_commit_callbacks
):
    question = make_question(QuestionKind.SINGLE)
    quiz = make_quiz(course, [question], pass_mark=50)
    attempt = attempt_start(quiz=quiz, trainee=enrolled)
    camat = question.choices.get(text="Camat")
    attempt_save_answers(attempt_id=attempt.pk, trainee=enrolled, answers=[GivenAnswer(question.pk, [camat.pk])])
    attempt = attempt_submit(attempt_id=attempt.pk, trainee=enrolled)
    assert attempt.score == 0 and attempt.passed is False

    Choice.objects.filter(pk=camat.pk).update(percent=100)  # the key was wrong: "Camat" is also right
    client.force_login(trainer)
    url = reverse("assessments:quiz_regrade", kwargs={"cohort_id": cohort.pk, "quiz_id": quiz.pk})
    assert "1" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        progress = client.post(url)
    assert client.get(progress["Location"]).status_code == 200

    attempt.refresh_from_db()
    assert attempt.score == 1 and attempt.passed is True
    change = ScoreChange.objects.get()
    assert (change.reason, change.changed_by, change.old_mark, change.new_mark) == (
        ScoreChangeReason.REGRADED,
        trainer,
        Decimal(0),
        Decimal(1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)  # nothing changed since: no new entry
    assert ScoreChange.objects.count() == 1
    run = RegradeRun.objects.order_by("pk").first()
    assert (run.state, run.attempts_done, run.marks_changed) == (RegradeState.DONE, 1, 1)


def test_a_regrade_changes_only_the_cohort_it_was_asked_for(
    client, trainer, cohort, course, enrolled, regions, django_capture_on_commit_callbacks
):
    """The probe's case: a trainer authorised for one cohort regraded the quiz in every cohort."""
    question = make_question(QuestionKind.SINGLE)
    quiz = make_quiz(course, [question], pass_mark=50)
    other_cohort = CohortFactory(course=course, region=regions["63"])
    elsewhere = TraineeFactory(home_region=regions["63.71"])
    EnrollmentFactory(cohort=other_cohort, trainee=elsewhere)
    camat = question.choices.get(text="Camat")
    attempts = {}
    for person in (enrolled, elsewhere):
        attempt = attempt_start(quiz=quiz, trainee=person)
        attempt_save_answers(attempt_id=attempt.pk, trainee=person, answers=[GivenAnswer(question.pk, [camat.pk])])
        attempts[person] = attempt_submit(attempt_id=attempt.pk, trainee=person)
    Choice.objects.filter(pk=camat.pk).update(percent=100)

    client.force_login(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("assessments:quiz_regrade", kwargs={"cohort_id": cohort.pk, "quiz_id": quiz.pk}))

    for person, expected in ((enrolled, 1), (elsewhere, 0)):
        attempts[person].refresh_from_db()
        assert attempts[person].score == expected
    assert not ScoreChange.objects.filter(answer__attempt=attempts[elsewhere]).exists()


def test_the_regrade_progress_of_another_cohort_is_not_found(client, trainer, cohort, course, regions):
    from assessments.models import RegradeRun as Run

    quiz = make_quiz(course, [make_question(QuestionKind.SINGLE)])
    other_cohort = CohortFactory(course=course, region=regions["63"])
    run = Run.objects.create(quiz=quiz, cohort=other_cohort, attempts_total=0)
    client.force_login(trainer)
    url = reverse(
        "assessments:regrade_progress", kwargs={"cohort_id": other_cohort.pk, "quiz_id": quiz.pk, "run_id": run.pk}
    )
    assert client.get(url).status_code == 404
    mine = reverse(
        "assessments:regrade_progress", kwargs={"cohort_id": cohort.pk, "quiz_id": quiz.pk, "run_id": run.pk}
    )
    assert client.get(mine).status_code == 404
