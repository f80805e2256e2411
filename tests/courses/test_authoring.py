"""Trainers write under the catalogue only; courses go live through the senior trainers' review."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from courses.models import Cohort, CourseIndexPage, CoursePage, MentorRole
from lms.people.constants import Role

from ..people.factories import TrainerFactory, give_totp
from .factories import lessons_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def senior(db):
    senior = TrainerFactory(roles=[Role.SENIOR_TRAINER])
    give_totp(senior)
    return senior


@pytest.fixture
def catalogue(db):
    return CourseIndexPage.objects.get()


def test_trainer_may_add_and_edit_under_the_catalogue_only_and_cannot_publish(trainer, catalogue):
    home = catalogue.get_parent()
    assert catalogue.permissions_for_user(trainer).can_add_subpage()
    assert not home.permissions_for_user(trainer).can_add_subpage()
    course = CoursePage(title="Kursus Baru", slug="kursus-baru", code="BARU-1", summary="Ringkas.", study_hours=4)
    catalogue.add_child(instance=course)
    course.unpublish()
    tester = course.permissions_for_user(trainer)
    assert tester.can_edit()
    assert not tester.can_publish()


def test_course_goes_live_when_a_senior_trainer_approves(trainer, senior, catalogue):
    course = CoursePage(title="Kursus Baru", slug="kursus-baru", code="BARU-1", summary="Ringkas.", study_hours=4)
    catalogue.add_child(instance=course)
    course.unpublish()
    course.save_revision(user=trainer)
    workflow = course.get_workflow()
    assert workflow.name == "Telaah kursus"

    workflow.start(course, trainer)
    task_state = course.current_workflow_task_state.specific
    assert task_state.task.specific.get_actions(course, trainer) == []
    assert [name for name, *_rest in task_state.task.specific.get_actions(course, senior)][:1] == ["reject"]

    task_state.task.specific.on_action(task_state, senior, "approve")

    course.refresh_from_db()
    assert course.live


def test_a_course_sent_back_stays_a_draft(trainer, senior, catalogue):
    course = CoursePage(title="Kursus Baru", slug="kursus-baru", code="BARU-1", summary="Ringkas.", study_hours=4)
    catalogue.add_child(instance=course)
    course.unpublish()
    course.save_revision(user=trainer)
    course.get_workflow().start(course, trainer)
    task_state = course.current_workflow_task_state.specific

    task_state.task.specific.on_action(task_state, senior, "reject")

    course.refresh_from_db()
    assert not course.live
    assert course.current_workflow_state.status == "needs_changes"


def test_trainer_opens_the_add_course_form_in_the_admin_but_not_elsewhere(client, trainer, catalogue):
    client.force_login(trainer)
    add_course = client.get(f"/admin/pages/add/courses/coursepage/{catalogue.pk}/")
    assert add_course.status_code == 200
    assert 'name="code"' in add_course.text
    home_page = Page.objects.get(depth=2)
    assert client.get(f"/admin/pages/add/courses/courseindexpage/{home_page.pk}/").status_code in {302, 403}


def test_trainer_manages_mentor_roles_and_opens_a_cohort_that_they_then_teach(client, trainer, course, regions):
    client.force_login(trainer)
    assert client.get("/admin/snippets/courses/mentorrole/").status_code == 200
    created = client.post(
        "/admin/snippets/courses/mentorrole/add/",
        {
            "name_id": "Fasilitator",
            "name_en": "Facilitator",
            "slug": "fasilitator",
            "colour": "#1f5f8b",
            "sort_order": 1,
        },
    )
    assert created.status_code == 302
    assert MentorRole.objects.filter(slug="fasilitator").exists()

    response = client.post(
        "/admin/cohorts/new/",
        {
            "course": course.pk,
            "name": "Angkatan Uji",
            "region": regions["35"].pk,
            "starts_on": "2026-12-01",
            "ends_on": "2027-01-31",
            "capacity": 25,
            "enrollment_open": "on",
            "study_arm": "treatment",
        },
    )
    assert response.status_code == 302, response.text[:2000]
    cohort = Cohort.objects.get(name="Angkatan Uji")
    assert list(cohort.trainers.all()) == [trainer]


def test_a_cohort_cannot_end_before_it_starts(client, trainer, course, regions):
    client.force_login(trainer)
    response = client.post(
        "/admin/cohorts/new/",
        {
            "course": course.pk,
            "name": "Angkatan Terbalik",
            "region": regions["35"].pk,
            "starts_on": "2027-01-31",
            "ends_on": "2026-12-01",
            "capacity": 25,
            "study_arm": "none",
        },
    )
    assert response.status_code == 200
    assert not Cohort.objects.filter(name="Angkatan Terbalik").exists()


def test_senior_trainer_group_exists_with_publish_permission(catalogue):
    seniors = Group.objects.get(name=Role.SENIOR_TRAINER)
    assert seniors.page_permissions.filter(page=catalogue, permission__codename="publish_page").exists()
    assert (
        not Group.objects.get(name=Role.TRAINER).page_permissions.filter(permission__codename="publish_page").exists()
    )


def test_preview_renders_course_module_and_lesson_for_their_authors(course):
    lesson = lessons_of(course)[0]
    for page in (course, lesson.get_parent().specific, lesson):
        response = page.make_preview_request()
        assert response.status_code == 200
        assert page.title in response.content.decode()
    assert "Pertemuan rutin KUBE" in lesson.make_preview_request().content.decode()
