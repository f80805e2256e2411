"""The evaluation studies in the header, for the senior trainers who design them (registered with
lms.people.navigation). Trainers and supervisors reach a study from its report links."""

from django.urls import reverse
from django.utils.translation import gettext as _

from .studies import user_designs_studies


def study_links(user) -> list[tuple[int, str, str]]:
    if user_designs_studies(user):
        return [(60, reverse("assessments:studies"), _("Evaluation studies"))]
    return []
