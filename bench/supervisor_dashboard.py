"""The supervisor dashboard for a province of 100,000 trainees, on PostgreSQL: time and queries.

    .venv/bin/python bench/supervisor_dashboard.py --trainees 100000

Creates a throw-away database (`bench_dashboard` on postgres://postgres@127.0.0.1:5432, trust
auth), migrates it and fills it, with COPY (bulk_create for the recruitment and certification
rows): the region tree of bench/apprenticeship_hosts.py (34 provinces x 10 regencies x 10
districts x 15 villages); one published course of four lessons with a live pre-test and
post-test; 20 cohorts per regency of province 35; --trainees trainees of province 35 living in a
district (70 %) or a regency, 95 % enrolled in a cohort of their regency (30 % completed, 50 %
studying, 15 % enrolled, 5 % withdrawn; last activity 0-40 days ago), their lesson progress
(and `lessons_completed_at` when all four are done), pre-test attempts (80 %), post-test
attempts (pass, fail once, fail twice, fail then pass);
500 KUBE with host mentors and placements for a third of them in mixed statuses; 1.2
applications per trainee in mixed statuses; certificates for the completed trainees issued over
the last three years for three years (so some expire within 90 days), 2 % revoked. A province 36
supervisor's data (1 % of the size) shows the scoping does not grow the other's figures.

Measures, as a province 35 supervisor, the median of 5 runs after a warm-up (and the queries of
one more run) of each selector and of the rendered page through the test Client (signed in,
two-factor satisfied, as a browser would be), and the at-risk CSV export. With --explain prints
EXPLAIN ANALYZE of every query over 200 ms; with --jit-off measures with PostgreSQL's JIT
compilation off (at 100,000 trainees no query's plan costs enough to be JIT-compiled, so it
makes no difference). Drops the database unless --keep.
"""

import argparse
import datetime
import logging
import os
import random
import statistics
import sys
import time

from psycopg import sql

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from apprenticeship_hosts import COLUMNS, STEPLEN, admin, copy_rows, next_id, region_tree, run_sql

RUNS = 5
PROVINCE, OTHER = "35", "36"
COHORTS_PER_REGENCY = 20
KUBE = 500
EXPLAIN_OVER = 0.2
NEWLINE = b"\n"


