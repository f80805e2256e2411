from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    """Home pages of trainees, trainers, supervisors and host mentors."""

    name = "lms.dashboards"
    label = "dashboards"
    verbose_name = _("Dashboards")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms.people.navigation import register_nav_links

        from .navigation import dashboard_links

        register_nav_links(dashboard_links)
