"""The supervisor dashboard: funnel counts, at-risk boundaries, expiry window, scoping, exports, query counts."""

import csv
import datetime
import io

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from openpyxl import load_workbook

from apprenticeship.constants import PlacementStatus
from apprenticeship.models import ApprenticeshipSettings
from assessments.constants import AttemptState, GradingMethod, QuizKind
from courses.constants import EnrollmentStatus
from courses.models import Enrollment
from courses.services import lesson_mark_complete
from lms.dashboards import selectors
from lms.people.constants import ApplicationStatus

from ..assessments.factories import make_question, make_quiz
from ..courses.factories import CohortFactory, build_course, lessons_of
from ..people.factories import SupervisorFactory, TraineeFactory, TrainerFactory, give_totp
from .supervisor_data import (
    DAY,
    application,
    attempt,
    certificate,
    complete_lessons,
    enrol,
    placement,
    today,
)

pytestmark = pytest.mark.django_db
URL = "/penyelia/"


@pytest.fixture(autouse=True)
def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def course(db):
    course = build_course(code="PK-D", modules=1, lessons_per_module=2)
    course.pre_test = make_quiz(course, [make_question()], kind=QuizKind.PRE_TEST)
    course.post_test = make_quiz(course, [make_question()], kind=QuizKind.POST_TEST)
    return course


def supervisor_of(region):
    user = SupervisorFactory(scope_region=region)
    give_totp(user)
    return user


@pytest.fixture
def world(regions, course):
    """Jawa Timur (Surabaya, Malang) and Kalimantan Selatan, with trainees at every stage."""
    village, malang, banjarmasin = regions["35.78.01.1001"], regions["35.73"], regions["63.71"]
    for status in (ApplicationStatus.ACCEPTED, ApplicationStatus.SUBMITTED, ApplicationStatus.REJECTED):
        application(regions["35.78"], status)
    application(malang, ApplicationStatus.ACCEPTED)
    application(banjarmasin, ApplicationStatus.ACCEPTED)
    application(banjarmasin, ApplicationStatus.ACCEPTED)
    cohort = CohortFactory(course=course, region=regions["35.78"], name="Angkatan Surabaya")
    other = CohortFactory(course=course, region=banjarmasin, name="Angkatan Banjarmasin")
    people = {
        name: TraineeFactory(full_name=name, home_region=home)
        for name, home in (
            ("Ani Lengkap", village),
            ("Budi Separuh", village),
            ("Citra Mundur", village),
            ("Dedi Dicabut", village),
            ("Eka Malang", malang),
            ("Fajar Banjar", banjarmasin),
        )
    }
    ani, budi, citra, dedi, eka, fajar = people.values()
    # Ani: every stage.
    enrol(ani, cohort, EnrollmentStatus.COMPLETED)
    attempt(course.pre_test, ani, cohort, passed=None)
    complete_lessons(ani, course)
    attempt(course.post_test, ani, cohort, passed=True)
    placement(ani, cohort, village, PlacementStatus.COMPLETED)
    certificate(ani, expires_on=today() + 400 * DAY)
    # Budi: pre-test submitted (waiting for an essay grade), one lesson of two.
    enrol(budi, cohort)
    attempt(course.pre_test, budi, cohort, state=AttemptState.SUBMITTED)
    complete_lessons(budi, course, count=1)
    # Citra withdrew: her pre-test no longer counts.
    enrol(citra, cohort, EnrollmentStatus.WITHDRAWN)
    attempt(course.pre_test, citra, cohort)
    # Dedi never enrolled; his certificate was revoked.
    certificate(dedi, expires_on=today() + 400 * DAY, revoked=True)
    # Eka: course completed (by status), post-test failed twice, certificate expired yesterday.
    enrol(eka, cohort, EnrollmentStatus.COMPLETED)
    attempt(course.post_test, eka, cohort, number=1, passed=False)
    attempt(course.post_test, eka, cohort, number=2, passed=False)
    certificate(eka, expires_on=today() - DAY)
    # Fajar, in another province, has done everything.
    enrol(fajar, other, EnrollmentStatus.COMPLETED)
    attempt(course.pre_test, fajar, other)
    complete_lessons(fajar, course)
    attempt(course.post_test, fajar, other, passed=True)
    placement(fajar, other, regions["63.71"], PlacementStatus.PROPOSED)
    certificate(fajar, expires_on=today() + 30 * DAY)
    return {"cohort": cohort, "other": other, **people}


