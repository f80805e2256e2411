import time
from unittest import mock

import pytest
from django.core.cache import cache
from django.test import Client


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits live in the cache; each test starts with none used."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _one_rate_limit_window():
    """django-ratelimit counts in fixed windows; a test that straddled a window's end would see
    its count reset. Within one test, every request falls in the same window."""
    window_end = int(time.time()) + 3600
    with mock.patch("django_ratelimit.core._get_window", return_value=window_end):
        yield


@pytest.fixture(autouse=True)
def _force_login_gives_the_second_factor(monkeypatch):
    """`client.force_login` signs a staff member in as if they had also given their TOTP code,
    when they have an authenticator (the sign-in journey itself is tested in people/)."""
    from allauth.mfa.models import Authenticator

    from lms.people.middleware import TWO_FACTOR_OK_SESSION_KEY

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            session = self.session
            session[TWO_FACTOR_OK_SESSION_KEY] = user.pk
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test has its own public media folder and its own private files folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    private = settings.STORAGES["private"]
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {**private, "OPTIONS": {**private["OPTIONS"], "location": tmp_path / "private"}},
    }


@pytest.fixture
def private_root(tmp_path):
    """The folder of this test's private files (certificates, logbook photos)."""
    return tmp_path / "private"


@pytest.fixture
def regions(db):
    """A small real tree: Jawa Timur > Kota Surabaya > Karang Pilang, and Kalimantan Selatan."""
    from lms.people.services import regions_import_csv

    report = regions_import_csv(
        text=(
            "code,name\n"
            "35,Jawa Timur\n"
            "35.78,Kota Surabaya\n"
            "35.78.01,Karang Pilang\n"
            "35.78.01.1001,Karang Pilang\n"
            "35.73,Kota Malang\n"
            "63,Kalimantan Selatan\n"
            "63.71,Kota Banjarmasin\n"
        )
    )
    assert report.ok, report.errors
    from lms.people.models import Region

    return {region.code: region for region in Region.objects.all()}
