"""Issue due certificates when the last condition falls into place, without the lower apps knowing.

The curriculum and apprenticeship apps must not import certification, so certification listens:
to `post_save` of an enrolment or placement whose status is completed, and to the audit-log
entry "courses.enrollment.complete" (the curriculum completes an enrolment with an UPDATE,
which sends no `post_save`). The work runs after the transaction commits, so it reads what was
committed and a rollback issues nothing; the nightly `issue_due_certificates` catches anything missed.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import ModelLogEntry

from apprenticeship.constants import PlacementStatus
from apprenticeship.models import Placement
from courses.constants import EnrollmentStatus
from courses.models import Enrollment
from lms.people.models import User

logger = logging.getLogger(__name__)

COMPLETION_ACTIONS = frozenset({"courses.enrollment.complete", "apprenticeship.placement.complete"})


def issue_due_later(trainee_id: int) -> None:
    def run():
        from .services import certificates_issue_due  # services import tasks and selectors: keep start-up light

        trainee = User.objects.filter(pk=trainee_id).first()
        if trainee is None:
            return
        try:
            certificates_issue_due(trainee=trainee)
        except Exception:  # a failure here must not break the write that triggered it; the nightly run retries
            logger.exception("Issuing due certificates for trainee %s failed", trainee_id)

    transaction.on_commit(run)


@receiver(post_save, sender=Enrollment, dispatch_uid="certification_enrollment_completed")
def enrollment_saved(sender, instance: Enrollment, **kwargs):
    if instance.status == EnrollmentStatus.COMPLETED:
        issue_due_later(instance.trainee_id)


@receiver(post_save, sender=Placement, dispatch_uid="certification_placement_completed")
def placement_saved(sender, instance: Placement, **kwargs):
    if instance.status == PlacementStatus.COMPLETED:
        issue_due_later(instance.trainee_id)


@receiver(post_save, sender=ModelLogEntry, dispatch_uid="certification_completion_logged")
def completion_logged(sender, instance: ModelLogEntry, created: bool, **kwargs):
    if not created or instance.action != "courses.enrollment.complete":
        return
    trainee_id = Enrollment.objects.filter(pk=instance.object_id).values_list("trainee_id", flat=True).first()
    if trainee_id is not None:
        issue_due_later(trainee_id)
