"""The demo certification: one programme, certificates valid, expired and revoked, each earned by the rules.

The whole demo (`seed_demo`) is slow, so this module runs it once, in one test, and checks
everything there; the second run checks that nothing more is created.
"""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from lms.certification import demo as certification_demo
from lms.certification.constants import CertificateStatus
from lms.certification.models import Certificate, CertificationProgramme
from lms.certification.selectors import programme_standing

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_pdf", "english")]


class _Undo(Exception):
    pass


def _conditions_without_the_certificates(trainee, programme):
    """The trainee's original checklist, as the rules see it with their certificates set aside."""
    try:
        with transaction.atomic():
            Certificate.objects.filter(trainee=trainee, programme=programme).delete()
            standing = programme_standing(trainee=trainee, programme=programme)
            raise _Undo
    except _Undo:
        pass
    return standing


def _snapshot():
    return (
        sorted(CertificationProgramme.objects.values_list("code", flat=True)),
        sorted(Certificate.objects.values_list("serial_number", "trainee__email", "issued_on", "revoked_at")),
    )


def test_demo_certification_covers_every_status_with_earned_certificates_and_a_second_run_changes_nothing():
    call_command("seed_demo")

    programme = CertificationProgramme.objects.get(code=certification_demo.PROGRAMME_CODE)
    assert programme.active and programme.required_courses.filter(code="PKUBE-101").exists()
    today = timezone.localdate()
    certificates = list(Certificate.objects.filter(programme=programme).select_related("trainee"))
    by_status = {status: [c for c in certificates if c.status_on(today) == status] for status in CertificateStatus}
    assert by_status[CertificateStatus.VALID]
    assert by_status[CertificateStatus.EXPIRED]
    assert by_status[CertificateStatus.REVOKED]
    for revoked in by_status[CertificateStatus.REVOKED]:
        assert revoked.revocation_reason.strip() and revoked.revoked_by is not None

    # Every valid certificate was earned: with it set aside, its holder meets every condition.
    for certificate in by_status[CertificateStatus.VALID]:
        standing = _conditions_without_the_certificates(certificate.trainee, programme)
        unmet = [condition.label for condition in standing.conditions if not condition.met]
        assert standing.eligible, (certificate.trainee.email, unmet)
    assert Certificate.objects.filter(programme=programme).count() == len(certificates)  # nothing was lost

    # A holder inside the renewal window is told to take the refresher course.
    renewing = [programme_standing(trainee=c.trainee, programme=programme) for c in by_status[CertificateStatus.VALID]]
    assert any(s.conditions[0].key == "renewal" and s.conditions[0].url for s in renewing)

    first = _snapshot()
    call_command("seed_demo")
    assert _snapshot() == first
