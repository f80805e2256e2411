"""Reads for the apprenticeship: eligible hosts and suggestions, placements by who is asking, boards.

Everything a user reads goes through `placements_for_user` (or `kube_groups_for_user`), which
applies `permissions.placement_visibility_q`, so nobody reaches another person's logbook.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, Count, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.constants import SEAT_HOLDING_STATUSES as ENROLMENT_SEAT_STATUSES
from courses.models import Cohort
from courses.selectors import cohorts_for_user
from lms.people.constants import Role
from lms.people.models import Region, User
from lms.people.scoping import region_scope_q

from .constants import HOST_CLASSES, LOGGING_STATUSES, OPEN_STATUSES, SEAT_HOLDING_STATUSES, PlacementStatus
from .models import ApprenticeshipSettings, KubeGroup, LogbookEntry, Placement
from .permissions import placement_visibility_q
from .rules import HostCheck, HostProblem, Thresholds, oldest_counting_assessment

HOST_PROBLEM_MESSAGES = {
    HostProblem.INACTIVE: gettext_lazy("the KUBE is not active"),
    HostProblem.NO_HOST_MENTOR: gettext_lazy("it has no host mentor"),
    HostProblem.FULL: gettext_lazy("every apprentice place is taken"),
    HostProblem.NEVER_ASSESSED: gettext_lazy("its maturity has never been assessed"),
    HostProblem.ASSESSMENT_TOO_OLD: gettext_lazy("its latest assessment is too old"),
    HostProblem.CLASS_TOO_LOW: gettext_lazy("its latest class is below Berkembang"),
    HostProblem.SCORE_TOO_LOW: gettext_lazy("its latest total score is below the hosting threshold"),
}
SUGGESTIONS_SHOWN = 10
BOARD_ROWS_SHOWN = 100


def thresholds() -> Thresholds:
    rules = ApprenticeshipSettings.load()
    return Thresholds(
        berkembang_min_total=rules.berkembang_min_total,
        mandiri_min_total=rules.mandiri_min_total,
        host_min_total=rules.host_min_total,
        assessment_max_age_months=rules.assessment_max_age_months,
    )


def host_problem_messages(problems: list[str]) -> list[str]:
    return [str(HOST_PROBLEM_MESSAGES[problem]) for problem in problems]


def with_free_places(kube_groups: QuerySet[KubeGroup]) -> QuerySet[KubeGroup]:
    """Annotate `free_places`: host places minus approved and active placements."""
    taken = (
        Placement.objects.filter(kube=OuterRef("pk"), status__in=SEAT_HOLDING_STATUSES)
        .order_by()
        .values("kube")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return kube_groups.annotate(
        places_taken=Coalesce(Subquery(taken, output_field=IntegerField()), 0),
        free_places=F("host_capacity") - F("places_taken"),
    )


def host_check(kube: KubeGroup) -> HostCheck:
    """The facts the hosting rule needs about one KUBE."""
    latest = kube.latest_assessment
    taken = kube.placements.filter(status__in=SEAT_HOLDING_STATUSES).count()
    return HostCheck(
        is_active=kube.is_active,
        has_host_mentor=kube.host_mentor_id is not None,
        free_places=kube.host_capacity - taken,
        assessed_on=latest.assessed_on if latest else None,
        maturity_class=latest.maturity_class if latest else None,
        total_score=latest.total_score if latest else None,
    )


def eligible_hosts(*, today: datetime.date | None = None, rules: Thresholds | None = None) -> QuerySet[KubeGroup]:
    """KUBE that may host an apprentice now: the rule of `rules.host_problems`, as one query."""
    rules = rules or thresholds()
    today = today or timezone.localdate()
    return with_free_places(
        KubeGroup.objects.filter(
            is_active=True,
            host_mentor__isnull=False,
            latest_assessment__assessed_on__gte=oldest_counting_assessment(today, rules),
            latest_assessment__maturity_class__in=HOST_CLASSES,
            latest_assessment__total_score__gte=rules.host_min_total,
        )
    ).filter(free_places__gt=0)


@dataclass
class HostSuggestion:
    kube: KubeGroup
    closeness: int
    interest_match: bool
    reasons: list[str] = field(default_factory=list)


CLOSENESS_LABELS = {
    3: gettext_lazy("Same district (%(place)s)"),
    2: gettext_lazy("Same regency/city (%(place)s)"),
    1: gettext_lazy("Same province (%(place)s)"),
}


def host_suggestions(*, trainee: User, viewer: User, limit: int = SUGGESTIONS_SHOWN) -> list[HostSuggestion]:
    """Eligible hosts for the trainee, nearest first, then most free places, then their interest.

    Only KUBE in the trainee's province (or, for a trainee without a region, in the viewer's
    scope) are offered; nearness is read from the region tree's paths in the query itself.
    """
    home = trainee.home_region
    interest_ids = list(
        trainee.apprentice_interest.business_types.values_list("pk", flat=True)
        if hasattr(trainee, "apprentice_interest")
        else []
    )
    hosts = eligible_hosts().select_related("village", "business_type", "host_mentor", "latest_assessment")
    place_names = {}
    if home is not None:
        prefixes = [home.path[: Region.steplen * depth] for depth in range(1, min(home.depth, 3) + 1)]
        # The places a KUBE can share with the trainee are the trainee's own ancestors.
        place_names = dict(Region.objects.filter(path__in=prefixes).values_list("depth", "name"))
        hosts = hosts.filter(village__path__startswith=prefixes[0]).annotate(
            closeness=Case(
                *[
                    When(village__path__startswith=prefix, then=Value(depth))
                    for depth, prefix in reversed(list(enumerate(prefixes, 1)))
                ],
                default=Value(0),
                output_field=IntegerField(),
            )
        )
    else:
        hosts = hosts.filter(region_scope_q(user=viewer, region_field="village")).annotate(closeness=Value(0))
    hosts = hosts.annotate(
        interest_match=Case(When(business_type_id__in=interest_ids, then=Value(1)), default=Value(0))
    ).order_by("-closeness", "-free_places", "-interest_match", "name", "pk")[:limit]
    suggestions = []
    for kube in hosts:
        suggestion = HostSuggestion(kube=kube, closeness=kube.closeness, interest_match=bool(kube.interest_match))
        if kube.closeness:
            suggestion.reasons.append(
                str(CLOSENESS_LABELS[kube.closeness] % {"place": place_names.get(kube.closeness, "")})
            )
        suggestion.reasons.append(
            _("%(free)s of %(capacity)s apprentice places free")
            % {"free": kube.free_places, "capacity": kube.host_capacity}
        )
        if suggestion.interest_match:
            suggestion.reasons.append(
                _("Runs a business the trainee wants to learn: %(type)s") % {"type": kube.business_type.name}
            )
        latest = kube.latest_assessment
        suggestion.reasons.append(
            _("%(class)s, total score %(total)s (assessed %(date)s)")
            % {"class": latest.get_maturity_class_display(), "total": latest.total_score, "date": latest.assessed_on}
        )
        suggestions.append(suggestion)
    return suggestions


def placements_for_user(user: User) -> QuerySet[Placement]:
    return (
        Placement.objects.filter(placement_visibility_q(user))
        .distinct()
        .select_related("trainee", "kube", "kube__village", "host_mentor", "cohort")
    )


def placement_get_for_user(*, user: User, placement_id: int) -> Placement:
    """One placement the user may read, or 404: nobody learns that someone else's placement exists."""
    placement = placements_for_user(user).filter(pk=placement_id).first()
    if placement is None:
        raise Http404
    return placement


