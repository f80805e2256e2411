"""Audit-log actions of the expiry reminders, for the Wagtail admin's history and reports.

Registered as a `register_log_actions` hook; `wagtail_hooks.py` imports this module so
Wagtail finds it (the reminders log fine without it, the admin just shows the raw action).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .reminders import reminder_action


@hooks.register("register_log_actions")
def register_certificate_reminder_log_actions(actions):
    actions.register_action(
        reminder_action(90), _("Expiry reminder (90 days)"), _("Sent the reminder 90 days before expiry")
    )
    actions.register_action(
        reminder_action(30), _("Expiry reminder (30 days)"), _("Sent the reminder 30 days before expiry")
    )
