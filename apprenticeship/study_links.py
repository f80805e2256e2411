"""What the apprenticeship tells the evaluation studies (assessments.studies), which cannot see it:
whether a trainee's apprenticeship is signed off, and which control trainees were placed."""

from django.utils.translation import gettext as _

from assessments.studies import Breach, register_apprenticeship_done, register_breach_source

from .constants import PlacementStatus
from .models import Placement

STARTED = (PlacementStatus.ACTIVE, PlacementStatus.COMPLETED)


def apprenticeship_signed_off(trainee, course) -> bool:
    return Placement.objects.filter(trainee=trainee, cohort__course=course, status=PlacementStatus.COMPLETED).exists()


def placements_during(trainee_ids, start, end) -> list[Breach]:
    """Placements of these trainees under way at some time between `start` and `end`."""
    placements = Placement.objects.filter(
        trainee_id__in=trainee_ids, status__in=STARTED, starts_on__lte=end.date(), ends_on__gte=start.date()
    ).select_related("kube")
    return [
        Breach(
            placement.trainee_id,
            "apprenticeship",
            max(placement.starts_on, start.date()),
            _("Apprenticeship at %(kube)s") % {"kube": placement.kube.name},
        )
        for placement in placements
    ]


def register() -> None:
    register_apprenticeship_done(apprenticeship_signed_off)
    register_breach_source(placements_during)
