"""Quizzes: which questions a trainee answers, under which rules, and when each cohort may."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from assessments.constants import GradingMethod, QuizKind


class Quiz(ClusterableModel):
    """A pre-test, post-test, practice quiz or survey of one course.

    Questions are fixed, drawn at random per tag for each attempt, or both. A live pre-test
    must be taken before the course's lessons open; a live post-test opens once the lessons
    are complete, and passing it is part of completing the course.
    """

    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("course"), on_delete=models.PROTECT, related_name="quizzes"
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=QuizKind.choices)
    instructions = models.TextField(_("instructions"), blank=True)
    is_live = models.BooleanField(
        _("live"), default=False, help_text=_("Trainees see the quiz, and the course rules use it, only when live.")
    )
    pass_mark = models.DecimalField(
        _("pass mark (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(60),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    time_limit_minutes = models.PositiveIntegerField(
        _("time limit (minutes)"), null=True, blank=True, help_text=_("Empty: no time limit.")
    )
    attempts_allowed = models.PositiveSmallIntegerField(_("attempts allowed"), default=1, help_text=_("0: unlimited."))
    grading_method = models.CharField(
        _("attempt that counts"), max_length=5, choices=GradingMethod.choices, default=GradingMethod.BEST
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=True)
    review_score_after_submit = models.BooleanField(_("score"), default=True)
    review_answers_after_submit = models.BooleanField(_("correct answers"), default=False)
    review_feedback_after_submit = models.BooleanField(_("feedback"), default=True)
    review_score_after_close = models.BooleanField(_("score"), default=True)
    review_answers_after_close = models.BooleanField(_("correct answers"), default=True)
    review_feedback_after_close = models.BooleanField(_("feedback"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("course"),
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("instructions"),
        FieldPanel("is_live"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("time_limit_minutes")]),
                FieldRowPanel([FieldPanel("attempts_allowed"), FieldPanel("grading_method")]),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]),
            ],
            heading=_("Rules"),
        ),
        InlinePanel("fixed_questions", heading=_("Fixed questions"), label=_("Question")),
        InlinePanel("draws", heading=_("Questions drawn at random for each attempt"), label=_("Draw")),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("review_score_after_submit"),
                        FieldPanel("review_answers_after_submit"),
                        FieldPanel("review_feedback_after_submit"),
                    ],
                    heading=_("Right after submitting"),
                ),
                FieldRowPanel(
                    [
                        FieldPanel("review_score_after_close"),
                        FieldPanel("review_answers_after_close"),
                        FieldPanel("review_feedback_after_close"),
                    ],
                    heading=_("After the quiz closes"),
                ),
            ],
            heading=_("What trainees see when they review an attempt"),
        ),
        InlinePanel("windows", heading=_("Open and close dates per cohort"), label=_("Cohort dates")),
    ]

    class Meta:
        ordering = ["course__title", "kind", "title"]
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def __str__(self) -> str:
        return self.title

    @property
    def counts_for_completion(self) -> bool:
        return self.kind == QuizKind.POST_TEST

    @property
    def is_graded(self) -> bool:
        return self.kind != QuizKind.SURVEY

    @property
    def decides_passing(self) -> bool:
        """A pre-test measures where a trainee starts: it has a score but nobody passes or fails it."""
        return self.kind in (QuizKind.POST_TEST, QuizKind.PRACTICE)


class QuizQuestion(Orderable):
    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="fixed_questions")
    question = models.ForeignKey(
        "assessments.Question", verbose_name=_("question"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("question")]

    class Meta(Orderable.Meta):
        verbose_name = _("fixed question")
        constraints = [models.UniqueConstraint(fields=["quiz", "question"], name="quiz_question_once")]


class QuizDraw(Orderable):
    """Draw `count` questions at random from those matching every filter that is set."""

    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="draws")
    count = models.PositiveSmallIntegerField(_("how many"), validators=[MinValueValidator(1)])
    category = models.ForeignKey(
        "assessments.QuestionCategory",
        verbose_name=_("from category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    mentor_role = models.ForeignKey(
        "courses.MentorRole",
        verbose_name=_("tagged with mentor role"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    aspect = models.ForeignKey(
        "courses.Aspect",
        verbose_name=_("tagged with aspect"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("count"), FieldPanel("category")]),
        FieldRowPanel([FieldPanel("mentor_role"), FieldPanel("aspect")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("random draw")

    def clean(self):
        if not (self.category_id or self.mentor_role_id or self.aspect_id):
            raise ValidationError(_("Choose a category, a mentor role or an aspect to draw from."))


class QuizWindow(Orderable):
    """When one cohort may take the quiz. A cohort without a window may take it at any time."""

    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="windows")
    cohort = models.ForeignKey("courses.Cohort", verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="+")
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))

    panels = [FieldPanel("cohort"), FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")])]

    class Meta(Orderable.Meta):
        verbose_name = _("cohort dates")
        constraints = [
            models.UniqueConstraint(fields=["quiz", "cohort"], name="quiz_window_once_per_cohort"),
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="quiz_window_closes_after_opening"
            ),
        ]

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The quiz must close after it opens.")})
