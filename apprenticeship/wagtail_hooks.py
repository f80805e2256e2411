from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import ModelLogEntry

from .models import KubeGroup, Placement


@hooks.register("register_log_actions")
def register_apprenticeship_log_actions(actions):
    actions.register_model(KubeGroup, ModelLogEntry)
    actions.register_model(Placement, ModelLogEntry)
    actions.register_action("apprenticeship.kube.assess", _("Assess maturity"), _("Assessed the KUBE's maturity"))
    actions.register_action("apprenticeship.placement.propose", _("Propose placement"), _("Proposed a placement"))
    actions.register_action("apprenticeship.placement.approve", _("Approve placement"), _("Approved a placement"))
    actions.register_action("apprenticeship.placement.rejected", _("Reject placement"), _("Rejected a placement"))
    actions.register_action("apprenticeship.placement.withdrawn", _("Withdraw placement"), _("Withdrew a placement"))
    actions.register_action(
        "apprenticeship.logbook.countersign", _("Countersign logbook"), _("Countersigned a logbook entry")
    )
    actions.register_action(
        "apprenticeship.placement.evaluate", _("Evaluate apprentice"), _("Evaluated the apprentice")
    )
    actions.register_action("apprenticeship.placement.complete", _("Sign off placement"), _("Signed off the placement"))
