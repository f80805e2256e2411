"""Bulk enrolment from CSV or XLSX: every row checked, and nobody enrolled unless all are valid."""

import io
import zipfile
from unittest.mock import ANY

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from courses.constants import ENROLLMENT_FILE_MAX_ROWS
from courses.imports import enrollments_import
from courses.models import Enrollment
from courses.services import NOT_IN_REACH
from lms.tabular import MAX_BLANK_LINES

from ..core.test_tabular import crafted_xlsx
from ..people.factories import SupervisorFactory, TraineeFactory, TrainerFactory, give_totp
from .factories import CohortFactory, EnrollmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainees(regions):
    return [TraineeFactory(email=f"peserta{i}@contoh.test", home_region=regions["35.78"]) for i in range(3)]


def csv_bytes(*lines):
    return ("\n".join(lines) + "\n").encode()


def xlsx_bytes(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_valid_csv_enrols_everyone_and_ignores_extra_columns(cohort, trainer, trainees):
    data = csv_bytes("nama,email", "A,peserta0@contoh.test", "B,PESERTA1@contoh.test", "C, peserta2@contoh.test ")
    report = enrollments_import(cohort=cohort, data=data, filename="daftar.csv", by=trainer)
    assert report.ok, report.errors
    assert set(Enrollment.objects.filter(cohort=cohort).values_list("trainee__email", flat=True)) == {
        trainee.email for trainee in trainees
    }
    assert set(Enrollment.objects.values_list("enrolled_by", flat=True)) == {trainer.pk}


def test_valid_xlsx_with_semicolons_elsewhere_enrols_everyone(cohort, trainer, trainees):
    data = xlsx_bytes([["Email", "Nama"], *[[trainee.email, trainee.full_name] for trainee in trainees]])
    report = enrollments_import(cohort=cohort, data=data, filename="daftar.xlsx", by=trainer)
    assert report.ok, report.errors
    assert Enrollment.objects.filter(cohort=cohort).count() == 3


def test_semicolon_separated_csv_from_a_spreadsheet_is_read(cohort, trainer, trainees):
    data = csv_bytes("nama;email", "A;peserta0@contoh.test", "B;peserta1@contoh.test")
    report = enrollments_import(cohort=cohort, data=data, filename="daftar.csv", by=trainer)
    assert report.ok, report.errors


def test_a_bad_file_reports_every_problem_by_line_and_enrols_nobody(cohort, trainer, trainees, regions):
    other_cohort = CohortFactory(course=cohort.course, region=regions["63"])
    EnrollmentFactory(cohort=other_cohort, trainee=trainees[2])
    not_a_trainee = TrainerFactory(email="guru@contoh.test")
    data = csv_bytes(
        "email",
        "peserta0@contoh.test",  # 2: fine
        "tidakada@contoh.test",  # 3: unknown
        "peserta0@contoh.test",  # 4: duplicate
        "bukan-email",  # 5
        f"{not_a_trainee.email}",  # 6
        "peserta2@contoh.test",  # 7: in another cohort of the course
        "",  # blank lines are skipped
        "peserta1@contoh.test",  # 9: fine
    )

    report = enrollments_import(cohort=cohort, data=data, filename="daftar.csv", by=trainer)

    assert not report.ok
    assert [line for line, _message in report.errors] == [3, 4, 5, 6, 7]
    messages = dict(report.errors)
    assert "tidakada@contoh.test" in messages[3]
    assert "2" in messages[4]  # points at the first occurrence
    assert not Enrollment.objects.filter(cohort=cohort).exists()


def test_rows_beyond_the_free_seats_are_reported_and_nobody_is_enrolled(cohort, trainer, trainees, regions):
    cohort.capacity = 2
    cohort.save()
    EnrollmentFactory(cohort=cohort, trainee=TraineeFactory(home_region=regions["35"]))
    data = csv_bytes("email", *[trainee.email for trainee in trainees])

    report = enrollments_import(cohort=cohort, data=data, filename="daftar.csv", by=trainer)

    assert [line for line, _message in report.errors] == [3, 4]
    assert Enrollment.objects.filter(cohort=cohort).count() == 1


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"nama,telepon\nA,0812\n", "daftar.csv"),  # wrong columns
        (b"", "daftar.csv"),  # empty
        (b"email\n", "daftar.csv"),  # header only
        (b"\xff\xfe\x00e", "daftar.csv"),  # not UTF-8
        (b"bukan zip", "daftar.xlsx"),  # not a workbook
        (b"email\nx@contoh.test\n", "daftar.pdf"),  # wrong type
    ],
)
def test_unreadable_files_get_a_clear_error(cohort, trainer, data, filename):
    report = enrollments_import(cohort=cohort, data=data, filename=filename, by=trainer)
    assert len(report.errors) == 1
    assert report.errors[0][1]
    assert not Enrollment.objects.exists()


