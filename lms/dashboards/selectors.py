"""The supervisor's dashboard: the certification funnel, trainees at risk, expiring certificates.

Every figure is counted in the database by conditional aggregation, grouped by sub-region (the
prefix of the region's tree path) or by cohort, so the page runs the same number of queries for
ten trainees or a hundred thousand. Everything passes through `lms.people.scoping`: trainees by
home region, applications by region, cohorts by region, certificates by their holder's home
region and placements by their KUBE's village (`apprenticeship.selectors.region_placements`).

The stages of the funnel, in order (each counted on its own, so a stage is not forced to be a
subset of the one before, e.g. a course without a pre-test):

- **applied**: candidate applications whose region is in scope, in any status;
- **accepted**: those of them with status accepted;
- **enrolled**: trainees (role Peserta, home region in scope) with an enrolment that holds a
  seat (enrolled, studying or completed); in the cohort breakdown, such enrolments;
- **pre-test taken**: a submitted or graded attempt on a pre-test quiz, taken in a cohort where
  the trainee holds a seat (in the cohort breakdown: in that cohort);
- **lessons complete**: a seat-holding enrolment whose status is completed, or whose trainee had
  completed every live lesson of its course (at least one) by the time the last was marked done
  (`Enrollment.lessons_completed_at`, stamped by `courses.services`);
- **post-test passed**: the counted attempt on a post-test is graded and passed (`Attempt.passed`,
  stored at grading): best-attempt quizzes count any passed graded attempt, first- and
  last-attempt quizzes only a passed one with no graded attempt before / after it; taken in a
  cohort where the trainee holds a seat (in the cohort breakdown: in that cohort);
- **placement complete**: a completed placement (in the cohort breakdown: for that cohort);
- **certified**: holds a certificate that is valid today (not revoked, expires today or later).
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from apprenticeship.constants import PlacementStatus
from apprenticeship.models import ApprenticeshipSettings, Placement
from apprenticeship.selectors import overdue_q, region_placements
from assessments.constants import FINISHED_STATES, AttemptState, GradingMethod, QuizKind
from assessments.models import Attempt, Quiz
from courses.constants import INACTIVITY_THRESHOLD, SEAT_HOLDING_STATUSES, EnrollmentStatus
from courses.models import Cohort, Enrollment
from lms.certification.models import Certificate
from lms.certification.validity import valid_on_q
from lms.people.constants import ApplicationStatus, Role
from lms.people.models import CandidateApplication, Region, User
from lms.people.scoping import region_scope_q, within_user_region

STEPLEN = Region.steplen
EXPIRY_WINDOW_DAYS = 90
AWAITING_SHOWN = 10
IN_PROGRESS_STATUSES = (EnrollmentStatus.ENROLLED, EnrollmentStatus.ACTIVE)

# (key, label): the funnel's stages; the cohort breakdown starts at "enrolled".
STAGES = (
    ("applied", _("Applied")),
    ("accepted", _("Accepted")),
    ("enrolled", _("Enrolled")),
    ("pre_test", _("Pre-test taken")),
    ("lessons", _("Lessons complete")),
    ("post_test", _("Post-test passed")),
    ("placement", _("Placement complete")),
    ("certified", _("Certified")),
)
APPLICATION_STAGES = ("applied", "accepted")
TRAINEE_STAGES = tuple(key for key, _label in STAGES if key not in APPLICATION_STAGES)

REASON_INACTIVE = _("Inactive for 14 days")  # the rule; each row says since when (below)
REASON_INACTIVE_SINCE = _("Inactive since %(date)s")
REASON_NEVER_ACTIVE = _("Never active since enrolling on %(date)s")
REASON_FAILED_TWICE = _("Post-test failed twice")
REASON_OVERDUE = _("Placement overdue")


# --- Each stage as a set of enrolments (or people), computed once per query -----------------------
#
# Every stage is an uncorrelated subquery of ids, so the database computes it once (PostgreSQL as
# a hashed subplan, SQLite as an ephemeral index) and checks each row of the funnel against it,
# instead of running a correlated subquery for every trainee. The lessons stage counts completed
# progress rows per trainee among the live lessons of each course (fetched up front).


def _seats(scope: Q) -> QuerySet[Enrollment]:
    return Enrollment.objects.filter(scope, status__in=SEAT_HOLDING_STATUSES)


def _lessons_done_q() -> Q:
    """A seat-holding enrolment whose trainee has done every live lesson of its course (or completed it).

    `Enrollment.lessons_completed_at` is stamped by `courses.services` the first time the
    trainee's progress covers every live lesson, so this is a column check on the enrolment.
    """
    return Q(status=EnrollmentStatus.COMPLETED) | Q(lessons_completed_at__isnull=False)


def _quizzes(kind: str, **fields) -> QuerySet:
    """The ids of the quizzes of a kind, as a subquery (so the attempts need no join to quizzes)."""
    return Quiz.objects.filter(kind=kind, **fields).values("pk")


def _post_test_passes() -> list[QuerySet]:
    """Passed post-test attempts that count, one set per grading method in use (each a plain semi-join).

    Best-attempt quizzes count any passed graded attempt; first- and last-attempt quizzes only a
    passed one with no graded attempt before / after it. Split by method (the methods in use are
    read first, in one small query) so that the planner hashes each set instead of checking the
    rule attempt by attempt, and builds nothing for a method no post-test uses.
    """
    methods = set(
        Quiz.objects.filter(kind=QuizKind.POST_TEST).order_by().values_list("grading_method", flat=True).distinct()
    )
    graded = {"quiz": OuterRef("quiz"), "trainee": OuterRef("trainee"), "state": AttemptState.GRADED}
    passes = Attempt.objects.filter(
        trainee=OuterRef("trainee"), cohort=OuterRef("cohort"), state=AttemptState.GRADED, passed=True
    )
    found = [passes.filter(quiz_id__in=_quizzes(QuizKind.POST_TEST, grading_method=GradingMethod.BEST))]
    for method, earlier_or_later in ((GradingMethod.FIRST, "number__lt"), (GradingMethod.LAST, "number__gt")):
        if method in methods:
            other = Attempt.objects.filter(**graded, **{earlier_or_later: OuterRef("number")})
            found.append(
                passes.filter(quiz_id__in=_quizzes(QuizKind.POST_TEST, grading_method=method)).exclude(Exists(other))
            )
    return found


def _stage_sets(today: datetime.date) -> dict[str, list[QuerySet[Enrollment]]]:
    """The seat-holding enrolments (in the whole table) that meet each trainee stage, as a union of sets.

    Whole-table sets: joining them to the scope first misleads the planner (a prefix match on
    the region path is estimated at a few rows) into nested loops. Each is hashed once per query.
    """
    pre_test = Attempt.objects.filter(
        trainee=OuterRef("trainee"),
        cohort=OuterRef("cohort"),
        quiz_id__in=_quizzes(QuizKind.PRE_TEST),
        state__in=FINISHED_STATES,
    )
    placement = Placement.objects.filter(
        trainee=OuterRef("trainee"), cohort=OuterRef("cohort"), status=PlacementStatus.COMPLETED
    )
    seats = _seats(Q())
    return {
        "enrolled": [seats],
        "pre_test": [seats.filter(Exists(pre_test))],
        "lessons": [seats.filter(_lessons_done_q())],
        "post_test": [seats.filter(Exists(passes)) for passes in _post_test_passes()],
        "placement": [seats.filter(Exists(placement))],
        "certified": [seats.filter(trainee_id__in=_valid_holders(today))],
    }


def _any_of(sets: list[QuerySet], field_name: str, column: str) -> Q:
    condition = Q()
    for subset in sets:
        condition |= Q(**{f"{field_name}__in": subset.values(column)})
    return condition


def _valid_holders(today: datetime.date) -> QuerySet:
    return Certificate.objects.filter(valid_on_q(today)).values("trainee_id")


def _trainee_conditions(today: datetime.date) -> dict[str, Q]:
    """Each trainee stage as a condition on a person: some seat-holding enrolment meets it."""
    stages = _stage_sets(today)
    conditions = {
        key: _any_of(stages[key], "pk", "trainee_id") for key in ("enrolled", "pre_test", "lessons", "post_test")
    }
    completed = Placement.objects.filter(status=PlacementStatus.COMPLETED).values("trainee_id")
    conditions["placement"] = Q(pk__in=completed)
    conditions["certified"] = Q(pk__in=_valid_holders(today))
    return {key: conditions[key] for key in TRAINEE_STAGES}


# --- The funnel -----------------------------------------------------------------------------------


def trainees_in_scope(user: User) -> QuerySet[User]:
    """The trainee population: active people with the role Peserta whose home region is in scope."""
    # Membership as a hashed id set: a join would be planned as a loop over the (misestimated) scope.
    members = User.groups.through.objects.filter(group__name=Role.TRAINEE).values("user_id")
    return within_user_region(User.objects.filter(is_active=True, pk__in=members), user=user)


@dataclass
class FunnelRow:
    label: str
    counts: dict[str, int] = field(default_factory=dict)
    key: object = None

    def values(self, stages) -> list[int]:
        return [self.counts.get(stage, 0) for stage in stages]


@dataclass
class Funnel:
    rows: list[FunnelRow]
    total: FunnelRow
    stages: tuple[str, ...]

    @property
    def labels(self) -> list[str]:
        labels = dict(STAGES)
        return [labels[stage] for stage in self.stages]

    @property
    def table(self) -> list[tuple[FunnelRow, list[int]]]:
        """(row, its count at each stage) for every row, as the templates show them."""
        return [(row, row.values(self.stages)) for row in self.rows]

    @property
    def total_values(self) -> list[int]:
        return self.total.values(self.stages)


def _anchor(user: User) -> Region | None:
    """The region whose children are the sub-regions: the scope, or none (provinces) for a superuser."""
    return None if user.is_superuser else user.scope_region


def funnel_by_subregion(*, user: User, today: datetime.date | None = None) -> Funnel:
    """The whole funnel for each sub-region of the user's scope, in three queries."""
    today = today or timezone.localdate()
    anchor = _anchor(user)
    if anchor is None and not user.is_superuser:
        return Funnel(rows=[], total=FunnelRow(str(_("Total"))), stages=tuple(k for k, _l in STAGES))
    children = Region.get_root_nodes() if anchor is None else anchor.get_children()
    prefix_length = STEPLEN * (anchor.depth + 1 if anchor else 1)
    rows = {region.path: FunnelRow(region.name, key=region.code) for region in children.order_by("path")}

    applications = (
        within_user_region(CandidateApplication.objects.all(), user=user, region_field="region")
        .annotate(area=Substr("region__path", 1, prefix_length))
        .values("area")
        .annotate(applied=Count("pk"), accepted=Count("pk", filter=Q(status=ApplicationStatus.ACCEPTED)))
        .order_by()
    )
    conditions = _trainee_conditions(today)
    # Grouped by home region (an integer, hashed) and summed up to the sub-region here.
    trainees = (
        trainees_in_scope(user)
        .values("home_region_id", "home_region__path")
        .annotate(**{key: Count("pk", filter=condition) for key, condition in conditions.items()})
        .order_by()
    )
    trainees = [
        {"area": (record.pop("home_region__path") or "")[:prefix_length], **record}
        for record in trainees
        if record.pop("home_region_id", True)
    ]
    label = _("In %(region)s itself") % {"region": anchor.name} if anchor else _("Without a region")
    direct = FunnelRow(str(label), key="")
    for record in [*applications, *trainees]:
        row = rows.get(record.pop("area"), direct)
        for key, count in record.items():
            row.counts[key] = row.counts.get(key, 0) + count
    shown = list(rows.values()) + ([direct] if direct.counts else [])
    return Funnel(rows=shown, total=_total(shown, tuple(k for k, _l in STAGES)), stages=tuple(k for k, _l in STAGES))


