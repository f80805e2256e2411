"""Reading uploaded tables (CSV or XLSX) into rows of text, with the checks every import needs.

An XLSX file is a ZIP archive, so it is refused before openpyxl opens it when it would unpack
to far more than it weighs (a decompression bomb) or to more than a sane import ever needs.
Inside, the size a sheet declares is not trusted either: a 1.5 KB file may declare the whole
grid (A1:XFD1048576), which openpyxl would fill in cell by cell up to the last row it finds,
and some programs declare only A1. So only the cells the file holds are read (a row is as wide
as its last cell, at most 16,384 cells while it is looked at), and reading stops with a clear
error at the first row past the table's limit (`max_rows` rows, a header and MAX_BLANK_LINES
blank lines) or at a value right of column MAX_COLUMNS.
A cell that `lms.exports` guarded against formulas (a quote before a leading = + - @) loses the
quote again, so a file downloaded from the site reads back as it was.
"""

import contextlib
import csv
import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from .exports import FORMULA_STARTS

MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_COLUMNS = 200  # no import has nearly as many columns
MAX_BLANK_LINES = 1000  # blank lines allowed among a table's rows


class TableError(ValueError):
    """The file cannot be read as a table; the message says why, for the person who uploaded it."""


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (line number in the file, cells by lower-cased header)


def read_table(*, data: bytes, filename: str, max_rows: int) -> Table:
    name = filename.lower()
    if name.endswith(".csv"):
        lines = _csv_lines(data)
    elif name.endswith(".xlsx"):
        lines = _xlsx_lines(data, line_limit=max_rows + 1 + MAX_BLANK_LINES, max_rows=max_rows)
    else:
        raise TableError(_("Upload a CSV or XLSX file."))
    if not lines:
        raise TableError(_("The file is empty."))
    header = [cell.strip().lower() for cell in lines[0]]
    rows = []
    for line_number, cells in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        values = {key: (_unguard(cells[i]) if i < len(cells) else "") for i, key in enumerate(header)}
        rows.append((line_number, values))
    if len(rows) > max_rows:
        raise TableError(_("The file has more than %(max)s rows; split it into smaller files.") % {"max": max_rows})
    return Table(header=header, rows=rows)


def _unguard(cell: str) -> str:
    """The cell without the quote `lms.exports.guard` put before a formula-like start, and trimmed."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS):
        cell = cell[1:]
    return cell.strip()


def _csv_lines(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TableError(_("The CSV file is not in UTF-8. Save it again as “CSV UTF-8”.")) from None
    dialect = csv.excel
    with contextlib.suppress(csv.Error):  # one column, or nothing to tell: keep commas
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    return [list(row) for row in csv.reader(io.StringIO(text), dialect)]


def _xlsx_lines(data: bytes, *, line_limit: int, max_rows: int) -> list[list[str]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile:
        raise TableError(_("The file is not a valid XLSX workbook.")) from None
    if unpacked > MAX_UNPACKED_BYTES or unpacked > MAX_COMPRESSION_RATIO * max(len(data), 1):
        raise TableError(_("The workbook unpacks to an unreasonable size and was refused."))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of errors for a damaged file
        raise TableError(_("The file is not a valid XLSX workbook.")) from None
    try:
        return _sheet_lines(workbook.worksheets[0], line_limit=line_limit, max_rows=max_rows)
    except TableError:
        raise
    except Exception:  # a damaged sheet shows only once it is read
        raise TableError(_("The file is not a valid XLSX workbook.")) from None
    finally:
        workbook.close()


def _sheet_lines(sheet, *, line_limit: int, max_rows: int) -> list[list[str]]:
    """The rows of a read-only sheet as text, read by the cells the file holds (see the module's docstring)."""
    sheet.reset_dimensions()  # openpyxl then makes a row as wide as its last cell, and adds no rows after the last
    lines = []
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > line_limit:  # openpyxl yields a row here only when the file has one at or below it
            raise TableError(
                _(
                    "The sheet goes on below row %(row)s, but an import reads at most %(max)s rows. "
                    "Delete the rows below your table, or split it into smaller files."
                )
                % {"row": line_limit, "max": max_rows}
            )
        if any(value is not None for value in row[MAX_COLUMNS:]):
            raise TableError(
                _(
                    "The sheet has cells to the right of column %(column)s. "
                    "Delete the columns to the right of your table."
                )
                % {"column": get_column_letter(MAX_COLUMNS)}
            )
        cells = list(row[:MAX_COLUMNS])
        while cells and cells[-1] is None:
            cells.pop()
        lines.append(["" if value is None else str(value) for value in cells])
    return lines
