"""Question banks in and out of the database, in GIFT or as a spreadsheet; all or nothing on import."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from courses.models import Aspect, MentorRole
from lms.tabular import TableError, read_table

from .constants import MAX_IMPORT_BYTES, MAX_IMPORT_QUESTIONS
from .formats import BankFileError, ChoiceRecord, FormatError, QuestionRecord
from .formats.gift import parse_gift, write_gift
from .formats.spreadsheet import parse_rows, write_csv
from .models import Choice, Question, QuestionCategory

FORMATS = ("gift", "csv")


@dataclass(frozen=True)
class ImportReport:
    created: int
    categories: list[str]


def read_bank_file(*, data: bytes, filename: str, file_format: str) -> list[QuestionRecord]:
    """Parse an uploaded bank; BankFileError lists every problem with its line."""
    if len(data) > MAX_IMPORT_BYTES:
        raise BankFileError([FormatError(0, _("The file is larger than 5 MB; split it into smaller files."))])
    if file_format == "gift":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise BankFileError([FormatError(0, _("The file is not in UTF-8. Save it again as UTF-8 text."))]) from None
        records = parse_gift(text)
    else:
        try:
            table = read_table(data=data, filename=filename, max_rows=MAX_IMPORT_QUESTIONS)
        except TableError as problem:
            raise BankFileError([FormatError(0, str(problem))]) from None
        records = parse_rows(table)
    if len(records) > MAX_IMPORT_QUESTIONS:
        raise BankFileError(
            [FormatError(0, _("The file holds more than %(max)s questions.") % {"max": MAX_IMPORT_QUESTIONS})]
        )
    return records


def questions_import(*, records: list[QuestionRecord], default_category: str = "", by=None) -> ImportReport:
    """Create the questions, or none of them if any record names an unknown tag or has no category."""
    roles = {role.slug: role for role in MentorRole.objects.all()}
    aspects = {aspect.slug: aspect for aspect in Aspect.objects.all()}
    errors = []
    for record in records:
        record.category = record.category or default_category
        if not record.category:
            errors.append(
                FormatError(record.line, _("No category: name one in the file or choose one for the import."))
            )
        errors += [
            FormatError(record.line, _("Unknown mentor role “%(slug)s”.") % {"slug": slug})
            for slug in record.mentor_roles
            if slug not in roles
        ]
        errors += [
            FormatError(record.line, _("Unknown aspect “%(slug)s”.") % {"slug": slug})
            for slug in record.aspects
            if slug not in aspects
        ]
    if errors:
        raise BankFileError(errors)
    categories: dict[str, QuestionCategory] = {}
    with transaction.atomic():
        for record in records:
            if record.category not in categories:
                categories[record.category], _created = QuestionCategory.objects.get_or_create(
                    name=record.category[:200]
                )
            question = Question.objects.create(
                category=categories[record.category],
                kind=record.kind,
                title=record.title[:100],
                text=record.text,
                mark=record.mark,
                general_feedback=record.general_feedback,
                likert_scored=record.likert_scored,
                likert_reverse=record.likert_reverse,
                created_by=by,
            )
            Choice.objects.bulk_create(
                Choice(question=question, sort_order=i, text=c.text[:500], percent=c.percent, feedback=c.feedback)
                for i, c in enumerate(record.choices)
            )
            question.mentor_roles.set([roles[slug] for slug in record.mentor_roles])
            question.aspects.set([aspects[slug] for slug in record.aspects])
            if record.mentor_roles or record.aspects:
                question.save()  # a ParentalManyToManyField writes its rows when the question is saved
    return ImportReport(created=len(records), categories=sorted(categories))


def questions_in_category(category_name: str = ""):
    questions = Question.objects.select_related("category").prefetch_related(
        Prefetch("choices", queryset=Choice.objects.order_by("sort_order", "pk")), "mentor_roles", "aspects"
    )
    if category_name:
        questions = questions.filter(
            Q(category__name=category_name) | Q(category__name__startswith=f"{category_name}/")
        )
    return questions.order_by("category__name", "pk")


def question_records(questions) -> list[QuestionRecord]:
    return [
        QuestionRecord(
            kind=question.kind,
            text=question.text,
            category=question.category.name,
            title=question.title,
            mark=_plain(question.mark),
            general_feedback=question.general_feedback,
            choices=[ChoiceRecord(c.text, _plain(c.percent), c.feedback) for c in question.choices.all()],
            mentor_roles=sorted(role.slug for role in question.mentor_roles.all()),
            aspects=sorted(aspect.slug for aspect in question.aspects.all()),
            likert_scored=question.likert_scored,
            likert_reverse=question.likert_reverse,
        )
        for question in questions
    ]


def _plain(number: Decimal) -> Decimal:
    """10.00 → 10 and 33.33300 → 33.333, never 1E+1."""
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()


def questions_export(*, category_name: str = "", file_format: str) -> str:
    records = question_records(questions_in_category(category_name))
    return write_gift(records) if file_format == "gift" else write_csv(records)
