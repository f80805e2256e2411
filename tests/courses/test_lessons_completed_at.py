"""Enrollment.lessons_completed_at: stamped when the last live lesson is done, and backfilled."""

import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from courses.constants import EnrollmentStatus
from courses.models import Enrollment, LessonProgress
from courses.services import lesson_mark_complete

from ..people.factories import TraineeFactory
from .factories import CohortFactory, EnrollmentFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db

backfill = importlib.import_module("courses.migrations.0004_enrollment_lessons_completed_at").backfill


def test_stamped_only_when_the_last_lesson_is_done(enrolled, course):
    enrollment = Enrollment.objects.get(trainee=enrolled)
    lessons = lessons_of(course)
    ids = [lesson.pk for lesson in lessons]
    for lesson in lessons[:-1]:
        lesson_mark_complete(trainee=enrolled, lesson=lesson, enrollment=enrollment, lesson_ids=ids)
    enrollment.refresh_from_db()
    assert enrollment.lessons_completed_at is None

    lesson_mark_complete(trainee=enrolled, lesson=lessons[-1], enrollment=enrollment, lesson_ids=ids)
    enrollment.refresh_from_db()
    assert enrollment.lessons_completed_at is not None
    stamped = enrollment.lessons_completed_at

    # Done again (a second visit), the first stamp stays.
    lesson_mark_complete(trainee=enrolled, lesson=lessons[0], enrollment=enrollment, lesson_ids=ids)
    enrollment.refresh_from_db()
    assert enrollment.lessons_completed_at == stamped


def _progress(trainee, lessons, when):
    for lesson in lessons:
        LessonProgress.objects.create(
            trainee=trainee, lesson=lesson, first_opened_at=when, last_opened_at=when, completed_at=when
        )


def test_the_migration_backfills_from_recorded_progress(course, cohort, regions):
    other_course = build_course(code="PK-2", modules=1, lessons_per_module=1)
    other_cohort = CohortFactory(course=other_course, region=regions["35"])
    lessons = lessons_of(course)
    earlier, later = timezone.now() - timezone.timedelta(days=3), timezone.now() - timezone.timedelta(days=1)
    done = EnrollmentFactory(cohort=cohort, trainee=TraineeFactory(home_region=regions["35.78"]))
    halfway = EnrollmentFactory(cohort=cohort, trainee=TraineeFactory(home_region=regions["35.78"]))
    _progress(done.trainee, lessons[:-1], earlier)
    _progress(done.trainee, lessons[-1:], later)
    _progress(halfway.trainee, lessons[:-1], earlier)
    # All the lessons of this course, but enrolled in the other course too: only this one counts.
    elsewhere = EnrollmentFactory(cohort=other_cohort, trainee=done.trainee, status=EnrollmentStatus.ACTIVE)

    backfill(apps, None)

    assert Enrollment.objects.get(pk=done.pk).lessons_completed_at == later  # the last lesson's time
    assert Enrollment.objects.get(pk=halfway.pk).lessons_completed_at is None
    assert Enrollment.objects.get(pk=elsewhere.pk).lessons_completed_at is None
