"""Keep the cached study facts (assessments.studies: cohorts held untreated, courses with
participants) in step with the studies."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Arm, Study, StudyParticipant
from .studies import forget_study_caches


@receiver([post_save, post_delete], sender=Study)
@receiver([post_save, post_delete], sender=Arm)
@receiver([post_save, post_delete], sender=StudyParticipant)
def study_changed(sender, **kwargs):
    # Now, for this transaction's own reads, and after commit, for everyone else's.
    forget_study_caches()
    transaction.on_commit(forget_study_caches)
