"""Attempts, the answers saved in them, and every change to a score after it was first given."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from assessments.constants import AttemptState, ScoreChangeReason


class Attempt(models.Model):
    """One trainee's try at a quiz: in progress → submitted (an essay waits for a grader) → graded.

    The deadline is the server's; `submitted_at` is never later than it, even when the attempt
    was closed afterwards by the periodic task or on the trainee's next visit.
    """

    quiz = models.ForeignKey(
        "assessments.Quiz", verbose_name=_("quiz"), on_delete=models.PROTECT, related_name="attempts"
    )
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.PROTECT, related_name="quiz_attempts"
    )
    cohort = models.ForeignKey(
        "courses.Cohort", verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="quiz_attempts"
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    state = models.CharField(_("state"), max_length=12, choices=AttemptState.choices, default=AttemptState.IN_PROGRESS)
    started_at = models.DateTimeField(_("started"))
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    auto_submitted = models.BooleanField(_("submitted when time ran out"), default=False)
    graded_at = models.DateTimeField(_("graded"), null=True, blank=True)
    score = models.DecimalField(_("score"), max_digits=8, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(_("maximum score"), max_digits=8, decimal_places=2, default=Decimal(0))
    percent = models.DecimalField(_("score (%)"), max_digits=6, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)

    class Meta:
        ordering = ["quiz", "trainee", "number"]
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        constraints = [
            # One attempt per number, so a double click or a retried request can never leave two
            # submitted attempts with the same number.
            models.UniqueConstraint(fields=["quiz", "trainee", "number"], name="attempt_once_per_number"),
            models.UniqueConstraint(
                fields=["quiz", "trainee"],
                condition=models.Q(state=AttemptState.IN_PROGRESS),
                name="attempt_one_in_progress",
            ),
        ]
        indexes = [
            models.Index(fields=["state", "deadline"], name="attempt_state_deadline"),
            models.Index(fields=["cohort", "quiz", "state"], name="attempt_cohort_quiz_state"),
        ]

    def __str__(self) -> str:
        return f"{self.quiz} · {self.trainee} · {self.number}"

    @property
    def is_open(self) -> bool:
        return self.state == AttemptState.IN_PROGRESS


class Answer(models.Model):
    """A question as it was put to the trainee in one attempt, and what they answered.

    The row exists from the start of the attempt, so the draw and the choice order stay the same
    across reloads. `response` holds, by question kind: a list of choice ids (choice kinds), the
    text (short answer, essay), or the Likert level 1 to 5; None while unanswered. `saved_seq` is
    the version of the stored answer, a number the server issues per attempt (never a device's
    clock): a change is stored only when made on the version stored now, so an older answer sent
    late never overwrites a newer one (`assessments.services`).
    """

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveSmallIntegerField(_("position"))
    question = models.ForeignKey(
        "assessments.Question", verbose_name=_("question"), on_delete=models.PROTECT, related_name="answers"
    )
    max_mark = models.DecimalField(_("maximum mark"), max_digits=6, decimal_places=2)
    choice_order = models.JSONField(_("choice order"), default=list, blank=True)
    response = models.JSONField(_("response"), null=True, blank=True)
    saved_seq = models.BigIntegerField(default=0)
    saved_at = models.DateTimeField(_("saved"), null=True, blank=True)
    mark = models.DecimalField(_("mark"), max_digits=6, decimal_places=2, null=True, blank=True)
    grader_comment = models.TextField(_("grader's comment"), blank=True)

    class Meta:
        ordering = ["attempt", "position"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="answer_once_per_question"),
            models.UniqueConstraint(fields=["attempt", "position"], name="answer_once_per_position"),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id} · {self.position}"


class ScoreChange(models.Model):
    """Audit trail of every mark given by hand or changed by a regrade: who, when, old and new."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="score_changes")
    reason = models.CharField(_("reason"), max_length=10, choices=ScoreChangeReason.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed"), auto_now_add=True)
    old_mark = models.DecimalField(_("old mark"), max_digits=6, decimal_places=2, null=True)
    new_mark = models.DecimalField(_("new mark"), max_digits=6, decimal_places=2)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("score change")
        verbose_name_plural = _("score changes")

    def __str__(self) -> str:
        return f"{self.answer_id}: {self.old_mark} → {self.new_mark}"