def logbook_entry_get_for_user(*, user: User, entry_id: int) -> LogbookEntry:
    entry = (
        LogbookEntry.objects.filter(pk=entry_id, placement__in=placements_for_user(user).values("pk"))
        .select_related("placement", "placement__trainee", "placement__kube", "countersigned_by")
        .first()
    )
    if entry is None:
        raise Http404
    return entry


def logbook(placement: Placement) -> QuerySet[LogbookEntry]:
    return placement.logbook_entries.prefetch_related("roles_practised", "photos").select_related("countersigned_by")


def trainee_placements(trainee: User) -> list[Placement]:
    """The trainee's placements, the one under way first."""
    order = Case(
        When(status__in=LOGGING_STATUSES, then=Value(0)),
        When(status=PlacementStatus.PROPOSED, then=Value(1)),
        default=Value(2),
    )
    return list(
        Placement.objects.filter(trainee=trainee)
        .select_related("kube", "kube__village", "kube__business_type", "host_mentor", "cohort", "evaluation")
        .order_by(order, "-starts_on")
    )


def countersign_queue(host: User) -> QuerySet[LogbookEntry]:
    """Entries the host mentor still has to countersign, oldest first."""
    return (
        LogbookEntry.objects.filter(
            placement__host_mentor=host, placement__status__in=LOGGING_STATUSES, countersigned_at__isnull=True
        )
        .select_related("placement", "placement__trainee", "placement__kube")
        .prefetch_related("roles_practised", "photos")
        .order_by("worked_on", "pk")
    )


