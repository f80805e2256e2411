"""E-mail reminders 90 and 30 days before a certificate expires: each once, missed days
caught up, none for revoked, expired or renewed certificates."""

import datetime
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from lms.certification.models import Certificate
from lms.certification.reminders import certificates_notify_expiring, reminder_action, reminder_due

from ..courses.factories import build_course
from ..people.factories import TraineeFactory
from .factories import CertificateFactory, CertificationProgrammeFactory

TODAY = datetime.date(2026, 3, 1)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the daily command as if on `day`; return the e-mails it sent."""

    def _run(day: datetime.date):
        before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            call_command("notify_expiring_certificates", date=day.isoformat(), stdout=io.StringIO())
        return mail.outbox[before:]

    return _run


def _expiring_in(days: int, **fields) -> Certificate:
    expires_on = TODAY + datetime.timedelta(days=days)
    return CertificateFactory(issued_on=expires_on - datetime.timedelta(days=1000), expires_on=expires_on, **fields)


def _reminders_logged(certificate) -> list[str]:
    return sorted(
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Certificate), object_id=str(certificate.pk)
        ).values_list("action", flat=True)
    )


@pytest.mark.parametrize(("days_left", "due"), [(91, None), (90, 90), (31, 90), (30, 30), (1, 30), (0, 30), (-1, None)])
def test_which_reminder_is_due_at_each_boundary(days_left, due):
    assert reminder_due(days_left=days_left) == due


def test_ninety_then_thirty_days_before_each_once(db, run):
    course = build_course(code="PK-SEGAR", title="Penyegaran Pendamping KUBE")
    certificate = _expiring_in(
        90,
        trainee=TraineeFactory(full_name="Yuni Astuti", email="yuni@contoh.test"),
        programme=CertificationProgrammeFactory(name="Pendamping KUBE Dasar", refresher_course=course),
        serial_number="AP-2023-000009",
    )

    ninety = run(TODAY)
    assert [message.to for message in ninety] == [["yuni@contoh.test"]]
    body = ninety[0].body
    assert "Yuni Astuti" in body
    assert "AP-2023-000009" in body
    assert "Pendamping KUBE Dasar" in body
    assert "Penyegaran Pendamping KUBE" in body  # how to renew: the refresher course
    assert "http://testserver/sertifikasi/" in body
    assert "30 Mei 2026" in body  # the expiry date, in Indonesian (the default language)
    assert "90" in ninety[0].subject

    assert run(TODAY) == []  # the same day again
    assert run(TODAY + datetime.timedelta(days=59)) == []  # 31 days left: the 90-day one was sent

    thirty = run(TODAY + datetime.timedelta(days=60))
    assert [message.to for message in thirty] == [["yuni@contoh.test"]]
    assert "30" in thirty[0].subject
    assert run(TODAY + datetime.timedelta(days=61)) == []
    assert run(TODAY + datetime.timedelta(days=90)) == []  # the expiry day itself
    assert _reminders_logged(certificate) == [reminder_action(30), reminder_action(90)]


def test_a_missed_day_is_caught_up_the_next_run(db, run):
    certificate = _expiring_in(75)  # the job never ran at 90 days left

    assert len(run(TODAY)) == 1
    assert _reminders_logged(certificate) == [reminder_action(90)]


def test_when_both_are_overdue_only_the_thirty_day_one_goes(db, run):
    certificate = _expiring_in(12)

    sent = run(TODAY)

    assert len(sent) == 1
    assert "12" in sent[0].subject
    assert _reminders_logged(certificate) == [reminder_action(30)]
    assert run(TODAY + datetime.timedelta(days=1)) == []


def test_no_reminder_for_revoked_expired_renewed_or_closed_accounts_or_far_off(db, run):
    revoked = _expiring_in(60, revoked_at=timezone.now(), revocation_reason="Dicabut")
    expired = _expiring_in(-1)
    far_off = _expiring_in(91)
    renewed = _expiring_in(20)
    CertificateFactory(trainee=renewed.trainee, programme=renewed.programme, renews=renewed)
    closed = _expiring_in(20, trainee=TraineeFactory(is_active=False))

    assert run(TODAY) == []
    for certificate in (revoked, expired, far_off, renewed, closed):
        assert _reminders_logged(certificate) == []


def test_without_a_refresher_course_the_mail_points_to_the_certification_page(db, run):
    _expiring_in(40, programme=CertificationProgrammeFactory(refresher_course=None))

    (message,) = run(TODAY)

    assert "http://testserver/sertifikasi/" in message.body


def test_the_queries_do_not_grow_with_certificates_that_need_nothing(db, django_assert_max_num_queries):
    for days in (10, 50, 200, 300):
        _expiring_in(days)
    certificates_notify_expiring(today=TODAY)  # send the two that are due

    for days in range(15):
        _expiring_in(40 + days)
    certificates_notify_expiring(today=TODAY)
    with django_assert_max_num_queries(3):
        report = certificates_notify_expiring(today=TODAY)  # everything already sent
    assert report.total == 0


def test_the_command_reports_what_it_sent(db, django_capture_on_commit_callbacks):
    _expiring_in(80)
    _expiring_in(25)
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("notify_expiring_certificates", date=TODAY.isoformat(), stdout=out)

    assert out.getvalue().strip() == "90-day reminders sent: 1, 30-day reminders sent: 1"
