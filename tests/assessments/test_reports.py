"""Evaluation reports: the right attempts are paired, every report is scoped, and the demo study shows its verdicts."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from assessments import demo as assessments_demo
from assessments.constants import GradingMethod, QuestionKind, QuizKind
from assessments.models import Quiz
from assessments.reports.data import counted_attempts, paired_totals
from assessments.services import GivenAnswer, answer_grade, attempt_save_answers, attempt_start, attempt_submit
from courses import demo as courses_demo
from courses.constants import StudyArm
from courses.models import Cohort
from lms.people import demo as people_demo
from lms.people.models import User

from ..courses.factories import CohortFactory, EnrollmentFactory
from ..people.factories import SupervisorFactory, TraineeFactory, give_totp
from .factories import make_question, make_quiz

pytestmark = pytest.mark.django_db


def take(quiz, trainee, right: int):
    """An attempt with the first `right` questions answered right and the rest wrong."""
    attempt = attempt_start(quiz=quiz, trainee=trainee)
    given = []
    for position, answer in enumerate(attempt.answers.select_related("question").order_by("position")):
        choice = answer.question.choices.filter(percent=100 if position < right else 0).first()
        given.append(GivenAnswer(answer.question_id, [choice.pk]))
    attempt_save_answers(attempt_id=attempt.pk, trainee=trainee, answers=given)
    return attempt_submit(attempt_id=attempt.pk, trainee=trainee)


@pytest.fixture
def four_questions(db):
    return [make_question(QuestionKind.SINGLE, text=f"Soal {n}") for n in range(4)]


@pytest.mark.parametrize(
    ("method", "expected"), [(GradingMethod.FIRST, 1), (GradingMethod.BEST, 3), (GradingMethod.LAST, 2)]
)
def test_the_counted_attempt_follows_the_quiz_rule(course, cohort, enrolled, four_questions, method, expected):
    quiz = make_quiz(course, four_questions, attempts_allowed=0, grading_method=method)
    for right in (1, 3, 2):
        take(quiz, enrolled, right)
    counted = counted_attempts(quiz=quiz, cohort_ids=[cohort.pk])
    assert counted.scores == {enrolled.pk: float(expected)}


def test_pairs_keep_the_trainee_order_and_the_post_test_scale(course, cohort, regions, four_questions):
    pre = make_quiz(course, four_questions, kind=QuizKind.PRACTICE, title="Pra")
    post = make_quiz(course, four_questions[:2], kind=QuizKind.PRACTICE, title="Pasca", pass_mark=50)
    trainees = [TraineeFactory(home_region=regions["35"]) for _ in range(3)]
    for trainee in trainees:
        EnrollmentFactory(cohort=cohort, trainee=trainee)
    for number, trainee in enumerate(trainees):
        take(pre, trainee, number)
        if number < 2:
            take(post, trainee, number + 1)
    paired = paired_totals(pre_quiz=pre, post_quiz=post, cohort_ids=[cohort.pk])
    assert paired.trainee_ids == [trainees[0].pk, trainees[1].pk]
    assert (paired.pre, paired.post) == ([0.0, 1.0], [1.0, 2.0])
    assert paired.only_pre == [trainees[2].pk] and paired.only_post == []
    assert (paired.max_score, paired.pass_score) == (2.0, 1.0)


def test_a_first_attempt_awaiting_grading_is_named_and_not_replaced(client, course, cohort, regions, trainer):
    """STATS.md v2: the graded second attempt must not stand in for the first one, which waits for a grader."""
    essay = make_question(QuestionKind.ESSAY, text="Jelaskan peran pendamping.")
    single = make_question(QuestionKind.SINGLE, text="Siapa memandu pertemuan?")
    pre = make_quiz(
        course, [single, essay], kind=QuizKind.PRE_TEST, title="Pra", attempts_allowed=2, grading_method="first"
    )
    post = make_quiz(course, [single], kind=QuizKind.PRACTICE, title="Pasca")
    waiting = TraineeFactory(home_region=regions["35"], full_name="Sari Menunggu")
    EnrollmentFactory(cohort=cohort, trainee=waiting)
    attempts = []
    for _number in range(2):
        attempt = attempt_start(quiz=pre, trainee=waiting)
        answer = GivenAnswer(essay.pk, "Memandu pertemuan.")
        attempts.append(attempt_submit(attempt_id=attempt.pk, trainee=waiting, answers=[answer]))
    answer_grade(answer=attempts[1].answers.get(question=essay), mark=1, comment="", grader=trainer)
    take(post, waiting, 1)

    paired = paired_totals(pre_quiz=pre, post_quiz=post, cohort_ids=[cohort.pk])
    assert (paired.trainee_ids, paired.awaiting_pre, paired.only_post) == ([], [waiting.pk], [])
    assert counted_attempts(quiz=pre, cohort_ids=[cohort.pk]).awaiting_grading == [waiting.pk]

    Quiz.objects.filter(pk=post.pk).update(kind=QuizKind.POST_TEST)
    client.force_login(trainer)
    url = reverse("assessments:report_prepost", kwargs={"cohort_id": cohort.pk})
    page = client.get(f"{url}?pra={pre.pk}&pasca={post.pk}").text
    assert "Menunggu penilaian pra-uji yang dihitung" in page and "Sari Menunggu" in page


@pytest.fixture
def demo_study(db):
    people_demo.seed()
    courses_demo.seed()
    assessments_demo.seed()
    treatment = Cohort.objects.get(study_arm=StudyArm.TREATMENT, name__startswith="Uji Coba")
    control = Cohort.objects.get(study_arm=StudyArm.CONTROL, name__startswith="Uji Coba")
    trainer = User.objects.get(email="pengajar@akademi.test")  # the demo gives staff a TOTP authenticator
    return treatment, control, trainer


def comparison_url(treatment, control):
    return f"{reverse('assessments:report_comparison')}?perlakuan={treatment.pk}&kontrol={control.pk}"


def test_the_demo_comparison_shows_the_treated_change_and_the_control_without_one(client, demo_study):
    treatment, control, trainer = demo_study
    client.force_login(trainer)
    page = client.get(comparison_url(treatment, control)).content.decode()
    assert page.count('<img class="chart"') >= 2
    table = page[page.index('id="tabel-studi"') : page.index('id="tabel-dalam-kelompok"')]
    rows = table.split("<tr>")[2:]
    treated_rows = [row for row in rows if treatment.name in row]
    control_rows = [row for row in rows if control.name in row]
    assert treated_rows and control_rows
    assert all("tidak signifikan" not in row and "signifikan" in row for row in treated_rows if "benar/salah" in row)
    assert any("tidak signifikan" in row for row in control_rows)

    workbook = load_workbook(io.BytesIO(client.get(comparison_url(treatment, control) + "&format=xlsx").content))
    first = list(workbook.worksheets[0].values)
    assert first[0][0].startswith("Seperti") or first[0][0]
    assert any(row[2] == treatment.name for row in first[2:])


def test_every_report_and_export_is_closed_to_a_supervisor_of_another_region(client, demo_study, regions):
    treatment, control, _trainer = demo_study
    from lms.people.models import Region

    outsider = SupervisorFactory(scope_region=Region.objects.get(code="63"))
    give_totp(outsider)
    client.force_login(outsider)
    quiz = treatment.course.quizzes.first()
    urls = [
        comparison_url(treatment, control),
        comparison_url(treatment, control) + "&format=xlsx",
        comparison_url(treatment, control) + "&format=csv&table=studi",
        reverse("assessments:report_prepost", kwargs={"cohort_id": treatment.pk}),
        reverse("assessments:report_prepost", kwargs={"cohort_id": treatment.pk}) + "?format=xlsx",
        reverse("assessments:report_items", kwargs={"cohort_id": treatment.pk, "quiz_id": quiz.pk}),
        reverse("assessments:report_items", kwargs={"cohort_id": treatment.pk, "quiz_id": quiz.pk})
        + "?format=csv&table=butir",
    ]
    for url in urls:
        assert client.get(url).status_code in (403, 404), url


def test_cohort_and_item_reports_render_and_export(client, demo_study):
    treatment, _control, trainer = demo_study
    client.force_login(trainer)
    url = reverse("assessments:report_prepost", kwargs={"cohort_id": treatment.pk})
    page = client.get(url).content.decode()
    assert 'id="tabel-aspek"' in page and 'id="tabel-peran"' in page
    csv_text = client.get(url + "?format=csv&table=aspek").content.decode("utf-8-sig")
    assert len(csv_text.strip().splitlines()) == 5  # header and the four aspects
    assert client.get(url + "?cetak=1").status_code == 200

    post = treatment.course.quizzes.get(kind=QuizKind.POST_TEST)
    items = client.get(reverse("assessments:report_items", kwargs={"cohort_id": treatment.pk, "quiz_id": post.pk}))
    assert items.status_code == 200 and 'id="tabel-butir"' in items.content.decode()


def test_the_comparison_report_runs_the_same_queries_whatever_the_number_of_attempts(client, course, regions):
    four = [make_question(QuestionKind.SINGLE, text=f"Soal {n}") for n in range(4)]
    pre = make_quiz(course, four, kind=QuizKind.PRE_TEST, title="Pra", attempts_allowed=0)
    # Taken as practice (a post-test would wait for the lessons), reported as the post-test.
    post = make_quiz(course, four, kind=QuizKind.PRACTICE, title="Pasca", attempts_allowed=0)
    treatment = CohortFactory(course=course, region=regions["35"], study_arm=StudyArm.TREATMENT)
    control = CohortFactory(course=course, region=regions["35"], study_arm=StudyArm.CONTROL)
    supervisor = SupervisorFactory(scope_region=regions["35"])
    give_totp(supervisor)
    client.force_login(supervisor)

    def add(count):
        for cohort in (treatment, control):
            for n in range(count):
                trainee = TraineeFactory(home_region=regions["35"])
                EnrollmentFactory(cohort=cohort, trainee=trainee)
                take(pre, trainee, n % 3)
                take(post, trainee, (n + 1) % 5)

    def queries():
        Quiz.objects.filter(pk=post.pk).update(kind=QuizKind.POST_TEST)
        url = comparison_url(treatment, control)
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        Quiz.objects.filter(pk=post.pk).update(kind=QuizKind.PRACTICE)
        return len(captured)

    add(3)
    few = queries()
    add(9)
    assert queries() == few
