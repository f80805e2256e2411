from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class PeopleConfig(AppConfig):
    default = True  # this module also holds the Wagtail users config below
    name = "lms.people"
    label = "people"
    verbose_name = _("People and regions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401


class PeopleUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms that know our user model (e-mail, full name)."""

    user_viewset = "lms.people.viewsets.UserViewSet"
