from pathlib import Path

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Role(models.TextChoices):
    """The roles of the programme. The values are the names of the Django groups.

    A senior trainer (Pengajar Senior) reviews and publishes what trainers write; the group is
    created by the curriculum app, which gives it its page permissions.
    """

    TRAINEE = "Peserta", _("Trainee mentor")
    TRAINER = "Pengajar", _("Trainer")
    SENIOR_TRAINER = "Pengajar Senior", _("Senior trainer")
    SUPERVISOR = "Penyelia", _("Supervisor")
    HOST_MENTOR = "Pembimbing", _("Host mentor")


# Roles that work with other people's data sign in with a second factor.
ROLES_REQUIRING_TWO_FACTOR = frozenset({Role.TRAINER, Role.SENIOR_TRAINER, Role.SUPERVISOR})


class EducationLevel(models.TextChoices):
    SD = "SD", _("Primary school (SD)")
    SMP = "SMP", _("Junior high school (SMP)")
    SLTA = "SLTA", _("Senior high school (SLTA/SMA/SMK)")
    D3 = "D3", _("Diploma (D3)")
    S1 = "S1", _("Bachelor's degree (S1)")
    S2 = "S2", _("Master's degree (S2)")
    S3 = "S3", _("Doctorate (S3)")


class Sex(models.TextChoices):
    """Optional, as the trainee states it; evaluation studies may stratify their randomisation by it."""

    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class RegionLevel(models.IntegerChoices):
    """Depth in the region tree: one more segment of the official code per level."""

    PROVINCE = 1, _("Province")
    REGENCY = 2, _("Regency/city")
    DISTRICT = 3, _("District")
    VILLAGE = 4, _("Village")


# The demo data set of real region codes (see README: "Regions").
REGIONS_CSV = Path(__file__).resolve().parent / "data" / "regions.csv"


class ApplicationStatus(models.TextChoices):
    """Where a candidate mentor's application stands. Only `accepted` makes an account.

    The labels have their own context: "Submitted" is also the label of a date column, and one
    msgid cannot be both "new" (a status) and "time submitted" (a date) in Indonesian.
    """

    SUBMITTED = "submitted", pgettext_lazy("application status", "Submitted")
    ACCEPTED = "accepted", pgettext_lazy("application status", "Accepted")
    WAITLISTED = "waitlisted", pgettext_lazy("application status", "Waitlisted")
    REJECTED = "rejected", pgettext_lazy("application status", "Rejected")


# The lowest schooling a mentor may have (DOMAIN.md: at least senior high school, SLTA).
MINIMUM_EDUCATION = EducationLevel.SLTA
EDUCATION_ORDER = [level.value for level in EducationLevel]

# Applications still waiting for a final decision; a candidate may have one at a time.
OPEN_APPLICATION_STATUSES = (ApplicationStatus.SUBMITTED, ApplicationStatus.WAITLISTED)

# The screening rubric, from the mentor requirements of DOMAIN.md (seed 003): each criterion
# is scored 1-5 by the supervisor. Keys are stored in ApplicationScreening.scores, so renaming
# one orphans old scores; add new criteria instead.
RUBRIC_SCORE_MIN, RUBRIC_SCORE_MAX = 1, 5
SCREENING_RUBRIC = (
    (
        "integrity",
        _("Integrity"),
        (
            ("social_spirit", _("Social spirit")),
            ("motivation", _("High motivation")),
            ("reputation", _("Good reputation in the community")),
        ),
    ),
    (
        "capacity",
        _("Capacity"),
        (
            ("literacy", _("Literacy for bookkeeping and reports")),
            ("communication", _("Communication with members, officials, NGOs and micro-finance")),
            ("economics", _("Practical economics: raw materials, production, marketing, fund raising")),
            ("problem_solving", _("Solving group problems and growing the KUBE")),
            ("resource_mobilisation", _("Tapping community resources")),
        ),
    ),
    (
        "special",
        _("Special criteria"),
        (
            ("education", _("Education (at least senior high school, SLTA)")),
            ("service", _("Motivation to serve")),
            ("leadership", _("Leadership")),
        ),
    ),
)
RUBRIC_KEYS = tuple(key for _group, _label, criteria in SCREENING_RUBRIC for key, _text in criteria)
RUBRIC_MAX_TOTAL = RUBRIC_SCORE_MAX * len(RUBRIC_KEYS)
