from allauth.mfa.models import Authenticator
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .constants import ROLES_REQUIRING_TWO_FACTOR, Role
from .models import Region, User
from .scoping import within_user_region


def people_in_scope(*, user: User, role: Role | None = None) -> QuerySet[User]:
    """People whose home region lies in the user's scope, optionally of one role."""
    people = User.objects.filter(is_active=True).select_related("home_region")
    if role is not None:
        people = people.filter(groups__name=role)
    return within_user_region(people, user=user).order_by("full_name", "pk")


def person_get_for_user(*, user: User, person_id: int) -> User:
    """One person the user may see; 404 for anyone outside their scope."""
    return get_object_or_404(people_in_scope(user=user), pk=person_id)


def region_choices() -> QuerySet[Region]:
    """Regions offered in forms, in tree order (provinces, then their regencies …)."""
    return Region.objects.order_by("path")


def user_requires_two_factor(*, user: User) -> bool:
    """Staff, trainers and supervisors must sign in with a second factor."""
    return user.is_staff or user.is_superuser or bool(user.role_names & ROLES_REQUIRING_TWO_FACTOR)


def user_has_totp(*, user: User) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
