"""Issue due certificates when the last condition falls into place, without the lower apps knowing.

The curriculum and apprenticeship apps must not import certification, so they send signals
(`courses.signals.enrollment_completed`, `apprenticeship.signals.placement_completed`) that
certification listens to. The work runs after the transaction commits, so it reads what was
committed and a rollback issues nothing; the nightly `issue_due_certificates` catches anything missed.
"""

import logging

from django.db import transaction
from django.dispatch import receiver

from apprenticeship.signals import placement_completed
from courses.signals import enrollment_completed
from lms.people.models import User

logger = logging.getLogger(__name__)


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


@receiver(enrollment_completed, dispatch_uid="certification_enrollment_completed")
def enrollment_was_completed(sender, enrollment, **kwargs):
    issue_due_later(enrollment.trainee_id)


@receiver(placement_completed, dispatch_uid="certification_placement_completed")
def placement_was_completed(sender, placement, **kwargs):
    issue_due_later(placement.trainee_id)
