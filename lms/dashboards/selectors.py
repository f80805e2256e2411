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
- **lessons complete**: a seat-holding enrolment whose status is completed, or whose course has
  at least one live lesson and every live lesson is completed in the trainee's LessonProgress;
- **post-test passed**: the counted attempt on a post-test is graded and passed (`Attempt.passed`,
  stored at grading): best-attempt quizzes count any passed graded attempt, first- and
  last-attempt quizzes only a passed one with no graded attempt before / after it; taken in a
  cohort where the trainee holds a seat (in the cohort breakdown: in that cohort);
- **placement complete**: a completed placement (in the cohort breakdown: for that cohort);
- **certified**: holds a certificate that is valid today (not revoked, expires today or later).
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apprenticeship.constants import PlacementStatus
from apprenticeship.models import ApprenticeshipSettings, Placement
from apprenticeship.selectors import overdue_q, region_placements
from assessments.constants import FINISHED_STATES, AttemptState, GradingMethod, QuizKind
from assessments.models import Attempt
from courses.constants import INACTIVITY_THRESHOLD, SEAT_HOLDING_STATUSES, EnrollmentStatus
from courses.models import Cohort, Enrollment, LessonPage, LessonProgress
from lms.certification.models import Certificate
from lms.people.constants import ApplicationStatus, Role
from lms.people.models import CandidateApplication, Region, User
from lms.people.scoping import within_user_region

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

REASON_INACTIVE = _("Inactive for 14 days")
REASON_FAILED_TWICE = _("Post-test failed twice")
REASON_OVERDUE = _("Placement overdue")


def is_supervisor(user: User) -> bool:
    return user.is_superuser or user.has_role(Role.SUPERVISOR)


# --- Conditions on an enrolment (inside a queryset of Enrollment) ----------------------------------


def _valid_certificate(today: datetime.date, trainee_ref: str):
    return Exists(
        Certificate.objects.filter(trainee=OuterRef(trainee_ref), revoked_at__isnull=True, expires_on__gte=today)
    )


def _enrolment_conditions(today: datetime.date) -> dict[str, Q]:
    """Each trainee stage as a condition on one seat-holding enrolment (its trainee, its cohort)."""
    pre_test = Attempt.objects.filter(
        trainee=OuterRef("trainee"), cohort=OuterRef("cohort"), quiz__kind=QuizKind.PRE_TEST, state__in=FINISHED_STATES
    )
    lessons = LessonPage.objects.live().filter(path__startswith=OuterRef("cohort__course__path"))
    done = LessonProgress.objects.filter(
        lesson=OuterRef("pk"), trainee=OuterRef(OuterRef("trainee")), completed_at__isnull=False
    )
    graded = {"quiz": OuterRef("quiz"), "trainee": OuterRef("trainee"), "state": AttemptState.GRADED}
    passed = Attempt.objects.filter(
        Q(quiz__grading_method=GradingMethod.BEST)
        | Q(quiz__grading_method=GradingMethod.FIRST)
        & ~Exists(Attempt.objects.filter(**graded, number__lt=OuterRef("number")))
        | Q(quiz__grading_method=GradingMethod.LAST)
        & ~Exists(Attempt.objects.filter(**graded, number__gt=OuterRef("number"))),
        trainee=OuterRef("trainee"),
        cohort=OuterRef("cohort"),
        quiz__kind=QuizKind.POST_TEST,
        state=AttemptState.GRADED,
        passed=True,
    )
    placement = Placement.objects.filter(
        trainee=OuterRef("trainee"), cohort=OuterRef("cohort"), status=PlacementStatus.COMPLETED
    )
    return {
        "enrolled": Q(),
        "pre_test": Q(Exists(pre_test)),
        "lessons": Q(status=EnrollmentStatus.COMPLETED)
        | Q(Exists(lessons)) & ~Q(Exists(lessons.filter(~Exists(done)))),
        "post_test": Q(Exists(passed)),
        "placement": Q(Exists(placement)),
        "certified": Q(_valid_certificate(today, "trainee")),
    }


def _trainee_conditions(today: datetime.date) -> dict[str, Q]:
    """Each trainee stage as a condition on a person: some seat-holding enrolment meets it."""
    seats = Enrollment.objects.filter(trainee=OuterRef("pk"), status__in=SEAT_HOLDING_STATUSES)
    conditions = {
        key: Q(Exists(seats.filter(condition)))
        for key, condition in _enrolment_conditions(today).items()
        if key not in ("placement", "certified")
    }
    completed = Placement.objects.filter(trainee=OuterRef("pk"), status=PlacementStatus.COMPLETED)
    conditions["placement"] = Q(Exists(completed))
    conditions["certified"] = Q(_valid_certificate(today, "pk"))
    return conditions


