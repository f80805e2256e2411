"""What `/healthz` checks: the database, the cache (Redis in production) and the task queue.

A load balancer takes a server out while any of them fails, since pages then fail too: every
page reads the database, sessions and rate limits live in the cache, and certificates and
e-mail wait in the task queue. Each check is one cheap round trip; a failure is logged with its
cause and reported only as "error", as the endpoint is public.
"""

import logging
import secrets

from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db.backend import DatabaseBackend

logger = logging.getLogger(__name__)

OK, ERROR = "ok", "error"
CACHE_PROBE_SECONDS = 10


def database_answers() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def cache_answers() -> None:
    """A value written must read back: a cache that swallows writes would break sessions too."""
    key, value = f"healthz:{secrets.token_hex(8)}", secrets.token_hex(8)
    cache.set(key, value, timeout=CACHE_PROBE_SECONDS)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not return the value just written")
    cache.delete(key)


def task_queue_answers() -> None:
    """The configured backend loads; the database backend's table must be reachable, or nothing is queued."""
    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    if isinstance(backend, DatabaseBackend):
        apps.get_model("django_tasks_database", "DBTaskResult").objects.exists()


CHECKS = {"database": database_answers, "cache": cache_answers, "tasks": task_queue_answers}


def health_report() -> tuple[bool, dict[str, str]]:
    """(every check passed, {"status": ..., "database": ..., "cache": ..., "tasks": ...})."""
    report = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            logger.exception("Health check %s failed", name)
            report[name] = ERROR
        else:
            report[name] = OK
    healthy = all(result == OK for result in report.values())
    return healthy, {"status": OK if healthy else ERROR, **report}
