import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from lms.people.constants import Role
from lms.people.demo import DEMO_PASSWORD
from lms.people.models import Region, User

pytestmark = pytest.mark.django_db


def _snapshot():
    return (
        Region.objects.count(),
        sorted(User.objects.values_list("email", "password", "full_name", "home_region_id")),
        sorted(Group.objects.filter(user__isnull=False).values_list("name", "user__email")),
    )


def test_seed_demo_creates_every_role_and_a_second_run_changes_nothing(capsys):
    call_command("seed_demo")
    first = _snapshot()
    printed = capsys.readouterr().out

    call_command("seed_demo")

    assert _snapshot() == first
    for role in Role:
        assert User.objects.filter(groups__name=role).exists(), role
    assert "peserta@akademi.test" in printed and DEMO_PASSWORD in printed
    trainee = User.objects.get(email="peserta@akademi.test")
    assert trainee.check_password(DEMO_PASSWORD) and trainee.profile_missing_fields == []
    assert User.objects.get(email="penyelia.kalsel@akademi.test").scope_region.code == "63"