def test_a_decompression_bomb_is_refused_before_it_is_unpacked(cohort, trainer):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (60 * 1024 * 1024))
    report = enrollments_import(cohort=cohort, data=buffer.getvalue(), filename="bom.xlsx", by=trainer)
    assert len(report.errors) == 1
    assert not Enrollment.objects.exists()


def test_trainer_uploads_a_bad_file_in_the_site_and_sees_the_report(client, cohort, trainer, trainees):
    client.force_login(trainer)
    url = reverse("courses:cohort_enrol_file", kwargs={"cohort_id": cohort.pk})
    assert client.get(url).status_code == 200
    upload = SimpleUploadedFile("daftar.csv", csv_bytes("email", "peserta0@contoh.test", "siapa@contoh.test"))

    response = client.post(url, {"file": upload})

    assert response.status_code == 400
    assert "siapa@contoh.test" in response.text
    assert not Enrollment.objects.exists()


def test_a_tiny_xlsx_claiming_a_huge_sheet_is_refused_on_the_page_in_indonesian(client, cohort, trainer):
    data = crafted_xlsx("A1:XFD1048576", [("A1", "email"), ("A2", "peserta0@contoh.test"), ("A1048576", "x")])
    client.force_login(trainer)
    url = reverse("courses:cohort_enrol_file", kwargs={"cohort_id": cohort.pk})

    response = client.post(url, {"file": SimpleUploadedFile("daftar.xlsx", data)})

    assert response.status_code == 400
    assert response.context["report"].errors == [(None, ANY)]
    assert f"Lembar kerja berlanjut di bawah baris {ENROLLMENT_FILE_MAX_ROWS + 1 + MAX_BLANK_LINES}" in response.text
    assert not Enrollment.objects.exists()


def test_supervisor_of_the_region_enrols_from_a_good_file(client, cohort, trainees, regions):
    supervisor = SupervisorFactory(scope_region=regions["35"])
    give_totp(supervisor)
    client.force_login(supervisor)
    url = reverse("courses:cohort_enrol_file", kwargs={"cohort_id": cohort.pk})
    upload = SimpleUploadedFile("daftar.csv", csv_bytes("email", *[trainee.email for trainee in trainees]))

    response = client.post(url, {"file": upload})

    assert response.status_code == 302
    assert Enrollment.objects.filter(cohort=cohort, enrolled_by=supervisor).count() == 3


def test_an_oversized_or_wrongly_typed_upload_is_refused_by_the_form(client, cohort, trainer):
    client.force_login(trainer)
    url = reverse("courses:cohort_enrol_file", kwargs={"cohort_id": cohort.pk})
    response = client.post(url, {"file": SimpleUploadedFile("daftar.exe", b"MZ")})
    assert response.status_code == 400
    assert response.context["form"].errors["file"]


def test_a_supervisor_cannot_enrol_a_trainee_of_another_region(client, cohort, trainees, regions):
    """The probe's case: a Jawa Timur supervisor enrolled (and then saw) a trainee of another region."""
    supervisor = SupervisorFactory(scope_region=regions["35"])
    give_totp(supervisor)
    elsewhere = TraineeFactory(email="kalsel@contoh.test", home_region=regions["63.71"])
    client.force_login(supervisor)
    url = reverse("courses:cohort_enrol_file", kwargs={"cohort_id": cohort.pk})
    upload = SimpleUploadedFile("daftar.csv", csv_bytes("email", trainees[0].email, elsewhere.email))

    response = client.post(url, {"file": upload})

    assert response.status_code == 400
    with translation.override("id"):
        assert NOT_IN_REACH % {"email": "kalsel@contoh.test"} in response.text
    assert not Enrollment.objects.exists()


def test_the_report_says_the_same_of_unknown_staff_and_out_of_region_addresses(cohort, trainees, regions):
    supervisor = SupervisorFactory(scope_region=regions["35"])
    TraineeFactory(email="kalsel@contoh.test", home_region=regions["63.71"])
    TrainerFactory(email="guru@contoh.test", home_region=regions["35.78"])
    data = csv_bytes("email", "kalsel@contoh.test", "guru@contoh.test", "tidakada@contoh.test")

    report = enrollments_import(cohort=cohort, data=data, filename="daftar.csv", by=supervisor)

    assert report.errors == [
        (line, NOT_IN_REACH % {"email": email})
        for line, email in [(2, "kalsel@contoh.test"), (3, "guru@contoh.test"), (4, "tidakada@contoh.test")]
    ]


def test_the_enrolment_service_applies_the_same_rule(cohort, regions):
    from django.core.exceptions import ValidationError

    from courses.constants import EnrollmentSource
    from courses.services import enrollment_create

    supervisor = SupervisorFactory(scope_region=regions["35"])
    elsewhere = TraineeFactory(home_region=regions["63.71"])
    with pytest.raises(ValidationError):
        enrollment_create(trainee=elsewhere, cohort=cohort, by=supervisor, source=EnrollmentSource.BULK)
    assert not Enrollment.objects.exists()
