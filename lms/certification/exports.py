"""The supervisor's certificate list as CSV or XLSX, written (and guarded against formulas) by `lms.exports`."""

from django.utils import timezone
from django.utils.translation import gettext as _

from lms.exports import Sheet, csv_response, xlsx_response


def certificates_export(certificates, export_format: str):
    today = timezone.localdate()
    title = _("Certificates")
    table = Sheet(
        name=title,
        title=title,
        columns=[
            _("Serial number"),
            _("Holder"),
            _("E-mail"),
            _("Region"),
            _("Programme"),
            _("Issued on"),
            _("Expires on"),
            _("Status"),
            _("Renews"),
            _("Reason for revocation"),
        ],
    )
    for certificate in certificates.select_related("renews").iterator(chunk_size=2000):
        table.rows.append(
            [
                certificate.serial_number,
                certificate.trainee.full_name,
                certificate.trainee.email,
                certificate.trainee.home_region.name if certificate.trainee.home_region else "",
                certificate.programme.name,
                certificate.issued_on,
                certificate.expires_on,
                str(certificate.status_on(today).label),
                certificate.renews.serial_number if certificate.renews_id else "",
                certificate.revocation_reason,
            ]
        )
    filename = f"sertifikat-{today:%Y%m%d}"
    if export_format == "csv":
        return csv_response(filename=filename, columns=table.columns, rows=table.rows)
    return xlsx_response(filename=filename, sheets=[table])
