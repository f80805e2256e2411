"""Parallel forms: a participant who takes form B first has form B as pre-test and form A as post-test,
everywhere the platform asks (assessments.studies.forms_for): the course gate, the post-test's opening,
which quiz may be started, the verdict, the course's completion and the review."""

from decimal import Decimal

import pytest
from django.urls import reverse

from assessments.constants import ArmRole, QuizKind
from assessments.selectors import course_quizzes_for_trainee, pre_tests_not_taken
from assessments.services import QuizUnavailable, attempt_start, study_randomise, study_start
from assessments.studies import forms_for
from courses.models import Enrollment
from courses.services import lesson_mark_complete

from ..courses.factories import lessons_of
from .study_setup import RIGHT, forms, list_pool, make_study, make_trainees, senior, take

__all__ = ["forms", "senior"]

pytestmark = pytest.mark.django_db

PRE_FIRST = "Kerjakan pra-uji terlebih dahulu."
AFTER_LESSONS = "Pasca-uji dibuka setelah Anda menyelesaikan semua pelajaran."


@pytest.fixture
def study(course, regions, forms, senior):
    """A running study with parallel forms; 12 trainees randomised, so each arm has both orders."""
    form_a, _form_b = forms
    form_a.pass_mark = Decimal(0)  # a pre-test's own pass mark must never judge anyone
    form_a.save()
    study = make_study(course, regions, forms)
    study_randomise(study=study, pool=list_pool(study, make_trainees(regions, 12)), by=senior)
    return study_start(study=study, by=senior)


def _participant(study, *, role, reversed_):
    return study.participants.filter(arm__role=role, forms_reversed=reversed_).select_related("trainee").first().trainee


def _complete_lessons(trainee, course):
    lessons = lessons_of(course)
    enrollment = Enrollment.objects.get(trainee=trainee)
    for lesson in lessons:
        lesson_mark_complete(trainee=trainee, lesson=lesson, enrollment=enrollment, lesson_ids=[x.pk for x in lessons])


def test_forms_for_gives_each_participant_their_order(study, forms):
    form_a, form_b = forms
    b_first = _participant(study, role=ArmRole.TREATMENT, reversed_=True)
    a_first = _participant(study, role=ArmRole.TREATMENT, reversed_=False)
    assert tuple(forms_for(trainee=b_first, course=study.course)) == (form_b, form_a)
    assert tuple(forms_for(trainee=a_first, course=study.course)) == (form_a, form_b)
    assert pre_tests_not_taken(trainee=b_first, course=study.course) == [form_b]
    assert pre_tests_not_taken(trainee=a_first, course=study.course) == [form_a]
    assert [kind for _quiz, _attempt, kind in course_quizzes_for_trainee(trainee=b_first, course=study.course)] == [
        QuizKind.PRE_TEST,
        QuizKind.POST_TEST,
    ]
    assert [quiz for quiz, _attempt, _kind in course_quizzes_for_trainee(trainee=b_first, course=study.course)] == [
        form_b,
        form_a,
    ]


def test_the_lessons_open_after_form_b_for_a_participant_who_takes_it_first(client, study, forms):
    _form_a, form_b = forms
    trainee = _participant(study, role=ArmRole.TREATMENT, reversed_=True)
    client.force_login(trainee)
    lesson = lessons_of(study.course)[0]

    closed = client.get(lesson.url)
    assert closed.status_code == 403
    assert form_b.title in closed.text and reverse("assessments:quiz", kwargs={"quiz_id": form_b.pk}) in closed.text

    take(form_b, trainee)  # form B before any lesson: it is this trainee's pre-test
    assert client.get(lesson.url).status_code == 200


def test_a_participant_never_starts_their_post_test_form_before_their_pre_test_form(study, forms):
    form_a, form_b = forms
    b_first = _participant(study, role=ArmRole.TREATMENT, reversed_=True)
    a_first = _participant(study, role=ArmRole.TREATMENT, reversed_=False)
    control_b_first = _participant(study, role=ArmRole.CONTROL, reversed_=True)

    for trainee, wrong_first in ((b_first, form_a), (a_first, form_b), (control_b_first, form_a)):
        with pytest.raises(QuizUnavailable) as refused:
            attempt_start(quiz=wrong_first, trainee=trainee)
        assert str(refused.value) == PRE_FIRST

    take(form_b, control_b_first)
    take(form_a, control_b_first)  # the control arm's post-test opened yesterday: no lessons needed


def test_the_treatment_post_test_form_a_opens_after_the_lessons_and_is_judged_by_form_bs_pass_mark(study, forms):
    form_a, form_b = forms
    trainee = _participant(study, role=ArmRole.TREATMENT, reversed_=True)

    pre = take(form_b, trainee, right=False)
    assert pre.passed is None  # form B is this trainee's pre-test: no verdict
    with pytest.raises(QuizUnavailable) as refused:
        attempt_start(quiz=form_a, trainee=trainee)
    assert str(refused.value) == AFTER_LESSONS

    _complete_lessons(trainee, study.course)
    post = take(form_a, trainee, right=False)
    assert post.passed is False  # 0 % against form B's 60 %, not form A's own 0 %
    assert Enrollment.objects.get(trainee=trainee).completed_at is None


def test_passing_form_a_as_post_test_completes_the_course(study, forms):
    form_a, form_b = forms
    form_a.attempts_allowed = 2
    form_a.save()
    trainee = _participant(study, role=ArmRole.TREATMENT, reversed_=True)
    take(form_b, trainee)
    _complete_lessons(trainee, study.course)
    assert Enrollment.objects.get(trainee=trainee).completed_at is None

    assert take(form_a, trainee).passed is True
    assert Enrollment.objects.get(trainee=trainee).completed_at is not None


def test_the_quiz_page_speaks_of_each_form_as_what_it_is_for_the_trainee(client, study, forms):
    form_a, form_b = forms
    trainee = _participant(study, role=ArmRole.TREATMENT, reversed_=True)
    client.force_login(trainee)

    page_b = client.get(reverse("assessments:quiz", kwargs={"quiz_id": form_b.pk})).text
    assert "Pra-uji" in page_b and "Hasil pra-uji tidak memengaruhi kelulusan" in page_b
    assert "nilai lulus" not in page_b
    page_a = client.get(reverse("assessments:quiz", kwargs={"quiz_id": form_a.pk})).text
    assert "Pasca-uji" in page_a and "nilai lulus 60%" in page_a


def test_form_b_taken_first_reveals_nothing_before_the_post_test_closes(client, study, forms):
    _form_a, form_b = forms
    form_b.review_answers_after_submit = form_b.review_feedback_after_submit = True
    form_b.save()
    trainee = _participant(study, role=ArmRole.TREATMENT, reversed_=True)
    attempt = take(form_b, trainee, right=False)
    client.force_login(trainee)

    page = client.get(reverse("assessments:review", kwargs={"attempt_id": attempt.pk})).text
    assert RIGHT not in page and "Kepala desa tidak memandu" not in page
    assert "Belum lulus" not in page and "Hasil pra-uji tidak memengaruhi kelulusan" in page