def cohorts_in_scope(user: User) -> QuerySet[Cohort]:
    return within_user_region(Cohort.objects.all(), user=user, region_field="region")


def funnel_by_cohort(*, user: User, today: datetime.date | None = None) -> Funnel:
    """The funnel from "enrolled" on for every cohort in scope (newest first), in two queries."""
    today = today or timezone.localdate()
    cohorts = cohorts_in_scope(user).select_related("course", "region").order_by("-starts_on", "name", "pk")
    rows = {cohort.pk: FunnelRow(cohort.name, key=cohort) for cohort in cohorts}
    scope = region_scope_q(user=user, region_field="cohort__region")
    stages = _stage_sets(today)
    conditions = {key: _any_of(stages[key], "pk", "pk") for key in TRAINEE_STAGES[1:]}
    conditions["lessons"] = _lessons_done_q()  # a column of the row itself
    counts = (
        _seats(scope)
        .values("cohort_id")
        .annotate(enrolled=Count("pk"), **{key: Count("pk", filter=conditions[key]) for key in TRAINEE_STAGES[1:]})
        .order_by()
    )
    for record in counts:
        row = rows.get(record.pop("cohort_id"))
        if row is not None:
            row.counts.update(record)
    shown = list(rows.values())
    return Funnel(rows=shown, total=_total(shown, TRAINEE_STAGES), stages=TRAINEE_STAGES)


