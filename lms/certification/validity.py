"""When a certificate is valid: the one owner of the rule, as a pure check and as a query condition.

A certificate is valid on a day when it is not revoked and the day is on or before its expiry
date (valid "until and including" the date printed on it). Everything that asks, in Python or in
SQL, asks here; tests/certification/test_validity.py holds the two to the same answers.
"""

import datetime

from django.db.models import Q


def is_valid_on(*, revoked: bool, expires_on: datetime.date, day: datetime.date) -> bool:
    return not revoked and day <= expires_on


def valid_on_q(day: datetime.date, prefix: str = "") -> Q:
    """Certificate rows valid on `day`; `prefix` is the path to the certificate, e.g. "certificates__"."""
    return Q(**{f"{prefix}revoked_at__isnull": True, f"{prefix}expires_on__gte": day})


def expired_on_q(day: datetime.date, prefix: str = "") -> Q:
    """Certificate rows that lapsed (not revoked) before `day`."""
    return Q(**{f"{prefix}revoked_at__isnull": True, f"{prefix}expires_on__lt": day})
