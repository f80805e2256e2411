""" "Certificate valid" has one owner (lms.certification.validity): the Python check, the model's
status and the query condition give the same answer on the same certificates, at the boundaries."""

import datetime

import pytest
from django.utils import timezone

from lms.certification.constants import CertificateStatus
from lms.certification.models import Certificate
from lms.certification.validity import expired_on_q, is_valid_on, valid_on_q

from .factories import CertificateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificates():
    today = timezone.localdate()
    made = []
    for days in (-400, -1, 0, 1, 90):
        made.append(
            CertificateFactory(
                issued_on=today - datetime.timedelta(days=800), expires_on=today + datetime.timedelta(days=days)
            )
        )
        made.append(
            CertificateFactory(
                issued_on=today - datetime.timedelta(days=800),
                expires_on=today + datetime.timedelta(days=days),
                revoked_at=timezone.now(),
            )
        )
    return made


@pytest.mark.parametrize("offset", [-1, 0, 1, 2, 91])
def test_the_check_the_status_and_the_query_agree(certificates, offset):
    day = timezone.localdate() + datetime.timedelta(days=offset)
    by_query = set(Certificate.objects.filter(valid_on_q(day)).values_list("pk", flat=True))
    by_check = {
        c.pk for c in certificates if is_valid_on(revoked=c.revoked_at is not None, expires_on=c.expires_on, day=day)
    }
    by_status = {c.pk for c in certificates if c.status_on(day) == CertificateStatus.VALID}
    assert by_query == by_check == by_status
    expired = set(Certificate.objects.filter(expired_on_q(day)).values_list("pk", flat=True))
    assert expired == {c.pk for c in certificates if c.status_on(day) == CertificateStatus.EXPIRED}


def test_valid_until_and_including_the_expiry_date():
    day = datetime.date(2026, 12, 3)
    assert is_valid_on(revoked=False, expires_on=day, day=day)
    assert not is_valid_on(revoked=False, expires_on=day, day=day + datetime.timedelta(days=1))
    assert not is_valid_on(revoked=True, expires_on=day, day=day)
