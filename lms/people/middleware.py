import uuid
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from .selectors import user_has_totp, user_requires_two_factor

# Holds the id of the user who presented a second factor in this session (signals.py sets it
# when allauth reports a TOTP or recovery code used or an authenticator activated with a code).
TWO_FACTOR_OK_SESSION_KEY = "people:two_factor_user"
# [user id, roles token, requires a second factor]: the last answer, valid while the token is.
ROLES_CHECK_SESSION_KEY = "people:roles_check"

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


def _roles_token_key(user_id) -> str:
    return f"people:roles-token:{user_id}"


def roles_token(user_id) -> str:
    """A token that changes whenever the user's roles or staff flags change (signals.py drops it)."""
    key = _roles_token_key(user_id)
    cache.add(key, uuid.uuid4().hex, timeout=None)
    return cache.get(key) or ""


def forget_roles(user_ids) -> None:
    cache.delete_many([_roles_token_key(user_id) for user_id in user_ids])


def _requires_two_factor(request) -> bool:
    """`user_requires_two_factor`, asked again only when the user's roles have changed."""
    user = request.user
    token = roles_token(user.pk)
    remembered = request.session.get(ROLES_CHECK_SESSION_KEY)
    if remembered and remembered[:2] == [user.pk, token]:
        return remembered[2]
    requires = user_requires_two_factor(user=user)
    request.session[ROLES_CHECK_SESSION_KEY] = [user.pk, token, requires]
    return requires


class StaffTwoFactorRequiredMiddleware:
    """Trainers, supervisors and staff work only in a session in which they gave a second factor.

    The proof is tied to the authentication event, not to the role the user had when the session
    began: any change of roles drops the user's roles token, so a trainee promoted to trainer in
    the middle of a session is sent to set up an authenticator (or, if they have one, to enter a
    code) before the next staff page. Without an authenticator they are sent to set one up; activating it
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
        if not _requires_two_factor(request):
            return None
        if not user_has_totp(user=user):
            return redirect(reverse("mfa_activate_totp"))
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied
        return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.get_full_path()})}")
