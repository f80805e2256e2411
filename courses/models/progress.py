"""What a trainee has done in the lessons: opened, completed, and what they wrote."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LessonProgress(models.Model):
    """One trainee's record of one lesson. Kept per trainee, not per cohort, so it survives re-enrolment."""

    trainee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="progress")
    first_opened_at = models.DateTimeField(_("first opened"))
    last_opened_at = models.DateTimeField(_("last opened"))
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [models.UniqueConstraint(fields=["trainee", "lesson"], name="one_progress_per_lesson")]

    def __str__(self) -> str:
        return f"{self.trainee_id} · {self.lesson_id}"


class ReflectionAnswer(models.Model):
    """A trainee's written answer to a reflection prompt: private to them, stored sanitised.

    `block_id` is the id of the prompt's block in the lesson body, stable across revisions.
    """

    trainee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflections")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="reflections")
    block_id = models.CharField(max_length=36)
    answer_html = models.TextField(_("answer"))
    updated_at = models.DateTimeField(_("saved"), auto_now=True)

    class Meta:
        verbose_name = _("reflection answer")
        verbose_name_plural = _("reflection answers")
        constraints = [
            models.UniqueConstraint(fields=["trainee", "lesson", "block_id"], name="one_reflection_per_prompt")
        ]

    def __str__(self) -> str:
        return f"{self.trainee_id} · {self.lesson_id} · {self.block_id}"
