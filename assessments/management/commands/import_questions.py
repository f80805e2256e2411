from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessments.bank_io import FORMATS, questions_import, read_bank_file
from assessments.formats import BankFileError


class Command(BaseCommand):
    help = "Import a question bank from a GIFT or CSV/XLSX file. A file with any error imports nothing."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--format", choices=FORMATS, default="gift")
        parser.add_argument("--category", default="", help="Category for questions the file does not place in one.")

    def handle(self, *args, file: Path, format: str, category: str, **options):
        try:
            data = file.read_bytes()
        except OSError as problem:
            raise CommandError(str(problem)) from None
        try:
            records = read_bank_file(data=data, filename=file.name, file_format=format)
            report = questions_import(records=records, default_category=category)
        except BankFileError as invalid:
            lines = [f"{file}:{error.line}: {error.message}" for error in invalid.errors]
            raise CommandError("\n".join(["Nothing was imported.", *lines])) from None
        self.stdout.write(f"Imported {report.created} questions into: {', '.join(report.categories)}")
