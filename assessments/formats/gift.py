"""Moodle's GIFT format, read and written the way Moodle's own `qformat_gift` does.

Questions are separated by blank lines; `//` lines are comments. Our own data (roles, aspects,
mark, Likert) travels in Moodle's tag syntax on those comment lines (`// [tag:role:fasilitator]`),
which Moodle imports as ordinary question tags, so the same file still imports into Moodle.

Which question type a block is follows Moodle's rules: an empty answer block is an essay, a `~`
anywhere makes it multiple choice (single answer if any answer starts with `=`, otherwise
multiple response), `T`/`TRUE`/`F`/`FALSE` is true/false, and otherwise it is short answer.
Writing lives in `gift_writer`; `write_gift` is importable from here as well.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from lms.sanitize import html_to_plain_text

from . import (
    ESSAY,
    LIKERT,
    MULTIPLE,
    SHORT_ANSWER,
    SINGLE,
    TRUE_FALSE,
    BankFileError,
    ChoiceRecord,
    FormatError,
    QuestionRecord,
)
from .checks import FALSE, HUNDRED, TRUE, check_record, normalise_category, parse_mark, slug_error
from .gift_writer import write_gift

__all__ = ["parse_gift", "write_gift"]

BLANK = "_____"  # what Moodle puts where a missing-word question's answer block stood

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CATEGORY = re.compile(r"\$CATEGORY:", re.IGNORECASE)
_FORMAT = re.compile(r"\[(moodle|html|plain|markdown)\]")
_WEIGHT = re.compile(r"%(-?\d+(?:\.\d*)?)%")  # Moodle: /^%\-*([0-9]{1,2})\.?([0-9]*)%/
_BAD_WEIGHT = re.compile(r"%-?[\d.,]+%")
_TAG = re.compile(r"\[tag:((?:\\\]|[^\]<>`\x00-\x1f])+)\]")  # Moodle's PARAM_TAG characters, `\]` escaped
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TF_ANSWERS = {"T": True, "TRUE": True, "F": False, "FALSE": False}  # case-sensitive, as in Moodle

# Moodle swaps `\:` `\#` … for placeholders before it looks for structure and back afterwards;
# private-use characters do the same here without colliding with anything a person types.
_ESCAPABLE = "\\:#={}~n"
_PLACEHOLDER = {char: chr(0xE000 + i) for i, char in enumerate(_ESCAPABLE)}
_UNPLACEHOLDER = str.maketrans({p: ("\n" if c == "n" else c) for c, p in _PLACEHOLDER.items()})
_ESCAPE_SEQUENCE = re.compile(r"\\(.)")


@dataclass
class _Tags:
    roles: list[str] = field(default_factory=list)
    aspects: list[str] = field(default_factory=list)
    mark: Decimal = Decimal(1)
    likert: bool = False
    reverse: bool = False
    unscored: bool = False
    errors: list[str] = field(default_factory=list)

    @property
    def ours(self) -> bool:
        return bool(self.roles or self.aspects or self.mark != 1 or self.likert or self.reverse or self.unscored)


def parse_gift(text: str) -> list[QuestionRecord]:
    """Every question in a GIFT file, or `BankFileError` listing every problem with its line."""
    records, errors = [], []
    category = ""
    for lines, comments in _blocks(text.removeprefix("\ufeff")):
        if _CATEGORY.match(lines[0][1]):
            category = normalise_category(_unescape(_protect(lines[0][1][len("$CATEGORY:") :])))
            lines = lines[1:]  # Moodle wants a blank line after it; be kind when there is none
            if not lines:
                continue
        record, messages = _read_question(lines, comments, category)
        errors.extend(FormatError(lines[0][0], message) for message in messages)
        if record is not None:
            records.append(record)
    if errors:
        raise BankFileError(errors)
    return records


def _blocks(text: str) -> Iterator[tuple[list[tuple[int, str]], list[str]]]:
    """(numbered non-comment lines, comment lines) for each run of non-blank lines."""
    lines, comments = [], []
    for number, raw in enumerate([*_LINE_BREAK.split(text), ""], start=1):
        line = raw.strip()
        if not line:
            if lines:
                yield lines, comments
            lines, comments = [], []
        elif line.startswith("//"):
            comments.append(line)
        else:
            lines.append((number, line))


class _Refused(Exception):
    """A question that cannot be read at all; the message says why."""


def _read_question(lines, comments, category) -> tuple[QuestionRecord | None, list[str]]:
    """The question in one block of lines (None for a description), and what is wrong with it."""
    tags = _read_tags(comments)
    try:
        record = _read_record(_protect("\n".join(line for _, line in lines)), tags, category, lines[0][0])
    except _Refused as refused:
        return None, [*tags.errors, str(refused)]
    if record is None:  # text without braces: Moodle's "description", shown between questions
        return None, ([*tags.errors, _("The question has no answer block “{…}”.")] if tags.ours else tags.errors)
    return record, [*tags.errors, *check_record(record)]


def _read_record(text: str, tags: _Tags, category: str, line: int) -> QuestionRecord | None:
    title = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        if end < 0:
            raise _Refused(_("The question title is not closed with “::”."))
        title, text = _unescape(text[2:end]).strip(), text[end + 2 :].strip()
    block = _answer_block(text)
    if block is None:
        return None
    start, close = block
    answer, after = text[start + 1 : close].strip(), text[close + 1 :]
    question_text = text[:start] + (f"{BLANK}{after}" if after else "")  # Moodle's missing-word form
    general_feedback = ""
    if (separator := answer.rfind("####")) >= 0:
        answer, general_feedback = answer[:separator].strip(), answer[separator + 4 :]
    text_format, question_text = _split_format(question_text.strip(), "moodle")
    record = QuestionRecord(
        kind=LIKERT,  # unless the answers say otherwise below
        text=_plain(question_text, text_format),
        category=category,
        title=title,
        mark=tags.mark,
        general_feedback=_piece(general_feedback, text_format),
        mentor_roles=tags.roles,
        aspects=tags.aspects,
        likert_scored=not tags.unscored,
        likert_reverse=tags.reverse,
        line=line,
    )
    if not tags.likert:  # a Likert item's answer block only carries the labels for Moodle
        _read_answers(record, answer, text_format)
    return record


def _answer_block(text: str) -> tuple[int, int] | None:
    """Where the braces of the one answer block stand, or None when there is none."""
    start, close = text.find("{"), text.find("}")
    if start < 0 and close < 0:
        return None
    if start >= 0 and (close < 0 or "{" in text[start + 1 : close]):
        raise _Refused(_("The answer block opened with “{” is not closed with “}”."))
    stray_close = _("There is a “}” without a “{” before it.")
    if start < 0 or close < start:
        raise _Refused(stray_close)
    if "{" in text[close + 1 :]:
        raise _Refused(_("The question has more than one answer block; separate questions with a blank line."))
    if "}" in text[close + 1 :]:
        raise _Refused(stray_close)
    return start, close


def _read_answers(record: QuestionRecord, answer: str, text_format: str) -> None:
    """Set the record's kind and choices from the text between the braces, as Moodle decides them."""
    head = answer.split("#", 1)[0].strip()
    if not answer:
        record.kind = ESSAY
    elif answer.startswith("#"):
        raise _Refused(_("Numerical questions are not supported here."))
    elif "~" in answer:
        record.kind = SINGLE if "=" in answer else MULTIPLE
        record.choices = _multiple_choice(answer, text_format)
    elif "=" in answer and "->" in answer:
        raise _Refused(_("Matching questions are not supported here."))
    elif head in _TF_ANSWERS:
        record.kind = TRUE_FALSE
        record.choices = _true_false(answer, _TF_ANSWERS[head], text_format)
    else:
        record.kind = SHORT_ANSWER
        record.choices = _short_answer(answer, text_format)