def test_funnel_by_sub_region_counts_each_stage(world, regions):
    funnel = selectors.funnel_by_subregion(user=supervisor_of(regions["35"]))

    rows = {row.label: row.counts for row in funnel.rows}
    assert list(rows) == ["Kota Malang", "Kota Surabaya"]  # the province's regencies, in tree order
    assert rows["Kota Surabaya"] == {
        "applied": 3, "accepted": 1, "enrolled": 2, "pre_test": 2, "lessons": 1,
        "post_test": 1, "placement": 1, "certified": 1,
    }  # fmt: skip
    assert rows["Kota Malang"] == {
        "applied": 1, "accepted": 1, "enrolled": 1, "pre_test": 0, "lessons": 1,
        "post_test": 0, "placement": 0, "certified": 0,
    }  # fmt: skip
    assert funnel.total.values(funnel.stages) == [4, 2, 3, 2, 2, 1, 1, 1]


def test_a_superuser_sees_the_provinces(world, django_user_model):
    admin = django_user_model.objects.create_superuser("admin@contoh.test", full_name="Admin")
    rows = {row.label: row.counts for row in selectors.funnel_by_subregion(user=admin).rows}
    assert list(rows) == ["Jawa Timur", "Kalimantan Selatan"]
    assert rows["Kalimantan Selatan"]["applied"] == 2
    assert rows["Kalimantan Selatan"]["certified"] == 1
    assert rows["Jawa Timur"]["enrolled"] == 3


def test_funnel_by_cohort_starts_at_enrolled(world, regions):
    funnel = selectors.funnel_by_cohort(user=supervisor_of(regions["35"]))

    assert funnel.stages == ("enrolled", "pre_test", "lessons", "post_test", "placement", "certified")
    assert [(row.label, row.values(funnel.stages)) for row in funnel.rows] == [
        ("Angkatan Surabaya", [3, 2, 2, 1, 1, 1])
    ]


def test_lessons_complete_counts_a_trainee_still_studying_once_the_last_lesson_is_done(world, regions, course):
    budi = world["Budi Separuh"]
    enrollment = Enrollment.objects.get(trainee=budi)
    lessons = lessons_of(course)
    supervisor = supervisor_of(regions["35"])
    assert selectors.funnel_by_subregion(user=supervisor).total.counts["lessons"] == 2

    lesson_mark_complete(trainee=budi, lesson=lessons[-1], enrollment=enrollment, lesson_ids=[x.pk for x in lessons])

    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.ACTIVE  # no post-test passed: still studying
    assert selectors.funnel_by_subregion(user=supervisor).total.counts["lessons"] == 3
    by_cohort = selectors.funnel_by_cohort(user=supervisor)
    assert by_cohort.rows[0].counts["lessons"] == 3


def test_a_first_attempt_quiz_counts_the_first_graded_attempt_only(regions, course):
    course.post_test.grading_method = GradingMethod.FIRST
    course.post_test.save()
    cohort = CohortFactory(course=course, region=regions["35.78"])
    late, prompt = (TraineeFactory(home_region=regions["35.73"]) for _n in range(2))
    for trainee in (late, prompt):
        enrol(trainee, cohort)
    attempt(course.post_test, late, cohort, number=1, passed=False)
    attempt(course.post_test, late, cohort, number=2, passed=True)
    attempt(course.post_test, prompt, cohort, number=1, passed=True)
    attempt(course.post_test, prompt, cohort, number=2, passed=False)

    funnel = selectors.funnel_by_subregion(user=supervisor_of(regions["35"]))

    assert funnel.total.counts["post_test"] == 1


# --- At risk --------------------------------------------------------------------------------------


def at_risk(user):
    return {trainee.full_name: selectors.risk_reasons(trainee) for trainee in selectors.trainees_at_risk(user=user)}


