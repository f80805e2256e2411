from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.test.utils import override_settings
from django.utils.module_loading import import_string, module_has_submodule


class Command(BaseCommand):
    help = (
        "Load the demo data set: regions, people for every role, and whatever each app's "
        "demo.py adds. Idempotent: running it again changes nothing. Prints the accounts."
    )

    def handle(self, *args, **options):
        accounts = []
        # Apps are listed in dependency order, so each app's demo can use the ones before it.
        # The demo's enrolments, placements and certificates would otherwise e-mail made-up people.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            for app_config in apps.get_app_configs():
                if module_has_submodule(app_config.module, "demo"):
                    accounts += import_string(f"{app_config.name}.demo.seed")() or []
        self.stdout.write(self.style.SUCCESS("Demo data ready. Accounts (e-mail / password):"))
        for account in accounts:
            note = f"  [{account.note}]" if account.note else ""
            self.stdout.write(f"  {account.role:<16} {account.email:<38} {account.password}{note}")
        if settings.DEBUG and getattr(settings, "MFA_TOTP_INSECURE_BYPASS_CODE", None):
            self.stdout.write(
                f"Staff accounts ask for a TOTP code: add the secret to an authenticator app, or, "
                f"in development only, type {settings.MFA_TOTP_INSECURE_BYPASS_CODE}."
            )
