from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.mfa.base.forms import AuthenticateForm as AllauthAuthenticateForm
from allauth.mfa.base.forms import ReauthenticateForm as AllauthReauthenticateForm
from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import EducationLevel
from .models import PHONE_VALIDATOR, Region, User
from .recruitment_selectors import application_regions
from .selectors import region_choices


class RegionChoiceField(forms.ModelChoiceField):
    """Regions indented by level, so the hierarchy reads in a plain select on a phone."""

    def label_from_instance(self, region):
        return f"{'— ' * (region.depth - 1)}{region.name} ({region.code})"


# One set of words for the same things on every page (allauth's own catalogue varies).
FIELD_WORDS = {
    "login": (_("Email"), _("name@example.com")),
    "email": (_("Email"), _("name@example.com")),
    "password": (_("Password"), ""),
    "password1": (_("Password"), ""),
    "password2": (_("Password (again)"), ""),
    "remember": (_("Keep me signed in on this phone"), ""),
}


def _use_site_words(form):
    for name, (label, placeholder) in FIELD_WORDS.items():
        if name in form.fields:
            form.fields[name].label = label
            form.fields[name].widget.attrs["placeholder"] = placeholder


class LoginForm(AllauthLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _use_site_words(self)


class SignupForm(AllauthSignupForm):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    field_order = ["full_name", "email", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _use_site_words(self)


def _use_numeric_code(form):
    """TOTP and recovery codes are digits: a phone shows its number pad and offers the code."""
    form.fields["code"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "one-time-code"})


class MfaAuthenticateForm(AllauthAuthenticateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _use_numeric_code(self)


class MfaReauthenticateForm(AllauthReauthenticateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _use_numeric_code(self)


class ProfileForm(forms.ModelForm):
    """The fields a person keeps up to date themselves. E-mail changes go through allauth."""

    home_region = RegionChoiceField(queryset=region_choices(), label=_("Home region"), required=False)

    class Meta:
        model = User
        fields = ["full_name", "phone", "education_level", "sex", "home_region"]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }


APPLICATION_TEXT_MAX = 3000


def _grouped_regency_choices() -> list:
    """Regencies and cities grouped under their province, for one plain select (two queries)."""
    provinces = {region.path: region.name for region in Region.objects.filter(depth=1)}
    groups: dict[str, list] = {}
    for region in application_regions():
        province = provinces.get(region.path[: Region.steplen], "")
        groups.setdefault(province, []).append((str(region.pk), region.name))
    return [("", _("Choose your regency or city")), *groups.items()]


class CandidateApplicationForm(forms.Form):
    """The public application to become a KUBE mentor.

    `homepage` is a honeypot: hidden from people (and from screen readers and the keyboard),
    so only a bot fills it in; the view then pretends to accept the application.
    """

    full_name = forms.CharField(
        label=_("Full name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Email"),
        help_text=_("We write to you here about your application."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "placeholder": _("name@example.com")}),
    )
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=16,
        validators=[PHONE_VALIDATOR],
        help_text=_("For example 081234567890."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    region = forms.ChoiceField(label=_("Regency or city where you live"))
    education_level = forms.ChoiceField(
        label=_("Highest education completed"),
        choices=[("", _("Choose your highest education")), *EducationLevel.choices],
    )
    community_experience = forms.CharField(
        label=_("Experience with community groups"),
        help_text=_("Groups you have led or helped (KUBE, PKK, cooperatives, youth groups …), where and for how long."),
        max_length=APPLICATION_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    motivation = forms.CharField(
        label=_("Why do you want to become a social mentor?"),
        max_length=APPLICATION_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    references = forms.CharField(
        label=_("References"),
        help_text=_("Two people who know your work (a village head, a social worker …): name, position and phone."),
        max_length=APPLICATION_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = _grouped_regency_choices()

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("homepage", "").strip())

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_region(self):
        region = application_regions().filter(pk=self.cleaned_data["region"]).first()
        if region is None:
            raise forms.ValidationError(_("Choose your regency or city from the list."))
        return region
