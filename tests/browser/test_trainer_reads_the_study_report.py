"""A trainer on a phone opens the treatment-vs-control report of the demo study and downloads it."""

import io
from pathlib import Path

import pytest
from django.utils import translation
from openpyxl import load_workbook
from playwright.sync_api import expect

from assessments import demo as assessments_demo
from courses import demo as courses_demo
from courses.models import Cohort
from lms import formatting
from lms.people import demo as people_demo
from lms.people.models import User

from .conftest import save_screenshot, serious_accessibility_violations
from .test_trainer_publishes_course import signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_trainer_sees_the_verdicts_and_charts_and_the_xlsx_holds_the_same_numbers(live_server, phone_page):
    people_demo.seed()
    courses_demo.seed()
    assessments_demo.seed()
    treatment = Cohort.objects.get(name__startswith="Uji Coba", study_arm="treatment")
    page, base = phone_page, live_server.url
    signed_in(page, base, User.objects.get(email="pengajar@akademi.test"))

    page.goto(f"{base}/angkatan/{treatment.pk}/")
    page.get_by_role("link", name="Perlakuan lawan kontrol").click()
    control = Cohort.objects.get(name__startswith="Uji Coba", study_arm="control")
    page.get_by_label("Angkatan kontrol").select_option(label=f"{control.name} ({control.course.title})")
    page.get_by_role("button", name="Tampilkan perbandingan").click()

    study = page.locator("#tabel-studi").locator("xpath=..")
    expect(study.get_by_role("cell", name="signifikan", exact=True).first).to_be_visible()
    expect(study.get_by_role("cell", name="tidak signifikan", exact=True).first).to_be_visible()
    expect(page.locator("img.chart").first).to_be_visible()
    assert page.locator("img.chart").count() >= 2
    assert serious_accessibility_violations(page) == []
    save_screenshot(page, "trainer-study-report")

    shown_p = page.locator("#tabel-antar-kelompok").locator("xpath=..").locator("tbody tr").nth(3).locator("td").first
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Unduh semua tabel (XLSX)").click()
    workbook = load_workbook(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    sheet = next(ws for ws in workbook.worksheets if "antar" in ws.title.lower() or ws.title.startswith("3"))
    values = [row for row in sheet.values if row and row[0]]
    p_chi2 = next(row[1] for row in values if str(row[0]).startswith("p (χ²)"))
    with translation.override("id"):  # the page is Indonesian: "0,012" or "< 0,001"
        assert formatting.p_value(p_chi2, 3) == shown_p.inner_text()
