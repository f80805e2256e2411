"""A cohort's attempts as CSV or XLSX, one row per attempt with the aspect and mentor-role subscores.

The files are written by `lms.exports`, which guards every cell against formulas.
"""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Aspect, MentorRole
from lms.exports import Sheet, csv_response, xlsx_response


def attempt_rows(*, attempts, breakdown) -> tuple[list[str], list[list]]:
    aspects = [tag.name for tag in Aspect.objects.order_by("sort_order")]
    roles = [tag.name for tag in MentorRole.objects.order_by("sort_order")]
    header = [
        _("Name"),
        _("Email"),
        _("Quiz"),
        _("Kind"),
        _("Attempt"),
        _("State"),
        _("Started"),
        _("Submitted"),
        _("Submitted when time ran out"),
        _("Score"),
        _("Maximum score"),
        _("Score (%)"),
        _("Passed"),
    ]
    header += [_("Aspect: %(name)s (%%)") % {"name": name} for name in aspects]
    header += [_("Role: %(name)s (%%)") % {"name": name} for name in roles]
    rows = []
    for attempt in attempts:
        split = breakdown.get(attempt.pk, {"aspects": [], "roles": []})
        by_aspect = {cell.label: cell.percent for cell in split["aspects"]}
        by_role = {cell.label: cell.percent for cell in split["roles"]}
        rows.append(
            [
                attempt.trainee.full_name,
                attempt.trainee.email,
                attempt.quiz.title,
                attempt.quiz.get_kind_display(),
                attempt.number,
                attempt.get_state_display(),
                _when(attempt.started_at),
                _when(attempt.submitted_at),
                attempt.auto_submitted,
                _number(attempt.score),
                _number(attempt.max_score),
                _number(attempt.percent),
                "" if attempt.passed is None else (_("yes") if attempt.passed else _("no")),
            ]
            + [_number(by_aspect.get(name)) for name in aspects]
            + [_number(by_role.get(name)) for name in roles]
        )
    return header, rows


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _number(value):
    return "" if value is None else float(value)


def attempts_csv_response(*, cohort, attempts, breakdown) -> HttpResponse:
    header, rows = attempt_rows(attempts=attempts, breakdown=breakdown)
    return csv_response(filename=f"hasil-kuis-angkatan-{cohort.pk}", columns=header, rows=rows)


def attempts_xlsx_response(*, cohort, attempts, breakdown) -> HttpResponse:
    header, rows = attempt_rows(attempts=attempts, breakdown=breakdown)
    sheet = Sheet(name=_("Attempts"), columns=header, rows=rows)
    return xlsx_response(filename=f"hasil-kuis-angkatan-{cohort.pk}", sheets=[sheet])
