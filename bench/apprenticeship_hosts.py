"""Eligible hosts, host suggestions and the placements board at national scale, on PostgreSQL.

    .venv/bin/python bench/apprenticeship_hosts.py --kube 50000 --trainees 100000

Creates a throw-away database (`bench_apprenticeship` on postgres://postgres@127.0.0.1:5432, trust
auth), migrates it and fills it with COPY: a region tree of 34 provinces x 10 regencies x 10
districts x 15 villages (treebeard paths computed directly, then checked); --kube KUBE over the
villages, nine in ten with a host mentor, 0-3 apprentice places, one to three assessments each in
the last 24 months (class by `rules.maturity_class`, `latest_assessment` set by one UPDATE and
checked on a sample against `services.kube_assessment_record`); --trainees trainees (group
Peserta) living in a district or a regency, a third with business interests; and placements for
30 % of them, in their own province, in mixed statuses.

Measures the median of 5 runs after a warm-up, and counts the queries of one more run, of:
eligible_hosts().count(), host_suggestions for 10 district-level and 10 regency-level trainees,
placement_board and the CSV export for a province supervisor and a superuser. Then shows EXPLAIN
ANALYZE of the suggestion query and of every query over 20 ms, with the scans they use, and tries
each of CANDIDATE_INDEXES: created by hand, measured, dropped. Prints Markdown. Drops the database
unless --keep; a kept database of the same size is reused by the next run (--fresh rebuilds it).
"""

import argparse
import datetime
import logging
import os
import random
import re
import statistics
import sys
import time
from dataclasses import dataclass, field

import psycopg
from psycopg import sql

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

RUNS = 5
TREE = (34, 10, 10, 15)  # provinces; regencies per province; districts per regency; villages per district
ALPHABET, STEPLEN = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 4  # treebeard's MP_Node defaults
STATUSES = {"proposed": 10, "approved": 8, "active": 30, "completed": 37, "withdrawn": 8, "rejected": 7}
STARTS = {"proposed": (7, 30), "approved": (-10, 0), "active": (-80, -10)}  # days from today; the others (-360, -120)
FUNDS = ("blps", 5000, 1_500_000)  # programme stage, IKS contribution and fund balance of every KUBE
SAMPLE = 10  # trainees per home level whose suggestions are measured
PROVINCE = "35"  # the supervisor's province
EXPLAIN_OVER = 0.02  # seconds
BIG_SCAN = 10_000  # rows: a sequential scan reading more is flagged
COLUMNS = {  # what the COPYs fill (Django sets no defaults in the database: every NOT NULL column)
    "people_region": "id, path, depth, numchild, code, name",
    "people_user": "id, password, is_superuser, email, full_name, phone, education_level, home_region_id, is_staff,"
    " is_active, date_joined",
    "people_user_groups": "user_id, group_id",
    "apprenticeship_apprenticeinterest": "trainee_id, updated_at",
    "apprenticeship_kubegroup": "id, name, village_id, address, business_type_id, founded_on, member_families,"
    " meeting_day, host_capacity, host_mentor_id, is_active, programme_stage, iks_contribution, iks_fund_balance",
    "apprenticeship_kubeassessment": "id, kube_id, assessed_on, assessed_by_id, %s, total_score, maturity_class,"
    " created_at",
    "apprenticeship_placement": "id, trainee_id, kube_id, host_mentor_id, cohort_id, starts_on, ends_on,"
    " required_hours, status, status_reason, proposed_by_id, proposed_at, decided_by_id, decided_at, completed_at,"
    " countersigned_hours, last_entry_on",
    "apprenticeship_placementevaluation": "placement_id, recommendation, comment, average_score, submitted_by_id,"
    " submitted_at, signed_off_by_id, signed_off_at",
}
CANDIDATE_INDEXES = {  # name -> (SQL, the steps it is meant for)
    "kube_village_cover": (
        "CREATE INDEX kube_village_cover ON apprenticeship_kubegroup (village_id, id)",
        ("placement_board, province", "board_export CSV, province"),
    ),
    "kube_hosting_latest": (
        "CREATE INDEX kube_hosting_latest ON apprenticeship_kubegroup (latest_assessment_id)"
        " WHERE is_active AND host_mentor_id IS NOT NULL",
        ("eligible_hosts().count()", "host_suggestions, district home"),
    ),
}


