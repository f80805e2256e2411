"""Importing the KUBE registry from CSV or XLSX: every row checked, all or nothing, line by line."""

import datetime
import io

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from apprenticeship.constants import ProgrammeStage, Weekday
from apprenticeship.imports import COLUMNS, kube_groups_import
from apprenticeship.models import KubeGroup
from lms.people.services import regions_import_csv

from ..people.factories import TraineeFactory
from .factories import HostMentorFactory, KubeGroupFactory

pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS) + "\n"


@pytest.fixture(autouse=True)
def _english():
    """The report's messages are compared in English, whatever the catalogue holds."""
    with translation.override("en"):
        yield


@pytest.fixture
def banjarmasin(regions):
    """A village in Kalimantan Selatan, outside the Jawa Timur supervisor's region."""
    report = regions_import_csv(text="code,name\n63.71.01,Banjarmasin Selatan\n63.71.01.1001,Kelayan Luar\n")
    assert report.ok, report.errors


def run(text, user, filename="kube.csv"):
    return kube_groups_import(data=text.encode(), filename=filename, by=user)


def test_a_valid_csv_creates_every_kube(supervisor, host_mentor):
    text = HEADER + (
        "KUBE Mawar,35.78.01.1001,Jl. Mawar 12,warung-makan,2021-03-01,10,penumbuhan,Kamis,5.000,2,"
        f"{host_mentor.email.upper()},ya\n"
        "KUBE Melati,35.78.01.1001,,Kerajinan Tangan,15/07/2019,25,BLPS,3,,,,tidak\n"
    )

    report = run(text, supervisor)

    assert report.ok, report.errors
    mawar, melati = KubeGroup.objects.order_by("name")
    assert [kube.name for kube in report.created] == ["KUBE Mawar", "KUBE Melati"]
    assert mawar.village.code == "35.78.01.1001"
    assert mawar.business_type.slug == "warung-makan"
    assert mawar.founded_on == datetime.date(2021, 3, 1)
    assert (mawar.member_families, mawar.iks_contribution, mawar.host_capacity) == (10, 5000, 2)
    assert mawar.meeting_day == Weekday.THURSDAY
    assert mawar.host_mentor == host_mentor and mawar.is_active
    assert melati.business_type.slug == "kerajinan"
    assert melati.founded_on == datetime.date(2019, 7, 15)
    assert melati.programme_stage == ProgrammeStage.BLPS
    assert melati.meeting_day == Weekday.WEDNESDAY
    assert (melati.host_capacity, melati.iks_contribution, melati.host_mentor, melati.is_active) == (0, 0, None, False)


def test_a_valid_workbook_creates_every_kube_with_date_and_number_cells(supervisor):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(COLUMNS))
    sheet.append(
        [
            "KUBE Anggrek",
            "35.78.01.1001",
            "",
            "Peternakan",
            datetime.datetime(2020, 1, 6),
            12,
            "lkm",
            "Senin",
            2000,
            1,
            None,
            "ya",
        ]
    )
    sheet.append(
        ["KUBE Kenanga", "35.78.01.1001", "", "perikanan", "2018-11-30", 8.0, "koperasi", 7, None, None, None, None]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)

    report = kube_groups_import(data=buffer.getvalue(), filename="kube.xlsx", by=supervisor)

    assert report.ok, report.errors
    anggrek = KubeGroup.objects.get(name="KUBE Anggrek")
    assert anggrek.founded_on == datetime.date(2020, 1, 6)
    assert (anggrek.member_families, anggrek.iks_contribution, anggrek.host_capacity) == (12, 2000, 1)
    assert anggrek.programme_stage == ProgrammeStage.LKM and anggrek.meeting_day == Weekday.MONDAY
    kenanga = KubeGroup.objects.get(name="KUBE Kenanga")
    assert kenanga.member_families == 8 and kenanga.meeting_day == Weekday.SUNDAY and kenanga.is_active


def test_bad_rows_create_nothing_and_each_is_reported_with_its_line(supervisor, regions, banjarmasin):
    KubeGroupFactory(name="KUBE Lama", village=regions["35.78.01.1001"])
    text = HEADER + (
        "KUBE Baik,35.78.01.1001,,jasa,2021-03-01,10,penumbuhan,,,,,\n"  # 2: fine
        "KUBE Hantu,35.78.01.9999,,jasa,2021-03-01,10,penumbuhan,,,,,\n"  # 3: unknown village
        "KUBE Seberang,63.71.01.1001,,jasa,2021-03-01,10,penumbuhan,,,,,\n"  # 4: outside the region
        "KUBE Aneh,35.78.01.1001,,tambang emas,2021-03-01,10,penumbuhan,,,,,\n"  # 5: unknown business type
        "KUBE Kemarin,35.78.01.1001,,jasa,31-31-2021,10,penumbuhan,,,,,\n"  # 6: bad date
        "kube lama,35.78.01.1001,,jasa,2021-03-01,10,penumbuhan,,,,,\n"  # 7: exists already
        "KUBE Baik,35.78.01.1001,,jasa,2021-03-01,10,penumbuhan,,,,,\n"  # 8: repeats line 2
    )

    report = run(text, supervisor)

    assert not report.ok
    assert KubeGroup.objects.count() == 1
    assert len(report.errors) == 6
    lines = dict(report.errors)
    assert sorted(lines) == [3, 4, 5, 6, 7, 8]
    assert "35.78.01.9999" in lines[3]
    assert "outside your region" in lines[4]
    assert "tambang emas" in lines[5]
    assert "31-31-2021" in lines[6]
    assert "already exists" in lines[7]
    assert "line 2" in lines[8]


