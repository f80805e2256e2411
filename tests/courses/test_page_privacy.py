"""Wagtail's page privacy holds on the curriculum: a restriction set on a course, a module or a
lesson (password, signed-in users, groups) is checked before the lesson view answers."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from courses.models import LessonProgress
from lms.people.constants import Role

from .factories import lessons_of

pytestmark = pytest.mark.django_db


def test_a_password_protected_lesson_asks_for_its_password_first(client, course, enrolled):
    lesson = lessons_of(course)[0]
    restriction = PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.PASSWORD, password="kube-rahasia"
    )
    client.force_login(enrolled)

    asked = client.get(lesson.url)

    assert asked.status_code == 200
    assert "Pertemuan rutin KUBE" not in asked.text
    assert 'name="password"' in asked.text
    assert not LessonProgress.objects.filter(lesson=lesson).exists()

    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{lesson.pk}/",
        {"password": "kube-rahasia", "return_url": lesson.url},
    )
    assert "Pertemuan rutin KUBE" in client.get(lesson.url).text


def test_a_course_restricted_to_trainers_hides_its_lessons_from_an_enrolled_trainee(client, course, enrolled):
    restriction = PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=Role.TRAINER))
    client.force_login(enrolled)

    for page in [course, lessons_of(course)[1]]:
        response = client.get(page.url)
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    assert not LessonProgress.objects.exists()


def test_an_unrestricted_lesson_still_opens(client, course, enrolled):
    client.force_login(enrolled)
    assert client.get(lessons_of(course)[0].url).status_code == 200
