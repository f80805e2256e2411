from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_used
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from .middleware import TWO_FACTOR_OK_SESSION_KEY, forget_roles
from .models import User


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


@receiver(m2m_changed, sender=User.groups.through)
def roles_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A role given or taken (from either side of the relation) is checked on the next request."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # group.user_set.add(...)
        forget_roles(pk_set or [])
    else:
        forget_roles([instance.pk])


@receiver(post_save, sender=User)
def staff_flags_maybe_changed(sender, instance, created, **kwargs):
    if not created:
        forget_roles([instance.pk])
