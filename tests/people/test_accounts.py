"""Sign-up, e-mail verification, sign-in and password reset through allauth."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from lms.people.constants import Role
from lms.people.models import User

from .factories import PASSWORD, TraineeFactory

pytestmark = pytest.mark.django_db

SIGNUP = {"full_name": "Rina Wati", "email": "rina@contoh.test", "password1": PASSWORD, "password2": PASSWORD}


def _confirmation_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/akun/confirm-email/[^\s]+/)", message.body).group(1)


def test_sign_up_creates_an_unverified_trainee_and_sends_a_verification_email(client):
    response = client.post("/akun/signup/", SIGNUP)

    assert response.status_code == 302
    user = User.objects.get(email="rina@contoh.test")
    assert user.full_name == "Rina Wati" and user.has_role(Role.TRAINEE)
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1 and "rina@contoh.test" in mail.outbox[0].to
    # Verification is mandatory: signing in before confirming only re-sends the link.
    client.logout()
    client.post("/akun/login/", {"login": "rina@contoh.test", "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_following_the_link_verifies_the_address_and_signs_in(client):
    client.post("/akun/signup/", SIGNUP)
    link = _confirmation_link(mail.outbox[0])

    response = client.post(link)

    assert response.status_code == 302
    assert EmailAddress.objects.get(email="rina@contoh.test").verified
    assert client.get("/beranda/").status_code == 200


def test_a_wrong_verification_link_says_so_and_changes_nothing(client):
    client.post("/akun/signup/", SIGNUP)

    response = client.get("/akun/confirm-email/bukan-kunci-yang-benar/")

    assert response.status_code == 200
    assert "kedaluwarsa atau tidak valid" in response.content.decode()
    assert not EmailAddress.objects.get(email="rina@contoh.test").verified


def test_a_taken_email_is_refused_in_indonesian(client):
    TraineeFactory(email="rina@contoh.test")

    response = client.post("/akun/signup/", SIGNUP)

    assert response.status_code == 200
    assert "sudah terdaftar" in response.content.decode()
    assert User.objects.filter(email="rina@contoh.test").count() == 1


def test_a_weak_password_is_refused_in_indonesian(client):
    response = client.post("/akun/signup/", {**SIGNUP, "password1": "12345678", "password2": "12345678"})

    assert response.status_code == 200
    assert "terlalu umum" in response.content.decode()
    assert not User.objects.filter(email="rina@contoh.test").exists()


def test_password_reset_sends_a_link_that_sets_a_new_password(client):
    trainee = TraineeFactory(email="lupa@contoh.test")

    client.post("/akun/password/reset/", {"email": "lupa@contoh.test"})
    link = re.search(r"https?://[^/\s]+(/akun/password/reset/key/[^\s]+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    client.post(form_url, {"password1": "Sandi-Baru-Sekali-2026", "password2": "Sandi-Baru-Sekali-2026"})

    trainee.refresh_from_db()
    assert trainee.check_password("Sandi-Baru-Sekali-2026")


def test_sign_in_with_email_reaches_home_and_changes_the_session_key(client):
    TraineeFactory(email="dewi@contoh.test")
    client.get("/akun/login/")
    key_before = client.session.session_key or client.cookies["sessionid"].value

    response = client.post("/akun/login/", {"login": "DEWI@contoh.test", "password": PASSWORD})

    assert response.status_code == 302 and response["Location"] == "/beranda/"
    assert client.session.session_key != key_before
