"""Reads for recruitment. Supervisors see the applications of their region subtree only."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from .constants import SCREENING_RUBRIC, ApplicationStatus
from .models import CandidateApplication, Region, User
from .scoping import supervises_a_region, within_user_region


def may_screen_applications(user: User) -> bool:
    """Supervisors (within their region) and administrators screen and decide applications."""
    return supervises_a_region(user)


def applications_for_user(*, user: User, status: str | None = None) -> QuerySet[CandidateApplication]:
    """Applications from the user's region subtree, newest first; 403 for anyone who may not screen."""
    if not may_screen_applications(user):
        raise PermissionDenied
    applications = CandidateApplication.objects.select_related("region", "screening")
    if status:
        applications = applications.filter(status=status)
    return within_user_region(applications, user=user, region_field="region")


def application_get_for_user(*, user: User, application_id: int) -> CandidateApplication:
    """One application the user may screen; 404 for one outside their region, so ids reveal nothing."""
    applications = applications_for_user(user=user).select_related("decided_by", "account", "screening__screened_by")
    return get_object_or_404(applications, pk=application_id)


def application_status_counts(*, user: User) -> list[tuple[str, str, int]]:
    """(status, label, count) for every status, zeros included, in one query."""
    counted = dict(
        applications_for_user(user=user)
        .order_by()
        .values_list("status")
        .annotate(count=Count("pk"))
        .values_list("status", "count")
    )
    return [(value, label, counted.get(value, 0)) for value, label in ApplicationStatus.choices]


def application_regions() -> QuerySet[Region]:
    """Regencies and cities, the level at which a candidate says where they live."""
    return Region.objects.filter(depth=2).order_by("path")


def rubric_rows(scores: dict | None) -> list[tuple[str, list[tuple[str, str, int | None]]]]:
    """The rubric grouped for display, each criterion with its score (None when not scored)."""
    scores = scores or {}
    return [
        (group_label, [(key, label, scores.get(key)) for key, label in criteria])
        for _group, group_label, criteria in SCREENING_RUBRIC
    ]
