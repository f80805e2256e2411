"""Certification fixtures: a programme over one course with a live post-test, and an apprenticeship to finish."""

import datetime
from decimal import Decimal
from unittest import mock

import pytest
from django.conf import settings
from django.utils import timezone, translation

from apprenticeship.constants import PlacementStatus
from apprenticeship.models import Placement, PlacementEvaluation
from assessments.constants import AttemptState, QuizKind
from assessments.models import Attempt, Quiz
from courses.constants import EnrollmentStatus

from ..apprenticeship.factories import HostMentorFactory, KubeGroupFactory, PlacementFactory
from ..courses.factories import CohortFactory, EnrollmentFactory, build_course
from ..people.factories import SupervisorFactory, TraineeFactory, give_totp
from .factories import CertificationProgrammeFactory


@pytest.fixture
def no_pdf():
    """The PDF is another engineer's part; here only its being asked for matters."""
    with mock.patch("lms.certification.tasks.certificate_pdf_store") as store:
        yield store


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def course(db):
    return build_course(code="DSR-1", modules=1, lessons_per_module=1, title="Dasar-Dasar Pendampingan")


@pytest.fixture
def post_test(course):
    return Quiz.objects.create(course=course, kind=QuizKind.POST_TEST, title="Post-test", is_live=True)


@pytest.fixture
def cohort(course, regions):
    return CohortFactory(course=course, region=regions["35"])


@pytest.fixture
def programme(course, post_test):
    return CertificationProgrammeFactory(
        required_courses=[course], post_test_pass_mark=70, apprenticeship_hours=40, evaluation_threshold=Decimal("3.5")
    )


@pytest.fixture
def trainee(regions):
    return TraineeFactory(home_region=regions["35.78.01"], full_name="Siti Rahayu")


@pytest.fixture
def supervisor(regions):
    user = SupervisorFactory(scope_region=regions["35"])
    give_totp(user)
    return user


@pytest.fixture
def supervisor_elsewhere(regions):
    user = SupervisorFactory(scope_region=regions["63"])
    give_totp(user)
    return user


@pytest.fixture
def kube(regions):
    return KubeGroupFactory(village=regions["35.78.01.1001"], host_mentor=HostMentorFactory())


def complete_course(trainee, cohort, *, percent=Decimal(80), quiz=None):
    """A completed enrolment and, when `quiz` is given, a graded post-test attempt at `percent`."""
    enrollment = EnrollmentFactory(
        cohort=cohort, trainee=trainee, status=EnrollmentStatus.COMPLETED, completed_at=timezone.now()
    )
    if quiz is not None:
        grade(trainee, quiz, cohort, percent=percent)
    return enrollment


def grade(trainee, quiz, cohort, *, percent, number=None):
    number = number or (Attempt.objects.filter(quiz=quiz, trainee=trainee).count() + 1)
    return Attempt.objects.create(
        quiz=quiz,
        trainee=trainee,
        cohort=cohort,
        number=number,
        state=AttemptState.GRADED,
        started_at=timezone.now(),
        submitted_at=timezone.now(),
        graded_at=timezone.now(),
        score=percent / 10,
        max_score=Decimal(10),
        percent=percent,
        passed=percent >= quiz.pass_mark,
    )


def finish_apprenticeship(trainee, kube, cohort, *, hours=Decimal(40), average=Decimal("3.5"), status=None):
    """A placement with `hours` countersigned and a signed-off evaluation averaging `average`."""
    placement = PlacementFactory(
        trainee=trainee,
        kube=kube,
        cohort=cohort,
        status=status or PlacementStatus.COMPLETED,
        starts_on=timezone.localdate() - datetime.timedelta(days=60),
        ends_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    Placement.objects.filter(pk=placement.pk).update(countersigned_hours=hours)
    PlacementEvaluation.objects.create(
        placement=placement,
        recommendation="yes",
        average_score=average,
        submitted_by=kube.host_mentor,
        submitted_at=timezone.now(),
        signed_off_by=kube.host_mentor,
        signed_off_at=timezone.now(),
    )
    placement.refresh_from_db()
    return placement
