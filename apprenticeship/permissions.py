"""Who may see and do what in the apprenticeship, declared once: a queryset filter and object checks.

- the trainee sees their own placements and writes their own logbook;
- the host mentor sees the placements they host, countersigns and evaluates;
- a trainer sees the placements of the cohorts they teach and may propose placements there;
- a supervisor sees the placements at KUBE in their region, proposes, approves and signs off.
"""

from django.db.models import Q

from lms.people.constants import Role
from lms.people.models import User
from lms.people.scoping import region_in_user_scope, region_scope_q

from .constants import LOGGING_STATUSES, OPEN_STATUSES, PlacementStatus
from .models import KubeGroup, Placement


def placement_visibility_q(user: User) -> Q:
    """Placements the user may read, as one condition for any placement queryset."""
    grounds = Q(trainee=user) | Q(host_mentor=user)
    if user.has_role(Role.TRAINER) or user.has_role(Role.SENIOR_TRAINER):
        grounds |= Q(cohort__trainers=user)
    if user.has_role(Role.SUPERVISOR) or user.is_superuser:
        grounds |= region_scope_q(user=user, region_field="kube__village")
    return grounds


def supervises_kube(user: User, kube: KubeGroup) -> bool:
    return (user.is_superuser or user.has_role(Role.SUPERVISOR)) and region_in_user_scope(
        user=user, region=kube.village
    )


def may_propose(user: User, *, cohort, kube: KubeGroup) -> bool:
    """A trainer of the cohort, or a supervisor of the KUBE's region."""
    return supervises_kube(user, kube) or cohort.trainers.filter(pk=user.pk).exists()


def may_decide(user: User, placement: Placement) -> bool:
    """Approve or reject: a supervisor of the region the KUBE lies in."""
    return placement.status == PlacementStatus.PROPOSED and supervises_kube(user, placement.kube)


def may_withdraw(user: User, placement: Placement) -> bool:
    if placement.status not in OPEN_STATUSES:
        return False
    return user.pk in (placement.trainee_id, placement.proposed_by_id) or supervises_kube(user, placement.kube)


def may_write_logbook(user: User, placement: Placement) -> bool:
    return user.pk == placement.trainee_id and placement.status in LOGGING_STATUSES


def may_countersign(user: User, placement: Placement) -> bool:
    return user.pk == placement.host_mentor_id and placement.status in LOGGING_STATUSES


def may_evaluate(user: User, placement: Placement) -> bool:
    signed_off = getattr(getattr(placement, "evaluation", None), "signed_off_at", None)
    return user.pk == placement.host_mentor_id and placement.status == PlacementStatus.ACTIVE and not signed_off


def may_sign_off(user: User, placement: Placement) -> bool:
    return placement.status == PlacementStatus.ACTIVE and supervises_kube(user, placement.kube)


def may_assess_kube(user: User, kube: KubeGroup) -> bool:
    """Maturity assessments are made by the KUBE's host mentor or a supervisor of its region."""
    return user.pk == kube.host_mentor_id or supervises_kube(user, kube)