def _total(rows: list[FunnelRow], stages) -> FunnelRow:
    total = FunnelRow(str(_("Total")))
    for stage in stages:
        total.counts[stage] = sum(row.counts.get(stage, 0) for row in rows)
    return total


# --- Trainees at risk ----------------------------------------------------------------------------


def trainees_at_risk(*, user: User, now: datetime.datetime | None = None, every_row: bool = False) -> QuerySet[User]:
    """Trainees in scope with at least one reason for concern, each reason as a boolean column.

    - inactive: an enrolment still in progress (enrolled or studying) whose last study activity
      (or, before any, the enrolment itself) is more than 14 days old (INACTIVITY_THRESHOLD);
    - failed twice: two or more finished attempts on one post-test that did not pass, and no
      passed attempt on that post-test yet;
    - placement overdue: a placement under way whose logbook has gone quiet for the
      apprenticeship settings' overdue days, or that ran past its end (`overdue_q`).
    Ordered by last activity, the longest quiet first.

    Each reason is written once and used twice: as a whole-table id set (hashed once) to pick the
    rows, and the same rule for one trainee (an index look-up) for the reason columns, which the
    database evaluates only for the rows it returns (25 on a page). Joining the sets to the scope
    first would mislead the planner (a prefix match on the region path is estimated at a few
    rows) into nested loops. `every_row` (the export, which reads them all) hashes the reason
    columns as sets too, instead of a look-up per row.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    overdue_days = ApprenticeshipSettings.load().logbook_overdue_days
    reasons = _risk_reasons(now, today, overdue_days)
    sets = {name: Q(pk__in=reason.values("trainee_id")) for name, reason in reasons.items()}
    whole_table = sets["is_inactive"] | sets["failed_twice"] | sets["placement_overdue"]
    if every_row:
        columns = {name: ExpressionWrapper(condition, output_field=BooleanField()) for name, condition in sets.items()}
    else:
        columns = {name: Exists(reason.filter(trainee=OuterRef("pk"))) for name, reason in reasons.items()}
    latest = Enrollment.objects.filter(trainee=OuterRef("pk"), status__in=SEAT_HOLDING_STATUSES).order_by(
        "-enrolled_at", "-pk"
    )
    quiet = reasons["is_inactive"].filter(trainee=OuterRef("pk")).order_by("-seen", "-pk")
    return (
        trainees_in_scope(user)
        .filter(whole_table)
        .annotate(
            **columns,
            last_activity=Subquery(
                Enrollment.objects.filter(trainee=OuterRef("pk"))
                .values("trainee")
                .annotate(last=Max("last_activity_at"))
                .values("last")
            ),
            cohort_name=Subquery(latest.values("cohort__name")[:1]),
            # The dates of the reason "inactive": the most recently seen of the quiet enrolments.
            inactive_last=Subquery(quiet.values("last_activity_at")[:1]),
            inactive_enrolled=Subquery(quiet.values("enrolled_at")[:1]),
        )
        .select_related("home_region")
        .order_by(F("last_activity").asc(nulls_first=True), "full_name", "pk")
    )


def _risk_reasons(now: datetime.datetime, today: datetime.date, overdue_days: int) -> dict[str, QuerySet]:
    """Each reason for concern as the rows (enrolments, attempts per quiz, placements) that give it."""
    inactive = (
        Enrollment.objects.filter(status__in=IN_PROGRESS_STATUSES)
        .annotate(seen=Coalesce("last_activity_at", "enrolled_at"))
        .filter(seen__lt=now - INACTIVITY_THRESHOLD)
    )
    # Per trainee and post-test, in one pass: finished attempts that did not pass, and any pass.
    failed_twice = (
        Attempt.objects.filter(quiz_id__in=_quizzes(QuizKind.POST_TEST))
        .values("trainee_id", "quiz_id")
        .annotate(
            failures=Count("pk", filter=Q(state__in=FINISHED_STATES, passed=False)),
            passes=Count("pk", filter=Q(passed=True)),
        )
        .filter(failures__gte=2, passes=0)
    )
    overdue = Placement.objects.filter(overdue_q(today, overdue_days))
    return {"is_inactive": inactive, "failed_twice": failed_twice, "placement_overdue": overdue}


REASON_LABELS = (("is_inactive", REASON_INACTIVE), ("failed_twice", REASON_FAILED_TWICE))
REASON_LABELS += (("placement_overdue", REASON_OVERDUE),)


def _local_day(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localtime(moment).date() if moment else None


def inactive_reason(last_day: datetime.date | None, enrolled_day: datetime.date | None) -> str:
    """ "Inactive since <date>", or "Never active since enrolling on <date>", in the active language."""
    if last_day:
        return REASON_INACTIVE_SINCE % {"date": date_format(last_day, "j F Y")}
    if enrolled_day:
        return REASON_NEVER_ACTIVE % {"date": date_format(enrolled_day, "j F Y")}
    return str(REASON_INACTIVE)


def risk_reasons(trainee) -> list[str]:
    """The reasons of one row of `trainees_at_risk` (an object or a `values()` dict), as labels.

    The inactivity reason is dated from the row's own columns (`inactive_last`, else
    `inactive_enrolled`: the quiet enrolment's last activity or enrolment), so it costs no query.
    """
    flags = trainee if isinstance(trainee, dict) else vars(trainee)
    reasons = []
    for name, label in REASON_LABELS:
        if not flags[name]:
            continue
        if name == "is_inactive":
            days = (_local_day(flags.get("inactive_last")), _local_day(flags.get("inactive_enrolled")))
            reasons.append(inactive_reason(*days))
        else:
            reasons.append(str(label))
    return reasons


# --- Certificates and placements -------------------------------------------------------------


def certificates_expiring(*, user: User, today: datetime.date | None = None) -> QuerySet[Certificate]:
    """Valid certificates (not revoked) of trainees in scope expiring today or within 90 days, soonest first."""
    today = today or timezone.localdate()
    return (
        within_user_region(
            Certificate.objects.filter(
                valid_on_q(today),
                expires_on__lte=today + datetime.timedelta(days=EXPIRY_WINDOW_DAYS),
            ),
            user=user,
            region_field="trainee__home_region",
        )
        .select_related("trainee", "trainee__home_region", "programme")
        .order_by("expires_on", "pk")
    )


def placements_awaiting(user: User) -> QuerySet[Placement]:
    """Placements at KUBE in the region waiting for a supervisor's approval, the earliest start first."""
    return region_placements(user).filter(status=PlacementStatus.PROPOSED)


def annotate_days_left(certificates, today: datetime.date) -> list:
    for certificate in certificates:
        certificate.days_left = (certificate.expires_on - today).days
    return certificates
