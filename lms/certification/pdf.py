"""The certificate as a PDF (reportlab) with a QR code of its verification address (segno).

The PDF is drawn in Indonesian whatever the language of the request that caused it: it is
an official document of an Indonesian training centre. It uses reportlab's built-in
Helvetica, so nothing is downloaded and the file stays small; Helvetica covers the Latin
letters of Indonesian names. The QR code carries only the public verification address, so a
photocopy can be checked by anyone with a phone and reveals nothing the page does not.
"""

import io
import re

import segno
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

PDF_LANGUAGE = "id"
BRAND = HexColor("#0f5f4f")
INK = HexColor("#1f2933")
MUTED = HexColor("#475569")

# The QR code: quiet zone of four modules (the standard's minimum), each module drawn at
# least 0.85 mm wide (about 10 px at 300 dpi, 6 px at 200 dpi) so cheap printers and
# phone cameras read it; the PNG is rendered at 8 px a module so it is never blurred.
QR_BORDER = 4
QR_PNG_SCALE = 8
QR_MIN_MODULE = 0.85 * mm
QR_MIN_SIZE = 38 * mm


def certificate_verification_url(certificate) -> str:
    """The public address printed on the certificate and carried by its QR code."""
    path = reverse("certification:verify", kwargs={"code": certificate.verification_code})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def verification_form_url() -> str:
    """The public form where the code printed under the QR code can be typed."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("certification:verify_form")


def certificate_pdf_filename(certificate) -> str:
    """`<serial>.pdf`, with anything but letters, digits, dots and dashes made a dash."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", certificate.serial_number).strip("-.") or f"sertifikat-{certificate.pk}"
    return f"{stem}.pdf"


def grouped_code(code: str) -> str:
    """The verification code in groups of four, for reading aloud and typing into the form."""
    return " ".join(code[start : start + 4] for start in range(0, len(code), 4))


def _qr_image(url: str) -> tuple[ImageReader, int]:
    """The QR code of `url` as a PNG in memory, and its width in modules (quiet zone included)."""
    qr = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=QR_PNG_SCALE, border=QR_BORDER)
    buffer.seek(0)
    width_modules, _height = qr.symbol_size(scale=1, border=QR_BORDER)
    return ImageReader(buffer), width_modules


def _centred(pdf: canvas.Canvas, text: str, *, y: float, font: str, size: float, color=INK) -> None:
    pdf.setFillColor(color)
    pdf.setFont(font, size)
    pdf.drawCentredString(landscape(A4)[0] / 2, y, text)


def _fit_size(text: str, *, font: str, size: float, width: float) -> float:
    """The largest size up to `size` at which `text` fits in `width` (long names shrink, never wrap)."""
    while size > 10 and stringWidth(text, font, size) > width:
        size -= 1
    return size


def certificate_pdf_bytes(*, certificate, verification_url: str) -> bytes:
    """Draw the certificate on one A4 landscape page and return the PDF file's bytes."""
    programme = certificate.programme
    holder = certificate.trainee
    page_width, page_height = landscape(A4)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(page_width, page_height), pageCompression=1)
    with translation.override(PDF_LANGUAGE):
        pdf.setTitle(f"{_('Certificate')} {certificate.serial_number}")
        pdf.setAuthor("Akademi Pendamping")
        pdf.setSubject(programme.name)

        # A double frame.
        pdf.setStrokeColor(BRAND)
        pdf.setLineWidth(3)
        pdf.rect(12 * mm, 12 * mm, page_width - 24 * mm, page_height - 24 * mm)
        pdf.setLineWidth(0.8)
        pdf.rect(16 * mm, 16 * mm, page_width - 32 * mm, page_height - 32 * mm)

        text_width = page_width - 60 * mm
        _centred(pdf, "Akademi Pendamping", y=page_height - 34 * mm, font="Helvetica-Bold", size=14, color=BRAND)
        _centred(pdf, _("Certificate").upper(), y=page_height - 56 * mm, font="Helvetica-Bold", size=34, color=BRAND)
        _centred(pdf, _("This certifies that"), y=page_height - 74 * mm, font="Helvetica", size=14)
        name = holder.full_name or holder.email
        _centred(
            pdf,
            name,
            y=page_height - 92 * mm,
            font="Helvetica-Bold",
            size=_fit_size(name, font="Helvetica-Bold", size=28, width=text_width),
        )
        _centred(
            pdf,
            _("has met every requirement of the certification programme"),
            y=page_height - 106 * mm,
            font="Helvetica",
            size=14,
        )
        _centred(
            pdf,
            programme.name,
            y=page_height - 120 * mm,
            font="Helvetica-Bold",
            size=_fit_size(programme.name, font="Helvetica-Bold", size=20, width=text_width),
        )
        dates = _("Issued on %(issued)s · valid until %(expires)s") % {
            "issued": date_format(certificate.issued_on, "j F Y"),
            "expires": date_format(certificate.expires_on, "j F Y"),
        }
        _centred(pdf, dates, y=page_height - 136 * mm, font="Helvetica", size=13)

        # Bottom left: serial and the address in words; bottom right: the QR code.
        qr_image, modules = _qr_image(verification_url)
        qr_size = max(QR_MIN_SIZE, modules * QR_MIN_MODULE)
        qr_x = page_width - 24 * mm - qr_size
        qr_y = 22 * mm
        pdf.drawImage(qr_image, qr_x, qr_y, width=qr_size, height=qr_size)
        pdf.setFillColor(INK)
        pdf.setFont("Courier-Bold", 8)
        pdf.drawRightString(qr_x + qr_size, qr_y - 4 * mm, grouped_code(certificate.verification_code))

        pdf.setFillColor(INK)
        pdf.setFont("Helvetica-Bold", 11)
        pdf.drawString(26 * mm, 40 * mm, _("Serial number: %(serial)s") % {"serial": certificate.serial_number})
        pdf.setFillColor(MUTED)
        label = _("Verify its authenticity: %(url)s") % {"url": verification_url}
        pdf.setFont("Helvetica", _fit_size(label, font="Helvetica", size=10, width=qr_x - 32 * mm))
        pdf.drawString(26 * mm, 32 * mm, label)
        pdf.setFont("Helvetica", 9)
        pdf.drawString(
            26 * mm,
            25 * mm,
            _("Scan the QR code, or type the code under it at %(address)s, to see whether it is still valid.")
            % {"address": verification_form_url()},
        )
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def certificate_pdf_store(*, certificate) -> None:
    """Draw the certificate and keep it in `certificate.pdf` (a private file under a random name).

    A redrawn certificate replaces the old file rather than piling up copies. Only the `pdf`
    column is written, so a concurrent revocation is never overwritten.
    """
    content = certificate_pdf_bytes(certificate=certificate, verification_url=certificate_verification_url(certificate))
    if certificate.pdf:
        certificate.pdf.delete(save=False)
    certificate.pdf.save(certificate_pdf_filename(certificate), ContentFile(content), save=False)
    certificate.save(update_fields=["pdf"])
