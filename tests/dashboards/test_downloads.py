"""Every CSV and XLSX download of the site: a name that is a formula comes out as text.

One trainee, named like a spreadsheet formula, is in every table a trainer or a supervisor can
download: enrolled and inactive in a cohort, with a graded quiz, an expiring certificate and
a placement awaiting approval. Each file must hold the name with the guard quote in front, and
no cell of any file may start like a formula. CSV files are semicolon-separated and start with a
UTF-8 byte-order mark (a spreadsheet in Indonesian settings opens them in columns).
"""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from apprenticeship.constants import PlacementStatus
from assessments.constants import QuestionKind, QuizKind
from assessments.services import GivenAnswer, attempt_save_answers, attempt_start, attempt_submit

from ..assessments.factories import make_question, make_quiz
from ..courses.factories import CohortFactory, build_course
from ..people.factories import SupervisorFactory, TraineeFactory, TrainerFactory, give_totp
from .supervisor_data import DAY, certificate, enrol, placement, today

pytestmark = pytest.mark.django_db

NAME = '=HYPERLINK("http://x","y")'
GUARDED = "'" + NAME
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def downloads(regions):
    """(who, url) for every download that lists the trainee named like a formula."""
    course = build_course(code="PK-G", modules=1, lessons_per_module=1)
    question = make_question(QuestionKind.SINGLE, title=NAME)
    quiz = make_quiz(course, [question], kind=QuizKind.PRACTICE, title=NAME)
    trainer = TrainerFactory()
    supervisor = SupervisorFactory(scope_region=regions["35"])
    for staff in (trainer, supervisor):
        give_totp(staff)
    cohort = CohortFactory(course=course, region=regions["35.78"], trainers=[trainer])
    trainee = TraineeFactory(full_name=NAME, home_region=regions["35.78.01.1001"])
    enrol(trainee, cohort, last_activity=timezone.now() - 20 * DAY)  # inactive: at risk
    attempt = attempt_start(quiz=quiz, trainee=trainee)
    right = question.choices.get(percent=100).pk
    attempt_save_answers(attempt_id=attempt.pk, trainee=trainee, answers=[GivenAnswer(question.pk, [right])])
    attempt_submit(attempt_id=attempt.pk, trainee=trainee)
    certificate(trainee, expires_on=today() + 5 * DAY)
    placement(
        trainee,
        cohort,
        regions["35.78.01.1001"],
        status=PlacementStatus.PROPOSED,
        starts_on=today() + datetime.timedelta(days=3),
    )

    results = reverse("assessments:cohort_results", kwargs={"cohort_id": cohort.pk})
    items = reverse("assessments:report_items", kwargs={"cohort_id": cohort.pk, "quiz_id": quiz.pk})
    files = [
        (trainer, reverse("courses:cohort_progress_csv", kwargs={"cohort_id": cohort.pk})),
        (trainer, results + "?format=csv"),
        (trainer, results + "?format=xlsx"),
        (trainer, items + "?format=csv&table=butir"),
        (trainer, items + "?format=xlsx"),
        (supervisor, reverse("certification:list") + "?format=csv"),
        (supervisor, reverse("certification:list") + "?format=xlsx"),
        (supervisor, reverse("apprenticeship:board") + "?format=csv"),
        (supervisor, reverse("apprenticeship:board") + "?format=xlsx"),
    ]
    for table in ("peserta-berisiko", "sertifikat-segera-berakhir", "penempatan-menunggu"):
        files += [(supervisor, f"/penyelia/ekspor/{table}.csv"), (supervisor, f"/penyelia/ekspor/{table}.xlsx")]
    return files


def csv_cells(content: bytes) -> list[list[str]]:
    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows[0]) > 1  # the header is split into columns at the semicolons
    return rows


def xlsx_cells(content: bytes) -> list[list]:
    rows = []
    for sheet in load_workbook(io.BytesIO(content)).worksheets:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row)  # no formula cell
            rows.append([cell.value for cell in row])
    return rows


def test_a_name_that_is_a_formula_is_guarded_in_every_csv_and_xlsx_download(client, downloads):
    for user, url in downloads:
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, url
        rows = csv_cells(response.content) if "csv" in url else xlsx_cells(response.content)
        cells = [value for row in rows for value in row if isinstance(value, str)]
        assert GUARDED in cells, url
        risky = [value for value in cells if value.startswith(FORMULA_STARTS) and not value.lstrip("+-").isdigit()]
        assert not risky, (url, risky)
