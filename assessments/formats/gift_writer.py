"""Writing question records as GIFT that Moodle imports and `parse_gift` reads back unchanged.

Every special character is escaped and each question's text stays on one line (`\\n` for a line
break), since a blank line would end the question. Likert items, which Moodle does not know, are
written as a single-choice question with the five agreement labels and graded weights, plus the
`[tag:likert]` comment that tells our reader what they are.
"""

from . import ESSAY, LIKERT, SHORT_ANSWER, SINGLE, TRUE_FALSE, QuestionRecord
from .checks import FALSE, HUNDRED, TRUE, format_decimal

LIKERT_LABELS = ("Sangat tidak setuju", "Tidak setuju", "Ragu-ragu", "Setuju", "Sangat setuju")
LIKERT_WEIGHTS = (0, 25, 50, 75, 100)
_WRITE_ESCAPES = str.maketrans({c: "\\" + c for c in "\\~=#{}:"} | {"\n": "\\n"})


def write_gift(records: list[QuestionRecord]) -> str:
    """A GIFT file Moodle can import and `parse_gift` reads back into the same records."""
    parts, category = [], ""
    for record in records:
        if record.category != category:
            category = record.category
            parts.append("$CATEGORY: $course$/top" + (f"/{_escape(category)}" if category else ""))
        parts.append(_write_question(record))
    return "\n\n".join(parts) + "\n" if parts else ""


def _write_question(record: QuestionRecord) -> str:
    lines = []
    if tags := _tag_comment(record):
        lines.append(f"// {tags}")
    head = (f"::{_escape(record.title)}:: " if record.title else "") + _text(record.text) + " "
    general = f"####{_text(record.general_feedback)}" if record.general_feedback else ""
    if record.kind == ESSAY:
        lines.append(f"{head}{{{general}}}")
    elif record.kind == TRUE_FALSE:
        lines.append(f"{head}{{{_true_false_answer(record)}{general}}}")
    else:
        answers = [*_answer_lines(record), *([general] if general else [])]
        lines.extend([f"{head}{{", *(f"\t{answer}" for answer in answers), "}"])
    return "\n".join(lines)


def _tag_comment(record: QuestionRecord) -> str:
    tags = [f"[tag:role:{slug}]" for slug in record.mentor_roles]
    tags += [f"[tag:aspect:{slug}]" for slug in record.aspects]
    if record.mark != 1:
        tags.append(f"[tag:mark:{format_decimal(record.mark)}]")
    if record.kind == LIKERT:
        tags.append("[tag:likert]")
    if record.likert_reverse:
        tags.append("[tag:likert-reverse]")
    if not record.likert_scored:
        tags.append("[tag:likert-unscored]")
    return " ".join(tags)


def _answer_lines(record: QuestionRecord) -> list[str]:
    if record.kind == LIKERT:
        # Written as single choice so Moodle can still use it; "=" keeps Moodle in single-answer mode.
        weights = LIKERT_WEIGHTS[::-1] if record.likert_reverse else LIKERT_WEIGHTS
        return [f"={label}" if w == 100 else f"~%{w}%{label}" for label, w in zip(LIKERT_LABELS, weights, strict=True)]
    lines = []
    for choice in record.choices:
        percent = format_decimal(choice.percent)
        text = _text(choice.text)
        if record.kind == SHORT_ANSWER:
            marker = "=" if choice.percent == HUNDRED and not text.startswith("%") else f"=%{percent}%"
        elif record.kind == SINGLE and choice.percent == HUNDRED:
            marker = "="
        elif choice.percent == 0 and not text.startswith("%"):
            marker = "~"
        else:
            marker = f"~%{percent}%"
        feedback = f"#{_text(choice.feedback)}" if choice.feedback else ""
        lines.append(f"{marker}{text}{feedback}")
    return lines


def _true_false_answer(record: QuestionRecord) -> str:
    by_text = {choice.text: choice for choice in record.choices}
    true, false = by_text.get(TRUE), by_text.get(FALSE)
    true_is_right = true is not None and true.percent == HUNDRED
    right, wrong = (true, false) if true_is_right else (false, true)
    right_feedback = _text(right.feedback) if right else ""
    wrong_feedback = _text(wrong.feedback) if wrong else ""
    answer = "TRUE" if true_is_right else "FALSE"
    if right_feedback:
        return f"{answer}#{wrong_feedback}#{right_feedback}"
    return f"{answer}#{wrong_feedback}" if wrong_feedback else answer


def _escape(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_WRITE_ESCAPES)


def _text(text: str) -> str:
    """Escaped, and kept from being read as a format marker, a comment or a category line."""
    escaped = _escape(text)
    return f"[moodle]{escaped}" if escaped.startswith(("[", "/", "$")) else escaped
