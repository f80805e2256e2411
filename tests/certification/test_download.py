"""Downloading the certificate PDF: who may, what they get, a revoked certificate, and no public address."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from lms.certification.models import Certificate
from lms.certification.pdf import certificate_pdf_store, certificate_verification_url
from lms.files import SANDBOX_POLICY

from ..people.factories import SupervisorFactory, TraineeFactory, TrainerFactory, UserFactory, give_totp
from ..storage import files_under
from .factories import CertificateFactory
from .qr import decode_qr_from_pdf, pdf_text

RANDOM_NAME = re.compile(r"certificates/[0-9a-f]{32}\.pdf")


@pytest.fixture(autouse=True)
def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def certificate(regions):
    """Held by a trainee of Karang Pilang (Surabaya, Jawa Timur); its PDF not drawn yet."""
    return CertificateFactory(
        trainee=TraineeFactory(full_name="Dewi Anggraini", home_region=regions["35.78.01"]),
        serial_number="AP-2026-000077",
    )


def _staff(factory, **fields):
    user = factory(**fields)
    give_totp(user)
    return user


def _download(client, certificate):
    return client.get(reverse("certification:download", kwargs={"certificate_id": certificate.pk}))


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_holder_downloads_it_drawn_on_demand_when_the_task_has_not_run(client, certificate):
    client.force_login(certificate.trainee)

    response = _download(client, certificate)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="AP-2026-000077.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == SANDBOX_POLICY == "sandbox; default-src 'none'"
    assert response["Cache-Control"] == "private, no-store"
    pdf = _body(response)
    assert decode_qr_from_pdf(pdf) == [certificate_verification_url(certificate)]
    assert "Dewi Anggraini" in pdf_text(pdf)
    assert RANDOM_NAME.fullmatch(Certificate.objects.get(pk=certificate.pk).pdf.name)


def test_the_pdf_has_no_public_address_revoked_or_not(client, certificate, settings, private_root):
    """The probe's case: /media/certificates/<serial>.pdf downloaded without signing in, a revoked one too."""
    certificate_pdf_store(certificate=certificate)
    certificate.revoked_at = timezone.now()
    certificate.save()
    name = Certificate.objects.get(pk=certificate.pk).pdf.name
    settings.DEBUG = True
    settings.ROOT_URLCONF = "tests.home.urls_development"  # what runserver serves from MEDIA_ROOT

    assert files_under(settings.MEDIA_ROOT) == []
    assert files_under(private_root) == [name]
    assert "000077" not in name
    assert client.get("/media/certificates/AP-2026-000077.pdf").status_code == 404
    assert client.get(f"/media/{name}").status_code == 404
    # ... while the development server does serve public images from MEDIA_ROOT.
    (settings.MEDIA_ROOT / "images").mkdir(parents=True)
    (settings.MEDIA_ROOT / "images" / "pasar.webp").write_bytes(b"RIFF\x00\x00\x00\x00WEBP")
    assert client.get("/media/images/pasar.webp").status_code == 200


def test_a_stored_pdf_is_served_as_it_is(client, certificate):
    certificate_pdf_store(certificate=certificate)
    with certificate.pdf.open("rb") as handle:
        stored = handle.read()
    client.force_login(certificate.trainee)

    assert _body(_download(client, certificate)) == stored


def test_a_supervisor_of_the_holders_province_downloads_it(client, certificate, regions):
    client.force_login(_staff(SupervisorFactory, scope_region=regions["35"]))

    assert _download(client, certificate).status_code == 200


@pytest.mark.parametrize("who", ["other_trainee", "supervisor_elsewhere", "supervisor_of_a_sibling_city", "trainer"])
def test_anyone_else_gets_404(client, certificate, regions, who):
    user = {
        "other_trainee": lambda: TraineeFactory(home_region=regions["35.78.01"]),
        "supervisor_elsewhere": lambda: _staff(SupervisorFactory, scope_region=regions["63"]),
        "supervisor_of_a_sibling_city": lambda: _staff(SupervisorFactory, scope_region=regions["35.73"]),
        # A trainer with a province does not make them a supervisor.
        "trainer": lambda: _staff(TrainerFactory, scope_region=regions["35"]),
    }[who]()
    client.force_login(user)

    assert _download(client, certificate).status_code == 404
    assert not Certificate.objects.get(pk=certificate.pk).pdf


def test_a_missing_certificate_is_404_too(client, certificate):
    client.force_login(certificate.trainee)

    assert (
        client.get(reverse("certification:download", kwargs={"certificate_id": certificate.pk + 999})).status_code
        == 404
    )


def test_signed_out_visitors_are_sent_to_sign_in(client, certificate):
    response = _download(client, certificate)

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_revoked_certificate_is_refused_to_its_holder_with_a_message(client, certificate):
    certificate.revoked_at = timezone.now()
    certificate.revocation_reason = "Alasan yang tidak perlu ditampilkan"
    certificate.save()
    client.force_login(certificate.trainee)

    response = _download(client, certificate)

    assert response.status_code == 403
    page = response.content.decode()
    assert "was revoked on" in page
    assert "AP-2026-000077" in page
    assert "Alasan yang tidak perlu ditampilkan" not in page


def test_a_revoked_certificate_stays_downloadable_by_its_supervisor_and_an_administrator(client, certificate, regions):
    certificate.revoked_at = timezone.now()
    certificate.save()

    client.force_login(_staff(SupervisorFactory, scope_region=regions["35"]))
    assert _download(client, certificate).status_code == 200
    client.force_login(_staff(UserFactory, is_superuser=True, is_staff=True))
    assert _download(client, certificate).status_code == 200
