from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .formats import ESSAY, LIKERT, MULTIPLE, SHORT_ANSWER, SINGLE, TRUE_FALSE


class QuestionKind(models.TextChoices):
    SINGLE = SINGLE, _("Single choice")
    MULTIPLE = MULTIPLE, _("Multiple response")
    TRUE_FALSE = TRUE_FALSE, _("True/false")
    SHORT_ANSWER = SHORT_ANSWER, _("Short answer")
    LIKERT = LIKERT, _("Likert scale (5 points)")
    ESSAY = ESSAY, _("Essay (graded by hand)")


CHOICE_KINDS = {QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.TRUE_FALSE}
SHUFFLED_KINDS = {QuestionKind.SINGLE, QuestionKind.MULTIPLE}
HAND_GRADED_KINDS = {QuestionKind.ESSAY}


class QuizKind(models.TextChoices):
    PRE_TEST = "pre", _("Pre-test")
    POST_TEST = "post", _("Post-test")
    PRACTICE = "practice", _("Practice")
    SURVEY = "survey", _("Survey")


class GradingMethod(models.TextChoices):
    FIRST = "first", _("First attempt")
    BEST = "best", _("Best attempt")
    LAST = "last", _("Last attempt")


class AttemptState(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted, needs grading")
    GRADED = "graded", _("Graded")


FINISHED_STATES = (AttemptState.SUBMITTED, AttemptState.GRADED)


class ScoreChangeReason(models.TextChoices):
    HAND_GRADED = "graded", _("Graded by hand")
    REGRADED = "regraded", _("Regraded after an answer key change")


# The five points of an attitude item, from "strongly disagree" (1) to "strongly agree" (5).
LIKERT_LEVELS = (
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Undecided")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
)

# Answers that arrive this long after the deadline still count: they were given in time and
# spent the difference on a slow connection. Later ones are refused and the attempt is closed.
DEADLINE_GRACE = timedelta(seconds=30)
MAX_TEXT_ANSWER_CHARS = 10_000
MAX_IMPORT_QUESTIONS = 5_000
MAX_IMPORT_BYTES = 5 * 1024 * 1024


class StudyDesign(models.TextChoices):
    PREPOST_CONTROL = "prepost_control", _("Pre-test and post-test with a control group")
    WAITLIST = "waitlist", _("Waitlist control (the control group studies after the study)")


class StudyStatus(models.TextChoices):
    PLANNING = "planning", pgettext_lazy("study status", "Planning")
    RUNNING = "running", pgettext_lazy("study status", "Running")
    CLOSED = "closed", pgettext_lazy("study status", "Closed")


class ArmRole(models.TextChoices):
    TREATMENT = "treatment", _("Treatment group")
    CONTROL = "control", _("Control group")


class PostTestOpens(models.TextChoices):
    """When an arm's post-test opens for a trainee who has taken the pre-test."""

    AFTER_LESSONS = "after_lessons", _("After every lesson is complete")
    AFTER_APPRENTICESHIP = "after_apprenticeship", _("After the apprenticeship is signed off")
    ON_DATE = "on_date", _("On a date")


class RegradeState(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("regrade", "Waiting to start")
    RUNNING = "running", pgettext_lazy("regrade", "Running")
    DONE = "done", pgettext_lazy("regrade", "Done")
    FAILED = "failed", pgettext_lazy("regrade", "Failed")


class PoolSource(models.TextChoices):
    """Where the trainees randomised into a study's arms come from."""

    ACCEPTED = "accepted", _("Accepted candidates not yet enrolled in the course")
    WAITLIST = "waitlist", _("Waitlisted candidates (they are accepted when assigned)")
    LIST = "list", _("A list of trainees' e-mail addresses")
