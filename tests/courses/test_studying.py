"""Only enrolled trainees study; their place is kept; completion follows every lesson."""

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.constants import EnrollmentStatus
from courses.models import Enrollment, LessonProgress, ReflectionAnswer
from courses.selectors import course_outline, resume_lesson

from ..people.factories import TraineeFactory
from .factories import CohortFactory, EnrollmentFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db


def test_enrolled_trainee_reads_the_lesson_and_the_visit_is_recorded(client, course, enrolled):
    lesson = lessons_of(course)[0]
    client.force_login(enrolled)

    response = client.get(lesson.url)

    assert response.status_code == 200
    assert "Pertemuan rutin KUBE" in response.text
    progress = LessonProgress.objects.get(trainee=enrolled, lesson=lesson)
    assert progress.completed_at is None
    enrollment = Enrollment.objects.get(trainee=enrolled)
    assert enrollment.status == EnrollmentStatus.ACTIVE
    assert enrollment.last_activity_at is not None


def test_trainee_not_enrolled_gets_403_without_the_content(client, course, cohort, regions):
    outsider = TraineeFactory(home_region=regions["35.78"])
    client.force_login(outsider)

    response = client.get(lessons_of(course)[0].url)

    assert response.status_code == 403
    assert "Pertemuan rutin KUBE" not in response.text
    assert "tidak terdaftar" in response.text.lower() or "not enrolled" in response.text.lower()
    assert not LessonProgress.objects.exists()


def test_anonymous_visitor_is_sent_to_sign_in(client, course):
    response = client.get(lessons_of(course)[0].url)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_supervisor_outside_the_region_gets_403_on_lessons_and_404_on_the_grid(
    client, course, cohort, supervisor_elsewhere
):
    client.force_login(supervisor_elsewhere)
    lesson_response = client.get(lessons_of(course)[0].url)
    assert lesson_response.status_code == 403
    assert "Pertemuan rutin KUBE" not in lesson_response.text
    for name in ("courses:cohort_detail", "courses:cohort_progress_csv", "courses:cohort_enrol_file"):
        assert client.get(reverse(name, kwargs={"cohort_id": cohort.pk})).status_code == 404


def test_supervisor_of_the_region_reads_lessons_without_recording_progress(client, course, cohort, supervisor_here):
    client.force_login(supervisor_here)
    response = client.get(lessons_of(course)[0].url)
    assert response.status_code == 200
    assert not LessonProgress.objects.exists()
    assert client.get(reverse("courses:cohort_detail", kwargs={"cohort_id": cohort.pk})).status_code == 200


def test_draft_lesson_and_lesson_of_an_unpublished_module_are_404(client, course, enrolled):
    first, second, third, _fourth = lessons_of(course)
    second.unpublish()
    third.get_parent().specific.unpublish()  # the module only; its lessons stay live
    client.force_login(enrolled)
    assert client.get(first.url).status_code == 200
    assert client.get(f"{course.url}modul-1/pelajaran-2/").status_code == 404
    assert client.get(f"{course.url}modul-2/pelajaran-1/").status_code == 404


def test_completing_every_lesson_completes_the_course(client, course, enrolled):
    lessons = lessons_of(course)
    client.force_login(enrolled)
    for lesson in lessons[:-1]:
        response = client.post(reverse("courses:lesson_complete", kwargs={"lesson_id": lesson.pk}))
        assert response.status_code == 302
    assert Enrollment.objects.get(trainee=enrolled).status != EnrollmentStatus.COMPLETED

    response = client.post(reverse("courses:lesson_complete", kwargs={"lesson_id": lessons[-1].pk}))

    assert response["Location"] == course.url
    enrollment = Enrollment.objects.get(trainee=enrolled)
    assert enrollment.status == EnrollmentStatus.COMPLETED
    assert enrollment.completed_at is not None
    assert LessonProgress.objects.filter(trainee=enrolled, completed_at__isnull=False).count() == 4


def test_completing_a_lesson_goes_on_to_the_next(client, course, enrolled):
    first, second, *_rest = lessons_of(course)
    client.force_login(enrolled)
    response = client.post(reverse("courses:lesson_complete", kwargs={"lesson_id": first.pk}))
    assert response["Location"] == second.url


