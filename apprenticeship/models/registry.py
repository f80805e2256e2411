"""The KUBE registry: groups, their grants and their dated maturity assessments."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from courses.models.snippets import BilingualName
from lms.people.constants import RegionLevel

from ..constants import INDICATORS, SCORE_MAX, SCORE_MIN, TOTAL_MAX, TOTAL_MIN, MaturityClass, ProgrammeStage, Weekday


class BusinessType(BilingualName):
    """A kind of productive business a KUBE runs (livestock, food stall, crafts …), kept as data."""

    slug = models.SlugField(_("key"), max_length=50, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name_id"]
        verbose_name = _("business type")
        verbose_name_plural = _("business types")


class KubeGroup(ClusterableModel):
    """A joint business group of poor families in one village, and whether it can host apprentices.

    `latest_assessment` points at the most recent maturity assessment; it is kept by
    `services.kube_assessment_record` so that listing eligible hosts needs no subquery.
    """

    name = models.CharField(_("name"), max_length=150)
    village = models.ForeignKey(
        "people.Region", verbose_name=_("village"), on_delete=models.PROTECT, related_name="kube_groups"
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    business_type = models.ForeignKey(
        BusinessType, verbose_name=_("business type"), on_delete=models.PROTECT, related_name="kube_groups"
    )
    founded_on = models.DateField(_("founded on"))
    member_families = models.PositiveSmallIntegerField(
        _("member families"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    programme_stage = models.CharField(
        _("programme stage"), max_length=12, choices=ProgrammeStage.choices, default=ProgrammeStage.PENUMBUHAN
    )
    meeting_day = models.PositiveSmallIntegerField(
        _("regular meeting day"), choices=Weekday.choices, null=True, blank=True
    )
    iks_contribution = models.PositiveIntegerField(
        _("IKS contribution per member (Rp)"),
        default=0,
        help_text=_("The social-solidarity contribution each member pays at a meeting."),
    )
    iks_fund_balance = models.PositiveBigIntegerField(_("IKS fund balance (Rp)"), default=0)
    host_capacity = models.PositiveSmallIntegerField(
        _("apprentice places"),
        default=0,
        validators=[MaxValueValidator(20)],
        help_text=_("How many apprentices the group can host at the same time; 0 if it does not host."),
    )
    host_mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("host mentor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_kube_groups",
        limit_choices_to={"groups__name": "Pembimbing"},
    )
    is_active = models.BooleanField(_("active"), default=True)
    latest_assessment = models.ForeignKey(
        "apprenticeship.KubeAssessment",
        verbose_name=_("latest assessment"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("village"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("business_type"), FieldPanel("programme_stage")]),
        FieldRowPanel([FieldPanel("founded_on"), FieldPanel("member_families")]),
        FieldRowPanel([FieldPanel("meeting_day"), FieldPanel("iks_contribution"), FieldPanel("iks_fund_balance")]),
        MultiFieldPanel(
            [FieldPanel("host_mentor"), FieldPanel("host_capacity"), FieldPanel("is_active")],
            heading=_("Hosting apprentices"),
        ),
        InlinePanel("grants", heading=_("Stimulus grants received"), label=_("Grant")),
    ]

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("KUBE")
        verbose_name_plural = _("KUBE")
        indexes = [models.Index(fields=["is_active", "host_capacity"], name="kube_hosting")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.village_id and self.village.depth != RegionLevel.VILLAGE:
            raise ValidationError({"village": _("Choose a village (desa/kelurahan), not a larger region.")})


class StimulusGrant(models.Model):
    """A stimulus grant the KUBE received: the year, the amount and who gave it."""

    kube = ParentalKey(KubeGroup, on_delete=models.CASCADE, related_name="grants")
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(1980), MaxValueValidator(2100)])
    amount = models.PositiveBigIntegerField(_("amount (Rp)"))
    source = models.CharField(_("source"), max_length=150, help_text=_("For example: Kementerian Sosial, APBD."))

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("amount"), FieldPanel("source")])]

    class Meta:
        ordering = ["year", "pk"]
        verbose_name = _("stimulus grant")
        verbose_name_plural = _("stimulus grants")

    def __str__(self) -> str:
        return f"{self.year} · {self.source}"


def _score_field(label):
    return models.PositiveSmallIntegerField(
        label, validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)]
    )


def _note_field():
    return models.CharField(_("note"), max_length=500, blank=True)


class KubeAssessment(models.Model):
    """A dated look at a KUBE on the nine cluster indicators (1-5 each) and the class it earned.

    The total and the class are computed by `services.kube_assessment_record` with the
    thresholds in force on that day and then kept, so a KUBE's class history does not change
    when the thresholds are later revised.
    """

    kube = models.ForeignKey(KubeGroup, verbose_name=_("KUBE"), on_delete=models.CASCADE, related_name="assessments")
    assessed_on = models.DateField(_("assessed on"))
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("assessed by"), on_delete=models.PROTECT, related_name="+"
    )
    institution = _score_field(INDICATORS[0][1])
    institution_note = _note_field()
    management = _score_field(INDICATORS[1][1])
    management_note = _note_field()
    membership = _score_field(INDICATORS[2][1])
    membership_note = _note_field()
    activities = _score_field(INDICATORS[3][1])
    activities_note = _note_field()
    partnership = _score_field(INDICATORS[4][1])
    partnership_note = _note_field()
    growth = _score_field(INDICATORS[5][1])
    growth_note = _note_field()
    independence = _score_field(INDICATORS[6][1])
    independence_note = _note_field()
    facilities = _score_field(INDICATORS[7][1])
    facilities_note = _note_field()
    welfare_role = _score_field(INDICATORS[8][1])
    welfare_role_note = _note_field()
    total_score = models.PositiveSmallIntegerField(
        _("total score"), validators=[MinValueValidator(TOTAL_MIN), MaxValueValidator(TOTAL_MAX)]
    )
    maturity_class = models.CharField(_("class"), max_length=12, choices=MaturityClass.choices)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-assessed_on", "-pk"]
        verbose_name = _("KUBE maturity assessment")
        verbose_name_plural = _("KUBE maturity assessments")
        indexes = [models.Index(fields=["kube", "-assessed_on"], name="kube_assessment_latest")]

    def __str__(self) -> str:
        return f"{self.kube} · {self.assessed_on:%Y-%m-%d} · {self.get_maturity_class_display()}"

    def scores(self) -> dict[str, int]:
        return {field: getattr(self, field) for field, _label, _help in INDICATORS}

    def indicator_rows(self) -> list[tuple[str, int, str]]:
        """(label, score, note) for each indicator, in the documented order."""
        return [(label, getattr(self, field), getattr(self, f"{field}_note")) for field, label, _help in INDICATORS]


class ApprenticeInterest(models.Model):
    """The kinds of business a trainee would like to learn from, used to rank host suggestions."""

    trainee = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.CASCADE,
        related_name="apprentice_interest",
    )
    business_types = models.ManyToManyField(BusinessType, verbose_name=_("business types"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("apprenticeship interest")
        verbose_name_plural = _("apprenticeship interests")

    def __str__(self) -> str:
        return str(self.trainee)


@register_setting(icon="group")
class ApprenticeshipSettings(BaseGenericSetting):
    """The documented thresholds of the apprenticeship rules, editable by administrators.

    A KUBE's class follows its total score over the nine indicators (9-45): *Mandiri* from
    `mandiri_min_total`, *Berkembang* from `berkembang_min_total`, *Tumbuh* below. It may host
    apprentices when its latest assessment, at most `assessment_max_age_months` old, is
    *Berkembang* or *Mandiri* with at least `host_min_total`.
    """

    berkembang_min_total = models.PositiveSmallIntegerField(
        _("lowest total for Berkembang"),
        default=23,
        validators=[MinValueValidator(TOTAL_MIN + 1), MaxValueValidator(TOTAL_MAX)],
    )
    mandiri_min_total = models.PositiveSmallIntegerField(
        _("lowest total for Mandiri"),
        default=36,
        validators=[MinValueValidator(TOTAL_MIN + 1), MaxValueValidator(TOTAL_MAX)],
    )
    host_min_total = models.PositiveSmallIntegerField(
        _("lowest total to host apprentices"),
        default=27,
        validators=[MinValueValidator(TOTAL_MIN), MaxValueValidator(TOTAL_MAX)],
    )
    assessment_max_age_months = models.PositiveSmallIntegerField(
        _("oldest assessment that counts (months)"), default=12, validators=[MinValueValidator(1)]
    )
    default_required_hours = models.PositiveSmallIntegerField(
        _("apprenticeship hours required"),
        default=80,
        validators=[MinValueValidator(1)],
        help_text=_("Used when the course does not set its own."),
    )
    logbook_overdue_days = models.PositiveSmallIntegerField(
        _("days without a logbook entry before a placement is flagged"), default=7, validators=[MinValueValidator(1)]
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("berkembang_min_total"), FieldPanel("mandiri_min_total")],
            heading=_("Maturity classes (total of nine indicators, 9-45)"),
        ),
        MultiFieldPanel(
            [FieldPanel("host_min_total"), FieldPanel("assessment_max_age_months")],
            heading=_("Eligible hosts"),
        ),
        MultiFieldPanel(
            [FieldPanel("default_required_hours"), FieldPanel("logbook_overdue_days")],
            heading=_("Placements"),
        ),
    ]

    class Meta:
        verbose_name = _("apprenticeship rules")

    def clean(self):
        if self.berkembang_min_total >= self.mandiri_min_total:
            raise ValidationError(
                {"mandiri_min_total": _("The lowest total for Mandiri must be above the one for Berkembang.")}
            )
