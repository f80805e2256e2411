"""The certification rules as pure functions over plain values: no ORM, so every boundary is cheap to test.

`selectors.programme_standings` fetches the facts (in a fixed number of queries) and hands them
here. The rules, and where each boundary falls:

- a required course counts when its enrolment is completed and every live post-test of the
  course has a counted attempt (the quiz's own first/best/last rule) at or above the
  programme's pass mark: exactly equal passes. A course without a live post-test counts on
  completion alone.
- the apprenticeship counts when a placement is completed (completing it already needs the
  placement's own required hours) with at least the programme's countersigned hours (exactly
  equal passes) and a signed-off host evaluation whose average is at or above the threshold
  (exactly equal passes). The checklist names the higher of the two hour targets, so the
  trainee reads the same number here as on the placement's own card.
- a certificate is valid up to and including its expiry date (`Certificate.status_on`).
- renewal opens on the day `recertification_window_months` before the expiry date (the same
  day of the month, clamped to the month's end) and stays open from then on, also after
  expiry: a lapsed holder renews with the refresher course instead of repeating the whole
  programme. It needs the refresher course completed on or after the day the window opened.
  The day before the window opens, renewal is closed and the checklist says, as information
  rather than a step left to do, that the holder is certified and when renewal opens.
- a holder's checklist is only the renewal condition; their original conditions were met
  when the certificate was issued. A revoked latest certificate blocks any new certificate
  of the programme (automatic or by a supervisor): a revocation must not be undone by the
  next nightly run.
"""

import calendar
import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from .validity import is_valid_on as certificate_valid_on

# Condition keys, stable for templates, tests and the dashboards.
COURSE_KEY = "course-%s"
APPRENTICESHIP_KEY = "apprenticeship"
NOT_CERTIFIED_KEY = "not-certified"
RENEWAL_KEY = "renewal"
REVOKED_KEY = "revoked"


@dataclass(frozen=True)
class Condition:
    """One line of the checklist: met or not, and what to do next (with a link where one helps)."""

    key: str
    label: str
    met: bool
    detail: str = ""
    url: str = ""
    # Information for the trainee, not a step to take (e.g. "certified; renewal opens on ...").
    # It is never met, so it keeps the programme not eligible, but no "not yet" badge is shown.
    info: bool = False

    @property
    def todo(self) -> bool:
        """A step left for the trainee: shown with a "not yet" badge and as the "next step"."""
        return not self.met and not self.info


@dataclass(frozen=True)
class CourseFacts:
    course_id: int
    title: str
    url: str = ""
    completed: bool = False
    # The counted attempt's percent of each live post-test (None: no graded attempt yet).
    post_test_percents: tuple[Decimal | None, ...] = ()


@dataclass(frozen=True)
class PlacementFacts:
    kube: str
    status: str  # apprenticeship.constants.PlacementStatus value
    countersigned_hours: Decimal
    evaluation_average: Decimal | None  # only a signed-off evaluation counts
    url: str = ""
    required_hours: Decimal = Decimal(0)  # the placement's own target (completion needs it)


@dataclass(frozen=True)
class HeldCertificate:
    certificate_id: int
    serial_number: str
    issued_on: datetime.date
    expires_on: datetime.date
    revoked: bool


@dataclass(frozen=True)
class Rules:
    """The programme's thresholds as plain values."""

    pass_mark: Decimal
    apprenticeship_required: bool
    apprenticeship_hours: Decimal
    evaluation_threshold: Decimal
    window_months: int
    refresher_title: str = ""  # empty: the programme has no refresher course, so no renewal
    refresher_url: str = ""


@dataclass(frozen=True)
class Facts:
    courses: tuple[CourseFacts, ...] = ()
    placements: tuple[PlacementFacts, ...] = ()
    latest: HeldCertificate | None = None
    refresher_completed_on: datetime.date | None = None  # the latest completion of the refresher course
    apprenticeship_url: str = ""