def test_a_stranger_cannot_mark_lessons_complete(client, course, cohort, regions):
    client.force_login(TraineeFactory(home_region=regions["35"]))
    response = client.post(reverse("courses:lesson_complete", kwargs={"lesson_id": lessons_of(course)[0].pk}))
    assert response.status_code == 403
    assert not LessonProgress.objects.exists()


def test_resume_goes_to_the_last_opened_unfinished_lesson_then_the_next_unfinished(course, enrolled):
    lessons = lessons_of(course)
    outline = course_outline(course)
    now = timezone.now()
    assert resume_lesson(outline, {}) == lessons[0]

    def progress(lesson, minutes_ago, done):
        return LessonProgress(
            trainee=enrolled,
            lesson=lesson,
            first_opened_at=now,
            last_opened_at=now - timezone.timedelta(minutes=minutes_ago),
            completed_at=now if done else None,
        )

    two_done = {lessons[0].pk: progress(lessons[0], 10, True), lessons[1].pk: progress(lessons[1], 5, True)}
    assert resume_lesson(outline, two_done) == lessons[2]
    opened_third = two_done | {lessons[2].pk: progress(lessons[2], 1, False)}
    assert resume_lesson(outline, opened_third) == lessons[2]
    skipped_first = {lessons[1].pk: progress(lessons[1], 5, True), lessons[2].pk: progress(lessons[2], 1, True)}
    assert resume_lesson(outline, skipped_first) == lessons[3]
    all_done = {lesson.pk: progress(lesson, 1, True) for lesson in lessons}
    assert resume_lesson(outline, all_done) is None


def test_prerequisite_course_must_be_completed_before_lessons_open(client, course, regions, trainee):
    advanced = build_course(code="PK-2", modules=1, lessons_per_module=1, prerequisites=[course])
    advanced_cohort = CohortFactory(course=advanced, region=regions["35"])
    EnrollmentFactory(cohort=advanced_cohort, trainee=trainee)  # e.g. enrolled before the rule was added
    client.force_login(trainee)

    locked = client.get(lessons_of(advanced)[0].url)
    assert locked.status_code == 403
    assert "Kursus PK-1" in locked.text

    EnrollmentFactory(cohort=CohortFactory(course=course, region=regions["35"]), trainee=trainee, status="completed")
    assert client.get(lessons_of(advanced)[0].url).status_code == 200


def test_reflection_answer_is_sanitised_and_private(client, course, enrolled, cohort):
    lesson = lessons_of(course)[0]
    client.force_login(enrolled)
    url = reverse("courses:reflection_answer", kwargs={"lesson_id": lesson.pk, "block_id": "refleksi-1"})

    response = client.post(url, {"answer": "Air susah.\n\n<script>alert(1)</script><b>Jalan</b> rusak"})

    assert response.status_code == 302
    answer = ReflectionAnswer.objects.get(trainee=enrolled)
    assert "<script>" not in answer.answer_html
    assert answer.answer_html.startswith("<p>Air susah.</p>")
    assert "&lt;b&gt;Jalan" in answer.answer_html
    assert "Air susah." in client.get(lesson.url).text

    classmate = TraineeFactory(home_region=enrolled.home_region)
    EnrollmentFactory(cohort=cohort, trainee=classmate)
    client.force_login(classmate)
    assert "Air susah." not in client.get(lesson.url).text


def test_reflection_for_an_unknown_prompt_or_empty_answer_is_refused(client, course, enrolled):
    lesson = lessons_of(course)[0]
    client.force_login(enrolled)
    for block_id, answer in (("tidak-ada", "Jawaban"), ("refleksi-1", "   ")):
        url = reverse("courses:reflection_answer", kwargs={"lesson_id": lesson.pk, "block_id": block_id})
        response = client.post(url, {"answer": answer}, follow=True)
        assert response.status_code == 200
        assert any(message.level_tag == "error" for message in response.context["messages"])
    assert not ReflectionAnswer.objects.exists()


def test_practice_question_shows_the_feedback_of_the_chosen_answer(client, course, enrolled):
    lesson = lessons_of(course)[0]
    client.force_login(enrolled)
    before = client.get(lesson.url).text
    assert "Tepat sekali." not in before
    wrong = client.get(lesson.url, {"latihan": "latihan-1", "jawaban": "1"}).text
    assert "Terlalu banyak untuk satu kelompok." in wrong
    assert "Tepat sekali." not in wrong
    right = client.get(lesson.url, {"latihan": "latihan-1", "jawaban": "0"}).text
    assert "Tepat sekali." in right