def _multiple_choice(answer: str, text_format: str) -> list[ChoiceRecord]:
    parts = answer.replace("=", "~=").split("~")
    if not parts[0].strip():
        parts = parts[1:]
    choices = []
    for part in (part.strip() for part in parts):
        if part.startswith("="):  # Moodle reads no weight after "=": it is always 100%
            percent, part = HUNDRED, part[1:]
        else:
            percent, part = _weight(part, Decimal(0))
        choices.append(_choice(part, percent, text_format))
    return choices


def _short_answer(answer: str, text_format: str) -> list[ChoiceRecord]:
    parts = answer.split("=")
    if not parts[0].strip():
        parts = parts[1:]
    choices = []
    for part in (part.strip() for part in parts):
        percent, part = _weight(part, HUNDRED)
        choices.append(_choice(part, percent, text_format))
    return choices


def _weight(part: str, default: Decimal) -> tuple[Decimal, str]:
    """The `%50%` before an answer and the answer after it.

    Moodle silently keeps a weight it cannot read, such as `%33,3%`, as part of the answer text;
    here a number-like one is refused so that a decimal comma does not turn into a wrong answer.
    """
    if weight := _WEIGHT.match(part):
        return Decimal(weight.group(1)), part[weight.end() :]
    if bad := _BAD_WEIGHT.match(part):
        raise _Refused(
            _("“%(weight)s” is not a percentage; write it with a decimal point, like %%33.5%%.") % {"weight": bad[0]}
        )
    return default, part


