"""Evaluation studies: a course's pre-test and post-test given to treatment and control cohorts.

The study is what makes the programme's claim testable (DOMAIN.md, "The training model"): while
it runs, its control cohorts take the two tests with the lessons, the apprenticeship and the
course's completion closed to them, so that the comparison measures the training and nothing
else. The rules that follow from a study live in `assessments/studies.py`.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from assessments.constants import ArmRole, PostTestOpens, QuizKind, StudyDesign, StudyStatus


def new_seed() -> int:
    return secrets.randbelow(2**31)


class Study(ClusterableModel):
    """One evaluation of a course: its tests, its arms (cohorts), its design and its status.

    With parallel forms the pre-test and the post-test hold different items of equal difficulty,
    and half of each arm (chosen from the stored seed) takes them in the reverse order, so that a
    difference between the forms cannot pass for a gain. The seed also reproduces the assignment
    of a pool of trainees to the arms.
    """

    name = models.CharField(_("name"), max_length=200)
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("course"), on_delete=models.PROTECT, related_name="studies"
    )
    pre_test = models.ForeignKey(
        "assessments.Quiz",
        verbose_name=_("pre-test (form A)"),
        on_delete=models.PROTECT,
        related_name="studies_as_pre_test",
        limit_choices_to={"kind": QuizKind.PRE_TEST},
    )
    post_test = models.ForeignKey(
        "assessments.Quiz",
        verbose_name=_("post-test (form B)"),
        on_delete=models.PROTECT,
        related_name="studies_as_post_test",
        limit_choices_to={"kind": QuizKind.POST_TEST},
    )
    parallel_forms = models.BooleanField(
        _("parallel forms"),
        default=False,
        help_text=_(
            "The two tests hold different items of equal difficulty; half of each arm takes the post-test's "
            "items first."
        ),
    )
    reaction_survey = models.ForeignKey(
        "assessments.Quiz",
        verbose_name=_("reaction survey"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="studies_as_survey",
        limit_choices_to={"kind": QuizKind.SURVEY},
        help_text=_("Likert items on how the trainees found the training (Kirkpatrick level 1)."),
    )
    design = models.CharField(_("design"), max_length=20, choices=StudyDesign.choices)
    status = models.CharField(_("status"), max_length=10, choices=StudyStatus.choices, default=StudyStatus.PLANNING)
    seed = models.PositiveBigIntegerField(
        _("seed"), default=new_seed, help_text=_("Reproduces the random assignment and the order of the forms.")
    )
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("course"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("pre_test"), FieldPanel("post_test")]), FieldPanel("parallel_forms")],
            heading=_("Tests"),
        ),
        FieldPanel("reaction_survey"),
        FieldPanel("design"),
        InlinePanel("arms", heading=_("Arms"), label=_("arm"), min_num=2),
        FieldPanel("seed"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("evaluation study")
        verbose_name_plural = _("evaluation studies")

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        for field in ("pre_test", "post_test", "reaction_survey"):
            quiz = getattr(self, field, None) if getattr(self, f"{field}_id") else None
            if quiz is not None and self.course_id and quiz.course_id != self.course_id:
                errors[field] = _("Choose a quiz of the study's course.")
        errors.update(self._assignment_changes())
        if errors:
            raise ValidationError(errors)

    def _assignment_changes(self) -> dict:
        """Once trainees are assigned, what reproduces and reads the assignment stays as it was."""
        if self.pk is None or not self.participants.exists():
            return {}
        fixed = ("seed", "parallel_forms", "pre_test_id", "post_test_id")
        stored = Study.objects.filter(pk=self.pk).values(*fixed).first() or {}
        message = _("The trainees have been assigned at random: this can no longer change.")
        return {name.removesuffix("_id"): message for name in fixed if stored.get(name) != getattr(self, name)}


class Arm(Orderable):
    """A cohort's place in a study, and when the post-test opens for its trainees."""

    study = ParentalKey(Study, verbose_name=_("study"), on_delete=models.CASCADE, related_name="arms")
    cohort = models.OneToOneField(
        "courses.Cohort", verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="study_arm_of"
    )
    role = models.CharField(_("role"), max_length=10, choices=ArmRole.choices)
    post_test_opens = models.CharField(
        _("post-test opens"), max_length=20, choices=PostTestOpens.choices, default=PostTestOpens.AFTER_LESSONS
    )
    post_test_opens_on = models.DateField(_("post-test opens on"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("cohort"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("post_test_opens"), FieldPanel("post_test_opens_on")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("arm")
        verbose_name_plural = _("arms")

    def __str__(self):
        return f"{self.cohort} ({self.get_role_display()})"

    def clean(self):
        if self.post_test_opens == PostTestOpens.ON_DATE and not self.post_test_opens_on:
            raise ValidationError({"post_test_opens_on": _("Give the date the post-test opens.")})
        if self.role == ArmRole.CONTROL and self.post_test_opens != PostTestOpens.ON_DATE:
            raise ValidationError(
                {
                    "post_test_opens": _(
                        "A control group neither studies nor does an apprenticeship: open its post-test on a date."
                    )
                }
            )


class StudyParticipant(models.Model):
    """A trainee assigned to an arm of a study, with the order in which they take the forms."""

    study = models.ForeignKey(Study, verbose_name=_("study"), on_delete=models.CASCADE, related_name="participants")
    arm = models.ForeignKey(Arm, verbose_name=_("arm"), on_delete=models.CASCADE, related_name="participants")
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.PROTECT, related_name="study_places"
    )
    stratum = models.CharField(_("stratum"), max_length=100, blank=True)
    forms_reversed = models.BooleanField(
        _("takes form B first"), default=False, help_text=_("With parallel forms: the post-test's items as pre-test.")
    )
    assigned_at = models.DateTimeField(_("assigned"), auto_now_add=True)

    class Meta:
        verbose_name = _("study participant")
        verbose_name_plural = _("study participants")
        constraints = [models.UniqueConstraint(fields=["study", "trainee"], name="one_place_per_study")]

    def __str__(self):
        return f"{self.trainee} — {self.arm}"
