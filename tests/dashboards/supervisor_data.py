"""Small hand-built data for the supervisor dashboard's tests: one helper per kind of row."""

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from apprenticeship.constants import PlacementStatus
from assessments.constants import AttemptState
from courses.constants import EnrollmentStatus
from courses.models import LessonProgress
from lms.certification.models import Certificate, CertificationProgramme
from lms.people.constants import ApplicationStatus, EducationLevel
from lms.people.models import CandidateApplication

from ..apprenticeship.factories import KubeGroupFactory, PlacementFactory
from ..courses.factories import EnrollmentFactory, lessons_of

_serial = itertools.count(1)
DAY = datetime.timedelta(days=1)


def today():
    return timezone.localdate()


def application(region, status=ApplicationStatus.SUBMITTED):
    n = next(_serial)
    return CandidateApplication.objects.create(
        full_name=f"Calon {n}",
        email=f"calon{n}@contoh.test",
        phone="081234567890",
        region=region,
        education_level=EducationLevel.SLTA,
        community_experience="Pengurus KUBE.",
        motivation="Ingin membantu.",
        references="Kepala desa.",
        status=status,
    )


def enrol(trainee, cohort, status=EnrollmentStatus.ACTIVE, last_activity=None, **fields):
    return EnrollmentFactory(
        trainee=trainee, cohort=cohort, status=status, last_activity_at=last_activity or timezone.now(), **fields
    )


def complete_lessons(trainee, course, count=None):
    now = timezone.now()
    for lesson in lessons_of(course)[:count]:
        LessonProgress.objects.create(
            trainee=trainee, lesson=lesson, first_opened_at=now, last_opened_at=now, completed_at=now
        )


def attempt(quiz, trainee, cohort, *, number=1, state=AttemptState.GRADED, passed=None):
    from assessments.models import Attempt

    now = timezone.now()
    return Attempt.objects.create(
        quiz=quiz,
        trainee=trainee,
        cohort=cohort,
        number=number,
        state=state,
        started_at=now,
        submitted_at=None if state == AttemptState.IN_PROGRESS else now,
        graded_at=now if state == AttemptState.GRADED else None,
        score=Decimal(1),
        max_score=Decimal(1),
        percent=Decimal(100 if passed else 0),
        passed=passed,
    )


def programme():
    return CertificationProgramme.objects.get_or_create(
        code="pendamping-kube", defaults={"name": "Pendamping KUBE", "issue_mode": "automatic"}
    )[0]


def certificate(trainee, *, expires_on, issued_on=None, revoked=False):
    n = next(_serial)
    return Certificate.objects.create(
        programme=programme(),
        trainee=trainee,
        serial_number=f"AP-{n:06d}",
        verification_code=f"kode-{n:06d}",
        issued_on=issued_on or expires_on - datetime.timedelta(days=1000),
        expires_on=expires_on,
        revoked_at=timezone.now() if revoked else None,
    )


def kube(village):
    return KubeGroupFactory(village=village)


def placement(trainee, cohort, village, status=PlacementStatus.APPROVED, **fields):
    return PlacementFactory(trainee=trainee, cohort=cohort, kube=kube(village), status=status, **fields)
