"""Writes for certification: issuing, renewing and revoking certificates.

Every function checks the rules, writes under `transaction.atomic` and leaves an entry in
Wagtail's audit log. The PDF is drawn and the holder told by e-mail once the transaction commits.
"""

import base64
import logging
import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from lms.notifications import notify
from lms.people.models import User

from .constants import IssueMode
from .eligibility import add_months
from .models import Certificate, CertificationProgramme
from .selectors import (
    active_programmes,
    certificate_candidate_ids,
    programme_standing,
    programme_standings,
    programme_standings_bulk,
)
from .tasks import generate_certificate_pdf

logger = logging.getLogger(__name__)

NOT_ELIGIBLE = _("Not every condition holds yet: %(conditions)s.")
NEEDS_SUPERVISOR = _("Certificates of this programme are issued by a supervisor.")
PROGRAMME_INACTIVE = _("This programme is not active.")
REASON_REQUIRED = _("Give the reason for the revocation.")
ALREADY_REVOKED = _("This certificate has already been revoked.")

# Trainees read at once by the nightly issue: a fixed number of queries per batch.
ISSUE_BATCH_SIZE = 500

SERIAL_PREFIX = "AP"
SERIAL_DIGITS = 6
SERIAL_ATTEMPTS = 5
# The first key of the advisory lock that numbers certificates (the second is the year).
SERIAL_LOCK_NAMESPACE = 7_301_001
# 15 random bytes = 120 bits, written as 24 characters of base32 (A-Z, 2-7): easy to type, no
# look-alike 0/O or 1/I, and far beyond enumeration.
VERIFICATION_CODE_BYTES = 15


def new_verification_code() -> str:
    return base64.b32encode(secrets.token_bytes(VERIFICATION_CODE_BYTES)).decode("ascii")


def next_serial_number(year: int) -> str:
    """AP-<year>-<6 digits>, one sequence per year across programmes: the highest of the year plus one.

    Two issues at the same moment can compute the same number; the unique index refuses the
    second and `certificate_issue` tries again with a fresh read.
    """
    prefix = f"{SERIAL_PREFIX}-{year}-"
    last = (
        Certificate.objects.filter(serial_number__startswith=prefix)
        .order_by("-serial_number")
        .values_list("serial_number", flat=True)
        .first()
    )
    number = int(last.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{number:0{SERIAL_DIGITS}d}"


def certificate_issue(
    *, trainee: User, programme: CertificationProgramme, by: User | None = None, today=None
) -> Certificate:
    """Issue (or renew) the trainee's certificate under the programme, if every condition holds now.

    `by` is the supervisor who issues it; None means the automatic path, which a programme in
    supervisor mode refuses. The programme's row is locked, so two issues for the same trainee
    (the enrolment signal and the nightly command, say) cannot both pass the check; the second
    sees the first's certificate and stops. A renewal points at the certificate it renews.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        programme = CertificationProgramme.objects.select_for_update().get(pk=programme.pk)
        if not programme.active:
            raise ValidationError(PROGRAMME_INACTIVE)
        if by is None and programme.issue_mode == IssueMode.SUPERVISOR:
            raise ValidationError(NEEDS_SUPERVISOR)
        standing = programme_standing(trainee=trainee, programme=programme, today=today)
        if not standing.eligible:
            unmet = "; ".join(condition.label for condition in standing.conditions if not condition.met)
            raise ValidationError(NOT_ELIGIBLE, params={"conditions": unmet})
        certificate = Certificate(
            programme=programme,
            trainee=trainee,
            verification_code=new_verification_code(),
            issued_on=today,
            expires_on=add_months(today, programme.validity_months),
            issued_by=by,
            renews_id=standing.eligibility.renews_id,
        )
        _save_with_serial(certificate)
        log(
            instance=certificate,
            action="certification.certificate.renew" if certificate.renews_id else "certification.certificate.issue",
            user=by,
            data={"serial_number": certificate.serial_number, "programme": programme.code},
        )
        certificate_id = certificate.pk
        transaction.on_commit(lambda: generate_certificate_pdf.enqueue(certificate_id=certificate_id))
        notify(
            to=trainee.email,
            name="certificate_issued",
            context={"certificate": certificate, "programme": programme, "trainee": trainee},
        )
    return certificate


def _save_with_serial(certificate: Certificate) -> None:
    """Give the certificate the year's next serial and save it.

    Serials run in one sequence per year across all programmes, so the programme row lock is not
    enough: on PostgreSQL a transaction-scoped advisory lock per year serialises the numbering
    (SQLite serialises writers anyway). The unique index and the retry are the last safety net.
    """
    year = certificate.issued_on.year
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [SERIAL_LOCK_NAMESPACE, year])
    for attempt in range(SERIAL_ATTEMPTS):
        certificate.serial_number = next_serial_number(year)
        certificate.full_clean(exclude=["serial_number"])
        try:
            with transaction.atomic():
                certificate.save()
            return
        except IntegrityError:
            if attempt == SERIAL_ATTEMPTS - 1:
                raise
            certificate.pk = None


def certificate_revoke(*, certificate: Certificate, by: User, reason: str) -> Certificate:
    """Revoke a certificate with a reason; it stays on record and verifies as revoked from now on."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": REASON_REQUIRED})
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.revoked_at is not None:
            raise ValidationError(ALREADY_REVOKED)
        certificate.revoked_at, certificate.revoked_by, certificate.revocation_reason = timezone.now(), by, reason
        certificate.full_clean()
        certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
        log(instance=certificate, action="certification.certificate.revoke", user=by, data={"reason": reason})
    return certificate


