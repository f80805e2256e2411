"""Nightly backstop: issue every automatic certificate that has become due and was not issued yet."""

from django.core.management.base import BaseCommand

from lms.certification.services import certificates_issue_all_due


class Command(BaseCommand):
    help = "Issue the certificates of automatic programmes to every trainee who now meets every condition."

    def handle(self, *args, **options):
        self.stdout.write(f"{len(certificates_issue_all_due())} certificate(s) issued.")
