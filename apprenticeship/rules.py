"""The apprenticeship rules as pure functions: maturity class, assessment age, host eligibility.

They take plain values (no queries), so the boundaries are easy to test and the same rule
serves a single KUBE page and a query over fifty thousand groups (see `selectors`).
"""

import calendar
import datetime
from dataclasses import dataclass

from .constants import HOST_CLASSES, MaturityClass


@dataclass(frozen=True)
class Thresholds:
    berkembang_min_total: int
    mandiri_min_total: int
    host_min_total: int
    assessment_max_age_months: int


def maturity_class(total: int, thresholds: Thresholds) -> MaturityClass:
    """Mandiri from its threshold up, Berkembang from its own, Tumbuh below: a total equal to a
    threshold reaches that class."""
    if total >= thresholds.mandiri_min_total:
        return MaturityClass.MANDIRI
    if total >= thresholds.berkembang_min_total:
        return MaturityClass.BERKEMBANG
    return MaturityClass.TUMBUH


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month `months` earlier, or that month's last day when it is shorter."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last_day))


def oldest_counting_assessment(today: datetime.date, thresholds: Thresholds) -> datetime.date:
    """An assessment made on this day still counts (exactly at the age limit); one a day older does not."""
    return months_before(today, thresholds.assessment_max_age_months)


@dataclass(frozen=True)
class HostCheck:
    is_active: bool
    has_host_mentor: bool
    free_places: int
    assessed_on: datetime.date | None
    maturity_class: str | None
    total_score: int | None


class HostProblem:
    """Why a KUBE cannot host; the messages live in `selectors.HOST_PROBLEM_MESSAGES`."""

    INACTIVE = "inactive"
    NO_HOST_MENTOR = "no_host_mentor"
    FULL = "full"
    NEVER_ASSESSED = "never_assessed"
    ASSESSMENT_TOO_OLD = "assessment_too_old"
    CLASS_TOO_LOW = "class_too_low"
    SCORE_TOO_LOW = "score_too_low"


def host_problems(check: HostCheck, *, today: datetime.date, thresholds: Thresholds) -> list[str]:
    """Every reason the KUBE is not an eligible host; an empty list means it is one."""
    problems = []
    if not check.is_active:
        problems.append(HostProblem.INACTIVE)
    if not check.has_host_mentor:
        problems.append(HostProblem.NO_HOST_MENTOR)
    if check.free_places <= 0:
        problems.append(HostProblem.FULL)
    if check.assessed_on is None:
        problems.append(HostProblem.NEVER_ASSESSED)
        return problems
    if check.assessed_on < oldest_counting_assessment(today, thresholds):
        problems.append(HostProblem.ASSESSMENT_TOO_OLD)
    if check.maturity_class not in HOST_CLASSES:
        problems.append(HostProblem.CLASS_TOO_LOW)
    if check.total_score is None or check.total_score < thresholds.host_min_total:
        problems.append(HostProblem.SCORE_TOO_LOW)
    return problems
