from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Region


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
