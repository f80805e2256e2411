"""The decision form tells the supervisor what is wrong at the top of the page."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from ..people.factories import SupervisorFactory, give_totp
from ..people.recruitment_factories import CandidateApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def signed_in(client, regions):
    supervisor = SupervisorFactory(scope_region=regions["35"])
    give_totp(supervisor)
    client.force_login(supervisor)
    return CandidateApplicationFactory(region=regions["35.78"])


def test_waitlisting_without_a_reason_is_summarised_above_the_long_page(client, signed_in):
    url = reverse("recruitment:decide", kwargs={"application_id": signed_in.pk})
    response = client.post(url, {"decision": "waitlisted", "reason": ""})
    page = response.content.decode()

    assert response.status_code == 400
    summary = page.index('id="decision-errors"')
    assert summary < page.index('id="lamaran"')  # before what the candidate wrote
    assert 'href="#id_reason"' in page[summary : page.index('id="lamaran"')]
    assert 'id="screening-errors"' not in page


def test_the_decision_form_words(client, signed_in):
    page = client.get(reverse("recruitment:detail", kwargs={"application_id": signed_in.pk})).content.decode()
    assert "Choose a cohort (needed to accept)" in page
    assert "---------" not in page
    # Only the rejection e-mail quotes the reason; the help text must not promise more.
    assert "only a rejected candidate receives it by e-mail" in page
