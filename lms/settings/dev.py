"""Local development: SQLite, console e-mail, debug pages."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me-0123456789abcdef")
ALLOWED_HOSTS = ["*"]
# Accepted as a TOTP code for the demo staff accounts, only while DEBUG is on (allauth
# refuses it otherwise). Real codes from the printed secrets work as well.
MFA_TOTP_INSECURE_BYPASS_CODE = os.environ.get("DEV_TOTP_BYPASS_CODE", "000000")
