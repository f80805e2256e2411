from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_used
from django.dispatch import receiver

from .middleware import TWO_FACTOR_OK_SESSION_KEY


@receiver(authenticator_used)
@receiver(authenticator_added)
def remember_second_factor(sender, request, user, **kwargs):
    """A code was given in this session: at sign-in, on re-authentication or to activate TOTP."""
    if request is not None:
        request.session[TWO_FACTOR_OK_SESSION_KEY] = user.pk


@receiver(authenticator_removed)
def forget_two_factor_check(sender, request, **kwargs):
    """A staff member who removes their authenticator must set one up again."""
    request.session.pop(TWO_FACTOR_OK_SESSION_KEY, None)
