"""The one writer of downloadable tables: every CSV and XLSX download of the site goes through here.

Two rules hold for every file, whatever the app:

- **No formulas from data** (OWASP, "CSV injection"): a text cell that starts with ``=``, ``+``,
  ``-``, ``@``, a tab or a carriage return is written with a single quote in front, in CSV and in
  XLSX alike (openpyxl would store a string starting with ``=`` as a formula), so a trainee named
  ``=HYPERLINK("http://x","y")`` shows as that text instead of a link that runs. A number written
  as text (``-5``, ``+62812…``) is left alone: it cannot be a formula.
- **CSV for a spreadsheet in Indonesian settings**: separated by semicolons (the comma is the
  decimal separator there), decimal numbers with a decimal comma, and a UTF-8 byte-order mark so
  that accented names are read as UTF-8.
"""

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import HttpResponse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

CSV_DELIMITER = ";"
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_AS_TEXT = re.compile(r"[+-]?\d[\d.,]*")
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_MAX = 31  # Excel refuses longer sheet names


@dataclass
class Sheet:
    """One table of an XLSX download: an optional title line, the column names, the rows, notes below."""

    name: str
    columns: Sequence
    rows: Iterable[Sequence] = field(default_factory=list)
    title: str = ""
    notes: Sequence[str] = ()


def guard(value):
    """A cell's value as it is safe to write: text that a spreadsheet would run as a formula gets a quote.

    Control characters are dropped first (openpyxl refuses them, and one could hide the ``=`` behind
    it). None becomes an empty cell and True/False the words yes/no; numbers and dates are kept.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Promise):  # a lazily translated label
        value = str(value)
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if value.startswith(FORMULA_STARTS) and not _NUMBER_AS_TEXT.fullmatch(value):
        return f"'{value}"
    return value


def csv_response(*, filename: str, columns: Sequence, rows: Iterable[Sequence]) -> HttpResponse:
    """A CSV download (``filename`` without the extension) of the columns and rows, every cell guarded."""
    response = HttpResponse(content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")
    _write_csv(response, columns, rows)
    return response


def csv_text(*, columns: Sequence, rows: Iterable[Sequence], quote_all: bool = False) -> str:
    """The same table as `csv_response` writes, as text without the byte-order mark (for a file or a command)."""
    buffer = io.StringIO()
    _write_csv(buffer, columns, rows, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    return buffer.getvalue()


def xlsx_response(*, filename: str, sheets: Iterable[Sheet]) -> HttpResponse:
    """An XLSX download (``filename`` without the extension) with each table on its own sheet."""
    workbook = Workbook(write_only=True)
    taken: set[str] = set()
    for sheet in sheets:
        worksheet = workbook.create_sheet(_sheet_name(sheet.name, taken))
        if sheet.title:
            worksheet.append([guard(sheet.title)])
        worksheet.append([guard(value) for value in sheet.columns])
        for row in sheet.rows:
            worksheet.append([guard(value) for value in row])
        for note in sheet.notes:
            worksheet.append([guard(note)])
    response = HttpResponse(content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    workbook.save(response)
    return response


def _write_csv(out, columns: Sequence, rows: Iterable[Sequence], quoting: int = csv.QUOTE_MINIMAL) -> None:
    writer = csv.writer(out, delimiter=CSV_DELIMITER, quoting=quoting)
    writer.writerow([_csv_cell(value) for value in columns])
    writer.writerows([_csv_cell(value) for value in row] for row in rows)


def _csv_cell(value):
    value = guard(value)
    if isinstance(value, float | Decimal):
        return str(value).replace(".", ",")
    return value


def _sheet_name(name, taken: set[str]) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    base = _SHEET_NAME_FORBIDDEN.sub("-", str(name)).strip("'").strip() or "1"
    candidate, number = base[:SHEET_NAME_MAX], 1
    while candidate.lower() in taken:
        number += 1
        suffix = f" ({number})"
        candidate = base[: SHEET_NAME_MAX - len(suffix)].rstrip() + suffix
    taken.add(candidate.lower())
    return candidate
