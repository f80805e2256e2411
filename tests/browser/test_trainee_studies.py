"""A trainee on a phone enrols, studies two lessons, leaves, and "Lanjutkan belajar" brings back the third."""

import re

import pytest
from playwright.sync_api import expect

from ..courses.factories import CohortFactory, build_course, lessons_of
from ..people.factories import PASSWORD, TraineeFactory
from .conftest import save_screenshot, serious_accessibility_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def sign_in(page, base_url, email):
    page.goto(f"{base_url}/akun/login/")
    page.get_by_label(re.compile("^Email")).fill(email)
    page.get_by_label(re.compile("^Kata sandi")).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Masuk").click()
    expect(page).to_have_url(f"{base_url}/beranda/")


def test_trainee_enrols_studies_two_lessons_and_resumes_at_the_third(live_server, phone_page, regions):
    course = build_course(code="PK-1", modules=2, lessons_per_module=2, title="Dasar-Dasar Pendampingan Sosial KUBE")
    lessons = lessons_of(course)
    CohortFactory(course=course, region=regions["35"], name="Angkatan I Jawa Timur")
    TraineeFactory(email="dewi@contoh.test", full_name="Dewi Lestari", home_region=regions["35.78"])
    page, base = phone_page, live_server.url

    sign_in(page, base, "dewi@contoh.test")
    page.goto(f"{base}{course.get_parent().url}")
    page.get_by_role("link", name="Dasar-Dasar Pendampingan Sosial KUBE").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dasar-Dasar Pendampingan Sosial KUBE")
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Daftar di angkatan ini").click()

    expect(page.get_by_role("heading", name=re.compile("Angkatan Anda"))).to_be_visible()
    page.get_by_role("link", name="Mulai pelajaran pertama").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(lessons[0].title)
    assert serious_accessibility_violations(page) == []
    save_screenshot(page, "trainee-lesson")

    page.get_by_role("radio", name="50 keluarga").check()
    page.get_by_role("button", name="Periksa jawaban saya").click()
    expect(page.get_by_text("Terlalu banyak untuk satu kelompok.")).to_be_visible()
    page.get_by_label("Apa tantangan di desa Anda?").fill("Jalan desa rusak saat hujan.")
    page.get_by_role("button", name="Simpan jawaban saya").click()
    expect(page.get_by_label("Apa tantangan di desa Anda?")).to_have_value("Jalan desa rusak saat hujan.")

    page.get_by_role("button", name="Tandai selesai dan lanjut").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(lessons[1].title)
    page.get_by_role("button", name="Tandai selesai dan lanjut").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(lessons[2].title)

    page.get_by_role("button", name="Keluar").click()
    sign_in(page, base, "dewi@contoh.test")
    expect(page.get_by_text("Kemajuan: 50%")).to_be_visible()
    assert serious_accessibility_violations(page) == []
    save_screenshot(page, "trainee-home-resume")
    page.get_by_role("link", name="Lanjutkan belajar").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(lessons[2].title)
