"""The public verification page: the five facts and nothing else, 404 for a made-up code,
and a rate limit so codes cannot be enumerated."""

import datetime
import secrets

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from lms.certification.services import new_verification_code
from lms.certification.verification_views import TOO_MANY, certificate_verify_lookup, normalise_code

from ..people.factories import SupervisorFactory, TraineeFactory
from .factories import CertificateFactory, CertificationProgrammeFactory

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def holder(regions):
    return TraineeFactory(
        full_name="Rina Marlina",
        email="rina.rahasia@contoh.test",
        phone="081399887766",
        home_region=regions["35.78.01"],
    )


@pytest.fixture
def certificate(holder):
    return CertificateFactory(
        trainee=holder,
        programme=CertificationProgrammeFactory(name="Pendamping KUBE Tingkat Dasar"),
        serial_number="AP-2026-004242",
        issued_on=TODAY - datetime.timedelta(days=100),
        expires_on=TODAY + datetime.timedelta(days=900),
    )


@pytest.fixture
def other_certificate(holder):
    """The same holder's other certificate, which must not show on the first one's page."""
    return CertificateFactory(
        trainee=holder,
        programme=CertificationProgrammeFactory(name="Program Lanjutan Rahasia"),
        serial_number="AP-9-777",
    )


def _page(client, certificate, **extra):
    return client.get(reverse("certification:verify", kwargs={"code": certificate.verification_code}), **extra)


def _assert_reveals_nothing_else(page: str, certificate):
    for secret in (
        "rina.rahasia@contoh.test",
        "081399887766",
        "Karang Pilang",
        "Surabaya",
        "Jawa Timur",
        certificate.serial_number,
        "Program Lanjutan Rahasia",
        "AP-9-777",
        "Data pelatihan dipalsukan",
    ):
        assert secret not in page, secret


def test_a_valid_certificate_shows_name_programme_dates_and_valid(client, certificate, other_certificate):
    response = _page(client, certificate)

    assert response.status_code == 200
    page = response.content.decode()
    assert "This certificate is valid." in page
    assert "Rina Marlina" in page
    assert "Pendamping KUBE Tingkat Dasar" in page
    assert certificate.issued_on.strftime("%Y-%m-%d") in page
    assert certificate.expires_on.strftime("%Y-%m-%d") in page
    _assert_reveals_nothing_else(page, certificate)
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Cache-Control"] == "private, max-age=60"


def test_on_its_expiry_date_it_is_still_valid_and_the_day_after_it_has_expired(client, holder):
    last_day = CertificateFactory(trainee=holder, issued_on=TODAY - datetime.timedelta(days=1000), expires_on=TODAY)
    lapsed = CertificateFactory(
        trainee=holder, issued_on=TODAY - datetime.timedelta(days=1000), expires_on=TODAY - datetime.timedelta(days=1)
    )

    assert "This certificate is valid." in _page(client, last_day).content.decode()
    page = _page(client, lapsed).content.decode()
    assert "This certificate has expired." in page
    assert "This certificate is valid." not in page
    assert "Rina Marlina" in page


def test_a_revoked_certificate_says_revoked_and_nothing_about_why(client, certificate, other_certificate):
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = SupervisorFactory(full_name="Penyelia Pencabut")
    certificate.revocation_reason = "Data pelatihan dipalsukan"
    certificate.save()

    response = _page(client, certificate)

    assert response.status_code == 200
    page = response.content.decode()
    assert "This certificate has been revoked." in page
    assert "is valid" not in page
    assert "Penyelia Pencabut" not in page
    _assert_reveals_nothing_else(page, certificate)


def test_a_made_up_code_is_not_found_and_only_refills_the_field(client, certificate):
    made_up = secrets.token_urlsafe(24)

    response = client.get(reverse("certification:verify", kwargs={"code": made_up}))

    assert response.status_code == 404
    page = response.content.decode()
    assert "No certificate has this verification code." in page
    # The code comes back only as the field's value, so the asker can see a typo.
    main = page[page.index("<main") : page.index("</main>")]
    assert main.count(made_up) == 1
    assert f'value="{made_up}"' in main
    assert "Rina Marlina" not in page
    assert response["Cache-Control"] == "no-store"


