"""A class on one mobile hotspot must get in; one account under attack must not."""

import pytest

from .factories import PASSWORD, TraineeFactory

pytestmark = pytest.mark.django_db

HOTSPOT = {"REMOTE_ADDR": "203.0.113.7"}


def test_thirty_trainees_from_one_address_within_a_minute_all_sign_in():
    from django.test import Client

    trainees = TraineeFactory.create_batch(30)
    for trainee in trainees:
        client = Client(**HOTSPOT)
        response = client.post("/akun/login/", {"login": trainee.email, "password": PASSWORD})
        assert response.status_code == 302, trainee.email
        assert "_auth_user_id" in client.session


def test_the_sixth_wrong_password_for_one_account_is_refused(client):
    trainee = TraineeFactory()
    for _ in range(5):
        response = client.post("/akun/login/", {"login": trainee.email, "password": "salah"}, **HOTSPOT)
        assert "terlalu banyak" not in response.content.decode().lower()

    sixth = client.post("/akun/login/", {"login": trainee.email, "password": "salah"}, **HOTSPOT)
    assert "terlalu banyak" in sixth.content.decode().lower()
    # Even the right password is refused until the window passes.
    right = client.post("/akun/login/", {"login": trainee.email, "password": PASSWORD}, **HOTSPOT)
    assert "_auth_user_id" not in client.session
    assert "terlalu banyak" in right.content.decode().lower()


def test_failures_on_one_account_do_not_lock_out_classmates(client):
    victim, classmate = TraineeFactory(), TraineeFactory()
    for _ in range(6):
        client.post("/akun/login/", {"login": victim.email, "password": "salah"}, **HOTSPOT)

    response = client.post("/akun/login/", {"login": classmate.email, "password": PASSWORD}, **HOTSPOT)

    assert response.status_code == 302