def test_every_problem_of_a_row_is_reported(supervisor, regions):
    trainee = TraineeFactory(home_region=regions["35"])
    text = HEADER + f",35.78.01.1001,,jasa,2021-03-01,sepuluh,tahap akhir,Jumat,,25,{trainee.email},mungkin\n"

    report = run(text, supervisor)

    messages = [message for line, message in report.errors if line == 2]
    assert len(messages) == 6, messages  # name empty, families, stage, capacity, host mentor, active
    assert any("nama" in message for message in messages)
    assert any("is not a host mentor" in message for message in messages)
    assert any("kapasitas" in message for message in messages)


def test_a_region_that_is_not_a_village_is_refused(supervisor):
    report = run(HEADER + "KUBE Kecamatan,35.78.01,,jasa,2021-03-01,10,penumbuhan,,,,,\n", supervisor)

    assert report.errors == [(2, "35.78.01 Karang Pilang is not a village (desa/kelurahan).")]
    assert not KubeGroup.objects.exists()


def test_missing_columns_are_named_on_line_one(supervisor):
    report = run("nama,kode_desa,alamat\nKUBE Mawar,35.78.01.1001,\n", supervisor)

    assert report.errors == [
        (1, "These required columns are missing: jenis_usaha, tanggal_berdiri, jumlah_keluarga, tahap.")
    ]


def test_a_file_without_rows_or_of_another_kind_is_refused(supervisor):
    assert run(HEADER, supervisor).errors == [(None, "The file has no KUBE below the header.")]
    assert not run(HEADER, supervisor, filename="kube.txt").ok


def test_checking_costs_the_same_queries_for_any_number_of_rows(supervisor, host_mentor):
    def queries(count):
        good = f"KUBE {{}},35.78.01.1001,,jasa,2021-03-01,10,penumbuhan,Senin,,1,{host_mentor.email},ya\n"
        text = (
            HEADER + "".join(good.format(i) for i in range(count)) + "KUBE X,35.78.01.1001,,jasa,kemarin,10,lkm,,,,,\n"
        )
        supervisor.refresh_from_db()
        with CaptureQueriesContext(connection) as captured:
            report = run(text, supervisor)
        assert not report.ok
        return len(captured)

    assert queries(2) == queries(40)


def test_the_superuser_may_import_anywhere(regions, banjarmasin, django_user_model):
    admin = django_user_model.objects.create_superuser(email="admin@contoh.test", password="x")

    report = run(HEADER + "KUBE Seberang,63.71.01.1001,,jasa,2021-03-01,10,penumbuhan,,,,,\n", admin)

    assert report.ok, report.errors


# The admin page


def upload(text, name="kube.csv"):
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def test_the_admin_page_shows_the_report_and_creates_nothing(client, supervisor, banjarmasin):
    client.force_login(supervisor)
    text = HEADER + "KUBE Seberang,63.71.01.1001,,jasa,2021-03-01,10,penumbuhan,,,,,\n"

    response = client.post(reverse("apprenticeship_admin:import_kube"), {"file": upload(text)})

    assert response.status_code == 400
    assert response.context["report"].errors[0][0] == 2
    assert "63.71.01.1001" in response.content.decode()
    assert not KubeGroup.objects.exists()


def test_the_admin_page_imports_and_returns_to_the_listing(client, supervisor):
    client.force_login(supervisor)
    text = HEADER + (
        "KUBE Mawar,35.78.01.1001,,jasa,2021-03-01,10,penumbuhan,,,,,\n"
        "KUBE Melati,35.78.01.1001,,jasa,2021-03-01,10,penumbuhan,,,,,\n"
    )

    response = client.post(reverse("apprenticeship_admin:import_kube"), {"file": upload(text)})

    assert response.status_code == 302
    assert response.url == reverse("kube:index")
    assert KubeGroup.objects.count() == 2
    assert len(list(get_messages(response.wsgi_request))) == 1


def test_the_admin_page_refuses_other_files(client, supervisor):
    client.force_login(supervisor)

    response = client.post(reverse("apprenticeship_admin:import_kube"), {"file": upload("x", name="kube.pdf")})

    assert response.status_code == 400
    assert "file" in response.context["form"].errors


def test_the_template_lists_the_columns(client, supervisor):
    client.force_login(supervisor)

    response = client.get(reverse("apprenticeship_admin:import_kube_template"))

    assert response.status_code == 200
    first_line = response.content.decode("utf-8-sig").splitlines()[0]
    assert first_line.split(";") == list(COLUMNS)


def test_the_template_row_imports(supervisor):
    from apprenticeship.imports import TEMPLATE_ROWS

    text = ",".join(COLUMNS) + "\n" + "\n".join(",".join(f'"{cell}"' for cell in row) for row in TEMPLATE_ROWS) + "\n"

    assert run(text, supervisor).ok


def test_only_users_who_may_add_kube_reach_the_import(client, regions):
    client.force_login(TraineeFactory(home_region=regions["35"]))

    assert client.get(reverse("apprenticeship_admin:import_kube")).status_code in (302, 403)


def test_a_host_mentor_named_by_email_must_have_the_role(supervisor):
    mentor = HostMentorFactory()
    report = run(
        HEADER + f"KUBE Mawar,35.78.01.1001,,jasa,2021-03-01,10,penumbuhan,,,1,tidak-ada@contoh.test,ya\n"
        f"KUBE Melati,35.78.01.1001,,jasa,2021-03-01,10,penumbuhan,,,1,{mentor.email},ya\n",
        supervisor,
    )

    assert report.errors == [(2, "No account uses tidak-ada@contoh.test.")]
