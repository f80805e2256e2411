"""Cohorts (angkatan) and the enrolments that place trainees in them."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from courses.constants import EnrollmentSource, EnrollmentStatus, StudyArm


class Cohort(models.Model):
    """A group of trainees who take one course together in one region, led by its trainers.

    A cohort can be one arm of an evaluation study (treatment or control); the analytics
    compare the pre-tests and post-tests of such a pair.
    """

    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("course"), on_delete=models.PROTECT, related_name="cohorts"
    )
    name = models.CharField(_("name"), max_length=150)
    region = models.ForeignKey(
        "people.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="cohorts",
        help_text=_("Supervisors of this region follow the cohort; trainees of this region may enrol themselves."),
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("trainers"), blank=True, related_name="cohorts_taught"
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    capacity = models.PositiveIntegerField(_("capacity"), validators=[MinValueValidator(1)])
    enrollment_open = models.BooleanField(
        _("open for self-enrolment"), default=True, help_text=_("Trainees of the region may enrol themselves.")
    )
    study_arm = models.CharField(_("study arm"), max_length=10, choices=StudyArm.choices, default=StudyArm.NONE)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("course"),
        FieldPanel("name"),
        FieldPanel("region"),
        FieldPanel("trainers"),
        MultiFieldPanel([FieldPanel("starts_on"), FieldPanel("ends_on")], heading=_("Dates")),
        FieldPanel("capacity"),
        FieldPanel("enrollment_open"),
        FieldPanel("study_arm"),
    ]

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="cohort_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Enrollment(models.Model):
    """A trainee's place in a cohort: who enrolled them, when, and how far they have come.

    `last_activity_at` is updated whenever the trainee studies, so inactivity is one column away.
    `lessons_completed_at` is set (once, never cleared) when the trainee's progress first covers
    every live lesson of the course, so "lessons complete" in the supervisor's funnel is a column
    check instead of counting LessonProgress rows for every trainee.
    """

    cohort = models.ForeignKey(Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="enrollments")
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.PROTECT, related_name="enrollments"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=EnrollmentStatus.choices, default=EnrollmentStatus.ENROLLED
    )
    source = models.CharField(_("how"), max_length=12, choices=EnrollmentSource.choices)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enrolled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last studied"), null=True, blank=True)
    lessons_completed_at = models.DateTimeField(_("lessons completed at"), null=True, blank=True)

    class Meta:
        ordering = ["enrolled_at"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["cohort", "trainee"], name="one_enrollment_per_cohort")]
        indexes = [models.Index(fields=["trainee", "status"], name="enrollment_trainee_status")]

    def __str__(self) -> str:
        return f"{self.trainee} · {self.cohort}"