def admin(server: str, statement: sql.Composable) -> list:
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        cursor = connection.execute(statement)
        return cursor.fetchall() if cursor.description else []


def run_sql(statement: str, params=None) -> list:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall() if cursor.description else []


def copy_rows(table: str, rows: list[tuple], columns: str = "") -> None:
    from django.db import connection

    columns = columns or COLUMNS[table]
    with connection.cursor() as cursor, cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    if columns.startswith("id,"):
        run_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")  # noqa: S608


def next_id(table: str) -> int:
    return run_sql(f"SELECT coalesce(max(id), 0) + 1 FROM {table}")[0][0]  # noqa: S608 - our own table names


def step(number: int) -> str:
    """The path step of a node's number-th child as treebeard writes it: base 36, four characters."""
    digits = ""
    while number:
        number, digit = divmod(number, len(ALPHABET))
        digits = ALPHABET[digit] + digits
    return digits.rjust(STEPLEN, "0")


# --- Data --------------------------------------------------------------------------------------


def fill(kube: int, trainees: int, rng: random.Random) -> None:
    from django.utils import timezone

    from courses.models import Cohort, CourseIndexPage, CoursePage
    from lms.people.constants import Role
    from lms.people.models import User
    from lms.people.services import user_assign_role

    today = timezone.localdate()
    levels = region_tree()
    province = levels[1][int(PROVINCE) - 11][0]
    supervisor = User.objects.create_user("penyelia@bench.test", full_name="Penyelia", scope_region_id=province)
    user_assign_role(user=supervisor, role=Role.SUPERVISOR)
    User.objects.create_superuser("admin@bench.test", full_name="Admin Nasional")
    course = CoursePage(title="Kursus magang", slug="magang", code="BENCH-M", summary="Uji.", study_hours=8)
    CourseIndexPage.objects.get().add_child(instance=course)
    course.save_revision().publish()
    cohort = Cohort.objects.create(
        course=course, name="Angkatan nasional", region_id=province, capacity=trainees,
        starts_on=today - datetime.timedelta(days=400), ends_on=today + datetime.timedelta(days=60),
    )  # fmt: skip
    mentors, homes = users(int(kube * 0.9), trainees, levels, rng)
    hosts = kube_groups(kube, mentors, levels, supervisor.pk, rng)
    placements(homes, hosts, cohort.pk, supervisor.pk, rng, int(trainees * 0.3))
    check_latest_assessments(supervisor, rng)
    run_sql("VACUUM ANALYZE")  # what autovacuum would have done by the time anyone reads


def region_tree() -> dict[int, list[tuple[int, str]]]:
    """COPY the tree (codes 11, 11.01, 11.01.01, 11.01.01.2001 ...) and check it; (id, path) by depth."""
    from lms.people.models import Region

    regions, levels, first = [], {1: [], 2: [], 3: [], 4: []}, next_id("people_region")

    def grow(parent_path: str, parent_code: str, depth: int) -> None:
        for n in range(1, TREE[depth - 1] + 1):
            code = {1: f"{10 + n}", 4: f"{parent_code}.{2000 + n}"}.get(depth, f"{parent_code}.{n:02d}")
            path, children = parent_path + step(n), TREE[depth] if depth < len(TREE) else 0
            regions.append((first + len(regions), path, depth, children, code, f"Wilayah {code}"))
            levels[depth].append(regions[-1][:2])
            if children:
                grow(path, code, depth + 1)

    grow("", "", 1)
    copy_rows("people_region", regions)
    province = Region.objects.get(code=PROVINCE)
    village = Region.objects.get(code=f"{PROVINCE}.10.10.{2000 + TREE[3]}")
    checks = {
        "find_problems": not any(Region.find_problems(parent=province)),
        "roots": Region.get_root_nodes().count() == TREE[0],
        "descendants": province.get_descendants().count() == TREE[1] * (1 + TREE[2] * (1 + TREE[3])),
        "ancestors": [r.code for r in village.get_ancestors()] == [PROVINCE, f"{PROVINCE}.10", village.code[:8]],
        "parent": village.get_parent().code == Region.parent_code(village.code),
    }
    assert all(checks.values()), checks  # noqa: S101 - on a broken tree every figure would be meaningless
    print(f"  {len(regions):,} regions, tree checked", flush=True)
    return levels


