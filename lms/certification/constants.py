from django.db import models
from django.utils.translation import gettext_lazy as _


class IssueMode(models.TextChoices):
    """Whether a certificate is issued as soon as every condition holds, or by a supervisor."""

    AUTOMATIC = "automatic", _("Automatically when every condition holds")
    SUPERVISOR = "supervisor", _("By a supervisor, once every condition holds")


class CertificateStatus(models.TextChoices):
    """Derived from the dates and the revocation, never stored."""

    VALID = "valid", _("Valid")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


# Reminders before a certificate expires (days).
EXPIRY_REMINDER_DAYS = (90, 30)
