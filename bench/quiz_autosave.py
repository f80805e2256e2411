"""Quiz autosave and submit when a whole class takes a quiz at once: latency, throughput, lost answers.

    .venv/bin/python bench/quiz_autosave.py --trainees 50 --questions 30

Creates a throw-away PostgreSQL database (`bench_quiz` on postgres://postgres@127.0.0.1:5432, trust
auth), migrates it, builds a published course, a cohort of N trainees and a practice quiz of Q
questions of five kinds (single, multiple, true/false, short answer, Likert), and opens one attempt
per trainee. Serves the app with gunicorn on loopback, with the production settings except for
plain HTTP and unhashed static files (there is no TLS proxy and no collectstatic here), and lets N
simulated trainees take the quiz at the same moment, one thread each, signed in by a session made
directly in the session store (a spare trainee first opens the page from many threads, unmeasured, so
that every worker has loaded its code). Production requires Redis, so the cache and the sessions
live in the one --redis names (default $REDIS_URL, else redis://127.0.0.1:6379/0):

1. open the attempt page (the CSRF token and the questions are read from it, as a browser would);
2. answer every question with one autosave request each, as quiz.js does (each answer names the
   version of the saved answer it was made on); now and then re-send an earlier request as a
   retry would (the same answer again, which must be acknowledged, or a stale one, which must be
   told it lost and must not win), and now and then change an earlier answer;
3. reload the attempt page and submit the form as the page shows it, twice at the same moment (a
   double click). Submitting what the server shows, rather than what the trainee remembers, makes
   an answer that autosave acknowledged but did not keep end up wrong, so it is counted as lost.

Afterwards the database must hold exactly one finished attempt per trainee, submitted once (one
submit in the audit log), none left in progress, and every answer as the trainee last gave it.
Prints p50/p95/max latency and throughput per operation; exits 1 if an answer was lost, a submit
was duplicated or a request failed (the gunicorn log, kept in /tmp, has the tracebacks). Stops
gunicorn and drops the database at the end, unless --keep-db. The simulated trainees run on the
same machine as gunicorn and PostgreSQL, so the figures are for that machine (`nproc`).
"""

import argparse
import json
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from math import ceil
from pathlib import Path

import psycopg
import requests
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SETTINGS_MODULE = "bench_quiz_settings"
SETTINGS_OVERLAY = '''"""lms.settings.production served over plain HTTP on loopback, static files without a manifest."""

from lms.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
'''
KINDS = ("single", "multiple", "truefalse", "short", "likert")  # QuestionKind values, in the order they repeat
CHOICE_KINDS = {"single", "multiple", "truefalse"}
SHORT_ANSWERS = ("IKS", "iuran kesetiakawanan sosial", "kas kelompok", 'kas "bersama" & <iuran>', "pertemuan rutin")
AUTOSAVE_RETRY_PAUSE = 5.0  # seconds, as static/js/quiz.js waits before sending a failed save again
AUTOSAVE_TRIES = 3
REQUEST_TIMEOUT = 120
OPERATIONS = ("open attempt page", "autosave", "reload attempt page", "submit (x2)")


# --- Database and data -------------------------------------------------------------------------


