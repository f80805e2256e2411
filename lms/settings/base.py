"""Settings shared by every environment. Environment-specific files import from here.

Configuration that differs between machines comes from environment variables (README.md
lists them); nothing secret lives in this file.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def private_storage_settings(environ, *, location) -> dict:
    """STORAGES["private"]: a folder on disk, or, when S3_BUCKET is set, a bucket of private objects.

    The bucket's objects are written with the private ACL and read only through URLs signed
    for S3_URL_EXPIRY seconds (60 by default), with no custom domain (a custom domain would
    mean unsigned URLs). S3_ENDPOINT_URL names an S3-compatible store (MinIO, Ceph, a
    provider's own); with it, path-style addresses are used unless S3_ADDRESSING_STYLE says
    otherwise, since those stores rarely have a wildcard DNS name. Without S3_ACCESS_KEY_ID
    and S3_SECRET_ACCESS_KEY, boto3 looks for credentials as usual (AWS_ACCESS_KEY_ID,
    an instance role). The tests build the same settings with this function for moto's server.
    """
    bucket = environ.get("S3_BUCKET", "").strip()
    if not bucket:
        return {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            # Readable by the app's own user only: the web server never serves these.
            "OPTIONS": {"location": location, "file_permissions_mode": 0o600, "directory_permissions_mode": 0o700},
        }
    endpoint = environ.get("S3_ENDPOINT_URL", "").strip() or None
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "region_name": environ.get("S3_REGION", "").strip() or None,
        "location": environ.get("S3_PREFIX", "").strip().strip("/"),
        "default_acl": "private",
        "querystring_auth": True,
        "querystring_expire": int(environ.get("S3_URL_EXPIRY", "60")),
        "custom_domain": None,
        "signature_version": "s3v4",
        "addressing_style": environ.get("S3_ADDRESSING_STYLE", "").strip() or ("path" if endpoint else "virtual"),
        "file_overwrite": False,
        "object_parameters": {"CacheControl": "private, no-store"},
    }
    if environ.get("S3_ACCESS_KEY_ID"):
        options["access_key"] = environ["S3_ACCESS_KEY_ID"]
        options["secret_key"] = environ.get("S3_SECRET_ACCESS_KEY", "")
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first, so that their templates override those of the libraries.
    "lms.people",
    "lms.home",
    "courses",
    "assessments",
    "apprenticeship",
    "lms.certification",
    "lms.dashboards",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "lms.people.apps.PeopleUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "lms.security.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lms.language.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "lms.people.middleware.StaffTwoFactorRequiredMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lms.people.context_processors.navigation",
            ],
        },
    },
]

# SQLite unless DATABASE_URL says otherwise (PostgreSQL in production and in CI's second run).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "akademi",
            # An unreachable Redis fails a request (and /healthz) in seconds rather than hanging it.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# People and accounts
AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboards:home"

ACCOUNT_ADAPTER = "lms.people.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
# Trainees who mistype or forget that they registered need a plain answer ("this e-mail is
# already registered") rather than a silent e-mail; the rate limits below bound probing.
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_FORMS = {"login": "lms.people.forms.LoginForm", "signup": "lms.people.forms.SignupForm"}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Akademi Pendamping] "
# A class of trainees often shares one mobile hotspot or a carrier NAT, so the per-address
# limits are far above allauth's defaults; the per-account limits stay strict (5 failed
# logins per account in 5 minutes).
ACCOUNT_RATE_LIMITS = {
    "login": "300/m/ip",
    "login_failed": "100/m/ip,5/5m/key",
    "signup": "100/m/ip",
    "reset_password": "100/m/ip,5/m/key",
    "reset_password_from_key": "100/m/ip",
}
# Number of reverse proxies in front of the app, so the client address is read correctly.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# django-ratelimit (lms/ratelimit.py) reads the client address as allauth does.
RATELIMIT_IP_META_KEY = "lms.ratelimit.client_ip"

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Akademi Pendamping"
MFA_FORMS = {
    "authenticate": "lms.people.forms.MfaAuthenticateForm",
    "reauthenticate": "lms.people.forms.MfaReauthenticateForm",
}

# Wagtail
WAGTAIL_SITE_NAME = "Akademi Pendamping"
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
# Private pages and document collections send visitors to the same sign-in (rate limits, 2FA),
# not to Wagtail's own /_util/login/.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's full-text search with its Indonesian stemmer ("pertemuan" finds "bertemu").
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "indonesian"
# A phone photo is at most about 50 megapixels; anything larger is refused before decoding.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "jpeg": "webp", "png": "webp", "webp": "webp"}
# Bitmap formats only: an SVG is a document that can carry script.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Documents for lessons: office and text formats only, nothing a browser would run (HTML, SVG,
# XML, JavaScript...); lms/documents.py checks that the content matches the extension too.
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "txt", "csv"]
WAGTAILDOCS_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}
# Through Wagtail's view, so collection privacy applies, with lms/documents.py's headers. Every
# document downloads, PDFs too: browsers' PDF viewers do not run inside the sandbox those
# headers ask for, and a phone hands a download to its PDF app anyway.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_DOCUMENT_FORM_BASE = "lms.documents.DocumentForm"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Background work through Django's tasks framework (django-tasks, which Wagtail brings).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Language and time
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Private files (certificates, logbook photos): never under MEDIA_ROOT, never served by the web
# server; only permission-checked views hand them out (lms/files.py). On disk in this folder, or
# in an S3-compatible bucket when S3_BUCKET is set (README.md, "Files").
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": private_storage_settings(os.environ, location=PRIVATE_MEDIA_ROOT),
}

# E-mail
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Akademi Pendamping <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Security headers that hold everywhere; production.py adds HTTPS-only ones.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views set SAMEORIGIN for themselves
SESSION_COOKIE_HTTPONLY = True
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Lesson videos, loaded only when the trainee presses "play" (courses/blocks.py).
        "frame-src": ["https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Browser features no page uses are switched off for the site and anything it embeds. Logbook
# and visit photos come through a file input (the phone offers its camera app), which needs no
# camera permission; nothing asks for the microphone or the position. Fullscreen, autoplay and
# picture-in-picture are left alone: the lesson video players ask for them.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # One line per background task is noise in development, where tasks run immediately.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}
