"""The study report and its research export: scoped like the study page, figures equal to the analytics on the
same data, Indonesian formatting, charts drawn for a phone, queries that do not grow with the attempts, and a
pseudonymised dataset from which the report's figures can be computed again."""

import base64
import csv
import io
import re
import tempfile
import zipfile
from pathlib import Path

import pyreadstat
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from assessments.analytics import compare_groups, prepost
from assessments.constants import ArmRole, PostTestOpens, QuestionKind, QuizKind, StudyDesign
from assessments.models import Study, StudyParticipant
from assessments.reports.data import category_counts
from assessments.reports.research import participant_code
from assessments.reports.study_data import study_waves
from assessments.reports.tables import Percent, PValue, cell
from assessments.services import (
    GivenAnswer,
    answer_grade,
    arm_add,
    attempt_save_answers,
    attempt_start,
    attempt_submit,
    study_start,
)
from courses.models import Aspect
from lms.people.constants import Role

from ..courses.factories import CohortFactory, EnrollmentFactory
from ..people.factories import TraineeFactory, TrainerFactory, give_totp
from .factories import make_question, make_quiz
from .test_course_rules import complete_every_lesson

pytestmark = pytest.mark.django_db

TREATED_PRE, TREATED_POST = [1, 2, 1, 0, 2, 1], [3, 4, 3, 2, 4, 4]
CONTROL_PRE, CONTROL_POST = [1, 2, 1, 1, 2, 0], [1, 2, 2, 1, 3, 1]
SURVEY_LEVELS = [(5, 4), (4, 4), (5, 3), (4, 2), (3, 5), (5, 4)]  # per treated trainee: item 1, item 2
MAX, PASS = 4.0, 2.0  # four one-mark questions; the post-test's pass mark is 50 %


def take(quiz, trainee, right: int):
    """An attempt with the first `right` questions answered right and the rest wrong."""
    attempt = attempt_start(quiz=quiz, trainee=trainee)
    given = []
    for position, answer in enumerate(attempt.answers.select_related("question").order_by("position")):
        choice = answer.question.choices.filter(percent=100 if position < right else 0).first()
        given.append(GivenAnswer(answer.question_id, [choice.pk]))
    attempt_save_answers(attempt_id=attempt.pk, trainee=trainee, answers=given)
    return attempt_submit(attempt_id=attempt.pk, trainee=trainee)


def answer_survey(quiz, trainee, levels):
    attempt = attempt_start(quiz=quiz, trainee=trainee)
    answers = attempt.answers.order_by("position")
    given = [GivenAnswer(a.question_id, level) for a, level in zip(answers, levels, strict=True)]
    attempt_save_answers(attempt_id=attempt.pk, trainee=trainee, answers=given)
    return attempt_submit(attempt_id=attempt.pk, trainee=trainee)


@pytest.fixture
def senior(db):
    person = TrainerFactory(roles=[Role.SENIOR_TRAINER])
    give_totp(person)
    return person


