"""A report is a list of tables; each can be shown, exported as CSV or XLSX, and printed."""

from dataclasses import dataclass, field

from django.http import HttpResponse
from django.utils.translation import gettext as _

from lms import exports, formatting


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


def csv_response(table: Table, filename: str) -> HttpResponse:
    """One table of a report as CSV, written (and guarded against formulas) by `lms.exports`."""
    return exports.csv_response(filename=filename, columns=table.columns, rows=table.rows)


def xlsx_response(tables: list[Table], filename: str) -> HttpResponse:
    """Every table of the report on its own sheet, its title above and its notes below."""
    sheets = [
        exports.Sheet(
            name=f"{number} {table.title}", title=table.title, columns=table.columns, rows=table.rows, notes=table.notes
        )
        for number, table in enumerate(tables, start=1)
    ]
    return exports.xlsx_response(filename=filename, sheets=sheets)
