import pytest

from lms.people.constants import Role
from lms.people.models import User
from lms.people.scoping import region_in_user_scope, within_user_region
from lms.people.selectors import people_in_scope, person_get_for_user

from .factories import SupervisorFactory, TraineeFactory, UserFactory, give_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(regions):
    return {
        "surabaya": TraineeFactory(full_name="Dewi Surabaya", home_region=regions["35.78.01.1001"]),
        "malang": TraineeFactory(full_name="Agus Malang", home_region=regions["35.73"]),
        "banjarmasin": TraineeFactory(full_name="Ahmad Banjarmasin", home_region=regions["63.71"]),
        "nowhere": TraineeFactory(full_name="Tanpa Wilayah", home_region=None),
    }


def test_supervisor_of_jawa_timur_never_sees_kalimantan_selatan(regions, people):
    supervisor = SupervisorFactory(scope_region=regions["35"])

    visible = set(within_user_region(User.objects.all(), user=supervisor))

    assert {people["surabaya"], people["malang"]} <= visible
    assert people["banjarmasin"] not in visible
    assert people["nowhere"] not in visible


def test_scope_is_a_subtree_not_a_prefix_of_the_code(regions, people):
    city_supervisor = SupervisorFactory(scope_region=regions["35.78"])

    visible = set(people_in_scope(user=city_supervisor, role=Role.TRAINEE))

    assert visible == {people["surabaya"]}


def test_without_a_scope_a_supervisor_sees_nobody_and_an_admin_sees_everyone(regions, people):
    assert not people_in_scope(user=SupervisorFactory(scope_region=None)).exists()
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert set(people.values()) <= set(within_user_region(User.objects.all(), user=admin))


def test_object_check_agrees_with_the_queryset_filter(regions, people):
    supervisor = SupervisorFactory(scope_region=regions["35"])

    assert region_in_user_scope(user=supervisor, region=regions["35.78.01.1001"])
    assert not region_in_user_scope(user=supervisor, region=regions["63.71"])
    assert not region_in_user_scope(user=supervisor, region=None)


def test_fetching_someone_outside_the_scope_is_a_404(regions, people):
    from django.http import Http404

    supervisor = SupervisorFactory(scope_region=regions["35"])

    assert person_get_for_user(user=supervisor, person_id=people["malang"].pk) == people["malang"]
    with pytest.raises(Http404):
        person_get_for_user(user=supervisor, person_id=people["banjarmasin"].pk)


def test_supervisor_home_lists_only_their_region(client, regions, people):
    supervisor = SupervisorFactory(scope_region=regions["35"])
    give_totp(supervisor)
    client.force_login(supervisor)

    page = client.get("/beranda/").content.decode()

    assert "Dewi Surabaya" in page and "Agus Malang" in page
    assert "Ahmad Banjarmasin" not in page
