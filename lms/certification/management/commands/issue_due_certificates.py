"""Nightly backstop: issue every automatic certificate that has become due and was not issued yet."""

from django.core.management.base import BaseCommand
from django.db.models import Q

from apprenticeship.constants import PlacementStatus
from courses.constants import EnrollmentStatus
from lms.certification.constants import IssueMode
from lms.certification.models import CertificationProgramme
from lms.certification.services import certificates_issue_due
from lms.people.models import User


class Command(BaseCommand):
    help = "Issue the certificates of automatic programmes to every trainee who now meets every condition."

    def handle(self, *args, **options):
        programmes = CertificationProgramme.objects.filter(active=True, issue_mode=IssueMode.AUTOMATIC)
        course_ids = set(programmes.values_list("required_courses", flat=True)) | set(
            programmes.values_list("refresher_course", flat=True)
        )
        course_ids.discard(None)
        # Only trainees with something completed can be due; everyone else is skipped without a look.
        candidates = (
            User.objects.filter(
                Q(enrollments__status=EnrollmentStatus.COMPLETED, enrollments__cohort__course_id__in=course_ids)
                | Q(placements__status=PlacementStatus.COMPLETED)
            )
            .distinct()
            .order_by("pk")
        )
        issued = 0
        for trainee in candidates.iterator(chunk_size=500):
            issued += len(certificates_issue_due(trainee=trainee))
        self.stdout.write(f"{issued} certificate(s) issued.")
