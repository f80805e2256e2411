from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApprenticeshipConfig(AppConfig):
    """KUBE registry and maturity, placements, logbooks and host evaluations (magang)."""

    name = "apprenticeship"
    verbose_name = _("Apprenticeship")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import links, study_links

        links.register()
        study_links.register()
