"""Placements of apprentices at KUBE, their logbooks and the host mentor's evaluation."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.files import private_storage

from ..constants import (
    LOGBOOK_MAX_HOURS_PER_DAY,
    OPEN_STATUSES,
    SCORE_MAX,
    SCORE_MIN,
    ActivityType,
    PlacementStatus,
    Recommendation,
)


class Placement(models.Model):
    """An apprenticeship (magang) of one trainee at one KUBE, under its host mentor.

    Workflow: proposed → approved (by a supervisor of the KUBE's region, taking one of the
    KUBE's host places) → active (first logbook entry) → completed (supervisor signs off the
    host's evaluation); or rejected / withdrawn, with a reason. A trainee has at most one
    placement under way. `countersigned_hours` and `last_entry_on` are kept by the logbook
    services so that boards and dashboards read them without summing logbooks.
    """

    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.PROTECT, related_name="placements"
    )
    kube = models.ForeignKey(
        "apprenticeship.KubeGroup", verbose_name=_("KUBE"), on_delete=models.PROTECT, related_name="placements"
    )
    host_mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("host mentor"), on_delete=models.PROTECT, related_name="apprentices"
    )
    cohort = models.ForeignKey(
        "courses.Cohort", verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="placements"
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    required_hours = models.PositiveSmallIntegerField(_("hours required"), validators=[MinValueValidator(1)])
    status = models.CharField(
        _("status"), max_length=10, choices=PlacementStatus.choices, default=PlacementStatus.PROPOSED
    )
    status_reason = models.TextField(_("reason"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    countersigned_hours = models.DecimalField(
        _("countersigned hours"), max_digits=6, decimal_places=1, default=Decimal("0"), editable=False
    )
    last_entry_on = models.DateField(_("last logbook entry"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="placement_ends_after_start"
            ),
            models.UniqueConstraint(
                fields=["trainee"],
                condition=models.Q(status__in=OPEN_STATUSES),
                name="one_open_placement_per_trainee",
            ),
        ]
        indexes = [
            models.Index(fields=["kube", "status"], name="placement_kube_status"),
            models.Index(fields=["host_mentor", "status"], name="placement_host_status"),
            models.Index(fields=["status", "ends_on"], name="placement_status_end"),
        ]

    def __str__(self) -> str:
        return f"{self.trainee} · {self.kube}"

    @property
    def hours_percent(self) -> int:
        if not self.required_hours:
            return 0
        return min(100, int(self.countersigned_hours * 100 / self.required_hours))

    @property
    def hours_met(self) -> bool:
        return self.countersigned_hours >= self.required_hours


class LogbookEntry(models.Model):
    """One day's apprenticeship work, written by the apprentice and countersigned by the host.

    `client_key` is made on the phone when the entry is first written, so an entry sent
    again after a dropped connection updates the same row instead of making a second one.
    Once countersigned the entry is locked and its hours count.
    """

    placement = models.ForeignKey(
        Placement, verbose_name=_("placement"), on_delete=models.PROTECT, related_name="logbook_entries"
    )
    client_key = models.UUIDField(_("key"), default=uuid.uuid4, editable=False)
    worked_on = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=3,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(LOGBOOK_MAX_HOURS_PER_DAY)],
    )
    activity_type = models.CharField(_("activity"), max_length=12, choices=ActivityType.choices)
    roles_practised = models.ManyToManyField(
        "courses.MentorRole", verbose_name=_("mentor roles practised"), blank=True, related_name="+"
    )
    narrative = models.TextField(_("what I did"), help_text=_("Sanitised HTML (lms.sanitize)."))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    host_note = models.TextField(_("host mentor's note"), blank=True)
    countersigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("countersigned by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    countersigned_at = models.DateTimeField(_("countersigned at"), null=True, blank=True)

    class Meta:
        ordering = ["-worked_on", "-pk"]
        verbose_name = _("logbook entry")
        verbose_name_plural = _("logbook entries")
        constraints = [
            models.UniqueConstraint(fields=["placement", "client_key"], name="logbook_entry_client_key"),
        ]
        indexes = [models.Index(fields=["placement", "countersigned_at"], name="logbook_countersign")]

    def __str__(self) -> str:
        return f"{self.placement} · {self.worked_on:%Y-%m-%d}"

    @property
    def is_countersigned(self) -> bool:
        return self.countersigned_at is not None


def _photo_path(photo, filename):
    return f"logbook/{photo.entry.placement_id}/{uuid.uuid4().hex}.webp"


class LogbookPhoto(models.Model):
    """A photo attached to a logbook entry, re-encoded on upload (EXIF and location removed).

    Photos are private files (random names, never under MEDIA_ROOT) served through a view
    that checks who is asking.
    """

    entry = models.ForeignKey(LogbookEntry, verbose_name=_("entry"), on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(_("photo"), upload_to=_photo_path, storage=private_storage)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("logbook photo")
        verbose_name_plural = _("logbook photos")

    def __str__(self) -> str:
        return self.original_name or self.image.name


class PlacementEvaluation(models.Model):
    """The host mentor's judgement of the apprentice, per mentor role, and the supervisor's sign-off.

    `average_score` is the mean of the role scores (1-5), kept for the certification rules.
    Signing off completes the placement; after that the evaluation is locked.
    """

    placement = models.OneToOneField(
        Placement, verbose_name=_("placement"), on_delete=models.CASCADE, related_name="evaluation"
    )
    recommendation = models.CharField(_("overall recommendation"), max_length=12, choices=Recommendation.choices)
    comment = models.TextField(_("overall comment"), blank=True)
    average_score = models.DecimalField(_("average score"), max_digits=3, decimal_places=2)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("evaluated by"), on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("evaluated at"))
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed off by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    signed_off_at = models.DateTimeField(_("signed off at"), null=True, blank=True)

    class Meta:
        verbose_name = _("host evaluation")
        verbose_name_plural = _("host evaluations")

    def __str__(self) -> str:
        return str(self.placement)


class PlacementRoleScore(models.Model):
    """The host's score (1-5) and comment for one mentor role the apprentice practised."""

    evaluation = models.ForeignKey(
        PlacementEvaluation, verbose_name=_("evaluation"), on_delete=models.CASCADE, related_name="role_scores"
    )
    role = models.ForeignKey("courses.MentorRole", verbose_name=_("mentor role"), on_delete=models.PROTECT)
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)]
    )
    comment = models.CharField(_("comment"), max_length=500, blank=True)

    class Meta:
        ordering = ["role__sort_order", "pk"]
        verbose_name = _("role score")
        verbose_name_plural = _("role scores")
        constraints = [models.UniqueConstraint(fields=["evaluation", "role"], name="one_score_per_role")]

    def __str__(self) -> str:
        return f"{self.role}: {self.score}"
