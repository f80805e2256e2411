"""Region scoping: the one place that decides which rows a user may see by region.

Every selector that lists people or activity for a supervisor passes its queryset through
`within_user_region`, naming the path from the model to its region. Administrators see
everything; a user without a scope region sees nothing.
"""

from django.db.models import Q, QuerySet

from .constants import Role
from .models import Region, User


def supervises_a_region(user) -> bool:
    """Supervisors and administrators: the people whose views are filtered by region scope."""
    return user.is_authenticated and (user.is_superuser or user.has_role(Role.SUPERVISOR))


def within_user_region(queryset: QuerySet, *, user: User, region_field: str = "home_region") -> QuerySet:
    """Rows of `queryset` whose region lies in the user's scope subtree.

    `region_field` is the lookup path to a Region foreign key, e.g. "home_region" for users
    or "kube__village" for placements. A single indexed prefix match on the tree path.
    """
    return queryset.filter(region_scope_q(user=user, region_field=region_field))


def region_scope_q(*, user: User, region_field: str = "home_region") -> Q:
    """The condition behind `within_user_region`, to combine with other grounds for access."""
    if user.is_superuser:
        return Q()
    scope = user.scope_region
    if scope is None:
        return Q(pk__in=[])
    return Q(**{f"{region_field}__path__startswith": scope.path})


def region_in_user_scope(*, user: User, region: Region | None) -> bool:
    """The object-level twin of `within_user_region`, for a single region."""
    if user.is_superuser:
        return True
    scope = user.scope_region
    if scope is None or region is None:
        return False
    return region.path.startswith(scope.path)
