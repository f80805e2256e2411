"""A regrade of one quiz for one cohort, run in the background so that a large cohort does not
hold a web request; its row shows the progress and ends in the audit log."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from assessments.constants import RegradeState


class RegradeRun(models.Model):
    """Who asked to mark a cohort's attempts at a quiz again, and how far the work has come."""

    quiz = models.ForeignKey("assessments.Quiz", verbose_name=_("quiz"), on_delete=models.CASCADE, related_name="+")
    cohort = models.ForeignKey("courses.Cohort", verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    state = models.CharField(_("state"), max_length=10, choices=RegradeState.choices, default=RegradeState.QUEUED)
    attempts_total = models.PositiveIntegerField(_("attempts"), default=0)
    attempts_done = models.PositiveIntegerField(_("attempts regraded"), default=0)
    marks_changed = models.PositiveIntegerField(_("marks changed"), default=0)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("regrade")
        verbose_name_plural = _("regrades")

    def __str__(self) -> str:
        return f"{self.quiz_id}/{self.cohort_id}: {self.attempts_done}/{self.attempts_total}"

    @property
    def percent_done(self) -> int:
        return round(100 * self.attempts_done / self.attempts_total) if self.attempts_total else 100
