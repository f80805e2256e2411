"""Every placement of the supervisor's region as CSV or XLSX, written (and guarded against formulas) by lms.exports."""

from django.utils import timezone
from django.utils.translation import gettext as _

from lms.exports import Sheet, csv_response, xlsx_response

from ..constants import PlacementStatus, Recommendation
from ..models import ApprenticeshipSettings
from ..selectors import overdue_q, region_placements


def board_export(user, export_format: str):
    today = timezone.localdate()
    overdue_ids = set(
        region_placements(user)
        .filter(overdue_q(today, ApprenticeshipSettings.load().logbook_overdue_days))
        .values_list("pk", flat=True)
    )
    title = _("Placements")
    table = Sheet(
        name=title,
        title=title,
        columns=[
            _("Trainee"),
            _("E-mail"),
            _("Cohort"),
            _("KUBE"),
            _("Village"),
            _("Host mentor"),
            _("Starts on"),
            _("Ends on"),
            _("Status"),
            _("Countersigned hours"),
            _("Hours required"),
            _("Last logbook entry"),
            _("Logbook overdue"),
            _("Evaluation (average)"),
            _("Recommendation"),
            _("Reason"),
        ],
    )
    status_labels = {value: str(label) for value, label in PlacementStatus.choices}
    recommendation_labels = {value: str(label) for value, label in Recommendation.choices}
    for placement in region_placements(user).iterator(chunk_size=2000):
        evaluation = getattr(placement, "evaluation", None)
        table.rows.append(
            [
                placement.trainee.full_name,
                placement.trainee.email,
                placement.cohort.name,
                placement.kube.name,
                placement.kube.village.name,
                placement.host_mentor.full_name,
                placement.starts_on,
                placement.ends_on,
                status_labels[placement.status],
                float(placement.countersigned_hours),
                placement.required_hours,
                placement.last_entry_on,
                placement.pk in overdue_ids,
                float(evaluation.average_score) if evaluation else None,
                recommendation_labels[evaluation.recommendation] if evaluation else None,
                placement.status_reason,
            ]
        )
    filename = f"penempatan-magang-{today:%Y%m%d}"
    if export_format == "csv":
        return csv_response(filename=filename, columns=table.columns, rows=table.rows)
    return xlsx_response(filename=filename, sheets=[table])
