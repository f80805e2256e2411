from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from assessments.bank_io import FORMATS, questions_export
from assessments.models import QuestionCategory


class Command(BaseCommand):
    help = "Write a question bank (a category and its sub-categories, or everything) as GIFT or CSV to stdout."

    def add_arguments(self, parser):
        parser.add_argument("--category", default="")
        parser.add_argument("--format", choices=FORMATS, default="gift")

    def handle(self, *args, category: str, format: str, **options):
        known = QuestionCategory.objects.filter(Q(name=category) | Q(name__startswith=f"{category}/"))
        if category and not known.exists():
            raise CommandError(f"No category named {category!r}.")
        self.stdout.write(questions_export(category_name=category, file_format=format), ending="")
