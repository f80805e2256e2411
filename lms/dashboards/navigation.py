"""The header links of the dashboards app: home for everyone, supervision and recruitment for
supervisors (registered with lms.people.navigation)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lms.people.scoping import supervises_a_region


def dashboard_links(user) -> list[tuple[int, str, str]]:
    links = [(10, reverse("dashboards:home"), _("My home"))]
    if supervises_a_region(user):
        links.append((40, reverse("dashboards:supervisor"), _("Supervision")))
        links.append((50, reverse("recruitment:list"), _("Recruitment")))
    return links
