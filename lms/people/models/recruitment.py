"""Recruitment of candidate mentors: the public application and the supervisor's screening."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..constants import EDUCATION_ORDER, MINIMUM_EDUCATION, OPEN_APPLICATION_STATUSES, ApplicationStatus, EducationLevel
from .accounts import PHONE_VALIDATOR, Region


class CandidateApplication(models.Model):
    """A candidate's application to become a social mentor, sent from the public form.

    Supervisors of the candidate's region screen it and decide: accepted (an account is made
    and the candidate enrolled in a cohort), waitlisted or rejected, always with a reason.
    One e-mail address has at most one open (submitted or waitlisted) application, enforced by
    the database too, so a double submit cannot store two. Addresses are kept lower-case.
    """

    full_name = models.CharField(_("full name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("mobile phone"), max_length=16, validators=[PHONE_VALIDATOR])
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="candidate_applications"
    )
    education_level = models.CharField(_("education level"), max_length=4, choices=EducationLevel.choices)
    community_experience = models.TextField(_("experience with community groups"))
    motivation = models.TextField(_("motivation"))
    references = models.TextField(_("references"))
    status = models.CharField(
        _("status"), max_length=10, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason"), blank=True)
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="candidate_application",
    )

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("candidate application")
        verbose_name_plural = _("candidate applications")
        indexes = [models.Index(fields=["status", "submitted_at"], name="application_status_submitted")]
        constraints = [
            models.UniqueConstraint(
                fields=["email"],
                condition=models.Q(status__in=OPEN_APPLICATION_STATUSES),
                name="one_open_application_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.full_name} <{self.email}>"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_APPLICATION_STATUSES

    @property
    def meets_minimum_education(self) -> bool:
        """DOMAIN.md's hard rule: a mentor has at least senior high school (SLTA)."""
        return is_educated_enough(self.education_level)


def is_educated_enough(level: str) -> bool:
    """True when `level` is at or above MINIMUM_EDUCATION in EDUCATION_ORDER."""
    return level in EDUCATION_ORDER and EDUCATION_ORDER.index(level) >= EDUCATION_ORDER.index(MINIMUM_EDUCATION)


class ApplicationScreening(models.Model):
    """A supervisor's scores for one application on the rubric of DOMAIN.md (each 1-5)."""

    application = models.OneToOneField(
        CandidateApplication, verbose_name=_("application"), on_delete=models.CASCADE, related_name="screening"
    )
    scores = models.JSONField(_("scores"), default=dict)
    total = models.PositiveSmallIntegerField(_("total score"), default=0, validators=[MinValueValidator(0)])
    notes = models.TextField(_("notes"), blank=True)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("screened by"), on_delete=models.PROTECT, related_name="+"
    )
    screened_at = models.DateTimeField(_("screened at"), default=timezone.now)
    percent = models.PositiveSmallIntegerField(
        _("score (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )

    class Meta:
        verbose_name = _("screening")
        verbose_name_plural = _("screenings")

    def __str__(self) -> str:
        return f"{self.application}: {self.total}"