def test_a_refilled_code_is_escaped(client, certificate):
    response = client.get("/verifikasi/%22%3E%3Cb%3Ex/")

    assert response.status_code == 404
    main = response.content.decode().split("<main", 1)[1]
    assert "<b>x" not in main
    assert "&quot;&gt;&lt;b&gt;x" in main


def test_expired_and_revoked_look_different_and_revoked_says_originally_valid(client, holder, certificate):
    lapsed = CertificateFactory(
        trainee=holder, issued_on=TODAY - datetime.timedelta(days=1000), expires_on=TODAY - datetime.timedelta(days=1)
    )
    valid = _page(client, certificate).content.decode()
    assert "card-next" in valid and "Valid until" in valid and "badge-danger" not in valid
    expired = _page(client, lapsed).content.decode()
    assert "card-warning" in expired and "badge-warning" in expired and "card-next" not in expired
    certificate.revoked_at = timezone.now()
    certificate.save()
    revoked = _page(client, certificate).content.decode()
    assert "card-danger" in revoked and "badge-danger" in revoked and "card-next" not in revoked
    assert "Originally valid until" in revoked
    assert ">Valid until<" not in revoked


def test_an_issued_code_typed_in_lower_case_in_groups_finds_its_certificate(client, holder):
    """Issued codes are base32 capitals, printed in groups of four; phones type lower case."""
    certificate = CertificateFactory(trainee=holder, verification_code=new_verification_code())
    typed = " ".join(certificate.verification_code.lower()[i : i + 4] for i in range(0, 24, 4))

    response = client.get(reverse("certification:verify_form"), {"kode": typed}, follow=True)

    assert response.status_code == 200
    assert "This certificate is valid." in response.content.decode()
    assert "Rina Marlina" in response.content.decode()


def test_the_form_sends_a_typed_or_pasted_code_to_its_page(client, certificate):
    form_url = reverse("certification:verify_form")
    code_url = reverse("certification:verify", kwargs={"code": certificate.verification_code})
    assert client.get(form_url).status_code == 200

    typed = client.get(form_url, {"kode": f"  {certificate.verification_code}\n"})
    pasted = client.get(form_url, {"kode": f"http://testserver{code_url}"})
    posted = client.post(form_url, {"kode": certificate.verification_code})

    for response in (typed, pasted, posted):
        assert response.status_code == 302
        assert response["Location"] == code_url


def test_an_empty_code_gets_a_message_on_the_form(client):
    response = client.get(reverse("certification:verify_form"), {"kode": "   "})

    assert response.status_code == 400
    assert "Type the verification code printed under the QR code." in response.content.decode()


def test_normalising_drops_spaces_and_keeps_case():
    assert normalise_code(" Ab-c_D\n e ") == "Ab-c_De"
    assert normalise_code("https://akademi.example/verifikasi/XyZ_1/") == "XyZ_1"
    assert normalise_code("") == ""


def test_the_thirty_first_look_up_in_a_minute_is_refused_and_others_are_unaffected(client, certificate):
    made_up = reverse("certification:verify", kwargs={"code": "tebak-tebakan"})
    for _ in range(30):
        assert client.get(made_up).status_code == 404

    refused = _page(client, certificate)
    form = client.get(reverse("certification:verify_form"), {"kode": certificate.verification_code})

    assert refused.status_code == 429
    assert form.status_code == 429
    assert str(TOO_MANY) in refused.content.decode()
    assert "Rina Marlina" not in refused.content.decode()
    assert refused["Retry-After"] == "60"
    other_address = Client(REMOTE_ADDR="198.51.100.20")
    assert _page(other_address, certificate).status_code == 200


def test_the_look_up_is_one_query(certificate, other_certificate, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = certificate_verify_lookup(code=certificate.verification_code, today=TODAY)

    assert found.holder_name == "Rina Marlina"
    assert not hasattr(found, "serial_number")
