from allauth.mfa.signals import authenticator_removed
from django.dispatch import receiver

from .middleware import TWO_FACTOR_OK_SESSION_KEY


@receiver(authenticator_removed)
def forget_two_factor_check(sender, request, **kwargs):
    """A staff member who removes their authenticator must set one up again."""
    request.session.pop(TWO_FACTOR_OK_SESSION_KEY, None)
