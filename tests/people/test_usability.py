"""Walk-through fixes: status words, error summaries, select prompts, the way to apply, the TOTP page."""

import re

import pytest
from django.conf import settings
from django.utils import translation

from lms.people.constants import ApplicationStatus

from .factories import PASSWORD, TrainerFactory, give_totp

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


def test_the_submitted_status_is_not_the_submitted_date_column():
    # The date column's "Submitted" means "time submitted"; the status has its own context.
    with translation.override("id"):
        assert str(ApplicationStatus.SUBMITTED.label) != translation.gettext("Submitted")


def test_an_empty_application_lists_every_problem_at_the_top(client, regions):
    fields = ("full_name", "email", "phone", "region", "education_level", "community_experience", "motivation")
    page = client.post("/daftar-pendamping/", dict.fromkeys((*fields, "references", "homepage"), "")).content.decode()

    summary = page.index('id="form-errors"')
    assert 'role="alert"' in page[page.rfind("<div", 0, summary) : summary + 200]
    assert summary < page.index('name="full_name"')
    for field in fields:
        assert f'href="#id_{field}"' in page
    assert 'href="#id_homepage"' not in page  # the honeypot stays out of sight


def test_the_education_select_says_what_to_choose(client, regions):
    page = client.get("/daftar-pendamping/").content.decode()
    select = page[page.index('name="education_level"') :]
    assert re.search(r'<option value=""[^>]*>Choose your highest education</option>', select)
    assert "---------" not in page


def test_the_home_page_shows_visitors_the_way_to_apply(client, django_user_model):
    page = client.get("/").content.decode()
    assert 'href="/daftar-pendamping/"' in page
    assert "Become a social mentor: apply" in page
    assert "Create an account only if your trainer or supervisor told you to register." in page

    client.force_login(django_user_model.objects.create_user(email="peserta@contoh.test", password=PASSWORD))
    assert "Become a social mentor: apply" not in client.get("/").content.decode()


def test_the_code_page_has_a_number_pad_and_a_secondary_cancel(client):
    trainer = TrainerFactory(email="guru@contoh.test")
    give_totp(trainer)
    client.post("/akun/login/", {"login": "guru@contoh.test", "password": PASSWORD})

    page = client.get("/akun/2fa/authenticate/").content.decode()

    code = re.search(r'<input[^>]*name="code"[^>]*>', page).group(0)
    assert 'inputmode="numeric"' in code and 'autocomplete="one-time-code"' in code
    buttons = {
        text.strip().lower(): attrs
        for attrs, text in re.findall(r"<button([^>]*)>([^<]*)</button>", page)
        if text.strip().lower() in ("sign in", "cancel")
    }
    assert set(buttons) == {"sign in", "cancel"}
    assert "button-secondary" not in buttons["sign in"]
    assert "button-secondary" in buttons["cancel"] and 'form="logout-from-stage"' in buttons["cancel"]
