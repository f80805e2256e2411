from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import RegionChoiceField
from .selectors import region_choices

PROFILE_FIELDS = ["full_name", "phone", "education_level", "sex", "home_region", "scope_region"]


class _ProfileFieldsMixin(forms.Form):
    """Our user model has one full-name field instead of Wagtail's first and last name."""

    home_region = RegionChoiceField(queryset=region_choices(), label=_("Home region"), required=False)
    scope_region = RegionChoiceField(
        queryset=region_choices(),
        label=_("Supervised region"),
        required=False,
        help_text=_("Supervisors see people and activity within this region only."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("first_name", None)
        self.fields.pop("last_name", None)


class PersonCreationForm(_ProfileFieldsMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = (UserCreationForm.Meta.fields - {"first_name", "last_name"}) | set(PROFILE_FIELDS)


class PersonEditForm(_ProfileFieldsMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = (UserEditForm.Meta.fields - {"first_name", "last_name"}) | set(PROFILE_FIELDS)


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return PersonEditForm if for_update else PersonCreationForm
