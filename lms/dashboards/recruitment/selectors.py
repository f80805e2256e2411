"""Reads for the supervisor's recruitment screens that need the curriculum (cohorts to accept into)."""

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from courses.constants import SEAT_HOLDING_STATUSES
from courses.models import Cohort
from courses.selectors import cohorts_for_user
from lms.people.models import User


def cohorts_for_acceptance(*, user: User) -> QuerySet[Cohort]:
    """Cohorts the user follows that take new trainees now: open, not ended, with a free seat."""
    return (
        cohorts_for_user(user=user)
        .filter(enrollment_open=True, ends_on__gte=timezone.localdate())
        .annotate(seats_taken=Count("enrollments", filter=Q(enrollments__status__in=SEAT_HOLDING_STATUSES)))
        .filter(seats_taken__lt=F("capacity"))
        .order_by("starts_on", "name")
    )
