"""E-mails sent by the curriculum and apprenticeship services: enrolment, placement approval, countersign."""

import pytest
from django.core import mail
from django.utils import translation

from apprenticeship.constants import PlacementStatus
from apprenticeship.services import logbook_entry_countersign, placement_approve
from courses.constants import EnrollmentSource
from courses.services import enrollment_create, enrollments_create_many

from ..apprenticeship.factories import KubeGroupFactory, LogbookEntryFactory, PlacementFactory, assess
from ..courses.factories import CohortFactory, EnrollmentFactory, build_course
from ..people.factories import SupervisorFactory, TraineeFactory


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def cohort(regions):
    course = build_course(code="PK-NT", modules=1, lessons_per_module=1, title="Teknik Pendampingan")
    return CohortFactory(course=course, region=regions["35"], name="Angkatan Malang 2")


def test_self_and_bulk_enrolment_tell_each_trainee(regions, cohort, django_capture_on_commit_callbacks):
    trainee = TraineeFactory(email="dewi@contoh.test", home_region=regions["35.73"])
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_create(trainee=trainee, cohort=cohort, by=trainee, source=EnrollmentSource.SELF)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["dewi@contoh.test"]
    # Indonesian by default: the subject and body name the cohort and the course.
    assert "Teknik Pendampingan" in mail.outbox[0].subject
    assert "Angkatan Malang 2" in mail.outbox[0].body and "/beranda/" in mail.outbox[0].body

    others = [TraineeFactory(home_region=regions["35.73"]) for _number in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        enrollments_create_many(trainees=others, cohort=cohort, by=trainee, source=EnrollmentSource.BULK)
    assert sorted(message.to[0] for message in mail.outbox[1:]) == sorted(person.email for person in others)


def test_a_rolled_back_enrolment_sends_nothing(regions, cohort, django_capture_on_commit_callbacks):
    trainee = TraineeFactory(home_region=regions["35.73"])
    EnrollmentFactory(cohort=cohort, trainee=trainee)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Exception, match="Already enrolled"):
        enrollment_create(trainee=trainee, cohort=cohort, by=trainee, source=EnrollmentSource.SELF)
    assert mail.outbox == []


@pytest.fixture
def placement(regions, cohort):
    trainee = TraineeFactory(email="magang@contoh.test", home_region=regions["35.78.01"])
    EnrollmentFactory(cohort=cohort, trainee=trainee)
    kube = KubeGroupFactory(name="KUBE Mawar", village=regions["35.78.01.1001"], host_mentor__email="host@contoh.test")
    assess(kube, total=36)
    return PlacementFactory(trainee=trainee, kube=kube, cohort=cohort, status=PlacementStatus.PROPOSED)


def test_an_approved_placement_tells_the_trainee_and_the_host(regions, placement, django_capture_on_commit_callbacks):
    supervisor = SupervisorFactory(scope_region=regions["35"])
    with django_capture_on_commit_callbacks(execute=True):
        placement_approve(placement=placement, by=supervisor)
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"magang@contoh.test", "host@contoh.test"}
    assert "KUBE Mawar" in by_recipient["magang@contoh.test"].subject
    assert "/magang/" in by_recipient["magang@contoh.test"].body
    assert placement.trainee.full_name in by_recipient["host@contoh.test"].body
    assert "/magang/pembimbing/" in by_recipient["host@contoh.test"].body


def test_a_countersigned_entry_tells_the_apprentice_once(placement, django_capture_on_commit_callbacks):
    placement.status = PlacementStatus.ACTIVE
    placement.save(update_fields=["status"])
    entry = LogbookEntryFactory(placement=placement)
    with django_capture_on_commit_callbacks(execute=True):
        logbook_entry_countersign(entry=entry, by=placement.host_mentor, note="Bagus, lanjutkan.")
        logbook_entry_countersign(entry=entry, by=placement.host_mentor)  # already signed: no second e-mail
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["magang@contoh.test"]
    assert "Bagus, lanjutkan." in mail.outbox[0].body and "4,0" in mail.outbox[0].body  # Indonesian number format
