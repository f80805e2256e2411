"""What the apprenticeship adds to pages of apps it builds on (a cohort's page)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from courses.extensions import Link, register_cohort_links
from lms.people.constants import Role


def cohort_placement_links(cohort, user) -> list[Link]:
    """Staff who follow a cohort can propose apprenticeships for its trainees from its page."""
    if not (user.is_superuser or user.has_role(Role.TRAINER) or user.has_role(Role.SUPERVISOR)):
        return []
    links = [Link(_("Propose apprenticeship placements"), f"{reverse('apprenticeship:propose')}?angkatan={cohort.pk}")]
    if user.is_superuser or user.has_role(Role.SUPERVISOR):
        links.append(Link(_("Apprenticeship placements board"), reverse("apprenticeship:board")))
    return links


def register() -> None:
    register_cohort_links(cohort_placement_links)