def _true_false(answer: str, true_is_right: bool, text_format: str) -> list[ChoiceRecord]:
    """`{T#wrong#right}`: as in Moodle, the first feedback is for a wrong pick, the second for a right one."""
    bits = [*answer.split("#", 2), "", ""]
    wrong, right = _piece(bits[1], text_format), _piece(bits[2], text_format)
    return [
        ChoiceRecord(TRUE, HUNDRED if true_is_right else Decimal(0), right if true_is_right else wrong),
        ChoiceRecord(FALSE, Decimal(0) if true_is_right else HUNDRED, wrong if true_is_right else right),
    ]


def _choice(part: str, percent: Decimal, text_format: str) -> ChoiceRecord:
    text, _hash, feedback = part.partition("#")
    return ChoiceRecord(_piece(text, text_format), percent, _piece(feedback, text_format))


def _read_tags(comments: list[str]) -> _Tags:
    """Our data from `[tag:…]` on the question's comment lines; other tags and `[id:…]` are Moodle's own."""
    tags = _Tags()
    for comment in comments:
        for match in _TAG.finditer(comment):
            key, _colon, value = match.group(1).replace("\\]", "]").strip().partition(":")
            key, value = key.strip().lower(), value.strip()
            if key in ("role", "aspect"):
                if error := slug_error(value, f"[tag:{key}:…]"):
                    tags.errors.append(error)
                slugs = tags.roles if key == "role" else tags.aspects
                if value not in slugs:
                    slugs.append(value)
            elif key == "mark":
                tags.mark, error = parse_mark(value) if value else (tags.mark, _("[tag:mark:…] needs a number."))
                if error:
                    tags.errors.append(error)
            elif (key, value) == ("likert", ""):
                tags.likert = True
            elif (key, value) == ("likert-reverse", ""):
                tags.reverse = True
            elif (key, value) == ("likert-unscored", ""):
                tags.unscored = True
    return tags


def _protect(text: str) -> str:
    return _ESCAPE_SEQUENCE.sub(lambda m: _PLACEHOLDER.get(m.group(1), m.group(0)), text)


def _unescape(text: str) -> str:
    return text.translate(_UNPLACEHOLDER)


def _split_format(text: str, default: str) -> tuple[str, str]:
    """Moodle's `[html]`, `[moodle]`, `[plain]` or `[markdown]` before a text, and the text without it."""
    marker = _FORMAT.match(text)
    return (marker.group(1), text[marker.end() :]) if marker else (default, text)


def _piece(text: str, default_format: str) -> str:
    """An answer or feedback: it may name its own format, else it has the question text's format."""
    text_format, text = _split_format(text.strip(), default_format)
    return _plain(text, text_format)


def _plain(text: str, text_format: str) -> str:
    text = _unescape(text)
    if text_format == "html":
        text = html_to_plain_text(_BR.sub("<br>", text))
    return text.strip()
