"""Certification programmes and the certificates issued under them.

Eligibility is never stored: `lms.certification.eligibility` computes it from the trainee's
courses, post-tests and apprenticeship each time it is asked.
"""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from lms.files import private_storage

from .constants import CertificateStatus, IssueMode
from .validity import is_valid_on

WINDOW_TOO_LONG = _("The recertification window must be shorter than the validity.")
REFRESHER_REQUIRED = _("Choose the refresher course that renews the certificate, or make the programme not renewable.")


class CertificationProgramme(models.Model):
    """What a trainee must have done to be certified, and how long the certificate lasts.

    Required courses must be completed with the post-test passed at the programme's pass
    mark; the apprenticeship must be completed with enough countersigned hours and a host
    evaluation at or above the threshold. A certificate holder renews by completing the
    refresher course inside the recertification window (the last months before expiry).
    """

    name = models.CharField(_("name"), max_length=200)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    description = models.TextField(_("description"), blank=True)
    required_courses = models.ManyToManyField(
        "courses.CoursePage", verbose_name=_("required courses"), related_name="certification_programmes"
    )
    post_test_pass_mark = models.PositiveSmallIntegerField(
        _("post-test pass mark (%)"), default=70, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    apprenticeship_required = models.BooleanField(_("apprenticeship required"), default=True)
    apprenticeship_hours = models.PositiveSmallIntegerField(
        _("countersigned apprenticeship hours"), default=80, validators=[MinValueValidator(0)]
    )
    evaluation_threshold = models.DecimalField(
        _("minimum host evaluation (1-5)"),
        max_digits=3,
        decimal_places=2,
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    validity_months = models.PositiveSmallIntegerField(
        _("validity (months)"), default=36, validators=[MinValueValidator(1)]
    )
    recertification_window_months = models.PositiveSmallIntegerField(
        _("recertification window (months before expiry)"), default=6, validators=[MinValueValidator(1)]
    )
    renewable = models.BooleanField(
        _("renewable"),
        default=True,
        help_text=_("Holders renew by completing the refresher course inside the recertification window."),
    )
    refresher_course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("refresher course"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="refresher_for",
    )
    issue_mode = models.CharField(_("how certificates are issued"), max_length=12, choices=IssueMode.choices)
    active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("required_courses"), FieldPanel("post_test_pass_mark")], heading=_("Courses")),
        MultiFieldPanel(
            [
                FieldPanel("apprenticeship_required"),
                FieldPanel("apprenticeship_hours"),
                FieldPanel("evaluation_threshold"),
            ],
            heading=_("Apprenticeship"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("validity_months"),
                FieldPanel("renewable"),
                FieldPanel("recertification_window_months"),
                FieldPanel("refresher_course"),
            ],
            heading=_("Validity and renewal"),
        ),
        FieldPanel("issue_mode"),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("certification programme")
        verbose_name_plural = _("certification programmes")

    def __str__(self) -> str:
        return self.name

    def clean(self):
        """The window must fit inside the validity, and renewal needs the course that renews."""
        errors = {}
        if (
            self.validity_months is not None
            and self.recertification_window_months is not None
            and self.recertification_window_months >= self.validity_months
        ):
            errors["recertification_window_months"] = WINDOW_TOO_LONG
        if self.renewable and self.refresher_course_id is None:
            errors["refresher_course"] = REFRESHER_REQUIRED
        if errors:
            raise ValidationError(errors)


def certificate_pdf_path(certificate, filename) -> str:
    """A random name: the serial number is printed on the certificate, so it must not find the file."""
    return f"certificates/{uuid.uuid4().hex}.pdf"


class Certificate(models.Model):
    """A certificate held by one trainee under one programme.

    The serial number is for people (printed, quoted on the phone); the verification code is
    for machines (the QR code) and is long and random, so certificates cannot be enumerated.
    A revoked certificate stays on record with its reason. A renewal is a new certificate
    pointing at the one it renews. The PDF is a private file under a random name, handed out
    only by `download_views` (the holder downloads it named by its serial number).
    """

    programme = models.ForeignKey(
        CertificationProgramme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="certificates"
    )
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("holder"), on_delete=models.PROTECT, related_name="certificates"
    )
    serial_number = models.CharField(_("serial number"), max_length=40, unique=True)
    verification_code = models.CharField(_("verification code"), max_length=40, unique=True, editable=False)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when issued automatically."),
    )
    renews = models.OneToOneField(
        "self", verbose_name=_("renews"), on_delete=models.PROTECT, null=True, blank=True, related_name="renewal"
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    pdf = models.FileField(_("PDF"), upload_to=certificate_pdf_path, storage=private_storage, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__gt=models.F("issued_on")), name="certificate_expires_after_issue"
            )
        ]
        indexes = [
            models.Index(fields=["expires_on"], name="certificate_expires_on"),
            models.Index(fields=["trainee", "programme"], name="certificate_trainee_programme"),
        ]

    def __str__(self) -> str:
        return f"{self.serial_number} · {self.trainee}"

    def status_on(self, day: datetime.date) -> CertificateStatus:
        """Revoked wins; otherwise valid up to and including its expiry date."""
        if self.revoked_at is not None:
            return CertificateStatus.REVOKED
        if is_valid_on(revoked=False, expires_on=self.expires_on, day=day):
            return CertificateStatus.VALID
        return CertificateStatus.EXPIRED

    @property
    def status(self) -> CertificateStatus:
        return self.status_on(timezone.localdate())
