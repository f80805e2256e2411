"""Homes built on the curriculum: the trainee's next lesson first, the trainer's cohorts and progress grid."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import LessonProgress

from ..courses.factories import CohortFactory, EnrollmentFactory, build_course, lessons_of
from ..people.factories import TraineeFactory, TrainerFactory, give_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(regions):
    trainer = TrainerFactory()
    give_totp(trainer)
    course = build_course(code="PK-1", modules=1, lessons_per_module=3)
    return CohortFactory(course=course, region=regions["35"], trainers=[trainer], name="Angkatan Surabaya")


def test_trainee_home_puts_the_next_lesson_first(client, cohort, regions):
    trainee = TraineeFactory(home_region=regions["35.78"])
    EnrollmentFactory(cohort=cohort, trainee=trainee, last_activity_at=timezone.now())
    first, second, _third = lessons_of(cohort.course)
    now = timezone.now()
    LessonProgress.objects.create(
        trainee=trainee, lesson=first, first_opened_at=now, last_opened_at=now, completed_at=now
    )
    client.force_login(trainee)

    page = client.get(reverse("dashboards:home")).text

    assert page.index("Lanjutkan belajar") < page.index("Kursus saya")
    assert f'href="{second.url}"' in page
    assert "1 dari 3 pelajaran selesai" in page


def test_trainer_sees_their_cohorts_and_the_grid_flags_inactive_trainees(client, cohort, regions):
    active = TraineeFactory(full_name="Aktif Sekali", home_region=regions["35"])
    idle = TraineeFactory(full_name="Lama Diam", home_region=regions["35"])
    EnrollmentFactory(cohort=cohort, trainee=active, last_activity_at=timezone.now())
    EnrollmentFactory(
        cohort=cohort,
        trainee=idle,
        enrolled_at=timezone.now() - timezone.timedelta(days=30),
        last_activity_at=timezone.now() - timezone.timedelta(days=15),
    )
    client.force_login(cohort.trainers.get())

    home = client.get(reverse("dashboards:home")).text
    assert "Angkatan Surabaya" in home
    grid = client.get(reverse("courses:cohort_detail", kwargs={"cohort_id": cohort.pk}))
    rows = {row.enrollment.trainee.full_name: row for row in grid.context["rows"]}
    assert rows["Lama Diam"].inactive and not rows["Aktif Sekali"].inactive
    assert 'class="inactive"' in grid.text

    export = client.get(reverse("courses:cohort_progress_csv", kwargs={"cohort_id": cohort.pk}))
    table = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert table[0][:2] == ["Nama", "Email"]
    assert len(table[0]) == 6 + 3
    assert {row[0] for row in table[1:]} == {"Aktif Sekali", "Lama Diam"}


def test_a_trainer_who_does_not_teach_the_cohort_gets_404(client, cohort):
    stranger = TrainerFactory()
    give_totp(stranger)
    client.force_login(stranger)
    assert client.get(reverse("courses:cohort_detail", kwargs={"cohort_id": cohort.pk})).status_code == 404