def test_inactivity_flags_at_14_days_not_13(regions, course):
    cohort = CohortFactory(course=course, region=regions["35.78"])
    now = timezone.now()
    for name, days, status in (
        ("Tiga Belas", 13, EnrollmentStatus.ACTIVE),
        ("Empat Belas", 14, EnrollmentStatus.ACTIVE),
        ("Baru Daftar", 20, EnrollmentStatus.ENROLLED),
        ("Sudah Lulus", 40, EnrollmentStatus.COMPLETED),
    ):
        trainee = TraineeFactory(full_name=name, home_region=regions["35.78"])
        enrol(trainee, cohort, status, last_activity=now - datetime.timedelta(days=days, minutes=1))

    rows = at_risk(supervisor_of(regions["35"]))

    assert rows["Baru Daftar"][0].startswith("Inactive since ")  # a date, in the active language
    assert set(rows) == {"Empat Belas", "Baru Daftar"}


MONTHS_ID = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


def test_the_inactive_reason_says_since_when_in_the_page_and_the_export(regions, course, client):
    cohort = CohortFactory(course=course, region=regions["35.78"])
    now = timezone.now()
    long_ago = now - datetime.timedelta(days=520)
    quiet = TraineeFactory(full_name="Lama Diam", home_region=regions["35.78"])
    enrol(quiet, cohort, last_activity=long_ago)
    enrol(quiet, CohortFactory(course=course, region=regions["35.78"]), EnrollmentStatus.COMPLETED)  # recent, done
    never = TraineeFactory(full_name="Tak Pernah", home_region=regions["35.78"])
    Enrollment.objects.filter(pk=enrol(never, cohort).pk).update(last_activity_at=None, enrolled_at=long_ago)
    day = timezone.localtime(long_ago)
    expected = {
        "Lama Diam": [f"Inactive since {day:%-d %B %Y}"],
        "Tak Pernah": [f"Never active since enrolling on {day:%-d %B %Y}"],
    }

    assert at_risk(supervisor_of(regions["35"])) == expected
    with translation.override("id"):
        month = MONTHS_ID[day.month - 1]
        assert f"{day.day} {month} {day.year}" in at_risk(supervisor_of(regions["35"]))["Tak Pernah"][0]
    client.force_login(supervisor_of(regions["35"]))
    page = client.get(URL).content.decode()
    assert expected["Tak Pernah"][0] in page and expected["Lama Diam"][0] in page
    export = client.get("/penyelia/ekspor/peserta-berisiko.csv").content.decode("utf-8-sig")
    rows = {row[0]: row for row in csv.reader(io.StringIO(export), delimiter=";")}
    assert rows["Lama Diam"][4] == expected["Lama Diam"][0]
    assert rows["Tak Pernah"][4] == expected["Tak Pernah"][0]


def test_post_test_failed_twice_until_passed(regions, course):
    cohort = CohortFactory(course=course, region=regions["35.78"])
    once, twice, recovered = (
        TraineeFactory(full_name=name, home_region=regions["35.78"])
        for name in ("Sekali", "Dua Kali", "Akhirnya Lulus")
    )
    for trainee, results in ((once, [False]), (twice, [False, False]), (recovered, [False, False, True])):
        enrol(trainee, cohort)
        for number, passed in enumerate(results, start=1):
            attempt(course.post_test, trainee, cohort, number=number, passed=passed)
    attempt(course.pre_test, once, cohort, passed=False)  # pre-test failures do not count
    attempt(course.pre_test, once, cohort, number=2, passed=False)

    assert at_risk(supervisor_of(regions["35"])) == {"Dua Kali": ["Post-test failed twice"]}


def test_placement_overdue_after_the_settings_days(regions, course):
    cohort = CohortFactory(course=course, region=regions["35.78"])
    days = ApprenticeshipSettings.load().logbook_overdue_days
    quiet, busy = (TraineeFactory(full_name=name, home_region=regions["35.78"]) for name in ("Diam", "Rajin"))
    start = today() - (days + 10) * DAY
    placement(quiet, cohort, regions["35.78.01.1001"], PlacementStatus.ACTIVE, starts_on=start,
              last_entry_on=today() - (days + 1) * DAY)  # fmt: skip
    placement(busy, cohort, regions["35.78.01.1001"], PlacementStatus.ACTIVE, starts_on=start,
              last_entry_on=today() - days * DAY)  # fmt: skip

    assert at_risk(supervisor_of(regions["35"])) == {"Diam": ["Placement overdue"]}


