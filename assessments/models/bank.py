"""The question bank: categories, questions tagged with mentor roles and aspects, and their choices."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from assessments.admin_forms import QuestionAdminForm
from assessments.constants import QuestionKind


class QuestionCategory(models.Model):
    """A shelf of the bank, e.g. "PKUBE-101/Rekrutmen pendamping"; a slash reads as a sub-shelf."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("question category")
        verbose_name_plural = _("question categories")

    def __str__(self) -> str:
        return self.name


class Question(index.Indexed, ClusterableModel):
    """One item of the bank. How it is scored depends on its kind (see assessments.scoring)."""

    category = models.ForeignKey(
        QuestionCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="questions"
    )
    kind = models.CharField(
        _("type"),
        max_length=10,
        choices=QuestionKind.choices,
        help_text=_(
            "True/false: give two choices, “Benar” and “Salah”, with 100 on the right one. "
            "Short answer: every accepted answer is a choice; case, spaces and punctuation are ignored. "
            "Likert and essay take no choices."
        ),
    )
    title = models.CharField(_("code or title"), max_length=100, blank=True)
    text = models.TextField(_("question text"))
    mark = models.DecimalField(
        _("mark"), max_digits=6, decimal_places=2, default=Decimal(1), validators=[MinValueValidator(Decimal("0.01"))]
    )
    general_feedback = models.TextField(_("general feedback"), blank=True)
    mentor_roles = ParentalManyToManyField(
        "courses.MentorRole", verbose_name=_("mentor roles"), blank=True, related_name="questions"
    )
    aspects = ParentalManyToManyField("courses.Aspect", verbose_name=_("aspects"), blank=True, related_name="questions")
    likert_scored = models.BooleanField(
        _("scored"), default=True, help_text=_("Likert only: count the answer in the score (an attitude scale).")
    )
    likert_reverse = models.BooleanField(
        _("reverse-keyed"),
        default=False,
        help_text=_("Likert only: agreeing shows the attitude the course wants to change, so it scores low."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    base_form_class = QuestionAdminForm
    panels = [
        FieldPanel("category"),
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("mark"),
        InlinePanel("choices", heading=_("Choices and accepted answers"), label=_("Choice")),
        FieldPanel("general_feedback"),
        MultiFieldPanel([FieldPanel("mentor_roles"), FieldPanel("aspects")], heading=_("Tags")),
        MultiFieldPanel([FieldPanel("likert_scored"), FieldPanel("likert_reverse")], heading=_("Likert scale")),
    ]
    search_fields = [
        index.SearchField("text"),
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.FilterField("category_id"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["category__name", "title", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        label = self.title or self.text[:60]
        return f"{label} ({self.get_kind_display()})"

    @property
    def max_mark(self) -> Decimal:
        """What the question is worth in a quiz; an unscored Likert item is worth nothing."""
        if self.kind == QuestionKind.LIKERT and not self.likert_scored:
            return Decimal(0)
        return self.mark


class Choice(Orderable):
    """A choice of a choice question, or an accepted answer of a short-answer question."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("text"), max_length=500)
    percent = models.DecimalField(
        _("share of the mark (%)"),
        max_digits=8,
        decimal_places=5,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(-100)), MaxValueValidator(Decimal(100))],
        help_text=_("100 for a right answer, 0 for a wrong one; shares and penalties for multiple response."),
    )
    feedback = models.TextField(_("feedback"), blank=True)

    panels = [FieldPanel("text"), FieldPanel("percent"), FieldPanel("feedback")]

    class Meta(Orderable.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self) -> str:
        return self.text
