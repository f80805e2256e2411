import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..people.factories import SupervisorFactory, TraineeFactory, give_totp

pytestmark = pytest.mark.django_db


def test_a_trainee_with_an_incomplete_profile_is_asked_to_complete_it_first(client):
    client.force_login(TraineeFactory(full_name="Dewi Lestari", phone=""))

    page = client.get("/beranda/").content.decode()

    assert "Halo, Dewi" in page
    assert page.index("Lengkapi profil") < page.index("Kursus saya")


def test_a_complete_profile_skips_that_step(client, regions):
    client.force_login(TraineeFactory(home_region=regions["35.78"]))
    assert "Lengkapi profil" not in client.get("/beranda/").content.decode()


def test_home_needs_sign_in(client):
    assert client.get("/beranda/")["Location"].startswith("/akun/login/")


def test_supervisor_home_runs_the_same_number_of_queries_for_3_or_30_trainees(client, regions):
    supervisor = SupervisorFactory(scope_region=regions["35"])
    give_totp(supervisor)
    client.force_login(supervisor)

    def count_queries():
        client.get("/beranda/")  # session warm-up, as on any later page
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/beranda/")
        assert response.status_code == 200
        return len(queries)

    TraineeFactory.create_batch(3, home_region=regions["35.73"])
    few = count_queries()
    TraineeFactory.create_batch(27, home_region=regions["35.78.01.1001"])
    many = count_queries()

    assert few == many
    assert few <= 11  # 10, plus the count of placements awaiting approval