def users(mentors: int, trainees: int, levels: dict, rng: random.Random) -> tuple[list[int], dict[int, str]]:
    """Host mentors, then trainees living in a district (70 %) or a regency; (mentor ids, trainee -> home path)."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from lms.people.constants import Role

    first, now, password = next_id("people_user"), timezone.now(), make_password(None)
    homes = [
        rng.choice(levels[3] if n < mentors or rng.random() < 0.7 else levels[2]) for n in range(mentors + trainees)
    ]
    emails = [
        f"pembimbing{n:06d}@bench.test" if n < mentors else f"peserta{n:06d}@bench.test" for n in range(len(homes))
    ]
    copy_rows("people_user", [
        (first + n, password, False, email, email.split("@")[0], "", "SLTA", homes[n][0], False, True, now)
        for n, email in enumerate(emails)
    ])  # fmt: skip
    roles = [Group.objects.get(name=role).pk for role in (Role.HOST_MENTOR, Role.TRAINEE)]
    copy_rows("people_user_groups", [(first + n, roles[n >= mentors]) for n in range(len(homes))])
    interested = [(first + n, now) for n in range(mentors, len(homes), 3)]
    copy_rows("apprenticeship_apprenticeinterest", interested)
    run_sql(
        "INSERT INTO apprenticeship_apprenticeinterest_business_types (apprenticeinterest_id, businesstype_id)"
        " SELECT i.id, t.id FROM apprenticeship_apprenticeinterest i JOIN apprenticeship_businesstype t"
        " ON (i.trainee_id + t.id) % 5 = 0"  # one or two of the nine business types each
    )
    print(
        f"  {len(homes):,} users: {mentors:,} host mentors, {trainees:,} trainees ({len(interested):,} with interests)"
    )
    return list(range(first, first + mentors)), {first + n: homes[n][1] for n in range(mentors, len(homes))}


def kube_groups(kube: int, mentors: list[int], levels: dict, assessor: int, rng: random.Random) -> dict:
    """KUBE with their assessments and `latest_assessment`; returns province path -> [[kube, mentor, free places]]."""
    from django.utils import timezone

    from apprenticeship.constants import INDICATOR_FIELDS
    from apprenticeship.models import BusinessType
    from apprenticeship.rules import maturity_class
    from apprenticeship.selectors import thresholds

    today, now, days = timezone.localdate(), timezone.now(), datetime.timedelta
    types, rules = list(BusinessType.objects.values_list("pk", flat=True)), thresholds()
    first, assessment = next_id("apprenticeship_kubegroup"), next_id("apprenticeship_kubeassessment")
    groups, assessments, hosts = [], [], {}
    for n in range(kube):
        pk, (village, path), places = first + n, rng.choice(levels[4]), rng.choice((0, 1, 1, 2, 2, 3))
        mentor, founded = mentors[n] if n < len(mentors) else None, today - days(rng.randrange(400, 4000))
        kind, families, day, active = rng.choice(types), rng.randint(5, 20), rng.randint(1, 7), rng.random() < 0.95
        groups.append((pk, f"KUBE {n:05d}", village, "", kind, founded, families, day, places, mentor, active, *FUNDS))
        if mentor:
            hosts.setdefault(path[:STEPLEN], []).append([pk, mentor, places])
        quality = rng.gauss(3.1, 0.7)
        for age in rng.sample(range(730), rng.randint(1, 3)):  # different days, so "newest" is unambiguous
            scores = [min(5, max(1, round(rng.gauss(quality, 0.8)))) for _field in INDICATOR_FIELDS]
            cells = [cell for score in scores for cell in (score, "")]
            klass = maturity_class(sum(scores), rules).value
            assessments.append((assessment, pk, today - days(age), assessor, *cells, sum(scores), klass, now))
            assessment += 1
    copy_rows("apprenticeship_kubegroup", groups)
    indicators = ", ".join(f"{name}, {name}_note" for name in INDICATOR_FIELDS)
    copy_rows("apprenticeship_kubeassessment", assessments, COLUMNS["apprenticeship_kubeassessment"] % indicators)
    run_sql("""
        UPDATE apprenticeship_kubegroup AS kube SET latest_assessment_id = newest.id
        FROM (SELECT DISTINCT ON (kube_id) kube_id, id FROM apprenticeship_kubeassessment
              ORDER BY kube_id, assessed_on DESC, id DESC) AS newest
        WHERE newest.kube_id = kube.id""")  # the service's order: newest day, then highest id
    print(f"  {kube:,} KUBE, {len(assessments):,} assessments", flush=True)
    return hosts


def placements(homes: dict, hosts: dict, cohort: int, supervisor: int, rng: random.Random, count: int) -> None:
    """Placements in the trainee's province; approved and active ones only where a place is free."""
    from django.utils import timezone

    today, now, days = timezone.localdate(), timezone.now(), datetime.timedelta
    rows, evaluations, first = [], [], next_id("apprenticeship_placement")
    for trainee in rng.sample(sorted(homes), count):
        status = rng.choices(list(STATUSES), weights=list(STATUSES.values()))[0]
        candidates = hosts[homes[trainee][:STEPLEN]]
        host = rng.choice(candidates)
        if status in ("approved", "active"):  # needs a free place; without one it is over already
            host = next((h for h in rng.sample(candidates, min(20, len(candidates))) if h[2] > 0), host)
            status = status if host[2] > 0 else "completed"
            host[2] -= status != "completed"
        start = today + days(rng.randint(*STARTS.get(status, (-360, -120))))
        end = start + days(90 if status in STARTS else rng.choice((30, 60, 90)))
        hours = {"active": rng.randint(0, 79), "completed": rng.randint(80, 96)}.get(status, 0)
        last = {"active": max(start, today - days(int(rng.expovariate(1 / 4)))), "completed": end - days(2)}
        decided = None if status == "proposed" else now - days(rng.randint(1, 30))
        reason = "Tidak bisa hadir." if status in ("withdrawn", "rejected") else ""
        completed = end + days(3) if status == "completed" else None
        rows.append((first + len(rows), trainee, *host[:2], cohort, start, end, 80, status, reason, supervisor,
                     now - days(40), decided and supervisor, decided, completed, hours, last.get(status)))  # fmt: skip
        if completed:
            score = round(rng.uniform(3, 5), 2)
            evaluations.append((rows[-1][0], rng.choice(("strongly", "yes")), "", score, host[1], now, supervisor, now))
    copy_rows("apprenticeship_placement", rows)
    copy_rows("apprenticeship_placementevaluation", evaluations)
    print(f"  {len(rows):,} placements, {len(evaluations):,} evaluated")


