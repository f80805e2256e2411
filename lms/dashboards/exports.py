"""Every table of the supervisor dashboard as CSV or XLSX, with all its rows (not only a page).

The files are written by `lms.exports`, which guards every cell against formulas. Each table is
read through the same scoped selectors as the page, so an export holds no row the supervisor
could not see there.
"""

from collections.abc import Callable

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.exports import Sheet, csv_response, xlsx_response

from . import selectors

FORMATS = ("csv", "xlsx")


def _funnel_table(title: str, funnel: selectors.Funnel, first_column: str) -> Sheet:
    table = Sheet(name=title, title=title, columns=[first_column, *[str(label) for label in funnel.labels]])
    for row in [*funnel.rows, funnel.total]:
        table.rows.append([row.label, *row.values(funnel.stages)])
    return table


def funnel_regions_table(user) -> Sheet:
    funnel = selectors.funnel_by_subregion(user=user)
    return _funnel_table(_("Funnel by sub-region"), funnel, _("Region"))


def funnel_cohorts_table(user) -> Sheet:
    funnel = selectors.funnel_by_cohort(user=user)
    return _funnel_table(_("Funnel by cohort"), funnel, _("Cohort"))


def at_risk_table(user) -> Sheet:
    """Every trainee at risk: plain values in batches (no model instances), rows produced as written."""
    title = _("Trainees at risk")
    table = Sheet(
        name=title,
        title=title,
        columns=[_("Trainee"), _("E-mail"), _("Region"), _("Cohort"), _("Reasons"), _("Last activity")],
    )
    names = [name for name, _label in selectors.REASON_LABELS]
    records = (
        selectors.trainees_at_risk(user=user, every_row=True)
        .values_list(
            "full_name",
            "email",
            "home_region__name",
            "cohort_name",
            "last_activity",
            "inactive_last",
            "inactive_enrolled",
            *names,
        )
        .iterator(chunk_size=5000)
    )
    zone = timezone.get_current_timezone()
    reasons_of = {}  # the reasons cell for each combination of flags and days, translated once

    def reasons(flags: tuple, last_day, enrolled_day) -> str:
        key = (flags, last_day, enrolled_day)
        if key not in reasons_of:
            row = dict(zip(names, flags, strict=True))
            cells = selectors.risk_reasons(row)
            if row["is_inactive"]:  # dated from the row's own columns
                cells[0] = selectors.inactive_reason(last_day, enrolled_day)
            reasons_of[key] = "; ".join(cells)
        return reasons_of[key]

    def rows():
        for full_name, email, region, cohort, last, quiet_last, quiet_enrolled, *flags in records:
            last = last.astimezone(zone) if last else None
            quiet_day = quiet_last.astimezone(zone).date() if quiet_last else None
            enrolled_day = quiet_enrolled.astimezone(zone).date() if quiet_enrolled and not quiet_last else None
            yield [
                full_name,
                email,
                region or "",
                cohort or "",
                reasons(tuple(flags), quiet_day, enrolled_day),
                last.strftime("%Y-%m-%d %H:%M") if last else "",
            ]

    table.rows = rows()
    return table


def expiring_table(user) -> Sheet:
    title = _("Certificates expiring within 90 days")
    table = Sheet(
        name=title,
        title=title,
        columns=[_("Holder"), _("Region"), _("Programme"), _("Serial number"), _("Issued on"), _("Expires on")],
    )
    for certificate in selectors.certificates_expiring(user=user).iterator(chunk_size=2000):
        region = certificate.trainee.home_region
        table.rows.append(
            [
                certificate.trainee.full_name,
                region.name if region else "",
                certificate.programme.name,
                certificate.serial_number,
                certificate.issued_on,
                certificate.expires_on,
            ]
        )
    return table


def awaiting_table(user) -> Sheet:
    title = _("Placements awaiting approval")
    table = Sheet(
        name=title,
        title=title,
        columns=[_("Trainee"), _("Cohort"), _("KUBE"), _("Village"), _("Host mentor"), _("Starts on"), _("Ends on")],
    )
    for placement in selectors.placements_awaiting(user).iterator(chunk_size=2000):
        table.rows.append(
            [
                placement.trainee.full_name,
                placement.cohort.name,
                placement.kube.name,
                placement.kube.village.name,
                placement.host_mentor.full_name,
                placement.starts_on,
                placement.ends_on,
            ]
        )
    return table


TABLES: dict[str, Callable] = {
    "corong-wilayah": funnel_regions_table,
    "corong-angkatan": funnel_cohorts_table,
    "peserta-berisiko": at_risk_table,
    "sertifikat-segera-berakhir": expiring_table,
    "penempatan-menunggu": awaiting_table,
}


def export_response(*, user, table_key: str, export_format: str) -> HttpResponse:
    """The named table as a file; 404 for a table or format that does not exist."""
    builder = TABLES.get(table_key)
    if builder is None or export_format not in FORMATS:
        raise Http404
    table = builder(user)
    filename = f"{table_key}-{timezone.localdate():%Y%m%d}"
    if export_format == "csv":
        return csv_response(filename=filename, columns=table.columns, rows=table.rows)
    return xlsx_response(filename=filename, sheets=[table])
