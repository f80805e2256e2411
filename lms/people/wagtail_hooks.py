from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import ModelLogEntry

from .models import CandidateApplication, Region


class RegionViewSet(ModelViewSet):
    model = Region
    icon = "site"
    menu_order = 900
    add_to_settings_menu = True
    list_display = ["code", "name", "level"]
    search_fields = ["code", "name"]
    ordering = ["path"]
    form_fields = ["name"]
    inspect_view_enabled = True


@hooks.register("register_admin_viewset")
def register_region_viewset():
    return RegionViewSet("regions")


@hooks.register("register_log_actions")
def register_recruitment_log_actions(actions):
    actions.register_model(CandidateApplication, ModelLogEntry)
    actions.register_action("people.application.submit", _("Apply"), _("Application submitted"))
    actions.register_action("people.application.screen", _("Screen"), _("Application screened"))
    actions.register_action("people.application.accepted", _("Accept"), _("Application accepted"))
    actions.register_action("people.application.waitlisted", _("Waitlist"), _("Application waitlisted"))
    actions.register_action("people.application.rejected", _("Reject"), _("Application rejected"))
    actions.register_action("people.application.account", _("Trainee account"), _("Trainee account linked"))


@hooks.register("construct_reports_menu")
def hide_site_history(request, menu_items):
    """Site history is for administrators (see admin_reports.py)."""
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "site-history"]
