"""The certification checklist in the header, for trainees (registered with lms.people.navigation)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lms.people.constants import Role


def certification_links(user) -> list[tuple[int, str, str]]:
    if user.has_role(Role.TRAINEE):
        return [(30, reverse("certification:mine"), _("Certification"))]
    return []