def test_at_risk_rows_name_every_reason_and_the_cohort(world, regions, client):
    supervisor = supervisor_of(regions["35"])
    old = timezone.now() - datetime.timedelta(days=30)
    enrol(world["Budi Separuh"], CohortFactory(course=world["cohort"].course, region=regions["35.78"]),
          last_activity=old)  # fmt: skip

    rows = at_risk(supervisor)
    assert rows == {
        "Eka Malang": ["Post-test failed twice"],
        "Budi Separuh": [f"Inactive since {timezone.localtime(old):%-d %B %Y}"],
    }

    client.force_login(supervisor)
    page = client.get(URL).content.decode()
    assert "2 trainees need attention." in page
    assert "Eka Malang" in page


# --- Certificates ---------------------------------------------------------------------------------


def test_certificates_expiring_within_90_days_soonest_first(regions):
    people = {n: TraineeFactory(full_name=f"Pemegang {n}", home_region=regions["35.78"]) for n in range(6)}
    certificate(people[0], expires_on=today() + 90 * DAY)
    certificate(people[1], expires_on=today() + 91 * DAY)
    certificate(people[2], expires_on=today())
    certificate(people[3], expires_on=today() - DAY)
    certificate(people[4], expires_on=today() + 10 * DAY, revoked=True)
    certificate(TraineeFactory(home_region=regions["63.71"]), expires_on=today() + 5 * DAY)

    expiring = selectors.certificates_expiring(user=supervisor_of(regions["35"]))

    assert [c.trainee.full_name for c in expiring] == ["Pemegang 2", "Pemegang 0"]


# --- Access and scoping ---------------------------------------------------------------------------


@pytest.mark.parametrize("factory", [TraineeFactory, TrainerFactory])
def test_only_supervisors_may_open_the_dashboard_or_export(client, regions, factory):
    user = factory(scope_region=regions["35"])
    give_totp(user)
    client.force_login(user)
    assert client.get(URL).status_code == 403
    assert client.get("/penyelia/ekspor/peserta-berisiko.csv").status_code == 403


def test_the_home_page_links_a_supervisor_to_the_dashboard(client, regions):
    client.force_login(supervisor_of(regions["35"]))
    assert 'href="/penyelia/"' in client.get("/beranda/").content.decode()


def test_another_province_sees_none_of_the_rows(world, regions, client):
    client.force_login(supervisor_of(regions["63"]))
    page = client.get(URL).content.decode()

    for name in ("Ani Lengkap", "Budi Separuh", "Eka Malang", "Angkatan Surabaya", "Kota Surabaya"):
        assert name not in page
    assert "Angkatan Banjarmasin" in page and "Fajar Banjar" in page  # their own expiring certificate and placement
    for table in ("corong-wilayah", "corong-angkatan", "peserta-berisiko", "sertifikat-segera-berakhir",
                  "penempatan-menunggu"):  # fmt: skip
        for export_format in ("csv", "xlsx"):
            response = client.get(f"/penyelia/ekspor/{table}.{export_format}")
            assert response.status_code == 200
            text = response.content.decode("utf-8-sig") if export_format == "csv" else xlsx_text(response)
            assert "Surabaya" not in text and "Malang" not in text and "Ani Lengkap" not in text


def test_a_supervisor_without_a_region_sees_nothing(world, client):
    supervisor = SupervisorFactory(scope_region=None)
    give_totp(supervisor)
    client.force_login(supervisor)
    page = client.get(URL).content.decode()
    assert "No region has been assigned to you yet" in page
    assert "Ani Lengkap" not in page and "Fajar Banjar" not in page


# --- Exports --------------------------------------------------------------------------------------


def xlsx_text(response) -> str:
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    return "\n".join(",".join("" if v is None else str(v) for v in row) for row in sheet.iter_rows(values_only=True))


