"""Self-enrolment into open cohorts, the seat limit (also under concurrency), and the audit log."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from courses.constants import EnrollmentSource, EnrollmentStatus
from courses.models import Enrollment
from courses.services import (
    ALREADY_ENROLLED,
    COHORT_FULL,
    COMPLETED_NOT_WITHDRAWN,
    ENROLMENT_CLOSED,
    OUTSIDE_REGION,
    enrollment_create,
    enrollment_withdraw,
)

from ..people.factories import TraineeFactory
from .factories import CohortFactory, EnrollmentFactory

pytestmark = pytest.mark.django_db


def test_trainee_enrols_in_an_open_cohort_from_the_course_page(client, course, cohort, trainee):
    client.force_login(trainee)
    page = client.get(course.url)
    assert cohort.name in page.text

    response = client.post(reverse("courses:enrol_self", kwargs={"cohort_id": cohort.pk}), follow=True)

    enrollment = Enrollment.objects.get(trainee=trainee, cohort=cohort)
    assert enrollment.source == EnrollmentSource.SELF
    assert enrollment.enrolled_by == trainee
    assert enrollment.status == EnrollmentStatus.ENROLLED
    assert ModelLogEntry.objects.filter(action="courses.enrollment.create", object_id=str(enrollment.pk)).exists()
    assert "Mulai pelajaran pertama" in response.text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"enrollment_open": False}, ENROLMENT_CLOSED),
        ({"capacity": 1}, COHORT_FULL),
    ],
)
def test_self_enrolment_refused_when_closed_or_full(course, cohort, trainee, regions, change, message):
    for field, value in change.items():
        setattr(cohort, field, value)
    cohort.save()
    if "capacity" in change:
        EnrollmentFactory(cohort=cohort, trainee=TraineeFactory(home_region=regions["35"]))

    with pytest.raises(ValidationError) as refused:
        enrollment_create(trainee=trainee, cohort=cohort, by=trainee, source=EnrollmentSource.SELF)

    assert str(message) in refused.value.messages
    assert not Enrollment.objects.filter(trainee=trainee).exists()


def test_self_enrolment_only_for_trainees_of_the_cohorts_region(course, cohort, regions):
    kalsel_trainee = TraineeFactory(home_region=regions["63.71"])
    with pytest.raises(ValidationError) as refused:
        enrollment_create(trainee=kalsel_trainee, cohort=cohort, by=kalsel_trainee, source=EnrollmentSource.SELF)
    assert refused.value.messages == [OUTSIDE_REGION % {"region": "Jawa Timur"}]


def test_a_trainer_may_enrol_a_trainee_of_another_region_but_not_twice(course, cohort, trainer, regions):
    kalsel_trainee = TraineeFactory(home_region=regions["63.71"])
    enrollment_create(trainee=kalsel_trainee, cohort=cohort, by=trainer, source=EnrollmentSource.BULK)
    with pytest.raises(ValidationError) as refused:
        enrollment_create(trainee=kalsel_trainee, cohort=cohort, by=trainer, source=EnrollmentSource.BULK)
    assert str(ALREADY_ENROLLED) in refused.value.messages


def test_only_trainees_can_be_enrolled(course, cohort, trainer):
    with pytest.raises(ValidationError):
        enrollment_create(trainee=trainer, cohort=cohort, by=trainer, source=EnrollmentSource.BULK)


def test_a_withdrawn_trainee_takes_their_seat_back(course, cohort, trainee):
    EnrollmentFactory(cohort=cohort, trainee=trainee, status=EnrollmentStatus.WITHDRAWN)
    enrollment = enrollment_create(trainee=trainee, cohort=cohort, by=trainee, source=EnrollmentSource.SELF)
    assert enrollment.status == EnrollmentStatus.ENROLLED
    assert Enrollment.objects.filter(trainee=trainee).count() == 1


def test_error_messages_are_shown_on_the_course_page(client, course, cohort, regions):
    outsider = TraineeFactory(home_region=regions["63.71"])
    client.force_login(outsider)
    response = client.post(reverse("courses:enrol_self", kwargs={"cohort_id": cohort.pk}), follow=True)
    assert "Angkatan ini untuk peserta di Jawa Timur." in response.text


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_trainees_racing_for_the_last_seat_only_one_gets_it(course, regions):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are tested on PostgreSQL (bin/test runs the suite there too).")
    cohort = CohortFactory(course=course, region=regions["35"], capacity=1)
    racers = [TraineeFactory(home_region=regions["35.78"]) for _ in range(2)]
    start = threading.Barrier(len(racers))
    outcomes = []

    def enrol(trainee):
        try:
            start.wait()
            enrollment_create(trainee=trainee, cohort=cohort, by=trainee, source=EnrollmentSource.SELF)
            outcomes.append("seat")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=enrol, args=(trainee,)) for trainee in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == sorted(["seat", str(COHORT_FULL)])
    assert Enrollment.objects.filter(cohort=cohort).count() == 1


def test_trainer_withdraws_a_trainee_who_then_loses_the_lessons_but_keeps_progress(client, course, cohort, trainer):
    from courses.models import LessonProgress

    from .factories import lessons_of

    trainee = TraineeFactory(home_region=cohort.region)
    enrollment = EnrollmentFactory(cohort=cohort, trainee=trainee)
    client.force_login(trainee)
    client.get(lessons_of(course)[0].url)
    client.force_login(trainer)
    url = reverse("courses:cohort_withdraw", kwargs={"cohort_id": cohort.pk, "enrollment_id": enrollment.pk})
    assert trainee.full_name in client.get(url).text

    response = client.post(url)

    assert response.status_code == 302
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.WITHDRAWN
    assert ModelLogEntry.objects.filter(action="courses.enrollment.withdraw", object_id=str(enrollment.pk)).exists()
    assert LessonProgress.objects.filter(trainee=trainee).exists()
    client.force_login(trainee)
    assert client.get(lessons_of(course)[0].url).status_code == 403


def test_withdrawing_in_a_cohort_one_does_not_follow_is_404(client, course, cohort, supervisor_elsewhere):
    enrollment = EnrollmentFactory(cohort=cohort, trainee=TraineeFactory(home_region=cohort.region))
    client.force_login(supervisor_elsewhere)
    url = reverse("courses:cohort_withdraw", kwargs={"cohort_id": cohort.pk, "enrollment_id": enrollment.pk})
    assert client.post(url).status_code == 404
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.ENROLLED


def test_a_completed_enrolment_cannot_be_withdrawn_so_its_completion_stays(cohort, trainee, trainer):
    completed_at = timezone.now()
    enrollment = EnrollmentFactory(
        cohort=cohort, trainee=trainee, status=EnrollmentStatus.COMPLETED, completed_at=completed_at
    )

    with pytest.raises(ValidationError) as refused:
        enrollment_withdraw(enrollment=enrollment, by=trainer)

    assert refused.value.messages == [str(COMPLETED_NOT_WITHDRAWN)]
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.COMPLETED and enrollment.completed_at == completed_at
    assert not ModelLogEntry.objects.filter(action="courses.enrollment.withdraw").exists()


def test_the_withdraw_page_of_a_completed_enrolment_says_why_it_cannot_be_withdrawn(client, cohort, trainee, trainer):
    enrollment = EnrollmentFactory(cohort=cohort, trainee=trainee, status=EnrollmentStatus.COMPLETED)
    client.force_login(trainer)
    url = reverse("courses:cohort_withdraw", kwargs={"cohort_id": cohort.pk, "enrollment_id": enrollment.pk})
    grid = client.get(reverse("courses:cohort_detail", kwargs={"cohort_id": cohort.pk})).text
    assert url not in grid  # no withdraw link for a completed enrolment

    page = client.get(url)
    assert page.status_code == 200 and str(COMPLETED_NOT_WITHDRAWN) in page.text
    assert "Keluarkan</button>" not in page.text  # no Withdraw button

    response = client.post(url)  # a stale tab, or a hand-made request

    assert response.status_code == 400 and str(COMPLETED_NOT_WITHDRAWN) in response.text
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.COMPLETED