def check_latest_assessments(assessor, rng: random.Random, sample: int = 20) -> None:
    """The bulk `latest_assessment` and classes agree with `services.kube_assessment_record` (rolled back)."""
    from django.db import transaction

    from apprenticeship.constants import INDICATOR_FIELDS
    from apprenticeship.models import KubeAssessment, KubeGroup
    from apprenticeship.services import kube_assessment_record

    for kube in KubeGroup.objects.filter(
        pk__in=rng.sample(list(KubeGroup.objects.values_list("pk", flat=True)), sample)
    ):
        history = list(KubeAssessment.objects.filter(kube=kube).order_by("-assessed_on", "-pk"))
        with transaction.atomic():  # recording an older assessment again keeps the latest, scored as before
            oldest, before = history[-1], kube.latest_assessment_id
            again = KubeAssessment(kube=kube, assessed_on=oldest.assessed_on - datetime.timedelta(days=1))
            for name in INDICATOR_FIELDS:
                setattr(again, name, getattr(oldest, name))
            kube_assessment_record(assessment=again, by=assessor)
            kube.refresh_from_db()
            same = (again.total_score, again.maturity_class) == (oldest.total_score, oldest.maturity_class)
            assert before == kube.latest_assessment_id == history[0].pk and same, kube  # noqa: S101
            transaction.set_rollback(True)
    print(f"  latest_assessment and classes agree with kube_assessment_record on {sample} sampled KUBE")


