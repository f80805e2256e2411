import pytest
from django.core.management import CommandError, call_command

from lms.people.constants import REGIONS_CSV, RegionLevel
from lms.people.models import Region
from lms.people.services import regions_import_csv

pytestmark = pytest.mark.django_db


def test_demo_file_imports_a_real_tree_for_the_four_required_provinces():
    report = regions_import_csv(text=REGIONS_CSV.read_text(encoding="utf-8"))

    assert report.ok and report.created == Region.objects.count() > 100
    for code in ("35", "63", "34", "31"):
        assert Region.objects.get(code=code).level == RegionLevel.PROVINCE
    banjarmasin = Region.objects.get(code="63.71")
    assert banjarmasin.name == "Kota Banjarmasin"
    assert banjarmasin.get_parent().code == "63"
    surabaya = Region.objects.get(code="35.78")
    levels = {region.level for region in surabaya.get_descendants()}
    assert levels == {RegionLevel.DISTRICT, RegionLevel.VILLAGE}
    assert Region.find_problems() == ([], [], [], [], [])


def test_import_is_idempotent_and_renames_existing_codes(regions):
    again = regions_import_csv(text="code,name\n35,Jawa Timur\n35.78,Surabaya\n")

    assert (again.created, again.updated, again.unchanged) == (0, 1, 1)
    assert Region.objects.get(code="35.78").name == "Surabaya"
    assert Region.objects.count() == len(regions)


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("kode,nama\n35,Jawa Timur\n", 1, "code,name"),
        ("code,name\n35,Jawa Timur\n35.7,Salah\n", 3, "35.7"),
        ("code,name\n35,Jawa Timur\n35.78,\n", 3, "kosong"),
        ("code,name\n35,Jawa Timur\n35,Jawa Timur\n", 3, "dua kali"),
        ("code,name\n35,Jawa Timur\n36.01,Kabupaten Pandeglang\n", 3, "36"),
    ],
)
def test_a_bad_row_is_reported_by_line_and_nothing_is_imported(text, line, fragment):
    report = regions_import_csv(text=text)

    assert not report.ok
    assert report.errors[0][0] == line
    assert fragment in report.errors[0][1]
    assert Region.objects.count() == 0


def test_command_reports_bad_rows_in_indonesian_and_changes_nothing(regions, tmp_path, capsys):
    bad = tmp_path / "wilayah.csv"
    bad.write_text("code,name\n35.79,Kota Batu\n99.99.99,Tidak Ada\n", encoding="utf-8")

    with pytest.raises(CommandError, match="Tidak ada data yang diimpor"):
        call_command("import_regions", str(bad))

    assert "Baris 3" in capsys.readouterr().err
    assert not Region.objects.filter(code="35.79").exists()


def test_command_imports_a_good_file(regions, tmp_path, capsys):
    good = tmp_path / "wilayah.csv"
    good.write_text("code,name\n35.79,Kota Batu\n", encoding="utf-8")

    call_command("import_regions", str(good))

    assert Region.objects.get(code="35.79").get_parent() == regions["35"]
