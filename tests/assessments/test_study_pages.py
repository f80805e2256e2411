"""The randomise page (senior trainers, a study in planning: preview, then confirm) and the study page's
participant flow and baseline, whose queries do not grow with the participants."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.services import STUDY_RANDOMISE_NOT_PLANNING, study_randomise, study_start
from assessments.studies import forms_for

from .study_setup import forms, list_pool, make_study, make_trainees, senior, take

__all__ = ["forms", "senior"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned(course, regions, forms, trainer):
    return make_study(course, regions, forms, trainers=[trainer])


def _url(study):
    return reverse("assessments:study_randomise", kwargs={"study_id": study.pk})


def _choice(trainees, **extra):
    return {"source": "list", "addresses": "\n".join(t.email for t in trainees), "region_level": "1"} | extra


def test_only_senior_trainers_open_the_randomise_page(client, planned, regions, trainer, supervisor_here, senior):
    trainees = make_trainees(regions, 4)
    for reader in (trainer, supervisor_here):  # both may read the study page
        client.force_login(reader)
        assert client.get(reverse("assessments:study", kwargs={"study_id": planned.pk})).status_code == 200
        assert client.get(_url(planned)).status_code == 403
        assert client.post(_url(planned), _choice(trainees, confirm="1")).status_code == 403
    assert not planned.participants.exists()
    client.force_login(senior)
    page = client.get(_url(planned))
    assert page.status_code == 200 and 'name="source"' in page.text


def test_the_senior_trainer_sees_the_counts_then_confirms(client, planned, regions, senior):
    trainees = make_trainees(regions, 9)
    client.force_login(senior)

    shown = client.post(_url(planned), _choice(trainees, by_sex="on", preview="1"))

    assert shown.status_code == 200 and not planned.participants.exists()
    preview = shown.context["preview"]
    assert sorted(row.total for row in preview.arms) == [4, 5]
    assert "35 Jawa Timur · Perempuan" in shown.text and "Bentuk B lebih dahulu" in shown.text
    confirm = _choice(trainees, by_sex="on", fingerprint=preview.fingerprint, confirm="1")
    done = client.post(_url(planned), confirm)

    assert done.status_code == 302
    assert {row.arm.pk: row.total for row in preview.arms} == {
        row.arm.pk: planned.participants.filter(arm=row.arm).count() for row in preview.arms
    }


def test_a_stale_preview_is_shown_again_instead_of_written(client, planned, regions, senior):
    trainees = make_trainees(regions, 6)
    client.force_login(senior)
    page = client.post(_url(planned), _choice(trainees, fingerprint="kedaluwarsa", confirm="1"))
    assert page.status_code == 200 and page.context["preview"] is not None
    assert "Kumpulan peserta berubah sejak pratinjau" in page.text
    assert not planned.participants.exists()


def test_a_running_study_is_not_randomised(client, planned, regions, senior):
    study_start(study=planned, by=senior)
    trainees = make_trainees(regions, 4)
    client.force_login(senior)
    assert client.get(_url(planned)).status_code == 302
    refused = client.post(_url(planned), _choice(trainees, fingerprint="x", confirm="1"), follow=True)
    assert str(STUDY_RANDOMISE_NOT_PLANNING) in refused.text
    assert not planned.participants.exists()
    assert "Acak peserta ke kelompok" not in refused.text  # no button on the study page either


def _randomised(course, regions, forms, senior, *, size, name):
    study = make_study(course, regions, forms, name=name)
    study_randomise(study=study, pool=list_pool(study, make_trainees(regions, size)), by=senior)
    study = study_start(study=study, by=senior)
    for participant in study.participants.select_related("trainee"):
        pre, _post = forms_for(trainee=participant.trainee, course=course)
        take(pre, participant.trainee, right=participant.pk % 2 == 0)
    return study


def test_the_study_page_shows_the_flow_diagram_the_table_and_the_baseline(client, course, regions, forms, senior):
    study = _randomised(course, regions, forms, senior, size=6, name="Kecil")
    client.force_login(senior)

    page = client.get(reverse("assessments:study", kwargs={"study_id": study.pk})).text

    assert page.count('<svg class="flow"') == 2
    assert "Ditempatkan" in page and "n = 3" in page and "Mengikuti pra-uji" in page
    assert "Alur peserta dalam angka" in page and "Kesetaraan awal" in page
    assert "Rata-rata skor pra-uji (%)" in page


def test_the_study_page_queries_do_not_grow_with_participants(
    client, course, regions, forms, senior, django_assert_max_num_queries
):
    small = _randomised(course, regions, forms, senior, size=5, name="Kecil")
    large = _randomised(course, regions, forms, senior, size=40, name="Besar")
    client.force_login(senior)
    client.get(reverse("assessments:study", kwargs={"study_id": small.pk}))  # warm the caches and the session

    with CaptureQueriesContext(connection) as five:
        assert client.get(reverse("assessments:study", kwargs={"study_id": small.pk})).status_code == 200
    with django_assert_max_num_queries(len(five)):
        page = client.get(reverse("assessments:study", kwargs={"study_id": large.pk}))
    assert page.status_code == 200 and "n = 20" in page.text
