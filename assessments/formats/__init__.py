"""Question banks as files: Moodle's GIFT format and a spreadsheet layout (CSV/XLSX).

Both formats read into and write from the plain records below, so the parsers know nothing of
the database; `assessments.bank_io` turns the records into questions and back.
"""

from dataclasses import dataclass, field
from decimal import Decimal

SINGLE = "single"
MULTIPLE = "multiple"
TRUE_FALSE = "truefalse"
SHORT_ANSWER = "short"
LIKERT = "likert"
ESSAY = "essay"
KINDS = (SINGLE, MULTIPLE, TRUE_FALSE, SHORT_ANSWER, LIKERT, ESSAY)


@dataclass
class ChoiceRecord:
    text: str
    percent: Decimal  # share of the question's mark, -100..100
    feedback: str = ""


@dataclass
class QuestionRecord:
    kind: str
    text: str
    category: str = ""
    title: str = ""
    mark: Decimal = Decimal("1")
    general_feedback: str = ""
    choices: list[ChoiceRecord] = field(default_factory=list)
    mentor_roles: list[str] = field(default_factory=list)  # MentorRole slugs
    aspects: list[str] = field(default_factory=list)  # Aspect slugs
    likert_scored: bool = True
    likert_reverse: bool = False
    line: int = 0  # where the question starts in the file, for error reports


@dataclass(frozen=True)
class FormatError:
    line: int
    message: str


class BankFileError(ValueError):
    """The file holds errors; nothing from it may be imported."""

    def __init__(self, errors: list[FormatError]):
        super().__init__("; ".join(f"{e.line}: {e.message}" for e in errors))
        self.errors = errors
