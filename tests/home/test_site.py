import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import polib
import pytest
from django.conf import settings

from lms.home.models import HomePage

from ..people.factories import TraineeFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_site_root_is_the_home_page_in_indonesian_even_for_an_english_browser(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    page = response.content.decode()
    assert isinstance(response.context["page"], HomePage)
    assert '<html lang="id">' in page
    assert "Masuk" in page and "Buat akun" in page
    assert "Alur program" in page


def test_language_switcher_changes_to_english_and_back(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert '<html lang="en">' in client.get("/").content.decode()
    assert "Sign in" in client.get("/").content.decode()

    client.post("/i18n/setlang/", {"language": "id", "next": "/"})
    assert "Masuk" in client.get("/").content.decode()


def test_navigation_knows_who_is_signed_in(client):
    client.force_login(TraineeFactory())
    page = client.get("/").content.decode()

    assert "Beranda saya" in page and "Keluar" in page
    assert "Administrasi" not in page


def test_security_headers_and_a_strict_policy_outside_the_admin(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]

    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_permissions_policy_denies_devices_and_sensors_on_every_response(client):
    for path in ("/", "/healthz", "/akun/login/"):
        policy = client.get(path)["Permissions-Policy"]
        features = dict(item.split("=", 1) for item in policy.split(", "))
        for feature in ("camera", "microphone", "geolocation", "payment", "usb", "serial", "bluetooth"):
            assert features[feature] == "()", (path, feature)
        # the lesson video players (YouTube, Vimeo) still get fullscreen and autoplay
        assert "fullscreen" not in features and "autoplay" not in features


def test_only_the_admin_gets_the_relaxed_policy_wagtail_needs(client):
    from ..people.factories import TrainerFactory, give_totp

    trainer = TrainerFactory()
    give_totp(trainer)
    client.force_login(trainer)

    admin_policy = client.get("/admin/")["Content-Security-Policy"]
    site_policy = client.get("/beranda/")["Content-Security-Policy"]

    assert "script-src 'self' 'unsafe-inline'" in admin_policy
    assert "unsafe-inline" not in site_policy


def test_translation_catalogues_are_complete_and_compiled():
    for language in ("id",):
        po = polib.pofile(ROOT / "locale" / language / "LC_MESSAGES" / "django.po")
        mo = polib.mofile(ROOT / "locale" / language / "LC_MESSAGES" / "django.mo")
        assert po.percent_translated() == 100, [entry.msgid for entry in po.untranslated_entries()]
        assert not po.fuzzy_entries()
        compiled = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in mo}
        for entry in po.translated_entries():
            if not entry.msgid_plural:
                assert compiled.get((entry.msgctxt, entry.msgid)) == entry.msgstr, f"recompile: {entry.msgid!r}"


def test_pinned_versions_and_image_limits():
    assert tuple(int(part) for part in version("wagtail").split(".")[:3]) >= (8, 0, 1)
    assert version("django").startswith("5.2.")
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 50_000_000
    assert settings.LANGUAGE_CODE == "id" and settings.TIME_ZONE == "Asia/Jakarta"


def test_production_settings_pass_the_deploy_check():
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "SECRET_KEY": "x" * 20 + "production-secret-for-the-deploy-check-0123456789",
        "ALLOWED_HOSTS": "akademi.example.id",
        # Nothing listens there: the deploy check needs the settings, not the servers.
        "DATABASE_URL": "postgres://akademi@127.0.0.1:9/akademi",
        "REDIS_URL": "redis://127.0.0.1:9/0",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "lms.settings.production"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr
