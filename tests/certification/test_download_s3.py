"""Downloading a certificate whose PDF is in a bucket (moto's server): a redirect to a short-lived signed URL."""

import datetime
import importlib
from urllib.parse import parse_qs, urlsplit

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.urls import reverse
from django.utils import timezone

from lms.certification.models import Certificate
from lms.certification.pdf import certificate_pdf_store

from ..people.factories import TraineeFactory
from ..storage import fetch
from .factories import CertificateFactory

migration = importlib.import_module("lms.certification.migrations.0004_private_certificate_pdfs")


@pytest.fixture
def certificate(db, s3_bucket):
    certificate = CertificateFactory(serial_number="AP-2026-000088")
    certificate_pdf_store(certificate=certificate)
    return certificate


def _download(client, certificate):
    return client.get(reverse("certification:download", kwargs={"certificate_id": certificate.pk}))


def test_the_holder_is_sent_to_a_signed_url_that_works_and_expires_in_a_minute(client, certificate, s3_bucket):
    client.force_login(certificate.trainee)

    response = _download(client, certificate)

    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    address = urlsplit(response["Location"])
    query = parse_qs(address.query)
    assert f"{address.scheme}://{address.netloc}" == s3_bucket.endpoint
    assert address.path == f"/{s3_bucket.name}/{certificate.pdf.name}"
    assert query["X-Amz-Expires"] == ["60"]
    signed_at = datetime.datetime.strptime(query["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.UTC)
    assert abs(timezone.now() - signed_at) < datetime.timedelta(minutes=1)
    assert query["X-Amz-Credential"][0].startswith("akademi-test/")
    assert query["X-Amz-Signature"][0]

    status, headers, body = fetch(response["Location"])

    assert status == 200
    assert body.startswith(b"%PDF-")
    assert headers["content-type"] == "application/pdf"
    assert headers["content-disposition"] == 'attachment; filename="AP-2026-000088.pdf"'
    assert headers["cache-control"] == "private, no-store"
    # The same object without the signature is refused.
    assert fetch(f"{s3_bucket.endpoint}{address.path}")[0] == 403


def test_others_get_no_signed_url(client, certificate):
    client.force_login(TraineeFactory())
    assert _download(client, certificate).status_code == 404
    client.logout()
    response = _download(client, certificate)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_holder_of_a_revoked_certificate_gets_no_signed_url(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(revoked_at=timezone.now())
    client.force_login(certificate.trainee)

    response = _download(client, certificate)

    assert response.status_code == 403
    assert "Location" not in response


def test_the_migration_moves_an_old_public_pdf_into_the_bucket(certificate, s3_bucket, settings):
    old = CertificateFactory(serial_number="AP-2025-000009")
    name = storages["default"].save("certificates/AP-2025-000009.pdf", ContentFile(b"%PDF-1.4 lama"))
    Certificate.objects.filter(pk=old.pk).update(pdf=name)

    migration.move_pdfs(apps, None)

    moved = Certificate.objects.get(pk=old.pk).pdf.name
    assert moved != name and "000009" not in moved
    assert s3_bucket.client.get_object(Bucket=s3_bucket.name, Key=moved)["Body"].read() == b"%PDF-1.4 lama"
    assert not storages["default"].exists(name)
    assert Certificate.objects.get(pk=certificate.pk).pdf.name == certificate.pdf.name
