"""Test runs: fast hashing, in-memory e-mail and cache, media and private files in temporary folders."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import STORAGES, private_storage_settings

DEBUG = False
SECRET_KEY = "test-only-key-not-secret-0123456789abcdefghijklmnopqrstuvwxyz"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
MEDIA_ROOT = tempfile.mkdtemp(prefix="akademi-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="akademi-test-private-")
# On disk whatever the environment says; tests/home/test_private_files_s3.py puts a bucket in its place.
STORAGES = {**STORAGES, "private": private_storage_settings({}, location=PRIVATE_MEDIA_ROOT)}
STATIC_ROOT = tempfile.mkdtemp(prefix="akademi-test-static-")
WAGTAILADMIN_BASE_URL = "http://testserver"
# Browser tests serve the site from a live server thread while Playwright drives Chromium.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Production's task table (django-tasks-db), so /healthz's check of it runs in the tests too;
# tasks themselves still run immediately.
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]
