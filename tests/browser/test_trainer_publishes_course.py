"""A trainer writes a course, a module and a lesson in the Wagtail admin (in Wagtail's Indonesian)
on a phone-sized screen; a senior trainer approves each page and the course goes live for trainees."""

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from lms.people.constants import Role
from lms.people.middleware import TWO_FACTOR_OK_SESSION_KEY

from ..people.factories import TrainerFactory, give_totp
from .conftest import save_screenshot, serious_accessibility_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def signed_in(page, base_url, user):
    """Sign the browser in as `user`, past the second factor (its own journey is tested elsewhere)."""
    client = Client()
    client.force_login(user)
    session = client.session
    session[TWO_FACTOR_OK_SESSION_KEY] = user.pk
    session.save()
    page.context.clear_cookies()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": base_url}])


def fill_title(page, title):
    """Type the title; Wagtail derives the slug from it as the trainer types."""
    page.locator("#id_title").fill(title)
    page.locator("#id_title").press("Tab")
    expect(page.locator("#id_slug")).to_have_value(re.compile(".+"))


def submit_for_review(page):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Pengajuan ke Telaah kursus").click()
    expect(page.get_by_text("dikirim untuk dimoderasi", exact=False).first).to_be_visible()


def approve(page, base_url, page_id):
    page.goto(f"{base_url}/admin/pages/{page_id}/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Menyetujui dan Publikasikan", exact=True).click()
    expect(page).not_to_have_url(f"{base_url}/admin/pages/{page_id}/edit/")


def test_trainer_writes_a_course_and_a_senior_trainer_puts_it_live(live_server, phone_page):
    trainer = TrainerFactory(full_name="Sri Wahyuni")
    senior = TrainerFactory(full_name="Hendro Prasetyo", roles=[Role.SENIOR_TRAINER])
    for person in (trainer, senior):
        give_totp(person)
    catalogue = CourseIndexPage.objects.get()
    page, base = phone_page, live_server.url

    signed_in(page, base, trainer)
    page.goto(f"{base}/admin/pages/add/courses/coursepage/{catalogue.pk}/")
    fill_title(page, "Advokasi Bantuan Stimulan")
    page.locator("#id_code").fill("ADV-101")
    page.locator("#id_summary").fill("Mengawal dana bantuan agar dipakai untuk usaha, bukan konsumsi.")
    page.locator("#id_study_hours").fill("6")
    submit_for_review(page)
    course = CoursePage.objects.get(code="ADV-101")
    assert not course.live

    page.goto(f"{base}/admin/pages/add/courses/modulepage/{course.pk}/")
    fill_title(page, "Pendamping sebagai Advokator")
    submit_for_review(page)
    module = ModulePage.objects.get(title="Pendamping sebagai Advokator")

    page.goto(f"{base}/admin/pages/add/courses/lessonpage/{module.pk}/")
    fill_title(page, "Mengawal pencairan dana")
    page.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Teks").click()
    page.locator(".public-DraftEditor-content").first.click()
    page.keyboard.type("Dana stimulan dipakai untuk modal usaha kelompok.")
    expect(page.locator(".public-DraftEditor-content").first).to_contain_text("Dana stimulan dipakai")
    # Draftail writes the text into the form's hidden input a moment after typing.
    expect(page.locator("#body-0-value")).to_have_value(re.compile("Dana stimulan dipakai"))
    save_screenshot(page, "trainer-writes-lesson")
    submit_for_review(page)
    lesson = LessonPage.objects.get(title="Mengawal pencairan dana")
    assert not lesson.live

    signed_in(page, base, senior)
    page.goto(f"{base}/admin/")
    expect(page.get_by_text("Advokasi Bantuan Stimulan").first).to_be_visible()
    for page_id in (course.pk, module.pk, lesson.pk):
        approve(page, base, page_id)

    for model, pk in ((CoursePage, course.pk), (ModulePage, module.pk), (LessonPage, lesson.pk)):
        assert model.objects.get(pk=pk).live
    page.context.clear_cookies()
    page.goto(f"{base}{catalogue.url}")
    page.get_by_role("link", name="Advokasi Bantuan Stimulan").click()
    expect(page.get_by_text("Mengawal pencairan dana")).to_be_visible()
    assert serious_accessibility_violations(page) == []
    lesson.refresh_from_db()
    assert "Dana stimulan dipakai" in str(lesson.body)
