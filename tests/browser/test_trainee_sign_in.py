"""A trainee on a phone signs in, in Indonesian, and reaches their home."""

import re

import pytest
from playwright.sync_api import expect

from ..people.factories import PASSWORD, TraineeFactory
from .conftest import save_screenshot, serious_accessibility_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_trainee_signs_in_on_a_phone_and_reaches_home(live_server, phone_page, regions):
    TraineeFactory(email="dewi@contoh.test", full_name="Dewi Lestari", home_region=regions["35.78"])
    page = phone_page

    page.goto(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    assert serious_accessibility_violations(page) == []
    page.get_by_role("main").get_by_role("link", name="Masuk").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Masuk"))
    assert serious_accessibility_violations(page) == []
    save_screenshot(page, "trainee-sign-in")
    page.get_by_label(re.compile("^Email")).fill("dewi@contoh.test")
    page.get_by_label(re.compile("^Kata sandi")).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Masuk").click()

    expect(page).to_have_url(f"{live_server.url}/beranda/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Halo, Dewi")
    expect(page.get_by_role("heading", name="Kursus saya")).to_be_visible()
    assert serious_accessibility_violations(page) == []
    save_screenshot(page, "trainee-home")
