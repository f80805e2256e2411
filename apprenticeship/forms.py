from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.models import Cohort, MentorRole
from lms.people.models import User

from .constants import (
    INDICATORS,
    LOGBOOK_MAX_HOURS_PER_DAY,
    MAX_PHOTOS_PER_ENTRY,
    NARRATIVE_MAX_CHARS,
    SCORE_MAX,
    SCORE_MIN,
    ActivityType,
    Recommendation,
)
from .models import BusinessType, KubeAssessment, KubeGroup

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SCORE_CHOICES = [(score, str(score)) for score in range(SCORE_MIN, SCORE_MAX + 1)]


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    """Several photos from one input; each is checked later by `photos.prepare_photo`."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultiplePhotoInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultiplePhotoField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class LogbookEntryForm(forms.Form):
    client_key = forms.UUIDField(required=False, widget=forms.HiddenInput)
    worked_on = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    hours = forms.DecimalField(
        label=_("Hours"),
        min_value=Decimal("0.5"),
        max_value=LOGBOOK_MAX_HOURS_PER_DAY,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )
    activity_type = forms.ChoiceField(label=_("Activity"), choices=ActivityType.choices)
    roles = forms.ModelMultipleChoiceField(
        label=_("Mentor roles practised"),
        queryset=MentorRole.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    narrative = forms.CharField(
        label=_("What I did"),
        max_length=NARRATIVE_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What happened, what you did, and what you learned. Leave a blank line between paragraphs."),
    )
    photos = MultiplePhotoField(
        label=_("Photos"),
        required=False,
        help_text=_("Up to %(max)s photos per entry (JPEG, PNG, WebP or HEIC).") % {"max": MAX_PHOTOS_PER_ENTRY},
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))


class HostNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note for the apprentice"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class InterestForm(forms.Form):
    business_types = forms.ModelMultipleChoiceField(
        label=_("Businesses I would like to learn from"),
        queryset=BusinessType.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class EvaluationForm(forms.Form):
    """A score (1-5) and a comment for every mentor role, then the overall recommendation."""

    recommendation = forms.ChoiceField(
        label=_("Overall recommendation"), choices=Recommendation.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Overall comment"), required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, roles: list[MentorRole], **kwargs):
        super().__init__(*args, **kwargs)
        self.roles = roles
        for role in roles:
            self.fields[f"score_{role.pk}"] = forms.TypedChoiceField(
                label=role.name, choices=SCORE_CHOICES, coerce=int, widget=forms.RadioSelect
            )
            self.fields[f"comment_{role.pk}"] = forms.CharField(
                label=_("Comment on %(role)s") % {"role": role.name}, required=False, max_length=500
            )

    def role_rows(self):
        return [(role, self[f"score_{role.pk}"], self[f"comment_{role.pk}"]) for role in self.roles]

    def scores(self) -> dict[MentorRole, tuple[int, str]]:
        data = self.cleaned_data
        return {role: (data[f"score_{role.pk}"], data[f"comment_{role.pk}"]) for role in self.roles}


class ProposeForm(forms.Form):
    """Propose a placement: the KUBE comes from the suggestions for the chosen trainee."""

    cohort = forms.ModelChoiceField(label=_("Cohort"), queryset=Cohort.objects.none())
    kube = forms.ModelChoiceField(label=_("KUBE"), queryset=KubeGroup.objects.none(), widget=forms.RadioSelect)
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE_WIDGET)
    ends_on = forms.DateField(label=_("Ends on"), widget=DATE_WIDGET)
    required_hours = forms.IntegerField(
        label=_("Hours required"),
        min_value=1,
        max_value=2000,
        required=False,
        help_text=_("Leave blank for the course's rule."),
    )

    def __init__(self, *args, cohorts, kube_groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = cohorts
        self.fields["kube"].queryset = kube_groups
        self.fields["kube"].label_from_instance = lambda kube: f"{kube.name} · {kube.village.name}"

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The end date must not be before the start date."))
        return data


class TraineeChoiceForm(forms.Form):
    trainee = forms.ModelChoiceField(label=_("Trainee"), queryset=User.objects.none())

    def __init__(self, *args, trainees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainee"].queryset = trainees


class KubeAssessmentForm(forms.ModelForm):
    """The nine indicators, each a score of 1-5 with an optional note; total and class are computed."""

    class Meta:
        model = KubeAssessment
        fields = ["assessed_on"] + [name for field, _label, _help in INDICATORS for name in (field, f"{field}_note")]
        widgets = {"assessed_on": DATE_WIDGET} | {
            field: forms.RadioSelect(choices=SCORE_CHOICES) for field, _label, _help in INDICATORS
        }

    def indicator_rows(self):
        return [(self[field], self[f"{field}_note"], help_text) for field, _label, help_text in INDICATORS]
