"""The Wagtail admin's cohorts are scoped exactly as the site's: a trainer reaches the cohorts
they teach and no other, whatever URL they type; senior trainers reach every cohort."""

import pytest
from django.urls import reverse

from lms.people.constants import Role

from ..people.factories import TraineeFactory, TrainerFactory, give_totp
from .factories import CohortFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_trainer(db):
    other = TrainerFactory(full_name="Pengajar Lain")
    give_totp(other)
    return other


@pytest.fixture
def other_cohort(course, regions, other_trainer):
    return CohortFactory(course=course, region=regions["63"], trainers=[other_trainer], name="Angkatan Kalsel")


def _form_data(cohort, trainers):
    return {
        "course": cohort.course_id,
        "name": cohort.name,
        "region": cohort.region_id,
        "trainers": [trainer.pk for trainer in trainers],
        "starts_on": cohort.starts_on.isoformat(),
        "ends_on": cohort.ends_on.isoformat(),
        "capacity": cohort.capacity,
        "enrollment_open": "on",
        "study_arm": cohort.study_arm,
    }


@pytest.mark.parametrize("view", ["edit", "inspect", "history", "usage", "copy"])
def test_a_trainer_cannot_open_a_cohort_they_do_not_teach(client, trainer, cohort, other_cohort, view):
    client.force_login(trainer)
    assert client.get(reverse(f"cohorts:{view}", args=[other_cohort.pk])).status_code == 404
    assert client.get(reverse(f"cohorts:{view}", args=[cohort.pk])).status_code == 200


def test_a_trainer_cannot_add_themself_to_another_trainers_cohort(client, trainer, other_trainer, other_cohort):
    client.force_login(trainer)

    response = client.post(
        reverse("cohorts:edit", args=[other_cohort.pk]), _form_data(other_cohort, [other_trainer, trainer])
    )

    assert response.status_code == 404
    assert list(other_cohort.trainers.all()) == [other_trainer]
    assert client.get(reverse("courses:cohort_detail", args=[other_cohort.pk])).status_code == 404


def test_the_cohort_listing_shows_only_the_trainers_cohorts(client, trainer, cohort, other_cohort):
    client.force_login(trainer)
    page = client.get(reverse("cohorts:index")).content.decode()
    assert cohort.name in page
    assert other_cohort.name not in page


def test_a_senior_trainer_reaches_every_cohort(client, cohort, other_cohort):
    senior = TrainerFactory(roles=[Role.SENIOR_TRAINER])
    give_totp(senior)
    client.force_login(senior)
    page = client.get(reverse("cohorts:index")).content.decode()
    assert cohort.name in page and other_cohort.name in page
    assert client.get(reverse("cohorts:edit", args=[other_cohort.pk])).status_code == 200


def test_only_trainers_are_offered_as_a_cohorts_trainers(client, trainer, cohort, other_trainer):
    trainee = TraineeFactory(full_name="Peserta Tersembunyi")
    client.force_login(trainer)

    form = client.get(reverse("cohorts:edit", args=[cohort.pk])).context["form"]
    offered = set(form.fields["trainers"].queryset)

    assert {trainer, other_trainer} <= offered
    assert trainee not in offered
    refused = client.post(reverse("cohorts:edit", args=[cohort.pk]), _form_data(cohort, [trainer, trainee]))
    assert refused.status_code == 200
    assert list(cohort.trainers.all()) == [trainer]


def test_a_trainer_may_still_edit_the_cohort_they_teach(client, trainer, other_trainer, cohort):
    client.force_login(trainer)
    data = _form_data(cohort, [trainer, other_trainer]) | {"capacity": 30}

    response = client.post(reverse("cohorts:edit", args=[cohort.pk]), data)

    assert response.status_code == 302, response.content.decode()[:1500]
    cohort.refresh_from_db()
    assert cohort.capacity == 30
    assert set(cohort.trainers.all()) == {trainer, other_trainer}
