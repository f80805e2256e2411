"""Forms of the KUBE registry in the Wagtail admin: choices narrowed to the user's region."""

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from lms.people.constants import RegionLevel, Role
from lms.people.models import Region, User
from lms.people.scoping import within_user_region

from .constants import INDICATOR_FIELDS, SCORE_MAX, SCORE_MIN
from .models import KubeGroup

KUBE_FILE_MAX_BYTES = 2 * 1024 * 1024


def villages_in_scope(user: User) -> QuerySet[Region]:
    """Villages (desa/kelurahan) inside the user's scope region; every village for a superuser.

    The region twin of `lms.people.scoping.within_user_region`, which filters rows that point at a
    region rather than the regions themselves.
    """
    villages = Region.objects.filter(depth=RegionLevel.VILLAGE).order_by("path")
    if user is None:
        return villages.none()
    if user.is_superuser:
        return villages
    scope = user.scope_region
    if scope is None:
        return villages.none()
    return villages.filter(path__startswith=scope.path)


def host_mentor_choices(current_id: int | None = None) -> QuerySet[User]:
    """Active members of the host-mentor group, and whoever the KUBE already names."""
    grounds = Q(groups__name=Role.HOST_MENTOR, is_active=True)
    if current_id:
        grounds |= Q(pk=current_id)
    return User.objects.filter(grounds).distinct().order_by("full_name", "email")


def _village_label(region: Region) -> str:
    return f"{region.name} ({region.code})"


def _person_label(user: User) -> str:
    return f"{user.full_name} ({user.email})" if user.full_name else user.email


class KubeGroupAdminForm(WagtailAdminModelForm):
    """Only villages inside the user's region, and only host mentors, may be chosen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "village" in self.fields:
            village = self.fields["village"]
            village.queryset = villages_in_scope(self.for_user)
            village.label_from_instance = _village_label
            village.help_text = _("Only villages within your region are listed.")
        if "business_type" in self.fields:
            # A short list: a plain select instead of the snippet chooser, easier on a phone.
            business_type = self.fields["business_type"]
            business_type.widget = forms.Select()
            business_type.widget.choices = business_type.choices
        if "host_mentor" in self.fields:
            mentor = self.fields["host_mentor"]
            mentor.queryset = host_mentor_choices(self.instance.host_mentor_id)
            mentor.label_from_instance = _person_label


class KubeAssessmentAdminForm(WagtailAdminModelForm):
    """Scores 1-5 as a short list; the KUBE from the user's region, fixed once recorded.

    The total, the class and the assessor are not on the form: the service computes them.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "kube" in self.fields:
            kube = self.fields["kube"]
            if self.instance.pk:
                # Moving an assessment to another KUBE would leave the first one's latest class stale.
                kube.queryset = KubeGroup.objects.select_related("village").filter(pk=self.instance.kube_id)
                kube.disabled = True
            else:
                kube.queryset = within_user_region(
                    KubeGroup.objects.select_related("village"), user=self.for_user, region_field="village"
                )
            kube.label_from_instance = lambda group: f"{group.name} · {group.village.name} ({group.village.code})"
        score_choices = [("", "—"), *((score, score) for score in range(SCORE_MIN, SCORE_MAX + 1))]
        for field in INDICATOR_FIELDS:
            if field in self.fields:
                self.fields[field].widget = forms.Select(choices=score_choices)
            note = f"{field}_note"
            if note in self.fields:
                self.fields[note].widget = forms.Textarea(attrs={"rows": 2, "maxlength": 500})


class KubeImportForm(forms.Form):
    file = forms.FileField(
        label=_("File of KUBE (CSV or XLSX)"),
        help_text=_("One KUBE per row, with the columns described below."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a CSV or XLSX file."))
        if upload.size > KUBE_FILE_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB; split it into smaller files."))
        return upload