def fill(trainees: int, rng: random.Random) -> None:
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
    from lms.people.constants import Role
    from lms.people.models import User
    from lms.people.services import user_assign_role

    levels = region_tree()
    now, today, days = timezone.now(), timezone.localdate(), datetime.timedelta
    provinces = {code: levels[1][int(code) - 11] for code in (PROVINCE, OTHER)}
    for code, (pk, _path) in provinces.items():
        supervisor = User.objects.create_user(
            f"penyelia{code}@bench.test", full_name=f"Penyelia {code}", scope_region_id=pk
        )
        user_assign_role(user=supervisor, role=Role.SUPERVISOR)

    course = CoursePage(title="Kursus pendamping", slug="pendamping", code="BENCH-D", summary="Uji.", study_hours=8)
    CourseIndexPage.objects.get().add_child(instance=course)
    course.save_revision().publish()
    module = course.add_child(instance=ModulePage(title="Modul 1", slug="modul-1"))
    module.save_revision().publish()
    lessons = []
    for n in range(1, 5):
        lesson = module.add_child(instance=LessonPage(title=f"Pelajaran {n}", slug=f"pelajaran-{n}"))
        lesson.save_revision().publish()
        lessons.append(lesson.pk)
    from assessments.models import Quiz

    pre, post = (Quiz.objects.create(course=course, kind=kind, title=kind, is_live=True) for kind in ("pre", "post"))

    password, first_user = make_password(None), next_id("people_user")
    trainee_group = Group.objects.get(name=Role.TRAINEE).pk
    people, cohorts, enrolments, progress, attempts, applications = [], [], [], [], [], []
    cohort_id, enrolment_id = next_id("courses_cohort"), next_id("courses_enrollment")
    for code, share in ((PROVINCE, 1.0), (OTHER, 0.01)):
        province_path = provinces[code][1]
        regencies = [r for r in levels[2] if r[1].startswith(province_path)]
        districts = [r for r in levels[3] if r[1].startswith(province_path)]
        by_regency = {}
        for regency_pk, regency_path in regencies:
            for n in range(COHORTS_PER_REGENCY):
                start = today - days(rng.randint(30, 700))
                cohorts.append((cohort_id, course.pk, f"Angkatan {code}-{regency_pk}-{n}", regency_pk, start,
                                start + days(90), 10_000, True, "none", now))  # fmt: skip
                by_regency.setdefault(regency_path, []).append(cohort_id)
                cohort_id += 1
        for _n in range(int(trainees * share)):
            home = rng.choice(districts) if rng.random() < 0.7 else rng.choice(regencies)
            pk = first_user + len(people)
            people.append((pk, password, False, f"peserta{pk}@bench.test", f"Peserta {pk}", "", "SLTA", home[0],
                           False, True, now))  # fmt: skip
            applications.append((home[0], rng.choices(("accepted", "submitted", "waitlisted", "rejected"),
                                                      (60, 15, 10, 15))[0]))  # fmt: skip
            if rng.random() < 0.2:
                applications.append((home[0], rng.choice(("submitted", "rejected"))))
            if rng.random() >= 0.95:
                continue
            cohort = rng.choice(by_regency[home[1][: 2 * STEPLEN]])
            status = rng.choices(("completed", "active", "enrolled", "withdrawn"), (30, 50, 15, 5))[0]
            last = now - days(seconds=rng.randint(0, 40 * 86400))
            done = 4 if status == "completed" else rng.randint(0, 4) if status == "active" else 0
            enrolments.append((enrolment_id, cohort, pk, status, "bulk", now - days(200),
                               last if status == "completed" else None, None if status == "enrolled" else last,
                               last if done == 4 else None))  # fmt: skip
            enrolment_id += 1
            progress += [(pk, lesson, last, last, last) for lesson in lessons[:done]]
            if (status != "enrolled" and rng.random() < 0.8) or status == "completed":
                attempts.append((pre.pk, pk, cohort, 1, True))
            results = [True] if status == "completed" else []
            if status == "active" and done == 4:
                results = rng.choice(([False], [False, False], [False, True], [False, False, False]))
            attempts += [(post.pk, pk, cohort, number, passed) for number, passed in enumerate(results, start=1)]
    copy_rows("people_user", people, COLUMNS["people_user"])
    copy_rows("people_user_groups", [(row[0], trainee_group) for row in people], "user_id, group_id")
    copy_rows("courses_cohort", cohorts, "id, course_id, name, region_id, starts_on, ends_on, capacity,"
              " enrollment_open, study_arm, created_at")  # fmt: skip
    copy_rows("courses_enrollment", enrolments, "id, cohort_id, trainee_id, status, source, enrolled_at,"
              " completed_at, last_activity_at, lessons_completed_at")  # fmt: skip
    copy_rows(
        "courses_lessonprogress", progress, "trainee_id, lesson_id, first_opened_at, last_opened_at, completed_at"
    )
    copy_rows("assessments_attempt", [
        (quiz, trainee, cohort, number, "graded", now, now, False, now, 1 if passed else 0, 1, 100 if passed else 0,
         passed if quiz == post.pk else None)
        for quiz, trainee, cohort, number, passed in attempts
    ], "quiz_id, trainee_id, cohort_id, number, state, started_at, submitted_at, auto_submitted, graded_at, score,"
       " max_score, percent, passed")  # fmt: skip
    print(f"  {len(people):,} trainees, {len(cohorts):,} cohorts, {len(enrolments):,} enrolments, "
          f"{len(progress):,} lesson progress rows, {len(attempts):,} attempts", flush=True)  # fmt: skip
    completed = {row[2]: row[1] for row in enrolments if row[3] == "completed"}
    active = {row[2]: row[1] for row in enrolments if row[3] == "active"}
    recruitment(applications, now, rng)
    certification(sorted(completed), today, rng)
    apprenticeship(levels, provinces, completed, active, now, today, rng)
    run_sql("VACUUM ANALYZE")


def recruitment(applications: list[tuple], now, rng: random.Random) -> None:
    from lms.people.models import CandidateApplication

    rows = [
        CandidateApplication(full_name=f"Calon {n}", email=f"calon{n}@bench.test", phone="081234567890",
                             region_id=region, education_level="SLTA", community_experience="-", motivation="-",
                             references="-", status=status,
                             submitted_at=now - datetime.timedelta(days=rng.randint(0, 700)))
        for n, (region, status) in enumerate(applications)
    ]  # fmt: skip
    CandidateApplication.objects.bulk_create(rows, batch_size=5000)
    print(f"  {len(rows):,} applications", flush=True)


