from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _


class LearningFormat(models.TextChoices):
    """How a course is delivered (seed 001: in-house, block placement, or both combined)."""

    IN_HOUSE = "in_house", _("In-house training")
    BLOCK_PLACEMENT = "block_placement", _("Block placement")
    BLENDED = "blended", _("Classroom with a long block placement")


class StudyArm(models.TextChoices):
    """The cohort's place in an evaluation study (treatment vs control, as in the source study)."""

    NONE = "none", _("Not in a study")
    TREATMENT = "treatment", _("Treatment group")
    CONTROL = "control", _("Control group")


class EnrollmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    ACTIVE = "active", _("Studying")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class EnrollmentSource(models.TextChoices):
    SELF = "self", _("Enrolled themselves")
    BULK = "bulk", _("Enrolled from a file")
    RECRUITMENT = "recruitment", _("Accepted through recruitment")
    STUDY = "study", _("Assigned by an evaluation study")


# Enrolments that hold a seat and give access to the lessons.
SEAT_HOLDING_STATUSES = (EnrollmentStatus.ENROLLED, EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED)

# A trainee with no study activity for this long is flagged on the trainer's grid.
INACTIVITY_THRESHOLD = timedelta(days=14)

# Bulk enrolment files
ENROLLMENT_FILE_MAX_BYTES = 2 * 1024 * 1024
ENROLLMENT_FILE_MAX_ROWS = 5000
