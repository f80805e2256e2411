from django.core.management.base import BaseCommand

from assessments.services import attempts_close_overdue


class Command(BaseCommand):
    help = "Submit every quiz attempt whose time has run out (run every minute from cron)."

    def handle(self, *args, **options):
        closed = attempts_close_overdue()
        if closed:
            self.stdout.write(f"Submitted {closed} attempts whose time ran out.")
