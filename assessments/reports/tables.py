"""A report is a list of tables; each can be shown, exported as CSV or XLSX, and printed."""

import csv
import io
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    chart: str = ""  # server-side SVG drawn from the same numbers


def cell(value, digits: int = 3):
    """A figure as shown: None becomes a dash, floats are rounded for reading (exports keep full precision)."""
    if value is None:
        return "\u2013"  # an en dash
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return value


def export_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") and not _is_number(value):
        return f"'{value}"
    return value


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_response(table: Table, filename: str) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.columns)
    writer.writerows([[export_value(value) for value in row] for row in table.rows])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(tables: list[Table], filename: str) -> HttpResponse:
    """Every table of the report on its own sheet."""
    workbook = Workbook(write_only=True)
    for number, table in enumerate(tables, start=1):
        sheet = workbook.create_sheet(f"{number} {table.title}"[:31].replace("/", "-").replace(":", ""))
        sheet.append([table.title])
        sheet.append(table.columns)
        for row in table.rows:
            sheet.append([export_value(value) for value in row])
        for note in table.notes:
            sheet.append([note])
    response = HttpResponse(content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    workbook.save(response)
    return response