def certification(holders: list[int], today, rng: random.Random) -> None:
    from lms.certification.models import Certificate, CertificationProgramme

    programme = CertificationProgramme.objects.create(name="Pendamping KUBE", code="pendamping", issue_mode="automatic")
    rows, revoked = [], datetime.datetime.now(datetime.UTC)
    for n, trainee in enumerate(holders):
        issued = today - datetime.timedelta(days=rng.randint(0, 3 * 365))
        rows.append(Certificate(programme=programme, trainee_id=trainee, serial_number=f"B-{n:07d}",
                                verification_code=f"bench{n:07d}", issued_on=issued,
                                expires_on=issued + datetime.timedelta(days=3 * 365),
                                revoked_at=None if rng.random() > 0.02 else revoked))  # fmt: skip
    Certificate.objects.bulk_create(rows, batch_size=5000)
    soon = sum(1 for c in rows if c.revoked_at is None and 0 <= (c.expires_on - today).days <= 90)
    print(f"  {len(rows):,} certificates ({soon:,} valid and expiring within 90 days)", flush=True)


def apprenticeship(levels, provinces, completed: dict, active: dict, now, today, rng: random.Random) -> None:
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group

    from apprenticeship.models import BusinessType
    from lms.people.constants import Role

    days, supervisor = datetime.timedelta, next_id("people_user") - 1  # any user will do as the proposer
    villages = {code: [v for v in levels[4] if v[1].startswith(path)] for code, (_pk, path) in provinces.items()}
    first, password = next_id("people_user"), make_password(None)
    mentors = [(first + n, password, False, f"pembimbing{n}@bench.test", f"Pembimbing {n}", "", "SLTA",
                rng.choice(villages[PROVINCE])[0], False, True, now) for n in range(KUBE)]  # fmt: skip
    copy_rows("people_user", mentors, COLUMNS["people_user"])
    group = Group.objects.get(name=Role.HOST_MENTOR).pk
    copy_rows("people_user_groups", [(m[0], group) for m in mentors], "user_id, group_id")
    kind, kube_first = BusinessType.objects.values_list("pk", flat=True)[0], next_id("apprenticeship_kubegroup")
    code_of = {n: PROVINCE if n % 100 else OTHER for n in range(KUBE)}
    groups = [(kube_first + n, f"KUBE {n}", rng.choice(villages[code_of[n]])[0], "", kind, today - days(900), 10, 1, 3,
               mentors[n][0], True, "blps", 5000, 1_500_000) for n in range(KUBE)]  # fmt: skip
    copy_rows("apprenticeship_kubegroup", groups)
    rows, pk = [], next_id("apprenticeship_placement")
    for trainee, cohort in [*completed.items(), *active.items()]:
        if rng.random() > 0.33:
            continue
        is_done = trainee in completed
        status = "completed" if is_done else rng.choices(("proposed", "approved", "active"), (20, 20, 60))[0]
        start = today - days(rng.randint(150, 400) if is_done else rng.randint(0, 60))
        last = start + days(rng.randint(0, 60)) if status != "proposed" else None
        host = rng.randrange(int(KUBE * 0.99))
        rows.append((pk, trainee, kube_first + host, mentors[host][0], cohort, start, start + days(90), 80, status, "",
                     supervisor, now, None, None, now if is_done else None, 90 if is_done else 20, last))  # fmt: skip
        pk += 1
    copy_rows("apprenticeship_placement", rows)
    print(f"  {KUBE} KUBE, {len(rows):,} placements", flush=True)


def measure(name: str, function, describe=str):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    result = function()
    runs = []
    for _run in range(RUNS):
        started = time.perf_counter()
        function()
        runs.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as captured:
        function()
    in_sql = sum(float(q["time"]) for q in captured.captured_queries)
    row = (name, statistics.median(runs) * 1000, min(runs) * 1000, max(runs) * 1000, len(captured), in_sql * 1000)
    return row, describe(result), captured.captured_queries