# --- Measurements ------------------------------------------------------------------------------


@dataclass
class Figure:
    name: str
    seconds: float  # median of RUNS, per call
    runs: list[float]
    queries: float  # per call
    calls: int
    result: str
    captured: list[dict] = field(repr=False, default_factory=list)


def measure(name: str, function, calls: int, describe) -> Figure:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    result = function()
    runs = []
    for _run in range(RUNS):
        started = time.perf_counter()
        function()
        runs.append((time.perf_counter() - started) / calls)
    with CaptureQueriesContext(connection) as captured:
        function()
    queries = captured.captured_queries
    return Figure(name, statistics.median(runs), runs, len(queries) / calls, calls, describe(result), queries)


def steps() -> dict[str, tuple]:
    """name -> (function, calls per run, describe the result). Users are read afresh, as in a request."""
    from apprenticeship.selectors import eligible_hosts, host_suggestions, placement_board
    from apprenticeship.views.exports import board_export
    from lms.people.models import User

    supervisor, superuser = (User.objects.get(email=f"{name}@bench.test").pk for name in ("penyelia", "admin"))
    trainees = {}
    for depth, level in ((3, "district"), (2, "regency")):
        pks = User.objects.filter(groups__name="Peserta", home_region__depth=depth).order_by("pk")
        pks = list(pks.values_list("pk", flat=True))
        trainees[level] = pks[:: max(1, len(pks) // SAMPLE)][:SAMPLE]  # spread over the provinces

    def suggest(level):
        viewer = User.objects.get(pk=supervisor)  # the request's user, read by the middleware
        return lambda: [len(host_suggestions(trainee=User.objects.get(pk=pk), viewer=viewer)) for pk in trainees[level]]

    def sections(board):
        return ", ".join(f"{name} {count:,}" for name, count in board.counts.items())

    def csv_rows(response):
        rows = response.content.count(b"\n") - 1
        return f"{rows:,} rows, {len(response.content) / 1e6:.1f} MB"

    def shown(counts):
        return f"{min(counts)}-{max(counts)} suggestions"

    result = {
        "eligible_hosts().count()": (lambda: eligible_hosts().count(), 1, lambda n: f"{n:,} eligible hosts"),
        "host_suggestions, district home": (suggest("district"), SAMPLE, shown),
        "host_suggestions, regency home": (suggest("regency"), SAMPLE, shown),
    }
    for label, pk in ((f"province {PROVINCE}", supervisor), ("national (superuser)", superuser)):
        result[f"placement_board, {label}"] = (lambda pk=pk: placement_board(User.objects.get(pk=pk)), 1, sections)
        result[f"board_export CSV, {label}"] = (lambda pk=pk: board_export(User.objects.get(pk=pk), "csv"), 1, csv_rows)
    return result


def explain(query: str, analyze_json: bool = False, timing: bool = True):
    """EXPLAIN ANALYZE as text lines, or as the JSON plan; .iterator()'s server-side cursor is taken off."""
    query = re.sub(r"^DECLARE .*? CURSOR WITH HOLD FOR ", "", query)
    form = f"TIMING {'ON' if timing else 'OFF'}, " + ("FORMAT JSON" if analyze_json else "BUFFERS")
    rows = run_sql(f"EXPLAIN (ANALYZE, {form}) {query}")
    return rows[0][0][0] if analyze_json else [row[0] for row in rows]


def scans(node: dict) -> list[str]:
    """Every scan of the plan: which table, by which index, how many rows it read."""
    found = []
    if "Scan" in node["Node Type"] and ("Relation Name" in node or "Index Name" in node):
        read = (node["Actual Rows"] + node.get("Rows Removed by Filter", 0)) * node["Actual Loops"]
        how = f"{node['Node Type']} using {node['Index Name']}" if "Index Name" in node else node["Node Type"]
        flag = " **sequential scan over many rows**" if "Seq" in how and read >= BIG_SCAN else ""
        table = f" on {node['Relation Name']}" if "Relation Name" in node else ""
        found.append(f"{how}{table}: {read:,.0f} rows read in {node['Actual Loops']:,} loops{flag}")
    for child in node.get("Plans", []):
        found += scans(child)
    return found


def reads(figure: Figure) -> list[str]:
    return [q["sql"] for q in figure.captured if re.match(r"(DECLARE .* FOR )?SELECT", q["sql"])]


def query_ms(figure: Figure) -> list[float]:
    """Planning plus execution of each of the step's reads (EXPLAIN ANALYZE, TIMING OFF), the median of RUNS."""
    plans = [[explain(query, analyze_json=True, timing=False) for _run in range(RUNS)] for query in reads(figure)]
    return [statistics.median(p["Planning Time"] + p["Execution Time"] for p in runs) for runs in plans]


def show_plans(figures: list[Figure]) -> None:
    print(f"\n### Query plans (the suggestion query, and every query over {EXPLAIN_OVER * 1000:.0f} ms)\n")
    like = "SELECT indexname FROM pg_indexes WHERE tablename = 'people_region' AND indexdef LIKE '%pattern_ops%'"
    print(f"Prefix (varchar_pattern_ops) indexes on people_region: {[row[0] for row in run_sql(like)] or 'none'}")
    for figure in figures:
        suggestion = [q for q in figure.captured if '"closeness"' in q["sql"]][:1]
        slow = [q for q in figure.captured if float(q["time"]) >= EXPLAIN_OVER and '"closeness"' not in q["sql"]]
        for query in suggestion + list({q["sql"]: q for q in slow}.values()):
            text, plan = query["sql"], explain(query["sql"], analyze_json=True)
            print(f"\n#### {figure.name}: {plan['Execution Time']:.1f} ms ({plan['Planning Time']:.1f} ms planning)\n")
            if suggestion and query is suggestion[0]:
                where = text[text.find(" FROM ", text.find('"closeness"')) :]
                print(f"```\nSELECT … {where}\n\n" + "\n".join(explain(text)) + "\n```\n")
            else:
                print(f"`{text[:160]} …`\n")
            print("\n".join(f"- {scan}" for scan in scans(plan["Plan"])))


def try_indexes(all_steps: dict[str, tuple]) -> list[str]:
    """Each candidate index: the steps it is meant for, measured without it and with it, then dropped."""
    lines = ["| index | step | SQL ms, all reads | SQL ms, the reads using it | wall ms |", "|---|---|---:|---:|---:|"]
    for name, (create, meant_for) in CANDIDATE_INDEXES.items():
        chosen = {step: spec for step, spec in all_steps.items() if step.startswith(meant_for)}
        before = {step: measure(step, *spec) for step, spec in chosen.items()}
        before_ms = {step: query_ms(before[step]) for step in chosen}
        try:
            run_sql(create)
            run_sql("ANALYZE apprenticeship_kubegroup")
            for step, spec in chosen.items():
                after = measure(step, *spec)
                after_ms, calls = query_ms(after), spec[1]
                using = [n for n, q in enumerate(reads(after)) if name in str(explain(q, analyze_json=True))]
                was, now = (sum(before_ms[step][n] for n in using) / calls, sum(after_ms[n] for n in using) / calls)
                lines.append(
                    f"| `{create}` | {step} | {sum(before_ms[step]) / calls:.1f} → {sum(after_ms) / calls:.1f} "
                    f"| {was:.1f} → {now:.1f} ({len(using)} of {len(after_ms)}) "
                    f"| {before[step].seconds * 1000:.1f} → {after.seconds * 1000:.1f} |"
                )
        finally:
            run_sql(f"DROP INDEX IF EXISTS {name}")
            run_sql("ANALYZE apprenticeship_kubegroup")
    return lines


def kept_size() -> tuple[int, int] | None:
    try:
        return run_sql(
            "SELECT (SELECT count(*) FROM apprenticeship_kubegroup), (SELECT count(*) FROM people_user_groups ug"
            " JOIN auth_group g ON g.id = ug.group_id AND g.name = 'Peserta')"
        )[0]
    except Exception:  # no database, or not filled
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kube", type=int, default=50_000)
    parser.add_argument("--trainees", type=int, default=100_000)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="bench_apprenticeship")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the database; a run of the same size reuses it")
    parser.add_argument("--fresh", action="store_true", help="rebuild a kept database")
    args = parser.parse_args()

    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.dev"
    os.environ["DATABASE_URL"] = f"{args.server}/{args.database}"
    import django
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    database = sql.Identifier(args.database)
    try:
        django.setup()
        settings.DEBUG = False  # as in production; CaptureQueriesContext logs the queries it is asked for
        logging.disable(logging.INFO)
        if args.fresh or kept_size() != (args.kube, args.trainees):
            connections.close_all()
            admin(args.server, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(database))
            admin(args.server, sql.SQL("CREATE DATABASE {}").format(database))
            print(f"migrating {os.environ['DATABASE_URL']} ...", flush=True)
            call_command("migrate", verbosity=0)
            started = time.perf_counter()
            fill(args.kube, args.trainees, random.Random(args.seed))  # noqa: S311 - not security
            filled = f"filled (COPY, checks, VACUUM ANALYZE) in {time.perf_counter() - started:.0f} s"
        else:
            filled = f"reused the kept database {args.database}"
        print(filled, flush=True)
        all_steps = steps()
        figures = [measure(name, *spec) for name, spec in all_steps.items()]
        version = run_sql("SELECT version()")[0][0].split(" on ")[0]
        command = f".venv/bin/python bench/apprenticeship_hosts.py --kube {args.kube} --trainees {args.trainees}"
        print(f"\n## Apprenticeship hosts at national scale\n\n    {command}\n")
        print(f"{version}, nproc {len(os.sched_getaffinity(0))}; {filled}.")
        print(f"Per call: median of {RUNS} runs after a warm-up; the queries of one more run (users read afresh).\n")
        print("| step | median ms | runs ms | queries | in SQL ms | result |\n|---|---:|---:|---:|---:|---|")
        for f in figures:
            in_sql = sum(float(q["time"]) for q in f.captured) * 1000 / f.calls
            print(f"| {f.name} | {f.seconds * 1000:.1f} | {min(f.runs) * 1000:.0f}-{max(f.runs) * 1000:.0f} "
                  f"| {f.queries:g} | {in_sql:.0f} | {f.result} |")  # fmt: skip
        show_plans(figures)
        print("\n### Candidate indexes, created by hand in the scratch database and dropped again\n")
        print("\n".join(try_indexes(all_steps)))
        connections.close_all()
    finally:
        if not args.keep:
            connections.close_all()
            admin(args.server, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(database))


if __name__ == "__main__":
    main()