def hosted_placements(host: User) -> QuerySet[Placement]:
    return (
        Placement.objects.filter(host_mentor=host, status__in=(*LOGGING_STATUSES, PlacementStatus.COMPLETED))
        .select_related("trainee", "kube", "evaluation")
        .order_by("status", "-starts_on")
    )


def region_placements(user: User) -> QuerySet[Placement]:
    """Placements at KUBE in the supervisor's region."""
    return (
        Placement.objects.filter(region_scope_q(user=user, region_field="kube__village"))
        .select_related("trainee", "kube", "kube__village", "host_mentor", "cohort", "evaluation")
        .order_by("starts_on", "pk")
    )


def overdue_q(today: datetime.date, overdue_days: int) -> Q:
    """Placements under way whose logbook has gone quiet, or that ran past their end date."""
    quiet_since = today - datetime.timedelta(days=overdue_days)
    return Q(status__in=LOGGING_STATUSES) & (
        Q(last_entry_on__lt=quiet_since)
        | Q(last_entry_on__isnull=True, starts_on__lt=quiet_since)
        | Q(ends_on__lt=today)
    )


@dataclass
class PlacementBoard:
    awaiting: list[Placement]
    active: list[Placement]
    overdue: list[Placement]
    completed: list[Placement]
    counts: dict[str, int]
    overdue_ids: set[int]


def placement_board(user: User, *, today: datetime.date | None = None) -> PlacementBoard:
    """The supervisor's board, in a fixed number of queries for any number of placements."""
    today = today or timezone.localdate()
    overdue_days = ApprenticeshipSettings.load().logbook_overdue_days
    placements = region_placements(user)
    overdue = overdue_q(today, overdue_days)
    sections = {
        "awaiting": placements.filter(status=PlacementStatus.PROPOSED),
        "active": placements.filter(status__in=LOGGING_STATUSES),
        "overdue": placements.filter(overdue),
        "completed": placements.filter(status=PlacementStatus.COMPLETED).order_by("-completed_at", "-pk"),
    }
    rows = {name: list(query[:BOARD_ROWS_SHOWN]) for name, query in sections.items()}
    counts = placements.order_by().aggregate(
        awaiting=Count("pk", filter=Q(status=PlacementStatus.PROPOSED)),
        active=Count("pk", filter=Q(status__in=LOGGING_STATUSES)),
        overdue=Count("pk", filter=overdue),
        completed=Count("pk", filter=Q(status=PlacementStatus.COMPLETED)),
    )
    overdue_ids = {placement.pk for placement in rows["overdue"]}
    return PlacementBoard(**rows, counts=counts, overdue_ids=overdue_ids)


def kube_groups_for_user(user: User) -> QuerySet[KubeGroup]:
    """KUBE a user may look at: those in a supervisor's region, and those a host mentor leads."""
    grounds = Q(host_mentor=user)
    if user.is_superuser or user.has_role(Role.SUPERVISOR):
        grounds |= region_scope_q(user=user, region_field="village")
    return KubeGroup.objects.filter(grounds).select_related(
        "village", "business_type", "host_mentor", "latest_assessment"
    )


def kube_get_for_user(*, user: User, kube_id: int) -> KubeGroup:
    kube = kube_groups_for_user(user).filter(pk=kube_id).first()
    if kube is None:
        raise Http404
    return kube


def kube_with_history(kube: KubeGroup) -> KubeGroup:
    return KubeGroup.objects.prefetch_related(
        "grants", Prefetch("assessments", queryset=kube.assessments.select_related("assessed_by"))
    ).get(pk=kube.pk)


def trainees_to_propose_for(user: User, *, cohort_id: str | None = None) -> QuerySet[User] | None:
    """Trainees without a placement under way in the cohorts the user follows (None: may not propose).

    `cohort_id` narrows the list to one cohort, as the link from a cohort's page does.
    """
    if not (user.is_superuser or user.has_role(Role.SUPERVISOR) or user.has_role(Role.TRAINER)):
        return None
    cohorts = cohorts_for_user(user=user)
    if cohort_id and str(cohort_id).isdigit():
        cohorts = cohorts.filter(pk=int(cohort_id))
    return (
        User.objects.filter(
            enrollments__cohort__in=cohorts.values("pk"), enrollments__status__in=ENROLMENT_SEAT_STATUSES
        )
        .exclude(placements__status__in=OPEN_STATUSES)
        .distinct()
        .order_by("full_name", "pk")
    )


def cohorts_to_propose_for(user: User, *, trainee: User) -> QuerySet[Cohort]:
    return cohorts_for_user(user=user).filter(
        enrollments__trainee=trainee, enrollments__status__in=ENROLMENT_SEAT_STATUSES
    )