def steps(code: str):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.test import Client

    from lms.dashboards import exports, selectors
    from lms.people.models import User

    user = User.objects.get(email=f"penyelia{code}@bench.test")
    if not user.authenticator_set.exists():
        TOTP.activate(user, generate_totp_secret())
    client = Client()
    client.force_login(user)
    client.get("/penyelia/")  # the session now remembers the second factor

    def fresh():
        return User.objects.get(pk=user.pk)

    def page():
        response = client.get("/penyelia/")
        assert response.status_code == 200, response.status_code  # noqa: S101
        return response

    return {
        f"funnel_by_subregion ({code})": (lambda: selectors.funnel_by_subregion(user=fresh()),
                                          lambda f: f"total {f.total.values(f.stages)}"),
        f"funnel_by_cohort ({code})": (lambda: selectors.funnel_by_cohort(user=fresh()),
                                       lambda f: f"{len(f.rows)} cohorts"),
        f"trainees_at_risk count + page ({code})": (
            lambda: (lambda q: (q.count(), list(q[:25])))(selectors.trainees_at_risk(user=fresh())),
            lambda r: f"{r[0]:,} at risk"),
        f"certificates_expiring count + page ({code})": (
            lambda: (lambda q: (q.count(), list(q[:25])))(selectors.certificates_expiring(user=fresh())),
            lambda r: f"{r[0]:,} expiring"),
        f"placements_awaiting count + 10 ({code})": (
            lambda: (lambda q: (q.count(), list(q[:10])))(selectors.placements_awaiting(fresh())),
            lambda r: f"{r[0]:,} awaiting"),
        f"GET /penyelia/ through the Client ({code})": (page, lambda r: f"{len(r.content) / 1000:.0f} kB"),
        f"at-risk CSV export ({code})": (
            lambda: exports.export_response(user=fresh(), table_key="peserta-berisiko", export_format="csv"),
            lambda r: f"{r.content.count(NEWLINE) - 1:,} rows"),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=100_000)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="bench_dashboard")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the database; the next run with --reuse reads it")
    parser.add_argument("--reuse", action="store_true", help="measure a kept database without refilling it")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--jit-off", action="store_true", help="measure with PostgreSQL's JIT compilation off")
    args = parser.parse_args()
    if args.jit_off:
        os.environ["PGOPTIONS"] = f"{os.environ.get('PGOPTIONS', '')} -c jit=off"  # every connection libpq opens

    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.dev"
    os.environ["DATABASE_URL"] = f"{args.server}/{args.database}"
    import django
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    database = sql.Identifier(args.database)
    try:
        django.setup()
        settings.DEBUG = False
        logging.disable(logging.WARNING)
        if not args.reuse:
            connections.close_all()
            admin(args.server, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(database))
            admin(args.server, sql.SQL("CREATE DATABASE {}").format(database))
            print(f"migrating {os.environ['DATABASE_URL']} ...", flush=True)
            call_command("migrate", verbosity=0)
            started = time.perf_counter()
            fill(args.trainees, random.Random(args.seed))  # noqa: S311 - not security
            print(f"filled in {time.perf_counter() - started:.0f} s", flush=True)
        version = run_sql("SELECT version()")[0][0].split(" on ")[0] + f", jit {run_sql('SHOW jit')[0][0]}"
        print(f"\n## Supervisor dashboard, province of {args.trainees:,} trainees\n")
        print(f"    .venv/bin/python bench/supervisor_dashboard.py --trainees {args.trainees}\n")
        print(f"{version}, nproc {len(os.sched_getaffinity(0))}; median of {RUNS} runs after a warm-up.\n")
        print("| step | median ms | runs ms | queries | in SQL ms | result |\n|---|---:|---:|---:|---:|---|")
        slow = []
        for code in (PROVINCE, OTHER):
            for name, (function, describe) in steps(code).items():
                (label, median, low, high, queries, in_sql), result, captured = measure(name, function, describe)
                print(
                    f"| {label} | {median:.0f} | {low:.0f}-{high:.0f} | {queries} | {in_sql:.0f} | {result} |",
                    flush=True,
                )
                slow += [(name, q) for q in captured if float(q["time"]) >= EXPLAIN_OVER]
        if args.explain:
            for name, query in slow:
                print(f"\n### {name}: {float(query['time']) * 1000:.0f} ms\n\n`{query['sql'][:300]} …`\n\n```")
                print("\n".join(row[0] for row in run_sql(f"EXPLAIN (ANALYZE, BUFFERS) {query['sql']}")))
                print("```")
        connections.close_all()
    finally:
        if not args.keep:
            connections.close_all()
            admin(args.server, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(database))


if __name__ == "__main__":
    main()
