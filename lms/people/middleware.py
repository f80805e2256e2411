from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from .selectors import user_has_totp, user_requires_two_factor

# Holds the id of the user who presented a second factor in this session (signals.py sets it
# when allauth reports a TOTP or recovery code used or an authenticator activated with a code).
TWO_FACTOR_OK_SESSION_KEY = "people:two_factor_user"

# Pages a staff member without a second factor in this session may still open: setting one up,
# giving one, signing out, e-mail verification and switching language.
EXEMPT_URL_NAMES = frozenset(
    {
        "mfa_index",
        "mfa_activate_totp",
        "mfa_authenticate",
        "mfa_reauthenticate",
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


def session_passed_two_factor(request) -> bool:
    return request.session.get(TWO_FACTOR_OK_SESSION_KEY) == request.user.pk


class StaffTwoFactorRequiredMiddleware:
    """Trainers, supervisors and staff work only in a session in which they gave a second factor.

    The proof is tied to the authentication event, not to the role the user had when the session
    began: roles are read on every request, so a trainee promoted to trainer in the middle of a
    session is sent to set up an authenticator (or, if they have one, to enter a code) before
    the next staff page. Without an authenticator they are sent to set one up; activating it
    takes a valid code, which counts as giving it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or session_passed_two_factor(request):
            return None
        if request.resolver_match and request.resolver_match.url_name in EXEMPT_URL_NAMES:
            return None
        if not user_requires_two_factor(user=user):
            return None
        if not user_has_totp(user=user):
            return redirect(reverse("mfa_activate_totp"))
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied
        return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.get_full_path()})}")
