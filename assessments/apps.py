from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    """Question banks, quizzes, attempts, grading and the evaluation analytics."""

    name = "assessments"
    verbose_name = _("Assessments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms.people.navigation import register_nav_links

        from . import receivers, rules  # noqa: F401 (receivers connect on import)
        from .navigation import study_links

        rules.register()
        register_nav_links(study_links)
