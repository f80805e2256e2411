"""Certification programmes in the Wagtail admin, and the audit-log actions of certificates.

Senior trainers and administrators add and edit programmes; supervisors may only read them
(the model permissions granted in migration 0003 decide, as everywhere in the admin).
The model's `clean` refuses a recertification window as long as the validity and a renewable
programme without a refresher course.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import ModelLogEntry

from . import log_actions  # noqa: F401  (the expiry reminders' log actions)
from .models import Certificate, CertificationProgramme


class CertificationProgrammeViewSet(ModelViewSet):
    model = CertificationProgramme
    icon = "tick-inverse"
    menu_label = _("Certification")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "name",
        "code",
        "post_test_pass_mark",
        "apprenticeship_hours",
        "evaluation_threshold",
        "validity_months",
        "issue_mode",
        BooleanColumn("active"),
    ]
    list_filter = ["active", "issue_mode"]
    search_fields = ["name", "code"]


@hooks.register("register_admin_viewset")
def register_programme_viewset():
    return CertificationProgrammeViewSet("certification_programmes")


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    actions.register_model(Certificate, ModelLogEntry)
    actions.register_action("certification.certificate.issue", _("Issue certificate"), _("Issued a certificate"))
    actions.register_action("certification.certificate.renew", _("Renew certificate"), _("Renewed a certificate"))
    actions.register_action("certification.certificate.revoke", _("Revoke certificate"), _("Revoked a certificate"))
