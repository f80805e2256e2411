"""Issuing, renewing and revoking certificates; automatic issue when the last condition falls into place."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from apprenticeship.constants import PlacementStatus
from apprenticeship.models import Placement
from apprenticeship.services import placement_sign_off
from assessments.constants import GradingMethod
from lms.certification.constants import CertificateStatus, IssueMode
from lms.certification.eligibility import add_months
from lms.certification.models import Certificate
from lms.certification.selectors import programme_standing
from lms.certification.services import (
    NEEDS_SUPERVISOR,
    REASON_REQUIRED,
    certificate_issue,
    certificate_revoke,
    certificates_issue_due,
)

from ..people.factories import TraineeFactory
from .conftest import complete_course, finish_apprenticeship, grade
from .factories import CertificateFactory

pytestmark = pytest.mark.usefixtures("no_pdf", "english")


@pytest.fixture
def ready(trainee, cohort, post_test, kube, programme):
    """Every condition met exactly at its threshold."""
    complete_course(trainee, cohort, percent=Decimal(70), quiz=post_test)
    finish_apprenticeship(trainee, kube, cohort, hours=Decimal(40), average=Decimal("3.5"))
    return trainee


def test_issue_gives_serial_code_dates_audit_pdf_and_email(
    ready, programme, no_pdf, django_capture_on_commit_callbacks
):
    today = datetime.date(2026, 1, 31)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue(trainee=ready, programme=programme, today=today)
    assert certificate.serial_number == "AP-2026-000001"
    assert certificate.issued_on == today
    assert certificate.expires_on == datetime.date(2029, 1, 31)
    assert certificate.issued_by is None and certificate.renews is None
    assert re.fullmatch(r"[A-Z2-7]{24}", certificate.verification_code)
    assert ModelLogEntry.objects.filter(
        action="certification.certificate.issue", object_id=str(certificate.pk)
    ).exists()
    no_pdf.assert_called_once()
    assert no_pdf.call_args.kwargs["certificate"].pk == certificate.pk
    assert [message.to for message in mail.outbox] == [[ready.email]]
    assert certificate.verification_code in mail.outbox[0].body


def test_one_below_the_pass_mark_is_refused_with_the_unmet_condition(trainee, cohort, post_test, kube, programme):
    complete_course(trainee, cohort, percent=Decimal("69.99"), quiz=post_test)
    finish_apprenticeship(trainee, kube, cohort)
    with pytest.raises(ValidationError, match="Dasar-Dasar Pendampingan"):
        certificate_issue(trainee=trainee, programme=programme)
    assert not Certificate.objects.exists()


def test_the_counted_attempt_follows_the_quiz_rule(trainee, cohort, post_test, kube, programme):
    """Last attempt counts: a pass followed by a fail is a fail; best attempt: the pass counts."""
    complete_course(trainee, cohort)
    grade(trainee, post_test, cohort, percent=Decimal(90))
    grade(trainee, post_test, cohort, percent=Decimal(50))
    finish_apprenticeship(trainee, kube, cohort)
    post_test.grading_method = GradingMethod.LAST
    post_test.save()
    assert not programme_standing(trainee=trainee, programme=programme).eligible
    post_test.grading_method = GradingMethod.BEST
    post_test.save()
    assert programme_standing(trainee=trainee, programme=programme).eligible


@pytest.mark.parametrize(
    ("hours", "average", "ok"), [("39.5", "3.5", False), ("40", "3.49", False), ("40", "3.5", True)]
)
def test_apprenticeship_thresholds_through_the_database(
    trainee, cohort, post_test, kube, programme, hours, average, ok
):
    complete_course(trainee, cohort, quiz=post_test)
    finish_apprenticeship(trainee, kube, cohort, hours=Decimal(hours), average=Decimal(average))
    assert programme_standing(trainee=trainee, programme=programme).eligible is ok


def test_serial_numbers_are_sequential_per_year_and_codes_unique(cohort, post_test, kube, programme, regions):
    CertificateFactory(programme=programme, serial_number="AP-2025-000041")
    serials, codes = [], set()
    for _n in range(3):
        person = TraineeFactory(home_region=regions["35.78.01"])
        complete_course(person, cohort, quiz=post_test)
        finish_apprenticeship(person, kube, cohort)
        certificate = certificate_issue(trainee=person, programme=programme, today=datetime.date(2026, 3, 1))
        serials.append(certificate.serial_number)
        codes.add(certificate.verification_code)
    assert serials == ["AP-2026-000001", "AP-2026-000002", "AP-2026-000003"]
    assert len(codes) == 3 and all(len(code) >= 20 for code in codes)


def test_a_valid_holder_is_not_issued_a_second_certificate(ready, programme):
    certificate_issue(trainee=ready, programme=programme)
    with pytest.raises(ValidationError):
        certificate_issue(trainee=ready, programme=programme)
    assert Certificate.objects.count() == 1


def test_renewal_inside_the_window_after_the_refresher(ready, programme, regions, post_test):
    from ..courses.factories import CohortFactory, EnrollmentFactory, build_course

    refresher = build_course(code="PNY-1", modules=1, lessons_per_module=1, title="Penyegaran")
    programme.refresher_course = refresher
    programme.save()
    old = certificate_issue(trainee=ready, programme=programme, today=datetime.date(2023, 6, 1))
    assert old.expires_on == datetime.date(2026, 6, 1)
    opens = add_months(old.expires_on, -6)
    EnrollmentFactory(
        cohort=CohortFactory(course=refresher, region=regions["35"]),
        trainee=ready,
        status="completed",
        completed_at=timezone.make_aware(datetime.datetime.combine(opens, datetime.time(10))),
    )
    with pytest.raises(ValidationError):
        certificate_issue(trainee=ready, programme=programme, today=opens - datetime.timedelta(days=1))
    renewal = certificate_issue(trainee=ready, programme=programme, today=opens)
    assert renewal.renews == old
    assert renewal.issued_on == opens and renewal.expires_on == add_months(opens, 36)
    assert ModelLogEntry.objects.filter(action="certification.certificate.renew").count() == 1


def test_revocation_needs_a_reason_and_is_logged(ready, programme, supervisor):
    certificate = certificate_issue(trainee=ready, programme=programme)
    with pytest.raises(ValidationError) as error:
        certificate_revoke(certificate=certificate, by=supervisor, reason="   ")
    assert str(REASON_REQUIRED) in error.value.messages
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    certificate_revoke(certificate=certificate, by=supervisor, reason="Data magang dipalsukan.")
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert certificate.revocation_reason == "Data magang dipalsukan."
    assert ModelLogEntry.objects.filter(action="certification.certificate.revoke").exists()
    # and the nightly run does not hand out a new one
    assert certificates_issue_due(trainee=ready) == []


def test_supervisor_mode_is_not_issued_automatically(ready, programme, supervisor):
    programme.issue_mode = IssueMode.SUPERVISOR
    programme.save()
    with pytest.raises(ValidationError, match=str(NEEDS_SUPERVISOR)):
        certificate_issue(trainee=ready, programme=programme)
    assert certificates_issue_due(trainee=ready) == []
    assert certificate_issue(trainee=ready, programme=programme, by=supervisor).issued_by == supervisor


def test_auto_issue_when_the_placement_is_signed_off_and_not_before(
    trainee, cohort, post_test, kube, programme, supervisor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(trainee, cohort, quiz=post_test)
        placement = finish_apprenticeship(trainee, kube, cohort, status=PlacementStatus.ACTIVE)
    assert not Certificate.objects.exists()  # the course is done, the placement is not
    Placement.objects.filter(pk=placement.pk).update(status=PlacementStatus.ACTIVE)
    placement.evaluation.signed_off_at = None
    placement.evaluation.save()
    with django_capture_on_commit_callbacks(execute=True):
        placement_sign_off(placement=placement, by=supervisor)
    certificate = Certificate.objects.get()
    assert certificate.trainee == trainee and certificate.issued_by is None


def test_auto_issue_when_the_enrolment_completes_through_the_curriculum(
    trainee, cohort, course, post_test, kube, programme, django_capture_on_commit_callbacks
):
    """The curriculum completes an enrolment with an UPDATE; its audit entry triggers the issue."""
    from courses.models import LessonProgress
    from courses.services import enrollment_refresh_completion

    from ..courses.factories import EnrollmentFactory, lessons_of

    finish_apprenticeship(trainee, kube, cohort)
    grade(trainee, post_test, cohort, percent=Decimal(85))
    enrollment = EnrollmentFactory(cohort=cohort, trainee=trainee)
    now = timezone.now()
    lessons = lessons_of(course)
    for lesson in lessons:
        LessonProgress.objects.create(
            trainee=trainee, lesson=lesson, first_opened_at=now, last_opened_at=now, completed_at=now
        )
    assert not Certificate.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert enrollment_refresh_completion(enrollment=enrollment, lesson_ids=[lesson.pk for lesson in lessons])
    assert Certificate.objects.filter(trainee=trainee).count() == 1


def test_the_nightly_command_issues_what_is_due_once(ready, programme):
    call_command("issue_due_certificates")
    call_command("issue_due_certificates")
    assert Certificate.objects.filter(trainee=ready).count() == 1


def test_programme_validation(programme, course):
    programme.recertification_window_months = programme.validity_months
    programme.refresher_course = None
    with pytest.raises(ValidationError) as error:
        programme.full_clean()
    assert set(error.value.message_dict) == {"recertification_window_months", "refresher_course"}
    programme.recertification_window_months = 6
    programme.renewable = False
    programme.full_clean()


def test_a_study_participant_who_took_form_b_first_is_judged_on_form_a(trainee, cohort, post_test, kube, programme):
    """With parallel forms, form B (the post-test quiz) was this trainee's pre-test: their post-test is form A."""
    from assessments.constants import ArmRole, PostTestOpens, QuizKind
    from assessments.models import Quiz, Study, StudyParticipant
    from assessments.services import arm_add

    form_a = Quiz.objects.create(course=cohort.course, kind=QuizKind.PRE_TEST, title="Pre-test", is_live=True)
    study = Study.objects.create(
        name="Studi", course=cohort.course, pre_test=form_a, post_test=post_test, parallel_forms=True, design="waitlist"
    )
    arm = arm_add(study=study, cohort=cohort, role=ArmRole.TREATMENT, post_test_opens=PostTestOpens.AFTER_LESSONS)
    place = StudyParticipant.objects.create(study=study, arm=arm, trainee=trainee, forms_reversed=True)
    complete_course(trainee, cohort, percent=Decimal(40), quiz=post_test)  # form B, taken as the pre-test
    grade(trainee, form_a, cohort, percent=Decimal(80))  # form A, the post-test
    finish_apprenticeship(trainee, kube, cohort)

    assert programme_standing(trainee=trainee, programme=programme).eligible
    StudyParticipant.objects.filter(pk=place.pk).update(forms_reversed=False)
    assert not programme_standing(trainee=trainee, programme=programme).eligible  # then form B at 40 % counts
