"""The trainer's results: attempts per cohort with filters, subscores, CSV and XLSX, in a fixed number of queries."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from assessments.constants import QuestionKind
from assessments.services import GivenAnswer, attempt_save_answers, attempt_start, attempt_submit
from courses.models import Aspect

from ..courses.factories import EnrollmentFactory
from ..people.factories import TraineeFactory
from .factories import make_question, make_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def tagged_quiz(course):
    recruitment = Aspect.objects.create(slug="rekrutmen", name_id="Rekrutmen", name_en="Recruitment", sort_order=1)
    training = Aspect.objects.create(slug="pelatihan", name_id="Pelatihan", name_en="Training", sort_order=2)
    questions = [
        make_question(QuestionKind.SINGLE, text="Soal rekrutmen", aspects=[recruitment]),
        make_question(QuestionKind.TRUE_FALSE, text="Soal pelatihan", aspects=[training]),
    ]
    return make_quiz(course, questions, title="Pasca-uji angkatan")


def take(quiz, trainee, *, right: bool):
    attempt = attempt_start(quiz=quiz, trainee=trainee)
    given = []
    for answer in attempt.answers.select_related("question"):
        choice = answer.question.choices.filter(percent=100 if right else 0).first()
        given.append(GivenAnswer(answer.question_id, [choice.pk]))
    attempt_save_answers(attempt_id=attempt.pk, trainee=trainee, answers=given)
    return attempt_submit(attempt_id=attempt.pk, trainee=trainee)


def add_trainees(cohort, regions, count):
    trainees = [TraineeFactory(home_region=regions["35"], full_name=f"Peserta {n:02d}") for n in range(count)]
    for trainee in trainees:
        EnrollmentFactory(cohort=cohort, trainee=trainee)
    return trainees


def test_results_show_attempts_with_aspect_scores_and_filter_them(client, trainer, cohort, regions, tagged_quiz):
    good, weak = add_trainees(cohort, regions, 2)
    take(tagged_quiz, good, right=True)
    take(tagged_quiz, weak, right=False)
    client.force_login(trainer)
    url = reverse("assessments:cohort_results", kwargs={"cohort_id": cohort.pk})
    assert url in client.get(reverse("courses:cohort_detail", kwargs={"cohort_id": cohort.pk})).content.decode()

    page = client.get(url).content.decode()
    assert good.full_name in page and weak.full_name in page
    assert "Rekrutmen 100" in page and "Rekrutmen 0" in page
    passed_only = client.get(url, {"lulus": "yes"}).content.decode()
    assert good.full_name in passed_only and weak.full_name not in passed_only
    by_name = client.get(url, {"q": weak.full_name}).content.decode()
    assert weak.full_name in by_name and good.full_name not in by_name


def test_results_export_as_csv_and_xlsx_with_subscores(client, trainer, cohort, regions, tagged_quiz):
    (good,) = add_trainees(cohort, regions, 1)
    good.full_name = "=HYPERLINK(1)"
    good.save()
    take(tagged_quiz, good, right=True)
    client.force_login(trainer)
    url = reverse("assessments:cohort_results", kwargs={"cohort_id": cohort.pk})

    csv_text = client.get(url, {"format": "csv"}).content.decode("utf-8-sig")
    header, row = csv_text.splitlines()[:2]
    assert "Rekrutmen" in header and good.email in row and ";100,0;" in row  # a decimal comma
    assert row.startswith("'=HYPERLINK(1)")  # not a formula

    workbook = load_workbook(io.BytesIO(client.get(url, {"format": "xlsx"}).content))
    rows = list(workbook.active.values)
    assert rows[1][1] == good.email and rows[1][11] == 100.0


def test_results_of_another_region_are_not_found(client, supervisor_elsewhere, cohort):
    client.force_login(supervisor_elsewhere)
    assert client.get(reverse("assessments:cohort_results", kwargs={"cohort_id": cohort.pk})).status_code == 404


def test_supervisors_of_the_region_read_results_but_cannot_grade(client, supervisor_here, cohort):
    client.force_login(supervisor_here)
    assert client.get(reverse("assessments:cohort_results", kwargs={"cohort_id": cohort.pk})).status_code == 200
    assert client.get(reverse("assessments:grading_queue", kwargs={"cohort_id": cohort.pk})).status_code == 403


def test_results_page_queries_do_not_grow_with_attempts(client, trainer, cohort, regions, tagged_quiz):
    url = reverse("assessments:cohort_results", kwargs={"cohort_id": cohort.pk})
    client.force_login(trainer)

    def queries():
        client.get(url)  # warm caches (site root, sessions)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    trainees = add_trainees(cohort, regions, 2)
    for trainee in trainees:
        take(tagged_quiz, trainee, right=True)
    few = queries()
    for trainee in add_trainees(cohort, regions, 6):
        take(tagged_quiz, trainee, right=False)
    assert queries() == few


def test_attempt_page_queries_do_not_grow_with_questions(client, enrolled, course):
    def queries(question_count):
        questions = [make_question(QuestionKind.SINGLE, text=f"Soal {n}") for n in range(question_count)]
        attempt = attempt_start(quiz=make_quiz(course, questions, attempts_allowed=0), trainee=enrolled)
        url = reverse("assessments:attempt", kwargs={"attempt_id": attempt.pk})
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        attempt_submit(attempt_id=attempt.pk, trainee=enrolled)
        return len(captured)

    client.force_login(enrolled)
    assert queries(2) == queries(12)
