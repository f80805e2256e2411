"""The treatment-versus-control report at scale: how long its data fetching takes, in how many queries, against SQL.

    .venv/bin/python bench/report_comparison.py --attempts 100000

Creates a throw-away PostgreSQL database (`bench_report` on postgres://postgres@127.0.0.1:5432, trust
auth), migrates it and generates, in batches (bulk_create, and COPY for attempts and answers):
a published course; four aspects and eight mentor roles; a bank of 30 questions of five kinds
(single, true/false, multiple, short answer, Likert), each tagged with one aspect and one or two
roles; a pre-test and a post-test of 25 questions each (20 shared); and two pairs of cohorts of
the course, each a treatment and a control cohort:

- the full pair, with --attempts graded attempts in all, half pre-test and half post-test, one
  answer row per question (most trainees took both tests, about 3 % only the pre-test, fewer
  only the post-test, 2 % took the post-test twice and the best attempt counts, 2 % of the
  answers are blank);
- a pair a tenth that size, to show that the number of queries does not grow with the data (so
  the database holds 1.1 times --attempts attempts; 100000 take about a minute to generate).

For each pair it measures the selectors of assessments/reports/data.py as the comparison report
calls them, once per cohort (paired_totals, totals_by_tag, category_counts), and the whole report
(assessments.reports.build.comparison_report: selectors, statistics and SVG charts) and the study
report over the same pair as an evaluation study (assessments.reports.study.study_report: the
counted waves, per-arm pre/post, the source study's table and the better measures, the category
shift; no reaction survey in this data); then the floor: three hand-written SQL queries that fetch
the same arrays (the counted attempts' scores, the per-(attempt, aspect) sums of mark and maximum,
the per-(phase, aspect, category) answer counts). Each time is the median of 3 runs after one
warm-up, with DEBUG off; the number of queries and the time spent executing them come from one more
run under CaptureQueriesContext.
The selectors' results are checked against the floor's. With --explain, prints EXPLAIN ANALYZE
of every query of the full pair that took longer than 100 ms.

Prints a table (and writes it with --json PATH) and drops the database, unless --keep-db. Exits 1
if a step failed or a selector disagreed with the floor.
Everything runs on one machine, PostgreSQL included, so the figures are for that machine (`nproc`).
"""

import argparse
import datetime
import json
import logging
import os
import random
import resource
import statistics
import sys
import time
import traceback
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = 3
SMALL_SHARE = 10  # the small pair has 1/SMALL_SHARE of the attempts
BATCH_ATTEMPTS = 2000  # attempts (and their answers) per COPY
ONLY_PRE = 0.03  # share of pre-test takers who never took the post-test
RETAKES = 0.02  # share of post-test attempts that are a second try
BLANK = 0.02  # share of answers left blank
EXPLAIN_OVER = 0.1  # seconds
BANK_SIZE = 30
QUIZ_SIZE = 25  # the pre-test has questions 1-25, the post-test 6-30
KINDS = ("single", "truefalse", "multiple", "short", "likert")  # QuestionKind values, in the order they repeat
MARKS = {"single": 1, "truefalse": 1, "multiple": 2, "short": 1, "likert": 1}
CHOICES = {  # (text, percent) per kind; a short-answer question's choices are its accepted answers
    "single": [("Pendamping sosial", 100), ("Kepala desa", 0), ("Camat", 0), ("Ketua RT", 0)],
    "truefalse": [("true", 100), ("false", 0)],
    "multiple": [("Mencatat kas", 50), ("Menyusun rencana usaha", 50), ("Membagi hibah", -100), ("Diam", 0)],
    "short": [("IKS", 100), ("iuran kesetiakawanan sosial", 100)],
    "likert": [],
}


# --- Database ----------------------------------------------------------------------------------


def admin_execute(server_url: str, statement: sql.Composable) -> None:
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def create_database(server_url: str, name: str) -> None:
    drop_database(server_url, name)
    admin_execute(server_url, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_database(server_url: str, name: str) -> None:
    admin_execute(server_url, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- Data --------------------------------------------------------------------------------------


@dataclass
class Item:
    """A quiz question as the generator answers it: pre-rendered COPY fields for right and wrong answers."""

    question_id: int
    max_mark: float
    choice_order: str  # JSON
    right: list[tuple[str, float]]  # (response as JSON, mark)
    wrong: list[tuple[str, float]]


@dataclass
class Pair:
    label: str
    attempts: int
    treatment: object = None
    control: object = None
    study: object = None  # an evaluation study with the pair's cohorts as its arms
    trainees: list[tuple[int, int]] = field(default_factory=list)  # (user id, cohort id)

    @property
    def cohorts(self) -> list:
        return [self.treatment, self.control]


@dataclass
class Setup:
    pre_quiz: object
    post_quiz: object
    items: dict[int, list[Item]]  # quiz id -> its questions in order
    pairs: list[Pair]


def build_fixtures(pairs: list[Pair]) -> Setup:
    """Regions, a course, the taxonomy, the question bank, both quizzes and the cohorts (no trainees yet)."""
    from decimal import Decimal

    from django.utils import timezone

    from assessments.constants import GradingMethod, QuizKind
    from assessments.models import Choice, Question, QuestionCategory, Quiz, QuizQuestion
    from courses.constants import StudyArm
    from courses.demo_content import ASPECTS, MENTOR_ROLES
    from courses.models import Aspect, Cohort, CourseIndexPage, CoursePage, LessonPage, MentorRole, ModulePage
    from lms.people.models import Region
    from lms.people.services import regions_import_csv

    report = regions_import_csv(text="code,name\n35,Jawa Timur\n35.78,Kota Surabaya\n35.78.01,Karang Pilang\n")
    assert report.ok, report.errors  # noqa: S101 - a setup failure should stop the run

    def publish(parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    course = CoursePage(title="Kursus uji laporan", slug="uji-laporan", code="BENCH-R", summary="Uji.", study_hours=8)
    publish(CourseIndexPage.objects.get(), course)
    module = publish(course, ModulePage(title="Modul 1", slug="modul-1"))
    body = [{"type": "text", "value": "<p>Pertemuan rutin KUBE diadakan dua minggu sekali.</p>"}]
    publish(module, LessonPage(title="Pelajaran 1.1", slug="pelajaran-1", body=body))

    roles = MentorRole.objects.bulk_create(MentorRole(**item) for item in MENTOR_ROLES)
    aspects = Aspect.objects.bulk_create(Aspect(sort_order=n, **item) for n, item in enumerate(ASPECTS, 1))

    category = QuestionCategory.objects.create(name="Bank uji/Laporan")
    questions = Question.objects.bulk_create(
        Question(
            category=category,
            kind=KINDS[n % len(KINDS)],
            title=f"S{n + 1:02d}",
            text=f"Soal {n + 1} ({KINDS[n % len(KINDS)]})",
            mark=Decimal(MARKS[KINDS[n % len(KINDS)]]),
            likert_reverse=n % 10 == 9,  # every other Likert item is reverse-keyed
        )
        for n in range(BANK_SIZE)
    )
    Choice.objects.bulk_create(
        Choice(question=question, sort_order=order, text=text, percent=Decimal(percent))
        for question in questions
        for order, (text, percent) in enumerate(CHOICES[question.kind])
    )
    Question.aspects.through.objects.bulk_create(
        Question.aspects.through(question=question, aspect=aspects[n % len(aspects)])
        for n, question in enumerate(questions)
    )
    Question.mentor_roles.through.objects.bulk_create(
        Question.mentor_roles.through(question=question, mentorrole=roles[r])
        for n, question in enumerate(questions)
        for r in sorted({n % len(roles), (n + 3) % len(roles)} if n % 3 == 0 else {n % len(roles)})
    )

    quizzes = {}
    for kind, first, attempts_allowed in ((QuizKind.PRE_TEST, 0, 1), (QuizKind.POST_TEST, BANK_SIZE - QUIZ_SIZE, 2)):
        quiz = Quiz.objects.create(
            course=course,
            kind=kind,
            title=f"Uji laporan: {kind}",
            is_live=True,
            attempts_allowed=attempts_allowed,
            grading_method=GradingMethod.BEST,
        )
        QuizQuestion.objects.bulk_create(
            QuizQuestion(quiz=quiz, question=question, sort_order=order)
            for order, question in enumerate(questions[first : first + QUIZ_SIZE])
        )
        quizzes[kind] = quiz
    choice_ids = defaultdict(list)
    for question_id, choice_id in Choice.objects.order_by("sort_order").values_list("question_id", "pk"):
        choice_ids[question_id].append(choice_id)
    items = {
        quiz.pk: [answer_outcomes(question, choice_ids[question.pk]) for question in quiz_questions(quiz)]
        for quiz in quizzes.values()
    }

    region = Region.objects.get(code="35.78")
    today = timezone.localdate()
    for pair in pairs:
        for arm in (StudyArm.TREATMENT, StudyArm.CONTROL):
            cohort = Cohort.objects.create(
                course=course,
                name=f"Angkatan {pair.label} {'perlakuan' if arm == StudyArm.TREATMENT else 'kontrol'}",
                region=region,
                starts_on=today - datetime.timedelta(days=60),
                ends_on=today - datetime.timedelta(days=1),
                capacity=pair.attempts,
                study_arm=arm,
            )
            setattr(pair, arm.value, cohort)
        pair.study = create_study(pair, course, quizzes[QuizKind.PRE_TEST], quizzes[QuizKind.POST_TEST], today)
    return Setup(quizzes[QuizKind.PRE_TEST], quizzes[QuizKind.POST_TEST], items, pairs)


def create_study(pair: Pair, course, pre, post, today):
    """The pair as an evaluation study (its arms added through the service), for the study report."""
    from assessments.constants import ArmRole, PostTestOpens, StudyDesign
    from assessments.models import Study
    from assessments.services import arm_add

    study = Study.objects.create(
        name=f"Studi {pair.label}", course=course, pre_test=pre, post_test=post, design=StudyDesign.WAITLIST
    )
    arm_add(study=study, cohort=pair.treatment, role=ArmRole.TREATMENT, post_test_opens=PostTestOpens.AFTER_LESSONS)
    arm_add(
        study=study,
        cohort=pair.control,
        role=ArmRole.CONTROL,
        post_test_opens=PostTestOpens.ON_DATE,
        post_test_opens_on=today,
    )
    return study


def quiz_questions(quiz) -> list:
    from assessments.models import QuizQuestion

    return [row.question for row in QuizQuestion.objects.filter(quiz=quiz).select_related("question")]


def answer_outcomes(question, choice_ids: list[int]) -> Item:
    """The right and wrong answers a trainee may give, with their marks as assessments.scoring gives them."""
    kind, mark = question.kind, float(question.mark)
    if kind == "single":
        right = [([choice_ids[0]], mark)]
        wrong = [([pk], 0.0) for pk in choice_ids[1:]]
    elif kind == "truefalse":
        right, wrong = [([choice_ids[0]], mark)], [([choice_ids[1]], 0.0)]
    elif kind == "multiple":  # shares 50, 50, -100, 0: both right ones earn the mark, one of them half
        a, b, penalty, nothing = choice_ids
        right = [([a, b], mark)]
        wrong = [([a], mark / 2), ([b], mark / 2), ([a, b, penalty], 0.0), ([nothing], 0.0)]
    elif kind == "short":
        right = [("IKS", mark), ("iuran kesetiakawanan sosial", mark)]
        wrong = [("kas kelompok", 0.0), ("arisan", 0.0)]
    else:  # Likert: levels 1-5 earn 0, 1/4 ... all of the mark, reversed for a reverse-keyed item
        points = {level: (6 - level if question.likert_reverse else level) for level in range(1, 6)}
        right = [(level, mark * (points[level] - 1) / 4) for level in points if points[level] >= 4]
        wrong = [(level, mark * (points[level] - 1) / 4) for level in points if points[level] < 4]
    return Item(
        question_id=question.pk,
        max_mark=mark,
        choice_order=json.dumps(choice_ids if kind in ("single", "truefalse", "multiple") else []),
        right=[(json.dumps(response), value) for response, value in right],
        wrong=[(json.dumps(response), value) for response, value in wrong],
    )


def create_trainees(pairs: list[Pair], rng: random.Random) -> None:
    """Users (one unusable password hash for all) and their enrolments, alternately in treatment and control."""
    from django.contrib.auth.hashers import make_password

    from courses.constants import EnrollmentSource, EnrollmentStatus
    from courses.models import Enrollment
    from lms.people.models import User

    password = make_password(None)
    for pair in pairs:
        count = trainee_count(pair.attempts)
        users = User.objects.bulk_create(
            (
                User(email=f"{pair.label.lower()}{n:06d}@laporan.test", full_name=f"Peserta {n}", password=password)
                for n in range(count)
            ),
            batch_size=5000,
        )
        pair.trainees = [(user.pk, pair.cohorts[n % 2].pk) for n, user in enumerate(users)]
        rng.shuffle(pair.trainees)  # so the ones who miss a test are spread over both cohorts
        Enrollment.objects.bulk_create(
            (
                Enrollment(cohort_id=cohort_id, trainee_id=user_id, status=EnrollmentStatus.COMPLETED,
                           source=EnrollmentSource.BULK)
                for user_id, cohort_id in pair.trainees
            ),
            batch_size=5000,
        )  # fmt: skip


def test_plan(attempts: int) -> tuple[int, int, int, int]:
    """(both tests, only the pre-test, only the post-test, post-test retakes) for this many attempts."""
    pre, post = attempts // 2, attempts - attempts // 2
    only_pre = round(pre * ONLY_PRE)
    retakes = round(post * RETAKES)
    both = pre - only_pre
    only_post = post - retakes - both  # the post-test's attempts left over, a few when RETAKES < ONLY_PRE
    return both, only_pre, only_post, retakes


def trainee_count(attempts: int) -> int:
    both, only_pre, only_post, _retakes = test_plan(attempts)
    return both + only_pre + only_post


def planned_attempts(pair: Pair, setup: Setup, rng: random.Random):
    """Yield (quiz id, trainee id, cohort id, number, chance of a right answer) for every attempt of the pair."""
    both, only_pre, _only_post, retakes = test_plan(pair.attempts)
    for n, (trainee, cohort) in enumerate(pair.trainees):
        ability = rng.uniform(0.3, 0.65)
        gain = rng.gauss(0.2 if cohort == pair.treatment.pk else 0.08, 0.08)
        if n < both + only_pre:
            yield setup.pre_quiz.pk, trainee, cohort, 1, ability
        if n < both or n >= both + only_pre:
            after = min(max(ability + gain, 0.05), 0.95)
            yield setup.post_quiz.pk, trainee, cohort, 1, after
            if n < retakes:
                yield setup.post_quiz.pk, trainee, cohort, 2, min(after + 0.05, 0.95)


ATTEMPT_COLUMNS = (
    "id, quiz_id, trainee_id, cohort_id, number, state, started_at, deadline, submitted_at, auto_submitted, "
    "graded_at, score, max_score, percent, passed"
)
ANSWER_COLUMNS = (
    "attempt_id, position, question_id, max_mark, choice_order, response, saved_seq, saved_at, mark, grader_comment"
)


def generate_attempts(setup: Setup, rng: random.Random) -> tuple[int, int]:
    """COPY the graded attempts and their answers in batches; returns (attempts, answers)."""
    from django.db import connection

    from assessments.models import Attempt

    pass_marks = {
        setup.pre_quiz.pk: float(setup.pre_quiz.pass_mark),
        setup.post_quiz.pk: float(setup.post_quiz.pass_mark),
    }
    total = sum(pair.attempts for pair in setup.pairs)
    start = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=50)
    attempt_id = (Attempt.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    attempt_lines, answer_lines = [], []
    made = answers = 0
    started = time.perf_counter()

    def flush() -> None:
        with connection.cursor() as cursor:
            with cursor.copy(f"COPY assessments_attempt ({ATTEMPT_COLUMNS}) FROM STDIN") as copy:
                copy.write("".join(attempt_lines))
            with cursor.copy(f"COPY assessments_answer ({ANSWER_COLUMNS}) FROM STDIN") as copy:
                copy.write("".join(answer_lines))
        attempt_lines.clear()
        answer_lines.clear()
        rate = made / (time.perf_counter() - started)
        print(f"\r  {made:,}/{total:,} attempts, {answers:,} answers ({rate:,.0f} attempts/s)", end="", flush=True)

    for pair in setup.pairs:
        for quiz_id, trainee, cohort, number, chance in planned_attempts(pair, setup, rng):
            items = setup.items[quiz_id]
            post = quiz_id == setup.post_quiz.pk
            begun = start + datetime.timedelta(days=30 * post + number, seconds=rng.randrange(86_400))
            submitted = begun + datetime.timedelta(minutes=20)
            saved_at, saved_seq = submitted.isoformat(), int(submitted.timestamp() * 1000)
            score = maximum = 0.0
            for position, item in enumerate(items):
                draw = rng.random()
                maximum += item.max_mark
                if draw < BLANK:
                    answer_lines.append(
                        f"{attempt_id}\t{position}\t{item.question_id}\t{item.max_mark:.2f}\t{item.choice_order}"
                        f"\t\\N\t0\t\\N\t0.00\t\n"
                    )
                    continue
                draw = (draw - BLANK) / (1 - BLANK)
                outcomes = item.right if draw < chance else item.wrong
                response, mark = outcomes[int(draw * 7919) % len(outcomes)]
                score += mark
                answer_lines.append(
                    f"{attempt_id}\t{position}\t{item.question_id}\t{item.max_mark:.2f}\t{item.choice_order}"
                    f"\t{response}\t{saved_seq + position}\t{saved_at}\t{mark:.2f}\t\n"
                )
            percent = 100 * score / maximum
            passed = "t" if percent >= pass_marks[quiz_id] else "f"
            attempt_lines.append(
                f"{attempt_id}\t{quiz_id}\t{trainee}\t{cohort}\t{number}\tgraded\t{begun.isoformat()}\t\\N"
                f"\t{saved_at}\tf\t{saved_at}\t{score:.2f}\t{maximum:.2f}\t{percent:.2f}\t{passed}\n"
            )
            attempt_id += 1
            made += 1
            answers += len(items)
            if len(attempt_lines) >= BATCH_ATTEMPTS:
                flush()
    if attempt_lines:
        flush()
    print()
    with connection.cursor() as cursor:
        cursor.execute("SELECT setval(pg_get_serial_sequence('assessments_attempt', 'id'), %s)", [attempt_id - 1])
    return made, answers


def analyze() -> None:
    """What autovacuum would have done by the time a report is asked for: statistics and visibility maps.

    Every table, the small ones too: the question-tag tables are below autovacuum's threshold, and
    without statistics the planner guesses eight tags per question and sorts instead of hashing.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


# --- Measurements ------------------------------------------------------------------------------


@dataclass
class Measurement:
    seconds: float  # median of RUNS
    runs: list[float]
    queries: int
    sql_seconds: float  # time inside cursor.execute, in the counted run
    counted_seconds: float  # wall time of the counted run
    rss_growth_mb: float  # how much the process's peak RSS grew while measuring
    captured: list[dict] = field(repr=False, default_factory=list)
    result: object = field(repr=False, default=None)

    def summary(self) -> dict:
        return {
            "seconds": round(self.seconds, 4),
            "runs": [round(run, 4) for run in self.runs],
            "queries": self.queries,
            "sql_seconds": round(self.sql_seconds, 4),
            "counted_seconds": round(self.counted_seconds, 4),
            "peak_rss_growth_mb": round(self.rss_growth_mb, 1),
        }


def measure(function: Callable[[], object]) -> Measurement:
    """One warm-up, RUNS timed runs (median), then one run under CaptureQueriesContext for the queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rss = peak_rss_mb()
    result = function()
    runs = []
    for _run in range(RUNS):
        started = time.perf_counter()
        function()
        runs.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        function()
        counted = time.perf_counter() - started
    return Measurement(
        seconds=statistics.median(runs),
        runs=runs,
        queries=len(captured.captured_queries),
        sql_seconds=sum(float(query["time"]) for query in captured.captured_queries),
        counted_seconds=counted,
        rss_growth_mb=peak_rss_mb() - rss,
        captured=captured.captured_queries,
        result=result,
    )


def measure_all(steps: dict[str, Callable[[], object]], problems: list[str]) -> dict[str, Measurement | None]:
    """Measure every step; one that raises (the app code may be changing under us) is reported and left out."""
    measured = {}
    for name, step in steps.items():
        try:
            measured[name] = measure(step)
        except Exception as error:
            traceback.print_exc()
            problems.append(f"{name} failed: {type(error).__name__}: {error}")
            measured[name] = None
    return measured


def report_steps(pair: Pair, setup: Setup) -> dict[str, Callable[[], object]]:
    """The selectors as comparison_report calls them (once per cohort), the report itself, and the study report."""
    from assessments.reports.build import comparison_report
    from assessments.reports.data import category_counts, paired_totals, totals_by_tag
    from assessments.reports.study import study_report

    pre, post = setup.pre_quiz, setup.post_quiz

    def pairs() -> dict:
        return {c.pk: paired_totals(pre_quiz=pre, post_quiz=post, cohort_ids=[c.pk]) for c in pair.cohorts}

    groups = pairs()
    return {
        "paired_totals": pairs,
        "totals_by_tag aspects": lambda: {pk: totals_by_tag(p, tag="aspects") for pk, p in groups.items()},
        "category_counts": lambda: {pk: category_counts(p) for pk, p in groups.items()},
        "totals_by_tag mentor_roles": lambda: {pk: totals_by_tag(p, tag="mentor_roles") for pk, p in groups.items()},
        "comparison_report": lambda: comparison_report(
            treatment=pair.treatment, control=pair.control, pre_quiz=pre, post_quiz=post, names={}
        ),
        "study_report": lambda: study_report(study=pair.study, names={}),
    }


SELECTORS_IN_REPORT = ("paired_totals", "totals_by_tag aspects", "category_counts")

# The floor: the same arrays in one query each, for both cohorts at once. "counted" applies the
# quizzes' rule as STATS.md v2 states it for "best": among the finished attempts the highest score
# (one awaiting a grader counting as 0), the earliest on a tie, then left out if it awaits grading;
# "paired" keeps the trainees with both tests. (The benchmark's attempts are all graded.)
COUNTED = """
    SELECT id, cohort_id, quiz_id, trainee_id, score FROM (
        SELECT DISTINCT ON (cohort_id, quiz_id, trainee_id) id, cohort_id, quiz_id, trainee_id, score
        FROM assessments_attempt
        WHERE quiz_id = ANY(%(quizzes)s) AND cohort_id = ANY(%(cohorts)s) AND state IN ('submitted', 'graded')
        ORDER BY cohort_id, quiz_id, trainee_id, coalesce(score, 0) DESC, number
    ) AS chosen WHERE score IS NOT NULL
"""
PAIRED = """
    WITH counted AS (
        SELECT id, cohort_id, quiz_id, trainee_id FROM (
            SELECT DISTINCT ON (cohort_id, quiz_id, trainee_id) id, cohort_id, quiz_id, trainee_id, score
            FROM assessments_attempt
            WHERE quiz_id = ANY(%(quizzes)s) AND cohort_id = ANY(%(cohorts)s) AND state IN ('submitted', 'graded')
            ORDER BY cohort_id, quiz_id, trainee_id, coalesce(score, 0) DESC, number
        ) AS chosen WHERE score IS NOT NULL
    ), paired AS (
        SELECT id, cohort_id, quiz_id
        FROM (SELECT *, count(*) OVER (PARTITION BY cohort_id, trainee_id) AS tests FROM counted) AS c
        WHERE tests = 2
    )
"""
ASPECT_SUMS = """
    SELECT answer.attempt_id, tag.aspect_id, sum(answer.mark), sum(answer.max_mark)
    FROM paired
    JOIN assessments_answer AS answer ON answer.attempt_id = paired.id
    JOIN assessments_question_aspects AS tag ON tag.question_id = answer.question_id
    GROUP BY answer.attempt_id, tag.aspect_id
"""
CATEGORY_COUNTS = """
    SELECT paired.cohort_id, paired.quiz_id, tag.aspect_id, question.kind = 'likert',
           CASE WHEN question.kind = 'likert' THEN answer.response::text
                WHEN answer.mark = answer.max_mark THEN 'benar' ELSE 'salah' END AS category,
           count(*)
    FROM paired
    JOIN assessments_answer AS answer ON answer.attempt_id = paired.id
    JOIN assessments_question AS question ON question.id = answer.question_id
    JOIN assessments_question_aspects AS tag ON tag.question_id = answer.question_id
    WHERE answer.response IS NOT NULL AND question.kind <> 'essay'
    GROUP BY 1, 2, 3, 4, 5
"""
FLOOR = {
    "counted scores": COUNTED,
    "aspect sums": PAIRED + ASPECT_SUMS,
    "category counts": PAIRED + CATEGORY_COUNTS,
}


def floor_steps(pair: Pair, setup: Setup) -> dict[str, Callable[[], list]]:
    from django.db import connection

    params = {"quizzes": [setup.pre_quiz.pk, setup.post_quiz.pk], "cohorts": [c.pk for c in pair.cohorts]}

    def fetch(query: str) -> Callable[[], list]:
        def run() -> list:
            with connection.cursor() as cursor:
                cursor.execute(query, params)
                return cursor.fetchall()

        return run

    return {name: fetch(query) for name, query in FLOOR.items()}


def check(pair: Pair, setup: Setup, selectors: dict[str, Measurement], floor: dict[str, Measurement]) -> list[str]:
    """Where the selectors' arrays differ from the floor's (an empty list when they agree)."""
    from courses.models import Aspect

    problems = []
    aspects = {aspect.pk: aspect.name for aspect in Aspect.objects.order_by("sort_order")}
    counted = defaultdict(dict)  # (cohort, quiz) -> {trainee: (attempt, score)}
    for attempt, cohort, quiz, trainee, score in floor["counted scores"].result:
        counted[cohort, quiz][trainee] = (attempt, float(score))
    sums = {(attempt, aspect): (float(s), float(m)) for attempt, aspect, s, m in floor["aspect sums"].result}
    tallies = defaultdict(dict)
    for cohort, quiz, aspect, attitude, category, count in floor["category counts"].result:
        tallies[cohort, quiz, aspect, "attitude" if attitude else "knowledge"][category] = count

    for cohort in pair.cohorts:
        paired = selectors["paired_totals"].result[cohort.pk]
        pre, post = counted[cohort.pk, setup.pre_quiz.pk], counted[cohort.pk, setup.post_quiz.pk]
        both = sorted(set(pre) & set(post))
        if (paired.trainee_ids, paired.pre, paired.post) != (
            both,
            [pre[t][1] for t in both],
            [post[t][1] for t in both],
        ):
            problems.append(f"{cohort.name}: paired_totals differs from the counted attempts in SQL")
        if (paired.only_pre, paired.only_post) != (sorted(set(pre) - set(post)), sorted(set(post) - set(pre))):
            problems.append(f"{cohort.name}: paired_totals' unpaired trainees differ from SQL")
        expected_tags = {}
        for aspect, label in aspects.items():
            tag_pre = [sums.get((a, aspect), (0.0, 0.0)) for a in paired.pre_attempts]
            tag_post = [sums.get((a, aspect), (0.0, 0.0)) for a in paired.post_attempts]
            expected_tags[label] = ([s for s, _m in tag_pre], [s for s, _m in tag_post])
        got_tags = {t.label: (t.pre, t.post) for t in selectors["totals_by_tag aspects"].result[cohort.pk]}
        if got_tags != expected_tags:
            problems.append(f"{cohort.name}: totals_by_tag(aspects) differs from the SQL sums")
        expected_counts = {}
        for aspect, label in aspects.items():
            for table in ("knowledge", "attitude"):
                before = tallies.get((cohort.pk, setup.pre_quiz.pk, aspect, table), {})
                after = tallies.get((cohort.pk, setup.post_quiz.pk, aspect, table), {})
                if before or after:
                    expected_counts.setdefault(label, {})[table] = (before, after)
        if selectors["category_counts"].result[cohort.pk] != expected_counts:
            problems.append(f"{cohort.name}: category_counts differs from the SQL counts")
    return problems


def explain(captured: list[dict], label: str) -> None:
    from django.db import connection

    for query in captured:
        if float(query["time"]) < EXPLAIN_OVER or not query["sql"].lstrip().upper().startswith(("SELECT", "WITH")):
            continue
        text = query["sql"]
        shown = text if len(text) < 1500 else f"{text[:700]} … [{len(text):,} characters] … {text[-500:]}"
        print(f"\n--- {label}: {float(query['time']):.3f} s in execute\n{shown}\n")
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {text}")
            print("\n".join(row[0] for row in cursor.fetchall()))


def measure_pair(pair: Pair, setup: Setup, show_plans: bool) -> tuple[dict, list[str]]:
    """The pair's figures (as JSON-ready dicts) and the problems found."""
    problems = []
    selectors = measure_all(report_steps(pair, setup), problems)
    floor = measure_all(floor_steps(pair, setup), problems)
    if all(selectors[name] for name in SELECTORS_IN_REPORT) and all(floor.values()):
        problems += check(pair, setup, selectors, floor)
    if show_plans:
        for name, measurement in selectors.items():
            if measurement and name not in ("comparison_report", "study_report"):  # they repeat the selectors' queries
                explain(measurement.captured, name)
    report = {name: m and m.summary() for name, m in selectors.items()}
    report["selectors used by the report"] = total_of(report, SELECTORS_IN_REPORT)
    floors = {name: m and m.summary() for name, m in floor.items()}
    floors["floor total"] = total_of(floors, FLOOR)
    floor_seconds = floors["floor total"] and floors["floor total"]["seconds"]
    ratios = {}
    for key, name in (
        ("selectors_over_floor", "selectors used by the report"),
        ("report_over_floor", "comparison_report"),
        ("study_report_over_floor", "study_report"),
    ):
        ratios[key] = report[name]["seconds"] / floor_seconds if report[name] and floor_seconds else None
    return {"attempts": pair.attempts, "report": report, "floor": floors, **ratios}, problems


def total_of(measurements: dict[str, dict | None], names) -> dict | None:
    parts = [measurements[name] for name in names]
    if not all(parts):
        return None
    return {key: sum(m[key] for m in parts) for key in ("seconds", "queries", "sql_seconds", "counted_seconds")}


# --- Output ------------------------------------------------------------------------------------


def print_table(pairs: list[Pair], results: dict[str, dict]) -> None:
    rows = [("report", name) for name in results[pairs[0].label]["report"]]
    rows += [("floor", name) for name in results[pairs[0].label]["floor"]]
    print(f"{'':36}" + "".join(f"{f'{p.label} pair, {p.attempts:,} attempts':>38}" for p in pairs))
    print(f"{'':36}" + f"{'median s':>12}{'queries':>9}{'in SQL':>9}{'RSS+MB':>8}" * len(pairs))
    for key, name in rows:
        cells = ""
        for pair in pairs:
            m = results[pair.label][key][name]
            if m is None:
                cells += f"{'failed':>38}"
                continue
            share = f"{100 * m['sql_seconds'] / m['counted_seconds']:.0f} %"
            rss = f"{m['peak_rss_growth_mb']:.0f}" if "peak_rss_growth_mb" in m else ""
            cells += f"{m['seconds']:>12.3f}{m['queries']:>9}{share:>9}{rss:>8}"
        print(f"{'SQL floor: ' * (key == 'floor')}{name:{36 - 11 * (key == 'floor')}}{cells}")
    for key, label in (
        ("selectors_over_floor", "selectors / floor"),
        ("report_over_floor", "full report / floor"),
        ("study_report_over_floor", "study report / floor"),
    ):
        ratios = [results[p.label][key] for p in pairs]
        print(f"{label:36}" + "".join(f"{'' if r is None else f'{r:.1f}x':>12}{'':26}" for r in ratios))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=100_000, help="graded attempts of the full pair of cohorts")
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432", help="PostgreSQL server")
    parser.add_argument("--database", default="bench_report")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--explain", action="store_true", help=f"EXPLAIN ANALYZE the queries over {EXPLAIN_OVER} s")
    parser.add_argument("--keep-db", action="store_true", help="keep the database (and data) afterwards")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args()

    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.dev"
    os.environ["DATABASE_URL"] = f"{args.server}/{args.database}"
    import django
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, connections

    rng = random.Random(args.seed)  # noqa: S311 - not security
    pairs = [Pair("Kecil", max(args.attempts // SMALL_SHARE, 20)), Pair("Penuh", args.attempts)]
    create_database(args.server, args.database)
    try:
        django.setup()
        settings.DEBUG = False  # as in production: no query log, except where CaptureQueriesContext asks for one
        logging.disable(logging.INFO)  # Wagtail's "Page created" lines
        print(f"migrating {os.environ['DATABASE_URL']} ...", flush=True)
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        setup = build_fixtures(pairs)
        create_trainees(pairs, rng)
        print(f"trainees: {', '.join(f'{p.label} {len(p.trainees):,}' for p in pairs)}; generating attempts ...")
        attempts, answers = generate_attempts(setup, rng)
        analyze()
        generation = time.perf_counter() - started
        print(f"generated {attempts:,} attempts and {answers:,} answers in {generation:.0f} s", flush=True)

        results, problems = {}, []
        for pair in pairs:
            print(f"measuring the {pair.label} pair ...", flush=True)
            results[pair.label], found = measure_pair(pair, setup, show_plans=args.explain and pair is pairs[-1])
            problems += [f"{pair.label}: {problem}" for problem in found]

        with connection.cursor() as cursor:
            cursor.execute("SELECT version()")
            version = cursor.fetchone()[0].split(" on ")[0]
        nproc = len(os.sched_getaffinity(0))
        print(f"\n{version}; nproc {nproc}; {attempts:,} attempts and {answers:,} answers in the database")
        print(f"median of {RUNS} runs after a warm-up; 'in SQL' is the share of a run spent in cursor.execute\n")
        print_table(pairs, results)
        counts = [{n: m and m["queries"] for n, m in results[p.label]["report"].items()} for p in pairs]
        grows = counts[0] != counts[-1]
        print(f"\nquery counts {'GROW with the data' if grows else 'are the same at both sizes'}")
        print("\n".join(f"PROBLEM: {problem}" for problem in problems) or "selectors agree with the SQL floor")
        if args.json:
            summary = {
                "nproc": nproc,
                "postgres": version,
                "attempts": attempts,
                "answers": answers,
                "generation_seconds": round(generation, 1),
                "pairs": results,
                "query_counts_grow": grows,
                "problems": problems,
            }
            args.json.write_text(json.dumps(summary, indent=2))
        connections.close_all()
    finally:
        if not args.keep_db:
            connections.close_all()
            drop_database(args.server, args.database)
    if problems:
        sys.exit(1)


if __name__ == "__main__":
    main()
