"""A pre-test opens the lessons, the post-test opens when they are done, and passing it completes the course."""

import pytest
from django.urls import reverse

from assessments.constants import QuizKind
from assessments.services import GivenAnswer, QuizUnavailable, attempt_save_answers, attempt_start, attempt_submit
from courses.constants import EnrollmentStatus
from courses.models import Enrollment
from courses.services import lesson_mark_complete

from ..courses.factories import lessons_of
from .factories import make_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def pre_test(course, questions):
    return make_quiz(course, questions[:2], kind=QuizKind.PRE_TEST, title="Pra-uji")


@pytest.fixture
def post_test(course, questions):
    return make_quiz(course, questions[:1], kind=QuizKind.POST_TEST, title="Pasca-uji", pass_mark=60)


def complete_every_lesson(trainee, course):
    enrollment = Enrollment.objects.get(trainee=trainee)
    lessons = lessons_of(course)
    for lesson in lessons:
        lesson_mark_complete(trainee=trainee, lesson=lesson, enrollment=enrollment, lesson_ids=[x.pk for x in lessons])


def test_lessons_open_only_after_the_pre_test(client, enrolled, course, pre_test):
    client.force_login(enrolled)
    lesson_url = lessons_of(course)[0].url
    locked = client.get(lesson_url)
    assert locked.status_code == 403
    assert reverse("assessments:quiz", kwargs={"quiz_id": pre_test.pk}) in locked.content.decode()
    course_page = client.get(course.url).content.decode()
    assert "Pra-uji" in course_page  # the next step on the course page is the pre-test

    attempt = attempt_start(quiz=pre_test, trainee=enrolled)
    assert client.get(lesson_url).status_code == 403  # started is not taken
    attempt_submit(attempt_id=attempt.pk, trainee=enrolled)
    assert client.get(lesson_url).status_code == 200


def test_a_draft_pre_test_does_not_lock_the_lessons(client, enrolled, course, pre_test):
    pre_test.is_live = False
    pre_test.save()
    client.force_login(enrolled)
    assert client.get(lessons_of(course)[0].url).status_code == 200


def test_the_post_test_opens_once_the_lessons_are_complete(enrolled, course, post_test):
    with pytest.raises(QuizUnavailable):
        attempt_start(quiz=post_test, trainee=enrolled)
    complete_every_lesson(enrolled, course)
    assert attempt_start(quiz=post_test, trainee=enrolled).number == 1


def test_the_course_completes_only_when_the_post_test_is_passed(enrolled, course, post_test, questions):
    complete_every_lesson(enrolled, course)
    enrollment = Enrollment.objects.get(trainee=enrolled)
    assert enrollment.status != EnrollmentStatus.COMPLETED  # lessons alone are not enough now

    failed = attempt_start(quiz=post_test, trainee=enrolled)
    attempt_submit(attempt_id=failed.pk, trainee=enrolled)
    enrollment.refresh_from_db()
    assert enrollment.status != EnrollmentStatus.COMPLETED

    passed = attempt_start(quiz=post_test, trainee=enrolled)
    right = [questions[0].choices.get(percent=100).pk]
    attempt_save_answers(attempt_id=passed.pk, trainee=enrolled, answers=[GivenAnswer(questions[0].pk, right)])
    attempt_submit(attempt_id=passed.pk, trainee=enrolled)
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.COMPLETED


def test_the_course_page_lists_the_quizzes_and_the_completion_checklist(client, enrolled, course, post_test):
    client.force_login(enrolled)
    page = client.get(course.url).content.decode()
    assert "Pasca-uji" in page
    assert reverse("assessments:quiz", kwargs={"quiz_id": post_test.pk}) in page
