"""Production refuses to start without PostgreSQL and Redis; /healthz reports the database, the cache and the
task queue, and answers 503 while one of them is down."""

import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.db import DatabaseError
from django.test import override_settings

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
POSTGRES = "postgres://akademi@db.internal:5432/akademi"
REDIS = "redis://cache.internal:6379/0"
# Nothing listens on port 1, so every connection is refused at once.
CLOSED_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/15",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def import_production_settings(**variables: str) -> subprocess.CompletedProcess:
    """Import lms.settings.production in a fresh interpreter with only `variables` (and PATH) set."""
    return subprocess.run(
        [sys.executable, "-c", "import lms.settings.production"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "SECRET_KEY": "s" * 50, **variables},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("variables", "named"),
    [
        ({"REDIS_URL": REDIS}, "DATABASE_URL must be set in production"),
        ({"REDIS_URL": REDIS, "DATABASE_URL": "sqlite:////tmp/akademi.sqlite3"}, "must point at PostgreSQL"),
        ({"DATABASE_URL": POSTGRES}, "REDIS_URL must be set in production"),
        ({"DATABASE_URL": POSTGRES, "REDIS_URL": ""}, "REDIS_URL must be set in production"),
    ],
    ids=["no-database-url", "sqlite", "no-redis-url", "empty-redis-url"],
)
def test_production_refuses_to_start_without_postgresql_and_redis(variables, named):
    result = import_production_settings(**variables)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and named in result.stderr


def test_production_starts_with_postgresql_and_redis():
    result = import_production_settings(DATABASE_URL=POSTGRES, REDIS_URL=REDIS)
    assert result.returncode == 0, result.stderr


def test_healthz_lists_each_check_when_all_is_well(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "tasks": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_checks_the_production_task_table(client):
    with override_settings(TASKS=DATABASE_TASKS):
        assert client.get("/healthz").json()["tasks"] == "ok"
        with mock.patch("django_tasks_db.models.DBTaskResult.objects.exists", side_effect=DatabaseError("gone")):
            response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "ok", "tasks": "error"}


def test_healthz_is_503_while_redis_is_down(client):
    with override_settings(CACHES=CLOSED_REDIS, SESSION_ENGINE="django.contrib.sessions.backends.cache"):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "error", "tasks": "ok"}


def test_healthz_is_503_while_the_database_is_down(client):
    with mock.patch("lms.home.health.connection.cursor", side_effect=DatabaseError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error" and response.json()["status"] == "error"


def test_a_cache_that_loses_writes_is_not_healthy(client):
    with mock.patch("lms.home.health.cache.get", return_value=None):
        response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["cache"] == "error"
