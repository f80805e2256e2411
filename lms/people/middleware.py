from django.shortcuts import redirect
from django.urls import reverse

from .selectors import user_has_totp, user_requires_two_factor

TWO_FACTOR_OK_SESSION_KEY = "people:two_factor_ok"

# Pages a staff member without an authenticator may still open: the set-up page itself,
# signing out, e-mail verification and switching language.
EXEMPT_URL_NAMES = frozenset(
    {
        "mfa_index",
        "mfa_activate_totp",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "account_logout",
        "account_reauthenticate",
        "account_confirm_email",
        "account_email_verification_sent",
        "set_language",
        "healthz",
    }
)


class StaffTwoFactorRequiredMiddleware:
    """Send trainers, supervisors and staff to TOTP set-up until they have an authenticator.

    The answer is remembered in the session once it is yes, so the check costs nothing on
    later requests; removing the authenticator clears it (see signals.py).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or request.session.get(TWO_FACTOR_OK_SESSION_KEY) == user.pk:
            return None
        if request.resolver_match and request.resolver_match.url_name in EXEMPT_URL_NAMES:
            return None
        if user_requires_two_factor(user=user) and not user_has_totp(user=user):
            return redirect(reverse("mfa_activate_totp"))
        request.session[TWO_FACTOR_OK_SESSION_KEY] = user.pk
        return None
