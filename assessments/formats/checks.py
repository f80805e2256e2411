"""Rules and small value parsers shared by the GIFT and spreadsheet readers.

Each reader turns a question into a `QuestionRecord` first and then asks `check_record` what is
wrong with it, so a question is judged by the same rules whichever format it arrived in.
"""

import re
from decimal import Decimal, InvalidOperation

from django.core.validators import slug_re
from django.utils.translation import gettext as _

from . import ESSAY, LIKERT, MULTIPLE, SHORT_ANSWER, SINGLE, TRUE_FALSE, ChoiceRecord, QuestionRecord

HUNDRED = Decimal(100)
SUM_TOLERANCE = Decimal("0.5")
SLUG_MAX_LENGTH = 50  # MentorRole.slug and Aspect.slug
TRUE, FALSE = "true", "false"

_CONTEXT_PREFIX = re.compile(r"\$[a-z0-9]+\$")
_CATEGORY_SEPARATOR = re.compile(r"(?<!/)/(?!/)")  # Moodle writes a "/" inside a name as "//"


def parse_decimal(text: str) -> Decimal | None:
    """A finite number written with a decimal point or a decimal comma (`1,5`), else None."""
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def parse_mark(text: str) -> tuple[Decimal, str | None]:
    """The mark a question is worth: (value, error message or None). Empty means 1."""
    if not text.strip():
        return Decimal(1), None
    value = parse_decimal(text)
    if value is None or value <= 0:
        return Decimal(1), _("The mark “%(mark)s” is not a number greater than 0.") % {"mark": text.strip()}
    return value, None


def format_decimal(value: Decimal) -> str:
    """`100`, `33.33333`, `-50`, `2.5`: no exponent and no trailing zeros."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def slug_error(slug: str, column: str) -> str | None:
    """An error message when `slug` cannot be a MentorRole or Aspect key; `column` names where it came from."""
    if slug_re.match(slug) and len(slug) <= SLUG_MAX_LENGTH:
        return None
    return _("“%(slug)s” in %(column)s is not a valid key: use letters, digits, “-” and “_” only.") % {
        "slug": slug,
        "column": column,
    }


def normalise_category(path: str) -> str:
    """A Moodle category path without its context (`$course$/`) and `top/`, e.g. `Pre-test/Rekrutmen`.

    Since Moodle 3.5 every category of a context sits under a hidden category called "top", and
    exports name the context first, so `$course$/top/Pre-test/Rekrutmen` is the `Pre-test/Rekrutmen`
    a trainer actually sees.
    """
    names = [name.strip() for name in _CATEGORY_SEPARATOR.split(path.strip())]
    if names and _CONTEXT_PREFIX.fullmatch(names[0]):
        names = names[1:]
    if names and names[0] == "top":
        names = names[1:]
    return "/".join(name for name in names if name)


def check_record(record: QuestionRecord, *, answer_rules: bool = True) -> list[str]:
    """Everything wrong with a parsed question, as messages for the person who wrote the file.

    `answer_rules=False` leaves out the rules for the set of answers (how many, which earn the
    mark), for when an answer could not be read and those rules would only add confusing errors.
    """
    errors = []
    if not record.text.strip():
        errors.append(_("The question has no text."))
    if record.mark <= 0:
        errors.append(_("The mark “%(mark)s” is not a number greater than 0.") % {"mark": format_decimal(record.mark)})
    for choice in record.choices:
        if not choice.text.strip():
            errors.append(_("An answer has no text."))
        if not -HUNDRED <= choice.percent <= HUNDRED:
            errors.append(
                _("The answer “%(answer)s” is worth %(percent)s%%; use a value from -100 to 100.")
                % {"answer": choice.text, "percent": format_decimal(choice.percent)}
            )
    if answer_rules:
        errors.extend(_KIND_CHECKS.get(record.kind, _no_checks)(record.choices))
    return errors


def _single(choices: list[ChoiceRecord]) -> list[str]:
    errors = []
    if len(choices) < 2:
        errors.append(_("A single-choice question needs at least two answers."))
    if not any(choice.percent == HUNDRED for choice in choices):
        errors.append(_("A single-choice question needs an answer worth %(full)s%%.") % {"full": 100})
    return errors


def _multiple(choices: list[ChoiceRecord]) -> list[str]:
    errors = []
    if len(choices) < 2:
        errors.append(_("A multiple-response question needs at least two answers."))
    total = sum((choice.percent for choice in choices if choice.percent > 0), Decimal(0))
    if abs(total - HUNDRED) > SUM_TOLERANCE:
        errors.append(
            _("The answers of a multiple-response question that earn marks add up to %(total)s%%, not 100%%.")
            % {"total": format_decimal(total)}
        )
    return errors


def _true_false(choices: list[ChoiceRecord]) -> list[str]:
    texts = [choice.text for choice in choices]
    percents = sorted(choice.percent for choice in choices)
    if texts != [TRUE, FALSE] or percents != [0, HUNDRED]:
        return [
            _("A true/false question needs the two answers “true” and “false”, one of them worth %(full)s%%.")
            % {"full": 100}
        ]
    return []


def _short_answer(choices: list[ChoiceRecord]) -> list[str]:
    if not any(choice.percent == HUNDRED for choice in choices):
        return [_("A short-answer question needs an accepted answer worth %(full)s%%.") % {"full": 100}]
    return []


def _no_choices(choices: list[ChoiceRecord]) -> list[str]:
    if choices:
        return [_("Essay and Likert questions take no answers; leave the answers out.")]
    return []


def _no_checks(choices: list[ChoiceRecord]) -> list[str]:
    return []


_KIND_CHECKS = {
    SINGLE: _single,
    MULTIPLE: _multiple,
    TRUE_FALSE: _true_false,
    SHORT_ANSWER: _short_answer,
    LIKERT: _no_choices,
    ESSAY: _no_choices,
}
