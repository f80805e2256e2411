import pytest
from django.contrib.auth.models import Group

from lms.people.constants import Role
from lms.people.services import user_assign_role

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_four_role_groups_exist_with_their_permissions():
    groups = {group.name: group for group in Group.objects.prefetch_related("permissions__content_type")}
    perms = {
        name: {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        for name, group in groups.items()
    }

    assert set(Role.values) <= set(groups)
    assert "wagtailadmin.access_admin" in perms["Pengajar"]
    assert {"wagtailadmin.access_admin", "people.view_region"} <= perms["Penyelia"]
    assert perms["Peserta"] == set()
    # Wagtail's user listing is not region-scoped, so supervisors must not reach it.
    assert "people.view_user" not in perms["Penyelia"]


def test_assigning_a_role_is_seen_at_once():
    user = UserFactory()
    assert not user.has_role(Role.SUPERVISOR)

    user_assign_role(user=user, role=Role.SUPERVISOR)

    assert user.has_role(Role.SUPERVISOR)
    assert user.has_perm("wagtailadmin.access_admin")
