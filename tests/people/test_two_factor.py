"""Trainers, supervisors and staff sign in with TOTP; the admin uses the same sign-in."""

import pytest
from allauth.mfa.totp.internal.auth import hotp_value, yield_hotp_counters_from_time
from django.contrib.auth.models import Group

from lms.people.constants import Role

from .factories import PASSWORD, SupervisorFactory, TraineeFactory, TrainerFactory, UserFactory, give_totp, has_totp

pytestmark = pytest.mark.django_db


def _current_code(secret: str) -> str:
    counter = next(yield_hotp_counters_from_time())
    return f"{hotp_value(secret, counter):06d}"


@pytest.mark.parametrize("factory", [TrainerFactory, SupervisorFactory])
def test_staff_roles_without_an_authenticator_are_sent_to_set_one_up(client, factory):
    person = factory()
    client.post("/akun/login/", {"login": person.email, "password": PASSWORD})

    response = client.get("/beranda/")

    assert response.status_code == 302
    assert response["Location"] == "/akun/2fa/totp/activate/"
    # allauth asks for the password once more before any change to the second factor.
    assert client.get("/akun/2fa/totp/activate/")["Location"].startswith("/akun/reauthenticate/")
    client.post("/akun/reauthenticate/", {"password": PASSWORD})
    setup = client.get("/akun/2fa/totp/activate/")
    assert setup.status_code == 200
    assert "svg" in setup.content.decode()  # the QR code to scan


def test_a_superuser_is_held_to_the_same_rule(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get("/admin/")["Location"] == "/akun/2fa/totp/activate/"


def test_trainees_are_not_asked_for_a_second_factor(client):
    client.force_login(TraineeFactory())
    assert client.get("/beranda/").status_code == 200


def test_a_trainer_signs_in_with_password_then_code(client):
    trainer = TrainerFactory(email="guru@contoh.test")
    secret = give_totp(trainer)

    first = client.post("/akun/login/", {"login": "guru@contoh.test", "password": PASSWORD})
    assert first["Location"] == "/akun/2fa/authenticate/"
    assert "_auth_user_id" not in client.session

    wrong = client.post("/akun/2fa/authenticate/", {"code": "000001"})
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session

    client.post("/akun/2fa/authenticate/", {"code": _current_code(secret)})
    assert client.session["_auth_user_id"] == str(trainer.pk)
    assert client.get("/beranda/").status_code == 200


def test_removing_the_authenticator_requires_setting_it_up_again(client):
    trainer = TrainerFactory(email="guru@contoh.test")
    secret = give_totp(trainer)
    client.post("/akun/login/", {"login": "guru@contoh.test", "password": PASSWORD})
    client.post("/akun/2fa/authenticate/", {"code": _current_code(secret)})
    assert client.get("/beranda/").status_code == 200

    client.post("/akun/reauthenticate/", {"password": PASSWORD})
    client.post("/akun/2fa/totp/deactivate/")

    assert not has_totp(trainer)
    assert client.get("/beranda/")["Location"] == "/akun/2fa/totp/activate/"


def test_the_admin_sends_anonymous_visitors_to_the_site_sign_in(client):
    assert client.get("/admin/")["Location"] == "/akun/login/?next=/admin/"
    assert client.get("/admin/login/?next=/admin/pages/")["Location"] == "/akun/login/?next=/admin/pages/"


def test_a_trainer_with_totp_reaches_the_admin(client):
    trainer = TrainerFactory()
    give_totp(trainer)
    client.force_login(trainer)
    assert trainer.has_role(Role.TRAINER)
    assert client.get("/admin/").status_code == 200


def _sign_in_with_password(client, person):
    client.post("/akun/login/", {"login": person.email, "password": PASSWORD})
    assert client.session["_auth_user_id"] == str(person.pk)


def test_a_trainee_promoted_in_the_middle_of_a_session_must_set_up_a_second_factor(client):
    trainee = TraineeFactory()
    _sign_in_with_password(client, trainee)
    assert client.get("/beranda/").status_code == 200

    trainee.groups.add(Group.objects.get(name=Role.TRAINER))

    assert client.get("/admin/")["Location"] == "/akun/2fa/totp/activate/"
    assert client.get("/kursus/")["Location"] == "/akun/2fa/totp/activate/"


def test_a_promoted_trainee_with_an_authenticator_gives_a_code_before_the_admin(client):
    trainee = TraineeFactory()
    _sign_in_with_password(client, trainee)
    secret = give_totp(trainee)  # e.g. set up while they were a trainer before
    trainee.groups.add(Group.objects.get(name=Role.TRAINER))

    refused = client.get("/admin/")
    assert refused.status_code == 302
    assert refused["Location"] == "/akun/2fa/reauthenticate/?next=%2Fadmin%2F"
    assert client.post("/admin/pages/").status_code == 403

    client.post("/akun/2fa/reauthenticate/", {"code": _current_code(secret)})

    assert client.get("/admin/").status_code == 200


def test_a_password_sign_in_does_not_pass_for_a_code(client):
    """Only allauth's report of a code given proves the second factor, not the sign-in itself."""
    trainer = TrainerFactory()
    give_totp(trainer)
    client.post("/akun/login/", {"login": trainer.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith("/akun/login/")


# allauth announces a new authenticator after commit, so the test commits.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_activating_an_authenticator_with_a_code_passes_the_second_factor(client):
    trainer = TrainerFactory()
    _sign_in_with_password(client, trainer)
    client.post("/akun/reauthenticate/", {"password": PASSWORD})
    setup = client.get("/akun/2fa/totp/activate/")
    secret = setup.context["form"].secret

    client.post("/akun/2fa/totp/activate/", {"code": _current_code(secret)})

    assert has_totp(trainer)
    assert client.get("/admin/").status_code == 200
