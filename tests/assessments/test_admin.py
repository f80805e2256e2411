"""The question bank in the Wagtail admin: trainers reach every page; trainees do not."""

import pytest
from django.urls import reverse

from ..people.factories import TraineeFactory, TrainerFactory, give_totp
from .factories import make_quiz

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailsnippets_assessments_question:list",
        "wagtailsnippets_assessments_question:add",
        "wagtailsnippets_assessments_questioncategory:list",
        "wagtailsnippets_assessments_quiz:list",
        "wagtailsnippets_assessments_quiz:add",
        "assessments_admin:import",
        "assessments_admin:export",
    ],
)
def test_trainers_reach_the_question_bank_pages(client, url_name):
    trainer = TrainerFactory()
    give_totp(trainer)
    client.force_login(trainer)
    assert client.get(reverse(url_name)).status_code == 200


def test_the_quiz_editor_opens_for_an_existing_quiz(client, course, questions):
    quiz = make_quiz(course, questions)
    trainer = TrainerFactory()
    give_totp(trainer)
    client.force_login(trainer)
    page = client.get(reverse("wagtailsnippets_assessments_quiz:edit", args=[quiz.pk]))
    assert page.status_code == 200 and quiz.title in page.content.decode()


def test_trainees_cannot_import_questions(client, regions):
    client.force_login(TraineeFactory(home_region=regions["35"]))
    response = client.get(reverse("assessments_admin:import"))
    assert response.status_code in (302, 403)
