"""Daily job (cron): e-mail the holders of certificates expiring in 90 and in 30 days."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from lms.certification.reminders import certificates_notify_expiring


class Command(BaseCommand):
    help = "E-mail each certificate holder once 90 days and once 30 days before expiry (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Act as if today were this day (YYYY-MM-DD); for catching up and tests.")

    def handle(self, *args, **options):
        today = None
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError(f"--date must be YYYY-MM-DD: {error}") from error
        report = certificates_notify_expiring(today=today)
        self.stdout.write(
            ", ".join(
                f"{days}-day reminders sent: {count}" for days, count in sorted(report.sent.items(), reverse=True)
            )
        )
