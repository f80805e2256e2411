"""lms.exports, the one writer of downloads: the formula guard, CSV for Indonesian settings, XLSX sheets."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from lms.exports import Sheet, csv_response, csv_text, guard, xlsx_response
from lms.tabular import read_table

NAME = '=HYPERLINK("http://x","y")'


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (NAME, "'" + NAME),
        ("+SUM(A1:A9)", "'+SUM(A1:A9)"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("\x00=1+1", "'=1+1"),  # a control character cannot hide the formula
        ("-5", "-5"),  # a number written as text cannot be a formula
        ("+6281234567", "+6281234567"),
        ("Siti = Ketua", "Siti = Ketua"),
        ("", ""),
        (None, ""),
        (True, "yes"),
        (3, 3),
        (Decimal("2.50"), Decimal("2.50")),
        (datetime.date(2026, 1, 5), datetime.date(2026, 1, 5)),
        (gettext_lazy("=lazy"), "'=lazy"),
    ],
)
def test_guard(value, written):
    assert guard(value) == written


def test_csv_is_semicolon_separated_with_a_byte_order_mark_a_decimal_comma_and_guarded_cells():
    response = csv_response(
        filename="daftar",
        columns=["Nama", "Nilai", "Lulus"],
        rows=[[NAME, 62.5, True], ["Budi; Santoso", Decimal("70.25"), None]],
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="daftar.csv"'
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows == [["Nama", "Nilai", "Lulus"], ["'" + NAME, "62,5", "yes"], ["Budi; Santoso", "70,25", ""]]


def test_xlsx_cells_are_guarded_and_never_formulas_and_every_table_gets_a_sheet():
    sheets = [
        Sheet(name="Peserta: angkatan [1]/2026 with a long name", title="Peserta", columns=["Nama"], rows=[[NAME]]),
        Sheet(name="Peserta: angkatan [1]/2026 with a long name", columns=["Nama", "Nilai"], rows=[["Ani", 2.5]]),
    ]
    response = xlsx_response(filename="daftar", sheets=sheets)

    assert response["Content-Disposition"] == 'attachment; filename="daftar.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content))
    first, second = workbook.worksheets
    assert first.title == "Peserta- angkatan -1--2026 with"  # 31 characters, none Excel forbids
    assert second.title == "Peserta- angkatan -1--2026 (2)"
    assert [[cell.value for cell in row] for row in first.iter_rows()] == [["Peserta"], ["Nama"], ["'" + NAME]]
    assert first["A3"].data_type == "s"
    assert list(second.iter_rows(values_only=True)) == [("Nama", "Nilai"), ("Ani", 2.5)]


def test_a_downloaded_file_reads_back_as_it_was_written():
    text = csv_text(columns=["nama", "catatan"], rows=[[NAME, "-minus"], ["'kutip", "-5"]], quote_all=True)

    table = read_table(data=text.encode(), filename="kembali.csv", max_rows=10)

    assert [cells for _line, cells in table.rows] == [
        {"nama": NAME, "catatan": "-minus"},
        {"nama": "'kutip", "catatan": "-5"},  # a quote the guard did not put there stays
    ]
