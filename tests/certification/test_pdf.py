"""The certificate PDF: what it says, that its QR code reads back as the verification address,
and that the background task keeps the file on the certificate."""

import datetime
import re

import pytest
from django.urls import reverse

from lms.certification.models import Certificate
from lms.certification.pdf import (
    certificate_pdf_bytes,
    certificate_pdf_filename,
    certificate_pdf_store,
    certificate_verification_url,
)
from lms.certification.tasks import generate_certificate_pdf

from ..people.factories import TraineeFactory
from ..storage import files_under
from .factories import CertificateFactory, CertificationProgrammeFactory
from .qr import decode_qr_from_pdf, pdf_page_count, pdf_text

RANDOM_NAME = re.compile(r"certificates/[0-9a-f]{32}\.pdf")


@pytest.fixture
def certificate(db):
    return CertificateFactory(
        trainee=TraineeFactory(full_name="Siti Nurhaliza Rahmawati"),
        programme=CertificationProgrammeFactory(name="Pendamping Sosial KUBE Madya"),
        serial_number="AP-2026-000123",
        verification_code="ABCDEFGHIJKLMNOPQRSTUV23",
        issued_on=datetime.date(2026, 1, 5),
        expires_on=datetime.date(2029, 1, 4),
    )


def test_the_pdf_names_the_holder_programme_dates_and_serial_in_indonesian(certificate):
    url = certificate_verification_url(certificate)
    pdf = certificate_pdf_bytes(certificate=certificate, verification_url=url)

    assert pdf.startswith(b"%PDF-")
    assert pdf_page_count(pdf) == 1
    text = " ".join(pdf_text(pdf).split())
    assert "Siti Nurhaliza Rahmawati" in text
    assert "Pendamping Sosial KUBE Madya" in text
    assert "AP-2026-000123" in text
    assert url in text
    # Dates in Indonesian whatever the request's language: month names from Django's id locale.
    assert "5 Januari 2026" in text
    assert "4 Januari 2029" in text
    # The code, in groups of four under the QR code, for typing into the form.
    assert " ".join(certificate.verification_code[i : i + 4] for i in range(0, 24, 4)) in text


def test_the_qr_code_decodes_to_the_verification_address(certificate):
    url = certificate_verification_url(certificate)
    assert url == "http://testserver" + reverse("certification:verify", kwargs={"code": certificate.verification_code})

    pdf = certificate_pdf_bytes(certificate=certificate, verification_url=url)

    assert decode_qr_from_pdf(pdf) == [url]


def test_the_qr_code_still_reads_at_a_low_scan_resolution(certificate):
    """A cheap 100 dpi scan or a phone photo of a printout: modules must be big enough."""
    url = certificate_verification_url(certificate)
    pdf = certificate_pdf_bytes(certificate=certificate, verification_url=url)

    assert decode_qr_from_pdf(pdf, dpi=100) == [url]


def test_a_very_long_name_shrinks_to_fit_and_stays_whole(certificate):
    certificate.trainee.full_name = "Raden Ajeng Kartini Sosrodiningrat Purbaningrum Wulandari Kusumawardhani Putri"
    pdf = certificate_pdf_bytes(certificate=certificate, verification_url=certificate_verification_url(certificate))

    assert certificate.trainee.full_name in " ".join(pdf_text(pdf).split())


def test_storing_keeps_the_file_private_under_a_random_name(certificate, settings, private_root):
    certificate_pdf_store(certificate=certificate)

    stored = Certificate.objects.get(pk=certificate.pk)
    assert RANDOM_NAME.fullmatch(stored.pdf.name)
    assert files_under(private_root) == [stored.pdf.name]
    assert files_under(settings.MEDIA_ROOT) == []
    with stored.pdf.open("rb") as handle:
        assert decode_qr_from_pdf(handle.read()) == [certificate_verification_url(certificate)]


def test_storing_writes_only_the_pdf_column(certificate):
    """A revocation saved while the PDF was being drawn is not undone by the PDF's save."""
    Certificate.objects.filter(pk=certificate.pk).update(revocation_reason="Data palsu")

    certificate_pdf_store(certificate=certificate)

    assert Certificate.objects.get(pk=certificate.pk).revocation_reason == "Data palsu"


def test_drawing_again_replaces_the_file_instead_of_piling_up_copies(certificate, private_root):
    certificate_pdf_store(certificate=certificate)
    first = certificate.pdf.name
    certificate_pdf_store(certificate=certificate)

    assert RANDOM_NAME.fullmatch(certificate.pdf.name)
    assert certificate.pdf.name != first  # a new random name: an old link never finds the new file
    assert files_under(private_root) == [certificate.pdf.name]


def test_a_serial_with_slashes_makes_a_flat_download_name(db):
    certificate = CertificateFactory(serial_number="AP/2026/7")

    assert certificate_pdf_filename(certificate) == "AP-2026-7.pdf"


def test_the_background_task_draws_and_stores_the_pdf(certificate):
    assert not certificate.pdf

    generate_certificate_pdf.enqueue(certificate_id=certificate.pk)

    stored = Certificate.objects.get(pk=certificate.pk)
    assert RANDOM_NAME.fullmatch(stored.pdf.name)
    with stored.pdf.open("rb") as handle:
        assert "Siti Nurhaliza Rahmawati" in pdf_text(handle.read())
