from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ProgrammeStage(models.TextChoices):
    """Where a KUBE stands in the ministry's programme: start-up grant, then BLPS, LKM, cooperative."""

    PENUMBUHAN = "penumbuhan", _("Start-up (penumbuhan)")
    BLPS = "blps", _("Developing (pengembangan / BLPS)")
    LKM = "lkm", _("Strengthening (penguatan / LKM)")
    KOPERASI = "koperasi", _("Cooperative (koperasi)")


class MaturityClass(models.TextChoices):
    """The three maturity classes of seed 003, lowest first."""

    TUMBUH = "tumbuh", _("Growing (Tumbuh)")
    BERKEMBANG = "berkembang", _("Developing (Berkembang)")
    MANDIRI = "mandiri", _("Independent (Mandiri)")


HOST_CLASSES = frozenset({MaturityClass.BERKEMBANG, MaturityClass.MANDIRI})


class Weekday(models.IntegerChoices):
    MONDAY = 1, _("Monday")
    TUESDAY = 2, _("Tuesday")
    WEDNESDAY = 3, _("Wednesday")
    THURSDAY = 4, _("Thursday")
    FRIDAY = 5, _("Friday")
    SATURDAY = 6, _("Saturday")
    SUNDAY = 7, _("Sunday")


# The nine cluster indicators of seed 001: (field on KubeAssessment, label, what is looked at).
INDICATORS = (
    ("institution", _("Institution"), _("Structure, rules and records of the group")),
    ("management", _("Quality of management"), _("Planning, bookkeeping and regular meetings")),
    (
        "membership",
        _("Membership and targets"),
        _("How many families take part and whether they are the intended ones"),
    ),
    ("activities", _("Variety of activities"), _("Business and social activities beyond the first one")),
    ("partnership", _("Partnership network"), _("Links with markets, banks, cooperatives and agencies")),
    ("growth", _("Business and capital growth"), _("Turnover, capital and savings over time")),
    ("independence", _("Independence"), _("Running without the grant; access to commercial finance")),
    ("facilities", _("Facilities"), _("Premises, tools and equipment")),
    ("welfare_role", _("Role in members' welfare"), _("Income, jobs and social care for the members")),
)
INDICATOR_FIELDS = tuple(field for field, _label, _help in INDICATORS)
SCORE_MIN, SCORE_MAX = 1, 5
TOTAL_MIN, TOTAL_MAX = SCORE_MIN * len(INDICATORS), SCORE_MAX * len(INDICATORS)


class PlacementStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    APPROVED = "approved", _("Approved")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", pgettext_lazy("placement", "Withdrawn")
    REJECTED = "rejected", _("Rejected")


# Placements that take one of the KUBE's host places.
SEAT_HOLDING_STATUSES = (PlacementStatus.APPROVED, PlacementStatus.ACTIVE)
# Placements still under way: a trainee has at most one of these at a time.
OPEN_STATUSES = (PlacementStatus.PROPOSED, PlacementStatus.APPROVED, PlacementStatus.ACTIVE)
# Placements in which the apprentice keeps a logbook.
LOGGING_STATUSES = (PlacementStatus.APPROVED, PlacementStatus.ACTIVE)


class ActivityType(models.TextChoices):
    GROUP_MEETING = "meeting", _("Group meeting")
    BOOKKEEPING = "bookkeeping", _("Bookkeeping")
    MARKETING = "marketing", _("Marketing")
    PRODUCTION = "production", _("Production")
    PARTNERSHIP_VISIT = "partnership", _("Partnership visit")
    IKS_COLLECTION = "iks", _("IKS collection")
    HOME_VISIT = "home_visit", _("Home visit")
    OTHER = "other", _("Other")


class Recommendation(models.TextChoices):
    """The host mentor's overall word on the apprentice, strongest first."""

    STRONGLY = "strongly", _("Ready to mentor a KUBE on their own")
    YES = "yes", _("Ready, with some follow-up")
    RESERVATIONS = "reservations", _("Needs more practice first")
    NO = "no", _("Not ready")


MAX_PHOTOS_PER_ENTRY = 5
PHOTO_MAX_BYTES = 8 * 1024 * 1024
PHOTO_MAX_PIXELS = 40_000_000  # a 60-megapixel image is refused before it is decoded
PHOTO_MAX_SIDE = 1600  # stored photos are scaled down to this, to spare metered connections
LOGBOOK_MAX_HOURS_PER_DAY = 12
NARRATIVE_MAX_CHARS = 10_000
KUBE_FILE_MAX_ROWS = 5000
