"""A report is a list of tables; each can be shown, exported as CSV or XLSX, and printed."""

import csv
import io
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from lms import formatting

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    chart: str = ""  # server-side SVG drawn from the same numbers
    lead: list[str] = field(default_factory=list)  # sentences shown above the table: what it means


class PValue(float):
    """A float that is a p-value: shown as "< 0,001" when small; exported as the plain number."""


class Percent(float):
    """A float that is a percentage: shown with one decimal place; exported as the plain number."""


def cell(value, digits: int = 3):
    """A figure as shown: None becomes a dash, floats are rounded for reading in the active language's
    format (a decimal comma in Indonesian), p-values below 0.001 as "< 0,001" (exports keep full precision)."""
    if value is None:
        return "\u2013"  # an en dash
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, PValue):
        return formatting.p_value(value, digits)
    if isinstance(value, Percent):
        return formatting.decimal(value, 1)
    if isinstance(value, float):
        return formatting.decimal(value, digits)
    return value


def export_value(value):
    if value is None:
        return ""
    if isinstance(value, PValue | Percent):
        return float(value)
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