def test_csv_exports_hold_the_header_and_every_row(world, regions, client):
    client.force_login(supervisor_of(regions["35"]))

    response = client.get("/penyelia/ekspor/corong-wilayah.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert response["Content-Type"].startswith("text/csv")
    assert rows[0] == ["Region", "Applied", "Accepted", "Enrolled", "Pre-test taken", "Lessons complete",
                       "Post-test passed", "Placement complete", "Certified"]  # fmt: skip
    assert rows[1:] == [
        ["Kota Malang", "1", "1", "1", "0", "1", "0", "0", "0"],
        ["Kota Surabaya", "3", "1", "2", "2", "1", "1", "1", "1"],
        ["Total", "4", "2", "3", "2", "2", "1", "1", "1"],
    ]

    risky = list(
        csv.reader(
            io.StringIO(client.get("/penyelia/ekspor/peserta-berisiko.csv").content.decode("utf-8-sig")), delimiter=";"
        )
    )
    assert risky[0][:5] == ["Trainee", "E-mail", "Region", "Cohort", "Reasons"]
    assert [row[0] for row in risky[1:]] == ["Eka Malang"]
    assert risky[1][3:5] == ["Angkatan Surabaya", "Post-test failed twice"]


def test_at_risk_export_holds_all_rows_not_only_the_page(regions, course, client):
    cohort = CohortFactory(course=course, region=regions["35.78"])
    old = timezone.now() - datetime.timedelta(days=20)
    for n in range(30):
        enrol(TraineeFactory(full_name=f"Peserta {n:02d}", home_region=regions["35.78"]), cohort, last_activity=old)
    client.force_login(supervisor_of(regions["35"]))

    page = client.get(URL).content.decode()
    assert "30 trainees need attention." in page and "Page 1 of 2" in page
    rows = list(
        csv.reader(
            io.StringIO(client.get("/penyelia/ekspor/peserta-berisiko.csv").content.decode("utf-8-sig")), delimiter=";"
        )
    )
    assert len(rows) == 31


def test_xlsx_export_opens_and_guards_against_formulas(regions, client):
    holder = TraineeFactory(full_name='=HYPERLINK("http://jahat.test")', home_region=regions["35.78"])
    certificate(holder, expires_on=today() + 5 * DAY)
    client.force_login(supervisor_of(regions["35"]))

    response = client.get("/penyelia/ekspor/sertifikat-segera-berakhir.xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Certificates expiring within 90 days"
    assert rows[1][:3] == ("Holder", "Region", "Programme")
    assert rows[2][0] == '\'=HYPERLINK("http://jahat.test")'
    assert rows[2][1:3] == ("Kota Surabaya", "Pendamping KUBE")


@pytest.mark.parametrize("path", ["/penyelia/ekspor/rahasia.csv", "/penyelia/ekspor/corong-wilayah.pdf"])
def test_unknown_tables_and_formats_are_404(client, regions, path):
    client.force_login(supervisor_of(regions["35"]))
    assert client.get(path).status_code == 404


def test_the_page_shows_charts_and_accessible_tables(world, regions, client):
    client.force_login(supervisor_of(regions["35"]))
    page = client.get(URL).content.decode()
    assert page.count('src="data:image/svg+xml;base64,') == 2
    assert "<caption>Funnel by sub-region</caption>" in page
    assert '<th scope="row" class="cell-name">Kota Surabaya</th><td>3</td><td>1</td><td>2</td>' in page
    assert "/magang/papan/" in page


# --- Query count ----------------------------------------------------------------------------------


def add_activity(regions, course, n):
    """n trainees of each kind, with cohorts, applications, attempts, certificates and placements."""
    for i in range(n):
        cohort = CohortFactory(course=course, region=regions["35.78" if i % 2 else "35.73"])
        application(regions["35.78"], ApplicationStatus.ACCEPTED)
        done, stalled, quiet = (TraineeFactory(home_region=regions["35.78.01.1001"]) for _n in range(3))
        enrol(done, cohort, EnrollmentStatus.COMPLETED)
        attempt(course.pre_test, done, cohort)
        attempt(course.post_test, done, cohort, passed=True)
        certificate(done, expires_on=today() + 30 * DAY)
        enrol(stalled, cohort, last_activity=timezone.now() - 20 * DAY)
        attempt(course.post_test, stalled, cohort, number=1, passed=False)
        attempt(course.post_test, stalled, cohort, number=2, passed=False)
        placement(quiet, cohort, regions["35.78.01.1001"], PlacementStatus.PROPOSED)


def test_the_dashboard_runs_the_same_number_of_queries_for_1x_and_10x_data(regions, course, client):
    client.force_login(supervisor_of(regions["35"]))

    def count_queries():
        client.get(URL)  # session warm-up
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL)
        assert response.status_code == 200
        return len(queries)

    add_activity(regions, course, 1)
    few = count_queries()
    add_activity(regions, course, 9)
    many = count_queries()

    assert few == many
    assert few <= 20