# --- The funnel -----------------------------------------------------------------------------------


def trainees_in_scope(user: User) -> QuerySet[User]:
    """The trainee population: active people with the role Peserta whose home region is in scope."""
    return within_user_region(User.objects.filter(is_active=True, groups__name=Role.TRAINEE), user=user)


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
    trainees = (
        trainees_in_scope(user)
        .annotate(area=Substr("home_region__path", 1, prefix_length))
        .values("area")
        .annotate(**{key: Count("pk", filter=condition) for key, condition in conditions.items()})
        .order_by()
    )
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
    conditions = _enrolment_conditions(today)
    counts = (
        Enrollment.objects.filter(cohort__in=cohorts_in_scope(user), status__in=SEAT_HOLDING_STATUSES)
        .values("cohort_id")
        .annotate(**{key: Count("pk", filter=condition) for key, condition in conditions.items()})
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


def trainees_at_risk(*, user: User, now: datetime.datetime | None = None) -> QuerySet[User]:
    """Trainees in scope with at least one reason for concern, each reason as a boolean column.

    - inactive: an enrolment still in progress (enrolled or studying) whose last study activity
      (or, before any, the enrolment itself) is more than 14 days old (INACTIVITY_THRESHOLD);
    - failed twice: two or more finished attempts on one post-test that did not pass, and no
      passed attempt on that post-test yet;
    - placement overdue: a placement under way whose logbook has gone quiet for the
      apprenticeship settings' overdue days, or that ran past its end (`overdue_q`).
    Ordered by last activity, the longest quiet first.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    in_progress = Enrollment.objects.filter(trainee=OuterRef("pk"), status__in=IN_PROGRESS_STATUSES)
    inactive = in_progress.annotate(seen=Coalesce("last_activity_at", "enrolled_at")).filter(
        seen__lt=now - INACTIVITY_THRESHOLD
    )
    passed_same_quiz = Attempt.objects.filter(quiz=OuterRef("quiz"), trainee=OuterRef("trainee"), passed=True)
    failed_twice = (
        Attempt.objects.filter(
            trainee=OuterRef("pk"), quiz__kind=QuizKind.POST_TEST, state__in=FINISHED_STATES, passed=False
        )
        .exclude(Exists(passed_same_quiz))
        .values("quiz")
        .annotate(failures=Count("pk"))
        .filter(failures__gte=2)
    )
    overdue_days = ApprenticeshipSettings.load().logbook_overdue_days
    overdue = Placement.objects.filter(overdue_q(today, overdue_days), trainee=OuterRef("pk"))
    latest = Enrollment.objects.filter(trainee=OuterRef("pk"), status__in=SEAT_HOLDING_STATUSES).order_by(
        "-enrolled_at", "-pk"
    )
    return (
        trainees_in_scope(user)
        .annotate(
            is_inactive=Exists(inactive),
            failed_twice=Exists(failed_twice),
            placement_overdue=Exists(overdue),
        )
        .filter(Q(is_inactive=True) | Q(failed_twice=True) | Q(placement_overdue=True))
        .annotate(
            last_activity=Subquery(
                Enrollment.objects.filter(trainee=OuterRef("pk"))
                .values("trainee")
                .annotate(last=Max("last_activity_at"))
                .values("last")
            ),
            cohort_name=Subquery(latest.values("cohort__name")[:1]),
        )
        .select_related("home_region")
        .order_by(F("last_activity").asc(nulls_first=True), "full_name", "pk")
    )


def risk_reasons(trainee: User) -> list[str]:
    """The reasons of one row of `trainees_at_risk`, as labels."""
    flags = ((trainee.is_inactive, REASON_INACTIVE), (trainee.failed_twice, REASON_FAILED_TWICE))
    flags += ((trainee.placement_overdue, REASON_OVERDUE),)
    return [str(label) for flag, label in flags if flag]


# --- Certificates and placements -------------------------------------------------------------


def certificates_expiring(*, user: User, today: datetime.date | None = None) -> QuerySet[Certificate]:
    """Valid certificates (not revoked) of trainees in scope expiring today or within 90 days, soonest first."""
    today = today or timezone.localdate()
    return (
        within_user_region(
            Certificate.objects.filter(
                revoked_at__isnull=True,
                expires_on__gte=today,
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
