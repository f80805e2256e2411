"""Keep the cached set of cohorts held untreated (assessments.studies) in step with the studies."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Arm, Study
from .studies import forget_running_control_cohorts


@receiver([post_save, post_delete], sender=Study)
@receiver([post_save, post_delete], sender=Arm)
def study_changed(sender, **kwargs):
    # Now, for this transaction's own reads, and after commit, for everyone else's.
    forget_running_control_cohorts()
    transaction.on_commit(forget_running_control_cohorts)
