from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import User
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


class ProfileForm(forms.ModelForm):
    """The fields a person keeps up to date themselves. E-mail changes go through allauth."""

    home_region = RegionChoiceField(queryset=region_choices(), label=_("Home region"), required=False)

    class Meta:
        model = User
        fields = ["full_name", "phone", "education_level", "home_region"]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }
