"""The public application form: errors keep what was typed, the honeypot, the rate limit, duplicates."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from lms.people.constants import ApplicationStatus
from lms.people.models import CandidateApplication
from lms.people.recruitment_services import ALREADY_ACCEPTED, DUPLICATE_APPLICATION

from .recruitment_factories import CandidateApplicationFactory

APPLY_URL = "/daftar-pendamping/"


@pytest.fixture(autouse=True)
def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def form_data(regions):
    return {
        "full_name": "Siti Maesaroh",
        "email": "Siti.Maesaroh@contoh.test",
        "phone": "081334455667",
        "region": str(regions["35.73"].pk),
        "education_level": "SLTA",
        "community_experience": "Ketua kelompok arisan dan kader posyandu di Kelurahan Lowokwaru.",
        "motivation": "Saya ingin mendampingi ibu-ibu di kampung agar usaha kue mereka berkembang.",
        "references": "Ibu Wartini, lurah Lowokwaru, 081355550000",
        "homepage": "",
    }


def _post(client, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(APPLY_URL, data)


def test_the_url_name_and_the_form_with_its_hidden_trap(client, regions):
    assert reverse("people:apply") == APPLY_URL
    page = client.get(APPLY_URL).content.decode()
    assert 'name="homepage"' in page
    assert 'class="visually-hidden" aria-hidden="true"' in page
    assert 'tabindex="-1"' in page and 'autocomplete="off"' in page
    # Regencies and cities only, grouped by province.
    assert '<optgroup label="Jawa Timur">' in page and "Kota Malang" in page
    assert f'value="{regions["35.78.01"].pk}"' not in page


def test_an_application_is_stored_and_confirmed_by_email(client, form_data, django_capture_on_commit_callbacks):
    response = _post(client, form_data, django_capture_on_commit_callbacks)

    assert response.status_code == 302 and response["Location"] == reverse("people:apply_thanks")
    application = CandidateApplication.objects.get()
    assert application.email == "siti.maesaroh@contoh.test"  # kept lower-case
    assert application.region.code == "35.73" and application.status == ApplicationStatus.SUBMITTED
    assert application.motivation.startswith("Saya ingin mendampingi")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["siti.maesaroh@contoh.test"]
    assert "Siti Maesaroh" in mail.outbox[0].body and "Kota Malang" in mail.outbox[0].body
    assert client.get(response["Location"]).status_code == 200


def test_errors_keep_what_was_typed(client, form_data):
    response = client.post(APPLY_URL, form_data | {"phone": "12345", "education_level": ""})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter an Indonesian mobile number" in page
    assert "Saya ingin mendampingi ibu-ibu di kampung" in page
    assert 'value="Siti Maesaroh"' in page and "Ketua kelompok arisan" in page
    assert not CandidateApplication.objects.exists()


def test_a_district_is_not_a_regency(client, form_data, regions):
    response = client.post(APPLY_URL, form_data | {"region": str(regions["35.78.01"].pk)})
    assert response.status_code == 200 and not CandidateApplication.objects.exists()


def test_a_bot_filling_the_honeypot_is_thanked_and_nothing_is_stored(
    client, form_data, django_capture_on_commit_callbacks
):
    response = _post(client, form_data | {"homepage": "http://spam.example"}, django_capture_on_commit_callbacks)

    assert response.status_code == 302 and response["Location"] == reverse("people:apply_thanks")
    assert not CandidateApplication.objects.exists()
    assert mail.outbox == []


def test_the_sixth_submission_in_an_hour_gets_429(client, form_data, django_capture_on_commit_callbacks):
    for number in range(5):
        response = _post(
            client, form_data | {"email": f"calon{number}@contoh.test"}, django_capture_on_commit_callbacks
        )
        assert response.status_code == 302

    response = _post(client, form_data | {"email": "keenam@contoh.test"}, django_capture_on_commit_callbacks)

    assert response.status_code == 429
    assert "Too many applications" in response.content.decode()
    assert CandidateApplication.objects.count() == 5
    assert not CandidateApplication.objects.filter(email="keenam@contoh.test").exists()


def test_form_errors_do_not_count_against_the_limit(client, form_data, django_capture_on_commit_callbacks):
    for _attempt in range(6):
        assert client.post(APPLY_URL, form_data | {"phone": "salah"}).status_code == 200
    assert _post(client, form_data, django_capture_on_commit_callbacks).status_code == 302


def test_a_second_open_application_with_the_same_address_is_refused(
    client, form_data, regions, django_capture_on_commit_callbacks
):
    CandidateApplicationFactory(email="siti.maesaroh@contoh.test", region=regions["35.73"])

    response = _post(client, form_data, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert str(DUPLICATE_APPLICATION) in response.content.decode()
    assert CandidateApplication.objects.filter(email="siti.maesaroh@contoh.test").count() == 1
    assert mail.outbox == []


def test_a_waitlisted_candidate_cannot_apply_twice_but_a_rejected_one_can(
    client, form_data, regions, django_capture_on_commit_callbacks
):
    earlier = CandidateApplicationFactory(
        email="siti.maesaroh@contoh.test", region=regions["35.73"], status=ApplicationStatus.WAITLISTED
    )
    assert _post(client, form_data, django_capture_on_commit_callbacks).status_code == 200

    CandidateApplication.objects.filter(pk=earlier.pk).update(status=ApplicationStatus.REJECTED)
    assert _post(client, form_data, django_capture_on_commit_callbacks).status_code == 302
    assert CandidateApplication.objects.filter(email="siti.maesaroh@contoh.test").count() == 2


def test_an_accepted_address_is_sent_to_sign_in(client, form_data, regions):
    CandidateApplicationFactory(
        email="siti.maesaroh@contoh.test", region=regions["35.73"], status=ApplicationStatus.ACCEPTED
    )
    response = client.post(APPLY_URL, form_data)
    assert str(ALREADY_ACCEPTED) in response.content.decode()
    assert CandidateApplication.objects.count() == 1


def test_the_database_refuses_two_open_applications_for_one_address(regions):
    from django.db import IntegrityError, transaction

    CandidateApplicationFactory(email="ganda@contoh.test", region=regions["35.73"])
    with pytest.raises(IntegrityError), transaction.atomic():
        CandidateApplicationFactory(
            email="ganda@contoh.test", region=regions["35.73"], status=ApplicationStatus.WAITLISTED
        )
    CandidateApplicationFactory(email="ganda@contoh.test", region=regions["35.73"], status=ApplicationStatus.REJECTED)
