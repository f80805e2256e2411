"""Question banks as spreadsheet rows (CSV or XLSX): one question a row, its answers side by side.

The columns are `HEADER` followed by `choice_1`, `choice_1_percent`, `choice_1_feedback`,
`choice_2` … for as many answers as the widest question has. Column names are matched without
regard to case, unknown columns are ignored and missing optional ones take their defaults, so a
trainer may keep notes in extra columns or drop the ones a bank does not use.
"""

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from lms.exports import csv_text
from lms.tabular import Table

from . import KINDS, TRUE_FALSE, BankFileError, ChoiceRecord, FormatError, QuestionRecord
from .checks import FALSE, TRUE, check_record, format_decimal, normalise_category, parse_decimal, parse_mark, slug_error

HEADER = (
    "category",
    "type",
    "title",
    "text",
    "mark",
    "general_feedback",
    "roles",
    "aspects",
    "likert_scored",
    "likert_reverse",
)
REQUIRED = ("type", "text")
SLUG_SEPARATOR = ";"

_CHOICE_COLUMN = re.compile(r"choice_(\d+)\Z")
_YES = frozenset({"yes", "ya", "true", "1", "y"})
_NO = frozenset({"no", "tidak", "false", "0", "n"})
_TRUE_FALSE_TEXTS = {"true": TRUE, "benar": TRUE, "false": FALSE, "salah": FALSE}


def choice_header(count: int) -> list[str]:
    """The columns for `count` answers, in order."""
    return [
        name for n in range(1, count + 1) for name in (f"choice_{n}", f"choice_{n}_percent", f"choice_{n}_feedback")
    ]


# Reading ---------------------------------------------------------------------------------------


def parse_rows(table: Table) -> list[QuestionRecord]:
    """A question for every row of `table`, or `BankFileError` listing every problem with its line.

    Every `choice_<n>` column in the header is read, not only the first ten, so whatever
    `write_csv` writes reads back.
    """
    missing = [name for name in REQUIRED if name not in table.header]
    if missing:
        raise BankFileError(
            [FormatError(1, _("The header row has no “%(column)s” column.") % {"column": name}) for name in missing]
        )
    numbers = sorted({int(match.group(1)) for name in table.header if (match := _CHOICE_COLUMN.match(name))})
    records, errors = [], []
    for line, cells in table.rows:
        record, messages = _read_row(cells, numbers, line)
        errors.extend(FormatError(line, message) for message in messages)
        records.append(record)
    if errors:
        raise BankFileError(errors)
    return records


def _read_row(cells: dict[str, str], numbers: list[int], line: int) -> tuple[QuestionRecord, list[str]]:
    errors = []
    kind = cells.get("type", "").lower()
    if not kind:
        errors.append(_("The question type is missing; use one of: %(kinds)s.") % {"kinds": ", ".join(KINDS)})
    elif kind not in KINDS:
        errors.append(
            _("Unknown question type “%(kind)s”; use one of: %(kinds)s.") % {"kind": kind, "kinds": ", ".join(KINDS)}
        )
    mark, mark_error = parse_mark(cells.get("mark", ""))
    if mark_error:
        errors.append(mark_error)
    choice_errors: list[str] = []
    record = QuestionRecord(
        kind=kind,
        text=cells.get("text", ""),
        category=normalise_category(cells.get("category", "")),
        title=cells.get("title", ""),
        mark=mark,
        general_feedback=cells.get("general_feedback", ""),
        choices=_read_choices(cells, numbers, kind, choice_errors),
        mentor_roles=_read_slugs(cells, "roles", errors),
        aspects=_read_slugs(cells, "aspects", errors),
        likert_scored=_read_flag(cells, "likert_scored", True, errors),
        likert_reverse=_read_flag(cells, "likert_reverse", False, errors),
        line=line,
    )
    errors.extend(choice_errors)
    errors.extend(check_record(record, answer_rules=not choice_errors))
    return record, errors


def _read_choices(cells: dict[str, str], numbers: list[int], kind: str, errors: list[str]) -> list[ChoiceRecord]:
    choices = []
    for n in numbers:
        text = cells.get(f"choice_{n}", "")
        percent_text = cells.get(f"choice_{n}_percent", "").removesuffix("%").strip()
        feedback = cells.get(f"choice_{n}_feedback", "")
        if not text:
            if percent_text or feedback:
                errors.append(_("Answer %(number)s has a percentage or feedback but no text.") % {"number": n})
            continue
        percent = parse_decimal(percent_text) if percent_text else Decimal(0)
        if percent is None:
            errors.append(
                _("The percentage “%(percent)s” of answer %(number)s is not a number.")
                % {"percent": percent_text, "number": n}
            )
            continue
        if kind == TRUE_FALSE:
            text = _TRUE_FALSE_TEXTS.get(text.lower(), text)
        choices.append(ChoiceRecord(text, percent, feedback))
    if kind == TRUE_FALSE:
        choices.sort(key=lambda choice: choice.text != TRUE)  # "true" first, whichever row it was on
    return choices


def _read_slugs(cells: dict[str, str], column: str, errors: list[str]) -> list[str]:
    slugs = []
    for slug in (part.strip() for part in cells.get(column, "").split(SLUG_SEPARATOR)):
        if not slug or slug in slugs:
            continue
        if error := slug_error(slug, column):
            errors.append(error)
        slugs.append(slug)
    return slugs


def _read_flag(cells: dict[str, str], column: str, default: bool, errors: list[str]) -> bool:
    value = cells.get(column, "").lower()
    if not value:
        return default
    if value in _YES or value in _NO:
        return value in _YES
    errors.append(_("“%(value)s” in %(column)s is not yes or no.") % {"value": cells.get(column, ""), "column": column})
    return default


# Writing ---------------------------------------------------------------------------------------


def write_csv(records: list[QuestionRecord]) -> str:
    """A CSV file of the records that `lms.tabular.read_table` and `parse_rows` read back unchanged.

    Written by `lms.exports` like every download (semicolons; a text starting like a formula gets
    a quote, which `read_table` takes off again). Every cell is quoted so that the delimiter
    sniffing in `read_table` cannot mistake a `;` between role keys, or a comma in a question,
    for the column separator.
    """
    width = max([1, *(len(record.choices) for record in records)])
    rows = []
    for record in records:
        choices = [
            cell for choice in record.choices for cell in (choice.text, format_decimal(choice.percent), choice.feedback)
        ]
        rows.append(
            [
                record.category,
                record.kind,
                record.title,
                record.text,
                format_decimal(record.mark),
                record.general_feedback,
                SLUG_SEPARATOR.join(record.mentor_roles),
                SLUG_SEPARATOR.join(record.aspects),
                "yes" if record.likert_scored else "no",
                "yes" if record.likert_reverse else "no",
                *choices,
                *[""] * (3 * width - len(choices)),
            ]
        )
    return csv_text(columns=[*HEADER, *choice_header(width)], rows=rows, quote_all=True)
