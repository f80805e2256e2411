from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import User
from .selectors import region_choices


class RegionChoiceField(forms.ModelChoiceField):
    """Regions indented by level, so the hierarchy reads in a plain select on a phone."""

    def label_from_instance(self, region):
        return f"{'— ' * (region.depth - 1)}{region.name} ({region.code})"


class SignupForm(AllauthSignupForm):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    field_order = ["full_name", "email", "password1", "password2"]


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