def admin_execute(server_url: str, statement: sql.Composable) -> None:
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def create_database(server_url: str, name: str) -> None:
    drop_database(server_url, name)
    admin_execute(server_url, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_database(server_url: str, name: str) -> None:
    admin_execute(server_url, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@dataclass(frozen=True)
class Seat:
    """One trainee as the server knows them: their attempt and a signed-in session."""

    user_id: int
    attempt_id: int
    session_key: str


def build_data(trainees: int, questions: int) -> tuple[int, list[Seat]]:
    """A course, a cohort of trainees, a practice quiz and an open attempt per trainee; returns (quiz id, seats)."""
    import datetime
    from decimal import Decimal
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils import timezone

    from assessments.constants import QuizKind
    from assessments.models import Choice, Question, QuestionCategory, Quiz, QuizQuestion
    from assessments.services import attempt_start
    from courses.constants import EnrollmentSource
    from courses.models import Cohort, CourseIndexPage, CoursePage, Enrollment, LessonPage, ModulePage
    from lms.people.constants import Role
    from lms.people.models import Region, User
    from lms.people.services import regions_import_csv, user_assign_role

    report = regions_import_csv(text="code,name\n35,Jawa Timur\n35.78,Kota Surabaya\n35.78.01,Karang Pilang\n")
    assert report.ok, report.errors  # noqa: S101 - a setup failure should stop the run

    def publish(parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    course = CoursePage(title="Kursus uji beban", slug="uji-beban", code="BENCH-1", summary="Uji beban.", study_hours=8)
    publish(CourseIndexPage.objects.get(), course)
    module = publish(course, ModulePage(title="Modul 1", slug="modul-1"))
    body = [{"type": "text", "value": "<p>Pertemuan rutin KUBE diadakan dua minggu sekali.</p>"}]
    publish(module, LessonPage(title="Pelajaran 1.1", slug="pelajaran-1", body=body))
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        course=course,
        name="Angkatan uji beban",
        region=Region.objects.get(code="35"),
        starts_on=today - datetime.timedelta(days=7),
        ends_on=today + datetime.timedelta(days=60),
        capacity=trainees,
    )
    quiz = Quiz.objects.create(
        course=course, kind=QuizKind.PRACTICE, title="Kuis latihan uji beban", is_live=True, attempts_allowed=0
    )
    category = QuestionCategory.objects.create(name="Bank uji/Beban")
    choices = {
        "single": [("Pendamping sosial", 100), ("Kepala desa", 0), ("Camat", 0), ("Ketua RT", 0)],
        "multiple": [("Mencatat kas", 50), ("Menyusun rencana usaha", 50), ("Membagi hibah", -100), ("Diam", 0)],
        "truefalse": [("true", 100), ("false", 0)],
        "short": [("IKS", 100), ("iuran kesetiakawanan sosial", 100)],
        "likert": [],
    }
    for number in range(questions):
        kind = KINDS[number % len(KINDS)]
        question = Question.objects.create(category=category, kind=kind, text=f"Soal {number + 1} ({kind})")
        for order, (text, percent) in enumerate(choices[kind]):
            Choice.objects.create(question=question, sort_order=order, text=text, percent=Decimal(percent))
        QuizQuestion.objects.create(quiz=quiz, question=question, sort_order=number)

    session_store = import_module(settings.SESSION_ENGINE).SessionStore
    seats = []
    for number in range(1, trainees + 1):
        user = User.objects.create_user(email=f"peserta{number:04d}@beban.test", full_name=f"Peserta {number}")
        user_assign_role(user=user, role=Role.TRAINEE)
        Enrollment.objects.create(cohort=cohort, trainee=user, source=EnrollmentSource.BULK)
        attempt = attempt_start(quiz=quiz, trainee=user)
        session = session_store()  # what django.contrib.auth.login would store
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        seats.append(Seat(user.pk, attempt.pk, session.session_key))
    return quiz.pk, seats


# --- gunicorn ----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(args, port: int, env: dict, settings_dir: str, log) -> subprocess.Popen:
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "lms.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={args.workers}",
        f"--threads={args.threads}",
        "--timeout=60",
        f"--chdir={ROOT}",
        f"--pythonpath={settings_dir}",
        "--no-control-socket",  # its default path is shared by every gunicorn of this user
    ]
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603


def wait_until_up(server: subprocess.Popen, base_url: str, log_name: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with {server.returncode}; see {log_name}")
        try:
            if requests.get(f"{base_url}/healthz", timeout=10).status_code == 200:
                return
        except requests.RequestException:  # not listening yet, or the workers are still loading Django
            pass
        time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer /healthz within 60 s; see {log_name}")


def warm_up(base_url: str, seat: Seat, requests_at_once: int) -> None:
    """Open a spare trainee's attempt page and save nothing, from many threads, so every worker has loaded its code."""
    url = f"{base_url}/kuis/percobaan/{seat.attempt_id}/"

    def visit() -> None:
        session = requests.Session()
        session.cookies.set("sessionid", seat.session_key, domain="127.0.0.1", path="/")
        for _round in range(2):
            session.get(url, timeout=REQUEST_TIMEOUT).raise_for_status()
            headers = {"X-CSRFToken": session.cookies["csrftoken"], "Content-Type": "application/json"}
            session.post(f"{url}simpan/", data='{"answers": []}', headers=headers, timeout=REQUEST_TIMEOUT)

    threads = [threading.Thread(target=visit) for _ in range(requests_at_once)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def stop_gunicorn(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


class CpuMeter:
    """CPU seconds used while the trainees run: by gunicorn, PostgreSQL's backends on the database, this process
    (the simulated trainees) and the whole machine. Sampled every second, because a backend can end mid-run
    (DB_CONN_MAX_AGE) and take its count with it."""

    def __init__(self, port: int, database: str):
        self.gunicorn, self.backend = f"--bind=127.0.0.1:{port}", f" {database} "
        self.tick = os.sysconf("SC_CLK_TCK")
        self.stopped = threading.Event()
        self.first = self.last = self.sample()
        self.sampler = threading.Thread(target=self.keep_sampling, daemon=True)
        self.sampler.start()

    def keep_sampling(self) -> None:
        while not self.stopped.wait(1.0):
            self.last = self.last | self.sample()

    def stop(self) -> Counter:
        self.stopped.set()
        self.sampler.join()
        last = self.last | self.sample()
        used = Counter()
        for (program, pid), seconds in last.items():
            used[program] += seconds - self.first.get((program, pid), 0)
        return used

    def sample(self) -> dict[tuple[str, int], float]:
        """{(program, pid): CPU seconds so far}; pid 0 for the machine and this process."""
        user, nice, system, _idle, _iowait, irq, softirq, steal = Path("/proc/stat").read_text().split()[1:9]
        machine = sum(int(ticks) for ticks in (user, nice, system, irq, softirq, steal)) / self.tick
        seconds = {("machine", 0): machine, ("trainees", 0): time.process_time()}
        for proc in Path("/proc").iterdir():
            try:
                command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                stat = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):  # not a process, or it has just ended
                continue
            if "gunicorn" in command and self.gunicorn in command:
                program = "gunicorn"
            elif command.startswith("postgres: ") and self.backend in command:
                program = "postgres"
            else:
                continue
            seconds[program, int(proc.name)] = (int(stat[11]) + int(stat[12])) / self.tick  # utime + stime
        return seconds


# --- Simulated trainees ------------------------------------------------------------------------


class AttemptForm(HTMLParser):
    """The attempt page's form as a browser sees it: CSRF token, each question's kind, options and filled-in values."""

    def __init__(self, html: str):
        super().__init__()
        self.csrf_token = ""
        self.kinds: dict[int, str] = {}
        self.options: dict[int, list[str]] = {}
        self.values: dict[int, list[str]] = {}  # what submitting the form would send for each question
        self.bases: dict[int, str] = {}  # the version of each saved answer the page shows
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "fieldset" and "data-question" in attrs:
            question = int(attrs["data-question"])
            self.kinds[question], self.options[question], self.values[question] = attrs["data-kind"], [], []
        elif tag == "input" and attrs.get("name") == "csrfmiddlewaretoken":
            self.csrf_token = attrs["value"]
        elif tag == "input" and (attrs.get("name") or "").startswith("base-"):
            self.bases[int(attrs["name"][5:])] = attrs.get("value") or "0"
        elif tag == "input" and (attrs.get("name") or "").startswith("q-"):
            question = int(attrs["name"][2:])
            if attrs.get("type") in ("radio", "checkbox"):
                self.options[question].append(attrs["value"])
                if "checked" in attrs:
                    self.values[question].append(attrs["value"])
            else:
                self.values[question].append(attrs.get("value") or "")

    def stored(self, question: int):
        """The answer the page shows, in the shape the server stores it."""
        return stored_shape(self.kinds[question], self.values[question])

    def submission(self) -> list[tuple[str, str]]:
        fields = [("csrfmiddlewaretoken", self.csrf_token)]
        for question, values in self.values.items():
            fields += [("question", str(question)), (f"base-{question}", self.bases.get(question, "0"))]
            fields += [(f"q-{question}", value) for value in values]
        return fields


def stored_shape(kind: str, values: list):
    """A response as assessments.services.clean_response stores it: choice ids sorted, a Likert level, or text."""
    if not values:
        return None
    if kind in CHOICE_KINDS:
        return sorted(int(value) for value in values)
    if kind == "likert":
        return int(values[0])
    return values[0] if str(values[0]).strip() else None


class Stats:
    """Latencies and failures per operation, shared by every trainee thread."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: Counter[str] = Counter()
        self.error_samples: list[str] = []

    def record(self, operation: str, seconds: float, problem: str) -> None:
        with self.lock:
            self.latencies[operation].append(seconds)
            if problem:
                self.errors[operation] += 1
                if len(self.error_samples) < 10:
                    self.error_samples.append(f"{operation}: {problem}")


def timed(stats: Stats, operation: str, check, send) -> requests.Response | None:
    """Send one request, record its latency, and return the response if `check` found nothing wrong."""
    started = time.perf_counter()
    try:
        response = send()
    except requests.RequestException as failure:
        stats.record(operation, time.perf_counter() - started, f"{type(failure).__name__}: {failure}")
        return None
    problem = check(response)
    stats.record(operation, time.perf_counter() - started, problem)
    return None if problem else response


def unexpected(response: requests.Response) -> str:
    location = response.headers.get("Location", "")
    return f"HTTP {response.status_code} {response.request.method} {response.url} {location}: {response.text[:300]!r}"


@dataclass
class SimulatedTrainee:
    seat: Seat
    base_url: str
    stats: Stats
    rng: random.Random
    think_ms: int
    retry_rate: float
    change_rate: float
    given: dict[int, object] = field(default_factory=dict)  # question id -> last answer given, as stored
    changes: int = 0
    replays: int = 0
    stale_replays: int = 0  # replays of an answer since changed: the server must say it lost
    reload_mismatches: int = 0  # answers the reloaded page showed differently from how they were last given
    versions: dict[int, int] = field(default_factory=dict)  # question id -> version of the saved answer

    @property
    def attempt_url(self) -> str:
        return f"{self.base_url}/kuis/percobaan/{self.seat.attempt_id}/"

    def take_quiz(self, start: threading.Barrier) -> None:
        session = requests.Session()
        session.cookies.set("sessionid", self.seat.session_key, domain="127.0.0.1", path="/")
        start.wait()
        form = self.open_page(session, "open attempt page")
        if form is None:
            return
        sent: list[dict] = []  # every autosave item sent, for retries
        for question in form.kinds:
            self.answer(session, form, question, sent)
            if len(self.given) > 1 and self.rng.random() < self.change_rate:
                self.changes += 1
                self.answer(session, form, self.rng.choice([q for q in self.given if q != question]), sent)
            if self.rng.random() < self.retry_rate:
                item = self.rng.choice(sent)
                self.replays += 1
                self.stale_replays += item["response"] != self.given[item["question"]]
                self.autosave(session, item)
        self.think()
        reloaded = self.open_page(session, "reload attempt page")
        if reloaded is None:
            return
        self.reload_mismatches = sum(reloaded.stored(q) != answer for q, answer in self.given.items())
        self.submit_twice(session, reloaded.submission())

    def open_page(self, session: requests.Session, operation: str) -> AttemptForm | None:
        def check(response):
            if response.status_code != 200 or "csrftoken" not in session.cookies:
                return unexpected(response)
            return ""

        response = timed(self.stats, operation, check, lambda: session.get(self.attempt_url, timeout=REQUEST_TIMEOUT))
        return None if response is None else AttemptForm(response.text)

    def answer(self, session: requests.Session, form: AttemptForm, question: int, sent: list[dict]) -> None:
        self.think()
        kind = form.kinds[question]
        response = self.pick(kind, form.options[question])
        while response == self.given.get(question):  # a change must change something
            response = self.pick(kind, form.options[question])
        self.given[question] = response
        base = self.versions.get(question, int(form.bases.get(question, "0")))
        item = {"question": question, "response": response, "base": base}
        sent.append(item)
        self.autosave(session, item)

    def pick(self, kind: str, options: list[str]):
        if kind in ("single", "truefalse"):
            return [int(self.rng.choice(options))]
        if kind == "multiple":
            return sorted(int(o) for o in self.rng.sample(options, self.rng.randint(1, len(options))))
        if kind == "likert":
            return int(self.rng.choice(options))
        return f"{self.rng.choice(SHORT_ANSWERS)} {self.rng.randint(1, 999)}"

    def autosave(self, session: requests.Session, item: dict) -> None:
        """Send one answer as quiz.js does, trying again after a pause when the server fails.

        The reply must acknowledge the answer exactly when it is the one stored: when it is the
        answer last given for the question; otherwise it must say the answer lost, to that one.
        """
        url = f"{self.attempt_url}simpan/"
        headers = {"X-CSRFToken": session.cookies["csrftoken"], "Content-Type": "application/json"}
        body = json.dumps({"answers": [item]})
        question, latest = item["question"], self.given[item["question"]]

        def check(response):
            try:
                reply = response.json() if response.status_code == 200 else {}
            except ValueError:
                reply = {}
            if item["response"] == latest and reply.get("saved") == [question]:
                self.versions[question] = reply["seqs"][str(question)]
                return ""
            lost = reply.get("lost") or [{}]
            if item["response"] != latest and not reply.get("saved") and lost[0].get("response") == latest:
                return ""
            return unexpected(response)

        for _try in range(AUTOSAVE_TRIES):
            send = lambda: session.post(url, data=body, headers=headers, timeout=REQUEST_TIMEOUT)  # noqa: E731
            if timed(self.stats, "autosave", check, send) is not None:
                return
            time.sleep(AUTOSAVE_RETRY_PAUSE)

    def submit_twice(self, session: requests.Session, fields: list[tuple[str, str]]) -> None:
        """Post the form from this tab and, at the same moment, from a second tab of the same browser."""
        url = f"{self.attempt_url}kirim/"
        review = f"/kuis/percobaan/{self.seat.attempt_id}/hasil/"
        together = threading.Barrier(2)

        def check(response):
            if response.status_code != 302 or response.headers.get("Location") != review:
                return unexpected(response)
            return ""

        def post(tab: requests.Session) -> None:
            together.wait()
            send = lambda: tab.post(url, data=fields, allow_redirects=False, timeout=REQUEST_TIMEOUT)  # noqa: E731
            timed(self.stats, "submit (x2)", check, send)

        second_tab = requests.Session()
        second_tab.cookies.update(session.cookies)
        double_click = threading.Thread(target=post, args=(second_tab,))
        double_click.start()
        post(session)
        double_click.join()

    def think(self) -> None:
        if self.think_ms:
            time.sleep(self.think_ms / 1000 * self.rng.uniform(0.5, 1.5))


def run_class(trainees: list[SimulatedTrainee]) -> float:
    """Every trainee takes the quiz at once; returns the wall time in seconds."""
    start = threading.Barrier(len(trainees) + 1)
    threads = [threading.Thread(target=t.take_quiz, args=(start,), daemon=True) for t in trainees]
    for thread in threads:
        thread.start()
    start.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


# --- Checks and report -------------------------------------------------------------------------


def verify(quiz_id: int, trainees: list[SimulatedTrainee]) -> Counter:
    """Compare the database with what the simulated trainees did."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    from assessments.constants import FINISHED_STATES, AttemptState
    from assessments.models import Answer, Attempt

    attempts = defaultdict(list)
    for attempt in Attempt.objects.filter(quiz_id=quiz_id):
        attempts[attempt.trainee_id].append(attempt)
    submit_logs = Counter(
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Attempt), action="assessments.attempt.submit"
        ).values_list("object_id", flat=True)
    )
    stored = {(a.attempt_id, a.question_id): a.response for a in Answer.objects.filter(attempt__quiz_id=quiz_id)}
    result = Counter()
    for trainee in trainees:
        mine = attempts[trainee.seat.user_id]
        finished = [a for a in mine if a.state in FINISHED_STATES]
        result["not_submitted"] += not finished
        result["duplicate_submissions"] += max(len(finished) - 1, 0) + sum(
            max(submit_logs[str(a.pk)] - 1, 0) for a in finished
        )
        result["left_in_progress"] += sum(a.state == AttemptState.IN_PROGRESS for a in mine)
        result["lost_answers"] += sum(
            stored.get((trainee.seat.attempt_id, q), "missing") != given for q, given in trainee.given.items()
        )
        result["answers_given"] += len(trainee.given)
        result["reload_mismatches"] += trainee.reload_mismatches
        result["changes"] += trainee.changes
        result["replays"] += trainee.replays
        result["stale_replays"] += trainee.stale_replays
    return result


def percentile(sorted_values: list[float], percent: float) -> float:
    """Nearest-rank percentile."""
    return sorted_values[max(ceil(percent / 100 * len(sorted_values)) - 1, 0)]


def summarise(stats: Stats, wall: float) -> dict:
    rows = {}
    every = []
    for operation in OPERATIONS:
        values = sorted(stats.latencies.get(operation, []))
        every += values
        if values:
            rows[operation] = row(values, wall, stats.errors[operation])
    rows["all"] = row(sorted(every), wall, sum(stats.errors.values()))
    return rows


def row(values: list[float], wall: float, errors: int) -> dict:
    return {
        "requests": len(values),
        "p50_ms": round(percentile(values, 50) * 1000, 1),
        "p95_ms": round(percentile(values, 95) * 1000, 1),
        "max_ms": round(values[-1] * 1000, 1),
        "req_per_s": round(len(values) / wall, 1),
        "errors": errors,
    }


def server_problems(log_path: Path) -> tuple[int, str]:
    """How many tracebacks and worker timeouts gunicorn logged, and the first traceback."""
    lines = log_path.read_text(errors="replace").splitlines()
    count = sum("Traceback (most recent call last)" in line or "WORKER TIMEOUT" in line for line in lines)
    first = next((i for i, line in enumerate(lines) if "Traceback (most recent call last)" in line), None)
    excerpt = "\n".join(lines[max(first - 2, 0) : first + 80]) if first is not None else ""
    return count, excerpt


def print_report(config: dict, rows: dict, checks: Counter, http_errors: int, samples: list[str], log_problems) -> None:
    print(
        f"{config['trainees']} trainees x {config['questions']} questions, gunicorn {config['workers']} workers x "
        f"{config['threads']} threads, think time {config['think_ms']} ms, {config['cpus']} CPUs, "
        f"wall {config['wall_s']} s"
    )
    cpu = config["cpu_s"]
    others = cpu["machine"] - cpu["gunicorn"] - cpu["postgres"] - cpu["trainees"]
    print(
        f"CPU seconds used during the run: gunicorn {cpu['gunicorn']}, PostgreSQL {cpu['postgres']}, "
        f"simulated trainees {cpu['trainees']}, anything else {max(others, 0):.1f} "
        f"(of {config['cpus'] * config['wall_s']:.0f} on {config['cpus']} CPUs)"
    )
    print(f"{'operation':<22}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'req/s':>8}{'errors':>8}")
    for operation, r in rows.items():
        print(
            f"{operation:<22}{r['requests']:>9}{r['p50_ms']:>9.1f}{r['p95_ms']:>9.1f}{r['max_ms']:>9.1f}"
            f"{r['req_per_s']:>8.1f}{r['errors']:>8}"
        )
    print(
        f"autosave mix: {checks['changes']} answers changed, {checks['replays']} retries "
        f"({checks['stale_replays']} of them stale)"
    )
    print(f"HTTP errors: {http_errors}")
    print(f"lost answers: {checks['lost_answers']} (of {checks['answers_given']})")
    print(f"  shown wrong on reload before submit: {checks['reload_mismatches']}")
    print(f"duplicate submissions: {checks['duplicate_submissions']}")
    print(f"attempts not submitted: {checks['not_submitted']}, left in progress: {checks['left_in_progress']}")
    for sample in samples:
        print(f"  {sample}")
    count, excerpt = log_problems
    if count:
        print(f"gunicorn logged {count} tracebacks or worker timeouts; the first:\n{excerpt}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=50)
    parser.add_argument("--questions", type=int, default=30)
    parser.add_argument("--think-ms", type=int, default=0, help="mean pause before each answer (default 0)")
    parser.add_argument("--retry-rate", type=float, default=0.1, help="share of answers followed by a retry")
    parser.add_argument("--change-rate", type=float, default=0.1, help="share of answers followed by a change")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument("--conn-max-age", type=int, default=60, help="DB_CONN_MAX_AGE for gunicorn")
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432", help="PostgreSQL server")
    parser.add_argument("--database", default="bench_quiz")
    parser.add_argument(
        "--redis",
        default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        help="Redis for the cache and sessions, which production requires (default: $REDIS_URL or local db 0)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep-db", action="store_true", help="keep the database (and data) afterwards")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args()

    database_url = f"{args.server}/{args.database}"
    settings_dir = tempfile.mkdtemp(prefix="akademi-bench-quiz-")
    Path(settings_dir, f"{SETTINGS_MODULE}.py").write_text(SETTINGS_OVERLAY)
    sys.path.insert(0, settings_dir)
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
        "DATABASE_URL": database_url,
        "REDIS_URL": args.redis,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DB_CONN_MAX_AGE": str(args.conn_max_age),
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    log_path = Path(tempfile.gettempdir()) / "akademi-bench-quiz-gunicorn.log"

    import django
    from django.core.management import call_command
    from django.db import connections

    create_database(args.server, args.database)
    server = None
    try:
        django.setup()
        print(f"migrating {database_url} and building {args.trainees} trainees ...", flush=True)
        call_command("migrate", verbosity=0)
        quiz_id, (spare, *seats) = build_data(args.trainees + 1, args.questions)
        connections.close_all()
        port = args.port or free_port()
        base_url = f"http://127.0.0.1:{port}"
        with log_path.open("w") as log:
            server = start_gunicorn(args, port, env, settings_dir, log)
            wait_until_up(server, base_url, log.name)
            warm_up(base_url, spare, args.workers * args.threads)
            stats = Stats()
            trainees = [
                SimulatedTrainee(
                    seat=seat,
                    base_url=base_url,
                    stats=stats,
                    rng=random.Random(f"{args.seed}:{number}"),  # noqa: S311 - not security
                    think_ms=args.think_ms,
                    retry_rate=args.retry_rate,
                    change_rate=args.change_rate,
                )
                for number, seat in enumerate(seats)
            ]
            print(f"{args.trainees} trainees take the quiz against {base_url} ...", flush=True)
            meter = CpuMeter(port, args.database)
            wall = run_class(trainees)
            cpu = meter.stop()
            stop_gunicorn(server)
        checks = verify(quiz_id, trainees)
        connections.close_all()
    finally:
        if server is not None:
            stop_gunicorn(server)
        if not args.keep_db:
            connections.close_all()
            drop_database(args.server, args.database)
        shutil.rmtree(settings_dir, ignore_errors=True)

    config = {
        "trainees": args.trainees,
        "questions": args.questions,
        "think_ms": args.think_ms,
        "workers": args.workers,
        "threads": args.threads,
        "cpus": len(os.sched_getaffinity(0)),  # what nproc prints
        "wall_s": round(wall, 2),
        "cpu_s": {program: round(cpu[program], 1) for program in ("machine", "gunicorn", "postgres", "trainees")},
    }
    rows = summarise(stats, wall)
    http_errors = sum(stats.errors.values())
    log_problems = server_problems(log_path)
    print_report(config, rows, checks, http_errors, stats.error_samples, log_problems)
    print(f"gunicorn log: {log_path}" + ("" if not args.keep_db else f"; database kept: {database_url}"))
    if args.json:
        results = {"config": config, "operations": rows, "http_errors": http_errors, "checks": dict(checks)}
        args.json.write_text(json.dumps(results | {"server_tracebacks": log_problems[0]}, indent=2) + "\n")
    failed = (
        checks["lost_answers"]
        or checks["duplicate_submissions"]
        or checks["not_submitted"]
        or checks["left_in_progress"]
        or http_errors
        or log_problems[0]
    )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
