import threading
import time
import uuid
from dataclasses import dataclass
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


@pytest.fixture(scope="session")
def moto_endpoint():
    """moto's S3-compatible server in this process, on 127.0.0.1 and a port the system picks.

    Skips the test (not fails it) when moto is not installed or its server does not start.
    """
    server_module = pytest.importorskip("moto.server")
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    # start() waits for the server forever if it cannot bind, so it is given 30 seconds in a thread.
    starter = threading.Thread(target=server.start, daemon=True)
    starter.start()
    starter.join(timeout=30)
    if starter.is_alive():
        pytest.skip("moto's server did not start within 30 seconds")
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@dataclass(frozen=True)
class Bucket:
    endpoint: str
    name: str
    client: object  # a boto3 S3 client with the same credentials as the site


@pytest.fixture
def s3_bucket(settings, moto_endpoint):
    """A new empty bucket on moto's server, and STORAGES["private"] built for it as production builds it."""
    pytest.importorskip("storages.backends.s3")
    import boto3
    from botocore.config import Config

    from lms.settings.base import private_storage_settings

    environ = {
        "S3_BUCKET": f"akademi-private-{uuid.uuid4().hex[:12]}",
        "S3_ENDPOINT_URL": moto_endpoint,
        "S3_REGION": "ap-southeast-3",
        "S3_ACCESS_KEY_ID": "akademi-test",
        "S3_SECRET_ACCESS_KEY": "akademi-test-secret",
    }
    client = boto3.client(
        "s3",
        endpoint_url=moto_endpoint,
        region_name=environ["S3_REGION"],
        aws_access_key_id=environ["S3_ACCESS_KEY_ID"],
        aws_secret_access_key=environ["S3_SECRET_ACCESS_KEY"],
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    )
    client.create_bucket(
        Bucket=environ["S3_BUCKET"], CreateBucketConfiguration={"LocationConstraint": environ["S3_REGION"]}
    )
    settings.STORAGES = {**settings.STORAGES, "private": private_storage_settings(environ, location=None)}
    return Bucket(endpoint=moto_endpoint, name=environ["S3_BUCKET"], client=client)
