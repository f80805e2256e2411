"""The study pages run a fixed number of queries: the same with ten times the lessons, trainees and courses."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import LessonProgress

from ..people.factories import TraineeFactory, TrainerFactory, give_totp
from .factories import CohortFactory, EnrollmentFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db


def query_count(client, url) -> int:
    client.get(url)  # first visit: session flags and Wagtail's site cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def build_scenario(regions, *, scale: int, code: str):
    """A course of 4*scale lessons; 3*scale trainees who did half of them; the first in `scale` courses."""
    course = build_course(code=code, modules=2 * scale, lessons_per_module=2)
    lessons = lessons_of(course)
    trainer = TrainerFactory()
    give_totp(trainer)
    cohort = CohortFactory(course=course, region=regions["35"], trainers=[trainer])
    now = timezone.now()
    trainees = [TraineeFactory(home_region=regions["35.78"]) for _ in range(3 * scale)]
    for trainee in trainees:
        EnrollmentFactory(cohort=cohort, trainee=trainee, last_activity_at=now)
        LessonProgress.objects.bulk_create(
            LessonProgress(trainee=trainee, lesson=lesson, first_opened_at=now, last_opened_at=now, completed_at=now)
            for lesson in lessons[: len(lessons) // 2]
        )
    for number in range(scale - 1):
        extra = build_course(code=f"{code}-X{number}", modules=1, lessons_per_module=1)
        EnrollmentFactory(cohort=CohortFactory(course=extra, region=regions["35"]), trainee=trainees[0])
    return {"course": course, "lesson": lessons[-1], "cohort": cohort, "trainee": trainees[0], "trainer": trainer}


def counts(client, scenario) -> dict[str, int]:
    client.force_login(scenario["trainee"])
    result = {
        "lesson": query_count(client, scenario["lesson"].url),
        "course": query_count(client, scenario["course"].url),
        "home": query_count(client, reverse("dashboards:home")),
    }
    client.force_login(scenario["trainer"])
    result["grid"] = query_count(client, reverse("courses:cohort_detail", kwargs={"cohort_id": scenario["cohort"].pk}))
    result["grid_csv"] = query_count(
        client, reverse("courses:cohort_progress_csv", kwargs={"cohort_id": scenario["cohort"].pk})
    )
    return result


def test_study_pages_run_the_same_queries_with_ten_times_the_data(client, regions):
    small = counts(client, build_scenario(regions, scale=1, code="Q1"))
    large = counts(client, build_scenario(regions, scale=10, code="Q10"))

    assert small == large
    # Wagtail's routing costs two queries per level of the tree (catalogue, course, module, lesson),
    # and its check of the page's view restrictions two more (as on any Wagtail page).
    assert small["lesson"] <= 30, small
    # The course page also reads the quizzes and the trainee's attempts for the checklist (assessments),
    # and pays the same view-restriction check.
    assert small["course"] <= 26, small
    assert small["home"] <= 15, small
    assert small["grid"] <= 12, small
