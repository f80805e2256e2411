"""A report is a list of tables; each can be shown, exported as CSV or XLSX, and printed."""

from dataclasses import dataclass, field

from django.http import HttpResponse
from django.utils.translation import gettext as _

from lms import exports


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