@pytest.fixture
def running_study(course, regions, senior, trainer):
    """A running study with a treatment and a control arm, both post-tests open today, and a reaction survey."""
    aspects = [
        Aspect.objects.create(
            slug="rekrutmen", name_id="Rekrutmen calon pendamping", name_en="Recruitment", sort_order=1
        ),
        Aspect.objects.create(slug="pelatihan", name_id="Pentingnya pelatihan", name_en="Training", sort_order=2),
    ]
    questions = [
        make_question(QuestionKind.SINGLE, text=f"Soal {n}", title=f"S{n}", aspects=[aspects[(n - 1) // 2]])
        for n in range(1, 5)
    ]
    pre = make_quiz(course, questions, kind=QuizKind.PRE_TEST, title="Pra-uji studi", attempts_allowed=1)
    post = make_quiz(
        course, questions, kind=QuizKind.POST_TEST, title="Pasca-uji studi", attempts_allowed=1, pass_mark=50
    )
    items = [
        make_question(QuestionKind.LIKERT, text="Materi pelatihan berguna bagi tugas saya.", likert_scored=False),
        make_question(QuestionKind.LIKERT, text="Pelatih menjelaskan dengan jelas.", likert_scored=False),
    ]
    survey = make_quiz(course, items, kind=QuizKind.SURVEY, title="Survei reaksi", attempts_allowed=1)
    treatment = CohortFactory(course=course, region=regions["35"], trainers=[trainer], name="Perlakuan 2025")
    control = CohortFactory(course=course, region=regions["35"], trainers=[trainer], name="Kontrol 2025")
    study = Study.objects.create(
        name="Uji Model Pendamping",
        course=course,
        pre_test=pre,
        post_test=post,
        reaction_survey=survey,
        design=StudyDesign.WAITLIST,
        seed=11,
    )
    today = timezone.localdate()
    for cohort, role in ((treatment, ArmRole.TREATMENT), (control, ArmRole.CONTROL)):
        arm_add(study=study, cohort=cohort, role=role, post_test_opens=PostTestOpens.ON_DATE, post_test_opens_on=today)
    return study_start(study=study, by=senior)


def cohort_of(study, role):
    return study.arms.get(role=role).cohort


def enrol(study, role, regions, count):
    people = [TraineeFactory(home_region=regions["35.78"]) for _ in range(count)]
    for person in people:
        EnrollmentFactory(cohort=cohort_of(study, role), trainee=person)
    return people


@pytest.fixture
def study_with_results(running_study, regions):
    study = running_study
    treated = enrol(study, ArmRole.TREATMENT, regions, len(TREATED_PRE))
    control = enrol(study, ArmRole.CONTROL, regions, len(CONTROL_PRE))
    for people, before, after in ((treated, TREATED_PRE, TREATED_POST), (control, CONTROL_PRE, CONTROL_POST)):
        for person, right_before, right_after in zip(people, before, after, strict=True):
            take(study.pre_test, person, right_before)
            take(study.post_test, person, right_after)
    for person, levels in zip(treated, SURVEY_LEVELS, strict=True):
        answer_survey(study.reaction_survey, person, levels)
    return study, treated, control


def report_url(study, **query):
    url = reverse("assessments:study_report", kwargs={"study_id": study.pk})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def export_url(study):
    return reverse("assessments:study_export", kwargs={"study_id": study.pk})


def rows_of(page: str, key: str) -> dict[str, list[str]]:
    """The table `tabel-<key>` of the page as {first cell: the other cells}, as shown."""
    soup = BeautifulSoup(page, "html.parser")
    section = soup.find(id=f"tabel-{key}").find_parent("section")
    rows = {}
    for row in section.select("tbody tr"):
        cells = [c.get_text(strip=True) for c in row.find_all(["th", "td"])]
        rows[cells[0]] = cells[1:]
    return rows


def test_the_report_is_scoped_like_the_study_page(
    client, running_study, trainer, senior, supervisor_here, supervisor_elsewhere, regions
):
    study = running_study
    for reader in (trainer, supervisor_here, senior):
        client.force_login(reader)
        assert client.get(report_url(study)).status_code == 200, reader
    detail = client.get(reverse("assessments:study", kwargs={"study_id": study.pk})).text
    assert report_url(study) in detail  # linked from the study page
    assert client.get(export_url(study)).status_code == 200  # no attempt yet: empty files, not an error
    trainee = enrol(study, ArmRole.TREATMENT, regions, 1)[0]
    for outsider in (supervisor_elsewhere, trainee):
        client.force_login(outsider)
        for url in (report_url(study), report_url(study, format="xlsx"), report_url(study, cetak=1), export_url(study)):
            assert client.get(url).status_code == 404, (outsider, url)


def test_the_page_shows_the_analytics_figures_in_indonesian(client, study_with_results, trainer):
    study, _treated, _control = study_with_results
    client.force_login(trainer)
    with translation.override("id"):
        page = client.get(report_url(study), HTTP_ACCEPT_LANGUAGE="id").text
        treated = prepost(TREATED_PRE, TREATED_POST, max_score=MAX, pass_mark=PASS)
        control = prepost(CONTROL_PRE, CONTROL_POST, max_score=MAX, pass_mark=PASS)
        table = rows_of(page, "pra-pasca")
        expected = {
            "Rata-rata pra-uji (poin)": "mean_pre",
            "Rata-rata pasca-uji (poin)": "mean_post",
            "Rata-rata peningkatan (poin)": "mean_gain",
            "t berpasangan": "t",
            "p (t berpasangan)": "t_p",
            "p (Wilcoxon, eksak; sampai 50 selisih bukan nol)": "wilcoxon_p_exact",
            "r biserial peringkat (Wilcoxon)": "wilcoxon_r",
        }
        for label, key in expected.items():
            shown = [cell(PValue(r[key]) if key.endswith("_p") or "p_" in key else r[key]) for r in (treated, control)]
            assert table[label] == shown, label
        ci = table["IK 95% rata-rata peningkatan: batas bawah"]
        assert ci[0] == cell(treated["gain_ci_low"]) and "," in ci[0]

        result = compare_groups(TREATED_PRE, TREATED_POST, CONTROL_PRE, CONTROL_POST, max_score=MAX, pass_mark=PASS)
        effect = rows_of(page, "efek")
        assert effect["d_ppc2 Morris (ukuran efek studi)"][0] == cell(result["morris_dppc2"])
        assert effect["g Hedges untuk peningkatan"][0] == cell(result["hedges_g"])
        d = f"{result['morris_dppc2']:.2f}".replace(".", ",")
        assert f"naik {d} simpangan baku pra-uji lebih banyak daripada kelompok kontrol" in page
        baseline = rows_of(page, "kesetaraan-uji")
        assert baseline["d awal (pra-uji, perlakuan dikurangi kontrol)"][0] == cell(result["baseline_d"])
        # Expected counts below 5 in a 6 + 6 study: Fisher's exact test comes before the chi-square.
        labels = list(effect)
        assert labels.index("p (uji eksak Fisher)") < labels.index("p (χ²)")

    source = rows_of(page, "studi")
    assert any("signifikan" in " ".join(cells) for cells in source.values())
    assert "Kesetaraan awal" in page and "Tingkat 1 Kirkpatrick" in page and "Tingkat 3 dan 4" in page
    assert not re.search(r"\d\.\d{3}\b", BeautifulSoup(page, "html.parser").find("main").get_text())  # no "0.123"


def test_the_reaction_survey_per_item(client, study_with_results, trainer):
    study, _treated, _control = study_with_results
    client.force_login(trainer)
    with translation.override("id"):
        page = client.get(report_url(study)).text
    survey = rows_of(page, "reaksi-1")
    first = [levels[0] for levels in SURVEY_LEVELS]
    n, mean, agree, *counts = survey["1"][1:]
    assert n == "6"
    assert mean == cell(sum(first) / 6)
    assert agree == cell(Percent(100 * sum(level >= 4 for level in first) / 6))
    assert counts == [str(first.count(level)) for level in range(1, 6)]
    assert "reaksi-2" not in page  # the control arm did not answer


def test_charts_are_legible_on_a_phone_with_full_legends(client, study_with_results, trainer):
    study, _treated, _control = study_with_results
    client.force_login(trainer)
    page = client.get(report_url(study)).text
    charts = re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', page)
    assert len(charts) >= 3  # scores, right answers per aspect, the reaction survey
    for encoded in charts:
        svg = base64.b64decode(encoded).decode("utf-8")
        width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
        assert width <= 420
        assert "…" not in svg  # no truncated label or legend
        legend_size = int(re.search(r"\.legends \.legend text\{[^}]*?font-size:(\d+)px", svg).group(1))
        assert legend_size >= 14
        for legend in re.findall(r'<g class="legend[^"]*"[^>]*>.*?<text[^>]*>([^<]+)</text>', svg, flags=re.S):
            assert len(legend) * 0.6 * legend_size <= width - 40, legend  # fits the canvas


def test_print_xlsx_and_csv(client, study_with_results, trainer):
    study, _treated, _control = study_with_results
    client.force_login(trainer)
    assert "Laporan studi" in client.get(report_url(study, cetak=1)).text
    workbook = load_workbook(io.BytesIO(client.get(report_url(study, format="xlsx")).content))
    assert len(workbook.worksheets) >= 8
    csv_text = client.get(report_url(study, format="csv", table="efek")).content.decode("utf-8-sig")
    assert len(csv_text.strip().splitlines()) > 5
    assert client.get(report_url(study, format="csv", table="tidak-ada")).status_code == 404


def test_the_report_runs_the_same_queries_whatever_the_number_of_attempts(client, running_study, regions, trainer):
    study = running_study
    client.force_login(trainer)

    def add(per_arm):
        for role in (ArmRole.TREATMENT, ArmRole.CONTROL):
            for n, person in enumerate(enrol(study, role, regions, per_arm)):
                take(study.pre_test, person, n % 3)
                take(study.post_test, person, (n + 1) % 5)
                if n % 2:
                    answer_survey(study.reaction_survey, person, (n % 5 + 1, 3))

    def queries():
        client.get(report_url(study))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(report_url(study)).status_code == 200
        return len(captured)

    add(3)  # 12 test attempts
    few = queries()
    add(12)  # 60 test attempts
    assert queries() == few


def test_a_counted_attempt_awaiting_grading_is_named_not_replaced(client, course, regions, trainer, senior):
    """First attempt counts: an essay waiting for a grader is not replaced by a graded second attempt."""
    essay = make_question(QuestionKind.ESSAY, text="Jelaskan peran pendamping.")
    single = make_question(QuestionKind.SINGLE, text="Siapa memandu pertemuan?")
    pre = make_quiz(
        course, [single, essay], kind=QuizKind.PRE_TEST, title="Pra", attempts_allowed=2, grading_method="first"
    )
    post = make_quiz(course, [single], kind=QuizKind.POST_TEST, title="Pasca", attempts_allowed=1)
    treatment = CohortFactory(course=course, region=regions["35"], trainers=[trainer])
    control = CohortFactory(course=course, region=regions["35"], trainers=[trainer])
    study = Study.objects.create(name="Esai", course=course, pre_test=pre, post_test=post, design=StudyDesign.WAITLIST)
    today = timezone.localdate()
    for cohort, role in ((treatment, ArmRole.TREATMENT), (control, ArmRole.CONTROL)):
        arm_add(study=study, cohort=cohort, role=role, post_test_opens=PostTestOpens.ON_DATE, post_test_opens_on=today)
    study_start(study=study, by=senior)
    person = TraineeFactory(home_region=regions["35.78"], full_name="Sari Menunggu")
    EnrollmentFactory(cohort=treatment, trainee=person)

    first = attempt_start(quiz=pre, trainee=person)
    attempt_submit(attempt_id=first.pk, trainee=person, answers=[GivenAnswer(essay.pk, "Memandu.")])
    second = attempt_start(quiz=pre, trainee=person)
    second = attempt_submit(attempt_id=second.pk, trainee=person, answers=[GivenAnswer(essay.pk, "Memandu.")])
    answer_grade(answer=second.answers.get(question=essay), mark=1, comment="", grader=trainer)
    take(post, person, 1)

    waves = study_waves(study)
    arm = next(a for a in waves.arms if a.arm.role == ArmRole.TREATMENT)
    assert arm.paired.trainee_ids == [] and arm.paired.awaiting_pre == [person.pk]
    assert arm.paired.only_post == []  # awaiting, not "took only the post-test"
    client.force_login(trainer)
    with translation.override("id"):
        page = client.get(report_url(study)).text
    assert "Sari Menunggu" in page and "Menunggu penilaian" in page


def test_parallel_forms_pair_the_form_taken_first_as_the_pre_test(course, regions, senior, trainer):
    """A participant who takes form B first has the post-test quiz as their pre-test wave."""
    aspect = Aspect.objects.create(slug="peran", name_id="Peran pendamping", name_en="Mentor's role")
    questions = [make_question(QuestionKind.SINGLE, text=f"Soal {n}", aspects=[aspect]) for n in range(2)]
    form_a = make_quiz(course, questions[:1], kind=QuizKind.PRE_TEST, title="Bentuk A")
    form_b = make_quiz(course, questions[1:], kind=QuizKind.POST_TEST, title="Bentuk B")
    cohort = CohortFactory(course=course, region=regions["35"], trainers=[trainer])
    study = Study.objects.create(
        name="Paralel",
        course=course,
        pre_test=form_a,
        post_test=form_b,
        design=StudyDesign.WAITLIST,
        parallel_forms=True,
    )
    arm = arm_add(study=study, cohort=cohort, role=ArmRole.TREATMENT, post_test_opens=PostTestOpens.AFTER_LESSONS)
    straight, reversed_ = enrol_in(cohort, regions, 2)
    StudyParticipant.objects.create(study=study, arm=arm, trainee=straight, stratum="35")
    StudyParticipant.objects.create(study=study, arm=arm, trainee=reversed_, stratum="35", forms_reversed=True)
    take(form_a, straight, 0)
    complete_every_lesson(straight, course)
    take(form_b, straight, 1)
    take(form_b, reversed_, 0)  # form B first: their pre-test
    complete_every_lesson(reversed_, course)
    take(form_a, reversed_, 1)
    study.refresh_from_db()

    waves = study_waves(study).arms[0]
    assert waves.paired.trainee_ids == sorted([straight.pk, reversed_.pk])
    by_trainee = dict(zip(waves.paired.trainee_ids, zip(waves.paired.pre, waves.paired.post, strict=True), strict=True))
    assert by_trainee[straight.pk] == (0.0, 1.0) and by_trainee[reversed_.pk] == (0.0, 1.0)
    assert (waves.form(reversed_.pk, "pre"), waves.form(reversed_.pk, "post")) == ("B", "A")
    assert waves.strata[reversed_.pk] == "35"
    # The answer categories follow the waves too: both were wrong first and right after, whatever the form.
    assert category_counts(waves.paired) == {"Peran pendamping": {"knowledge": ({"salah": 2}, {"benar": 2})}}


def enrol_in(cohort, regions, count):
    people = [TraineeFactory(home_region=regions["35.78"]) for _ in range(count)]
    for person in people:
        EnrollmentFactory(cohort=cohort, trainee=person)
    return people


def test_the_research_export(client, study_with_results, trainer, supervisor_here):
    study, treated, control = study_with_results
    client.force_login(supervisor_here)
    response = client.get(export_url(study))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert ModelLogEntry.objects.filter(action="assessments.study.export", user=supervisor_here).count() == 1
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    assert {"peserta_gelombang.csv", "peserta_gelombang.sav", "peserta_gelombang.dta", "butir.csv", "butir.sav",
            "butir.dta", "buku_kode.md"} <= names  # fmt: skip
    everything = b"".join(archive.read(name) for name in names)
    for person in treated + control:  # pseudonymised: no name, no e-mail
        assert person.email.encode() not in everything and person.full_name.encode() not in everything

    wide = list(csv.DictReader(io.StringIO(archive.read("peserta_gelombang.csv").decode("utf-8"))))
    assert len(wide) == 2 * (len(treated) + len(control))
    assert {row["participant"] for row in wide} == {participant_code(study, p.pk) for p in treated + control}
    codebook = archive.read("buku_kode.md").decode("utf-8")
    for variable in ("participant", "arm", "treated", "stratum", "wave", "form", "total", "percent", "aspect1"):
        assert f"`{variable}`" in codebook

    with tempfile.TemporaryDirectory() as folder:
        for name in ("peserta_gelombang.sav", "peserta_gelombang.dta", "butir.sav"):
            (Path(folder) / name).write_bytes(archive.read(name))
        sav, meta = pyreadstat.read_sav(str(Path(folder) / "peserta_gelombang.sav"))
        dta, dta_meta = pyreadstat.read_dta(str(Path(folder) / "peserta_gelombang.dta"))
        items, items_meta = pyreadstat.read_sav(str(Path(folder) / "butir.sav"))
    assert list(sav["participant"]) == [row["participant"] for row in wide]
    assert list(sav["total"]) == pytest.approx([float(row["total"]) for row in wide], abs=1e-12)
    assert list(dta["total"]) == pytest.approx([float(row["total"]) for row in wide], abs=1e-12)
    with translation.override("id"):
        assert meta.variable_value_labels["wave"] == {1.0: "pra-uji", 2.0: "pasca-uji"}
        assert meta.column_names_to_labels["total"] == dta_meta.column_names_to_labels["total"]
    assert meta.variable_value_labels["treated"][1.0] and dta_meta.variable_value_labels["treated"][1]
    assert len(items) == 4 * len(wide) and set(items_meta.column_names) == {
        "participant",
        "wave",
        "form",
        "item",
        "mark",
        "max_mark",
    }

    # Re-running the analysis from the CSV gives the report's figures (its XLSX keeps full precision).
    groups = {}
    for row in wide:
        groups.setdefault(row["treated"], {}).setdefault(row["participant"], {})[row["wave"]] = float(row["total"])
    pairs = {}
    for treated_flag, people in groups.items():
        both = [p for p in people.values() if "1" in p and "2" in p]
        pairs[treated_flag] = ([p["1"] for p in both], [p["2"] for p in both])
    max_score = float(wide[0]["max_total"])
    pass_score = max_score * float(study.post_test.pass_mark) / 100
    again = prepost(*pairs["1"], max_score=max_score, pass_mark=pass_score)
    compared = compare_groups(*pairs["1"], *pairs["0"], max_score=max_score, pass_mark=pass_score)
    client.force_login(trainer)
    workbook = load_workbook(io.BytesIO(client.get(report_url(study, format="xlsx")).content))
    sheets = {sheet.title: list(sheet.values) for sheet in workbook.worksheets}
    prepost_sheet = next(rows for title, rows in sheets.items() if "pasca" in title.lower() and "pra" in title.lower())
    by_label = {row[0]: row[1:] for row in prepost_sheet[2:]}
    with translation.override("id"):
        assert by_label["Rata-rata peningkatan (poin)"][0] == pytest.approx(again["mean_gain"], abs=1e-9)
        assert by_label["t berpasangan"][0] == pytest.approx(again["t"], abs=1e-9)
        assert by_label["p (Wilcoxon, eksak; sampai 50 selisih bukan nol)"][0] == pytest.approx(
            again["wilcoxon_p_exact"], abs=1e-9
        )
    effect_sheet = next(rows for rows in sheets.values() if rows and rows[0][0] and "efek" in str(rows[0][0]).lower())
    effect = {row[0]: row[1] for row in effect_sheet[2:]}
    assert effect["d_ppc2 Morris (ukuran efek studi)"] == pytest.approx(compared["morris_dppc2"], abs=1e-9)
    assert effect["g Hedges untuk peningkatan"] == pytest.approx(compared["hedges_g"], abs=1e-9)
