"""Administrators manage people in Wagtail with our fields (full name, regions)."""

import pytest

from lms.people.models import User

from .factories import UserFactory, give_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    give_totp(admin)
    client.force_login(admin)
    return client


def test_admin_creates_a_supervisor_with_a_region(admin_client, regions):
    from django.contrib.auth.models import Group

    form = admin_client.get("/admin/users/new/").content.decode()
    assert 'name="full_name"' in form and 'name="first_name"' not in form
    assert 'name="sex"' in form

    response = admin_client.post(
        "/admin/users/new/",
        {
            "email": "penyelia.baru@contoh.test",
            "full_name": "Penyelia Baru",
            "phone": "081299990000",
            "education_level": "S1",
            "sex": "male",
            "scope_region": regions["35"].pk,
            "password1": "Sandi-Penyelia-Baru-2026",
            "password2": "Sandi-Penyelia-Baru-2026",
            "groups": [Group.objects.get(name="Penyelia").pk],
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    created = User.objects.get(email="penyelia.baru@contoh.test")
    assert created.full_name == "Penyelia Baru" and created.scope_region == regions["35"]
    assert created.sex == "male"


def test_region_admin_lists_the_tree(admin_client, regions):
    page = admin_client.get("/admin/regions/").content.decode()
    assert "Kota Surabaya" in page and "Kalimantan Selatan" in page