def certificates_issue_due(*, trainee: User, today=None) -> list[Certificate]:
    """Issue every automatic programme's certificate that has become due for the trainee.

    Called after a trainee's enrolment or placement completes. Reading the standings first keeps
    the common case (nothing due) to a few queries; `certificate_issue` checks again under the lock.
    """
    today = today or timezone.localdate()
    programmes = list(active_programmes().filter(issue_mode=IssueMode.AUTOMATIC))
    due = [s.programme for s in programme_standings(trainee=trainee, programmes=programmes, today=today) if s.eligible]
    return _issue_each(trainee=trainee, programmes=due, today=today)


def certificates_issue_all_due(*, today=None, batch_size: int = ISSUE_BATCH_SIZE) -> list[Certificate]:
    """Issue every automatic certificate that has become due, for everyone: the nightly backstop.

    `manage.py issue_due_certificates` runs it in case a signal was missed. The candidates leave
    out the settled (`certificate_candidate_ids`), and their standings are read `batch_size` at a
    time by `programme_standings_bulk`, so finding who is due costs the same few queries for 3
    trainees as for 30,000 in one batch; only each certificate actually issued costs its own.
    """
    today = today or timezone.localdate()
    programmes = list(active_programmes().filter(issue_mode=IssueMode.AUTOMATIC))
    if not programmes:
        return []
    candidate_ids = certificate_candidate_ids(programmes=programmes, today=today)
    issued = []
    for start in range(0, len(candidate_ids), batch_size):
        batch = candidate_ids[start : start + batch_size]
        standings = programme_standings_bulk(trainee_ids=batch, programmes=programmes, today=today)
        due = {
            trainee_id: [s.programme for s in own if s.eligible]
            for trainee_id, own in standings.items()
            if any(s.eligible for s in own)
        }
        if not due:
            continue
        trainees = User.objects.in_bulk(list(due))
        for trainee_id, due_programmes in due.items():
            issued += _issue_each(trainee=trainees[trainee_id], programmes=due_programmes, today=today)
    return issued


def _issue_each(*, trainee: User, programmes: list[CertificationProgramme], today) -> list[Certificate]:
    """Issue the programmes found due; one that is no longer due under the lock is skipped, not an error."""
    issued = []
    for programme in programmes:
        try:
            issued.append(certificate_issue(trainee=trainee, programme=programme, today=today))
        except ValidationError:
            logger.info("Certificate of %s for %s no longer due", programme.code, trainee.pk)
    return issued
