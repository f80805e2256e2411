"""E-mail reminders before a certificate expires (90 and 30 days before, EXPIRY_REMINDER_DAYS).

Run once a day (`manage.py notify_expiring_certificates` from cron). Each reminder is sent
at most once per certificate, and a missed day does not lose one: the 90-day reminder goes
out on any day with 30 < days left <= 90, the 30-day one on any day with 0 <= days left <=
30, each unless already sent. If both are due (the job was down for two months), only the
30-day one goes, so the holder is not told twice in one morning. What was sent is recorded
as a Wagtail audit-log row on the certificate (action `certification.certificate.reminder_<days>`)
written in the same transaction as the e-mail is queued, so a second run sends nothing.

Revoked and expired certificates get no reminder, nor does one already renewed (a newer
certificate points at it) or one whose holder's account is closed.
"""

import dataclasses
import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from lms.notifications import notify

from .constants import EXPIRY_REMINDER_DAYS
from .models import Certificate
from .validity import valid_on_q

REMINDER_ACTION = "certification.certificate.reminder_{days}"


def reminder_action(days: int) -> str:
    return REMINDER_ACTION.format(days=days)


def reminder_due(*, days_left: int) -> int | None:
    """Which reminder (90 or 30) is due with `days_left` days to go, or None.

    The smallest threshold at or above `days_left` wins: 45 days left → 90, 30 → 30, 0 → 30.
    """
    if days_left < 0:
        return None
    due = [days for days in sorted(EXPIRY_REMINDER_DAYS) if days_left <= days]
    return due[0] if due else None


@dataclasses.dataclass
class ReminderReport:
    sent: dict[int, int] = dataclasses.field(default_factory=lambda: dict.fromkeys(EXPIRY_REMINDER_DAYS, 0))

    @property
    def total(self) -> int:
        return sum(self.sent.values())


def _candidates(today: datetime.date):
    horizon = today + datetime.timedelta(days=max(EXPIRY_REMINDER_DAYS))
    return (
        Certificate.objects.filter(
            valid_on_q(today),
            expires_on__lte=horizon,
            renewal__isnull=True,
            trainee__is_active=True,
        )
        .select_related("programme__refresher_course", "trainee")
        .order_by("expires_on", "pk")
    )


def _already_sent(certificates: list[Certificate]) -> set[tuple[str, str]]:
    """(object id, action) pairs of the reminders already logged for `certificates`, one query."""
    content_type = ContentType.objects.get_for_model(Certificate)
    return set(
        ModelLogEntry.objects.filter(
            content_type=content_type,
            object_id__in=[str(certificate.pk) for certificate in certificates],
            action__in=[reminder_action(days) for days in EXPIRY_REMINDER_DAYS],
        ).values_list("object_id", "action")
    )


def _reminder_send(*, certificate: Certificate, days: int, days_left: int) -> bool:
    """Queue one reminder and log it, unless another run logged it first (row lock)."""
    action = reminder_action(days)
    with transaction.atomic():
        Certificate.objects.select_for_update().filter(pk=certificate.pk).first()
        if ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Certificate),
            object_id=str(certificate.pk),
            action=action,
        ).exists():
            return False
        programme = certificate.programme
        notify(
            to=certificate.trainee.email,
            name="certificate_expiring",
            context={
                "holder_name": certificate.trainee.full_name,
                "programme_name": programme.name,
                "serial_number": certificate.serial_number,
                "expires_on": certificate.expires_on,
                "days_left": days_left,
                "refresher_title": programme.refresher_course.title if programme.refresher_course else "",
                "certification_path": reverse("certification:mine"),
            },
        )
        log(instance=certificate, action=action, data={"days_left": days_left})
    return True


def certificates_notify_expiring(*, today: datetime.date | None = None) -> ReminderReport:
    """Send every expiry reminder due `today` (default: the local date) that was not sent yet."""
    today = today or timezone.localdate()
    report = ReminderReport()
    certificates = list(_candidates(today))
    sent = _already_sent(certificates)
    for certificate in certificates:
        days_left = (certificate.expires_on - today).days
        days = reminder_due(days_left=days_left)
        if days is None or (str(certificate.pk), reminder_action(days)) in sent:
            continue
        if _reminder_send(certificate=certificate, days=days, days_left=days_left):
            report.sent[days] += 1
    return report