@dataclass
class Eligibility:
    conditions: list[Condition] = field(default_factory=list)
    # The certificate a new one would renew (None: a first certificate).
    renews_id: int | None = None

    @property
    def eligible(self) -> bool:
        return bool(self.conditions) and all(condition.met for condition in self.conditions)

    @property
    def next_step(self) -> Condition | None:
        return next((condition for condition in self.conditions if condition.todo), None)

    @property
    def displayed(self) -> list[Condition]:
        """The conditions the trainee sees: a met "not certified yet" would read as a contradiction."""
        return [c for c in self.conditions if not (c.key == NOT_CERTIFIED_KEY and c.met)]


# The boundaries, one function each


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (or earlier when negative), clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def post_test_passes(percent: Decimal | None, pass_mark: Decimal) -> bool:
    return percent is not None and Decimal(percent) >= Decimal(pass_mark)


def hours_pass(hours: Decimal, required: Decimal) -> bool:
    return Decimal(hours) >= Decimal(required)


def hours_target(placement: PlacementFacts, rules: Rules) -> Decimal:
    """The hours the trainee must reach at this placement: the higher of the programme's and the placement's."""
    return max(Decimal(rules.apprenticeship_hours), Decimal(placement.required_hours or 0))


def evaluation_passes(average: Decimal | None, threshold: Decimal) -> bool:
    return average is not None and Decimal(average) >= Decimal(threshold)


def is_valid_on(held: HeldCertificate, day: datetime.date) -> bool:
    return certificate_valid_on(revoked=held.revoked, expires_on=held.expires_on, day=day)


def renewal_opens_on(expires_on: datetime.date, window_months: int) -> datetime.date:
    return add_months(expires_on, -window_months)


def renewal_open(held: HeldCertificate, window_months: int, day: datetime.date) -> bool:
    return not held.revoked and day >= renewal_opens_on(held.expires_on, window_months)


def last_expiry_open_for_renewal(day: datetime.date, window_months: int) -> datetime.date:
    """The latest expiry date whose renewal window is open on `day`, for queries: `expires_on__lte` it.

    `renewal_opens_on` never decreases as the expiry moves later, so the certificates open for
    renewal on `day` are exactly those expiring on or before this date. It is `window_months`
    after `day`, except that from the last day of a month every day of the later month counts
    (renewal of a 31 March expiry opens on 28 February, a month end).
    """
    last = add_months(day, window_months)
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        last = last.replace(day=calendar.monthrange(last.year, last.month)[1])
    return last


# The checklist


def _day(value: datetime.date) -> str:
    return date_format(value, "j F Y")


def course_condition(course: CourseFacts, rules: Rules) -> Condition:
    key, label = COURSE_KEY % course.course_id, _("Course “%(title)s” completed") % {"title": course.title}
    if not course.completed:
        return Condition(key, label, False, _("Complete every lesson and the post-test of this course."), course.url)
    for percent in course.post_test_percents:
        if not post_test_passes(percent, rules.pass_mark):
            detail = _("Pass the post-test with at least %(mark)s%% (your counted result: %(result)s).") % {
                "mark": _number(rules.pass_mark),
                "result": _("none yet") if percent is None else f"{_number(percent)}%",
            }
            return Condition(key, label, False, detail, course.url)
    return Condition(key, label, True, _("Completed, post-test passed."))


