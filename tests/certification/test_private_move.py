"""Migration 0004 moves the PDFs of before (public media, named by serial) into the private storage."""

import importlib
import re

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.urls import reverse

from lms.certification.models import Certificate
from lms.certification.pdf import certificate_pdf_store

from ..storage import files_under
from .factories import CertificateFactory

migration = importlib.import_module("lms.certification.migrations.0004_private_certificate_pdfs")
RANDOM_NAME = re.compile(r"certificates/[0-9a-f]{32}\.pdf")


def _old_public_pdf(serial: str, content: bytes) -> Certificate:
    """A certificate as the code before kept it: MEDIA_ROOT/certificates/<serial>.pdf."""
    certificate = CertificateFactory(serial_number=serial)
    name = storages["default"].save(f"certificates/{serial}.pdf", ContentFile(content))
    Certificate.objects.filter(pk=certificate.pk).update(pdf=name)
    return certificate


def test_old_pdfs_move_to_private_storage_under_random_names_and_still_download(client, db, settings, private_root):
    old = _old_public_pdf("AP-2025-000001", b"%PDF-1.4 sertifikat lama")
    current = CertificateFactory()
    certificate_pdf_store(certificate=current)
    undrawn = CertificateFactory()
    assert files_under(settings.MEDIA_ROOT) == ["certificates/AP-2025-000001.pdf"]

    migration.move_pdfs(apps, None)

    moved = Certificate.objects.get(pk=old.pk)
    assert RANDOM_NAME.fullmatch(moved.pdf.name)
    assert files_under(settings.MEDIA_ROOT) == []
    assert sorted(files_under(private_root)) == sorted([moved.pdf.name, current.pdf.name])
    assert Certificate.objects.get(pk=current.pk).pdf.name == current.pdf.name
    assert not Certificate.objects.get(pk=undrawn.pk).pdf
    client.force_login(old.trainee)
    response = client.get(reverse("certification:download", kwargs={"certificate_id": old.pk}))
    assert b"".join(response.streaming_content) == b"%PDF-1.4 sertifikat lama"  # the same file, not redrawn


def test_running_it_again_changes_nothing(db, settings, private_root):
    old = _old_public_pdf("AP-2025-000002", b"%PDF-1.4 dua")
    migration.move_pdfs(apps, None)
    name, files = Certificate.objects.get(pk=old.pk).pdf.name, files_under(private_root)

    migration.move_pdfs(apps, None)

    assert Certificate.objects.get(pk=old.pk).pdf.name == name
    assert files_under(private_root) == files


def test_a_row_whose_old_file_is_lost_is_left_for_the_download_view_to_redraw(db, settings):
    certificate = CertificateFactory()
    Certificate.objects.filter(pk=certificate.pk).update(pdf="certificates/hilang.pdf")

    migration.move_pdfs(apps, None)

    assert Certificate.objects.get(pk=certificate.pk).pdf.name == "certificates/hilang.pdf"
