from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationConfig(AppConfig):
    """Certification programmes, eligibility, certificates and their public verification."""

    name = "lms.certification"
    label = "certification"
    verbose_name = _("Certification")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms.people.navigation import register_nav_links

        from . import receivers  # noqa: F401  (connects the completion receivers)
        from .navigation import certification_links

        register_nav_links(certification_links)