def apprenticeship_condition(facts: Facts, rules: Rules) -> Condition:
    """Met by any completed placement that reaches both thresholds; otherwise the most advanced one explains."""
    key, label = APPRENTICESHIP_KEY, _("Apprenticeship (magang) completed")
    hours_needed, threshold = _number(rules.apprenticeship_hours), _number(rules.evaluation_threshold)
    completed = [p for p in facts.placements if p.status == "completed"]
    for placement in completed:
        if hours_pass(placement.countersigned_hours, rules.apprenticeship_hours) and evaluation_passes(
            placement.evaluation_average, rules.evaluation_threshold
        ):
            detail = _("At %(kube)s: %(hours)s hours, evaluation %(score)s.") % {
                "kube": placement.kube,
                "hours": _number(placement.countersigned_hours),
                "score": _number(placement.evaluation_average),
            }
            return Condition(key, label, True, detail, placement.url)
    if completed:
        placement = completed[0]
        if not hours_pass(placement.countersigned_hours, rules.apprenticeship_hours):
            detail = _("%(hours)s countersigned hours; the programme needs %(needed)s.") % {
                "hours": _number(placement.countersigned_hours),
                "needed": hours_needed,
            }
        else:
            detail = _("Host evaluation %(score)s; the programme needs at least %(needed)s.") % {
                "score": _number(placement.evaluation_average) if placement.evaluation_average is not None else "-",
                "needed": threshold,
            }
        detail += " " + _("Ask your supervisor about a further placement.")
        return Condition(key, label, False, detail, placement.url)
    under_way = [p for p in facts.placements if p.status in ("proposed", "approved", "active")]
    if under_way:
        placement = under_way[0]
        detail = _(
            "At %(kube)s: %(hours)s of %(needed)s hours countersigned so far; then the host's evaluation "
            "(at least %(threshold)s) and the supervisor's sign-off."
        ) % {
            "kube": placement.kube,
            "hours": _number(placement.countersigned_hours),
            "needed": _number(hours_target(placement, rules)),
            "threshold": threshold,
        }
        return Condition(key, label, False, detail, placement.url)
    detail = _(
        "Do an apprenticeship at a KUBE: %(needed)s countersigned hours and a host evaluation of %(threshold)s or more."
    ) % {
        "needed": hours_needed,
        "threshold": threshold,
    }
    return Condition(key, label, False, detail, facts.apprenticeship_url)


def renewal_condition(held: HeldCertificate, facts: Facts, rules: Rules, today: datetime.date) -> Condition:
    opens_on = renewal_opens_on(held.expires_on, rules.window_months)
    label = _("Renewal of certificate %(serial)s") % {"serial": held.serial_number}
    if not rules.refresher_title:
        detail = _("This programme has no refresher course, so it cannot be renewed.")
        return Condition(RENEWAL_KEY, label, False, detail)
    if today < opens_on:
        label = _("Certified — valid until %(expires)s. Renewal opens on %(opens)s.") % {
            "expires": _day(held.expires_on),
            "opens": _day(opens_on),
        }
        return Condition(RENEWAL_KEY, label, False, info=True)
    done = facts.refresher_completed_on
    if done is not None and done >= opens_on:
        return Condition(RENEWAL_KEY, label, True, _("Refresher course completed on %(day)s.") % {"day": _day(done)})
    detail = _("Renewal opened on %(opens)s: complete the refresher course “%(title)s”.") % {
        "opens": _day(opens_on),
        "title": rules.refresher_title,
    }
    return Condition(RENEWAL_KEY, label, False, detail, rules.refresher_url)


def evaluate(facts: Facts, rules: Rules, today: datetime.date) -> Eligibility:
    """The checklist for one trainee and one programme, in the order the trainee works through it."""
    held = facts.latest
    if held is not None and held.revoked:
        detail = _("Certificate %(serial)s was revoked. Contact your supervisor.") % {"serial": held.serial_number}
        return Eligibility([Condition(REVOKED_KEY, _("No revoked certificate"), False, detail)])
    if held is not None:
        return Eligibility([renewal_condition(held, facts, rules, today)], renews_id=held.certificate_id)
    conditions = [course_condition(course, rules) for course in facts.courses]
    if rules.apprenticeship_required:
        conditions.append(apprenticeship_condition(facts, rules))
    conditions.append(Condition(NOT_CERTIFIED_KEY, _("Not certified yet under this programme"), True))
    return Eligibility(conditions)


def _number(value) -> str:
    """12, 12,5 or 3,25 (in the active language's format) rather than 12,0 or 3,250."""
    text = f"{Decimal(value):f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return number_format(Decimal(text))
