from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from lms.documents import document_serve
from lms.files import PUBLIC_MEDIA_FOLDERS, public_media
from lms.home.views import healthz
from lms.people import admin_reports

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # The admin signs in through the same allauth login, with its rate limits and 2FA.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="admin_login_redirect",
    ),
    path("admin/", include((admin_reports.urlpatterns, "people_admin_reports"))),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view wrapped to add nosniff and the sandbox policy (lms/documents.py).
    re_path(r"^documents/(\d+)/(.*)$", document_serve, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("akun/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("lms.people.urls")),
    path("", include("lms.dashboards.urls")),
    path("", include("courses.urls")),
    path("", include("assessments.urls")),
    path("", include("apprenticeship.urls")),
    path("", include("lms.certification.urls")),
    path("", include("lms.dashboards.recruitment.urls")),
]


def development_media_urlpatterns():
    """What `runserver` serves from MEDIA_ROOT: public images only, never documents (Wagtail's view
    serves those, with its privacy checks) nor anything else that lands there. Private files
    are not under MEDIA_ROOT at all. A production web server must follow the same rule."""
    folders = "|".join(PUBLIC_MEDIA_FOLDERS)
    prefix = settings.MEDIA_URL.strip("/")
    return [re_path(rf"^{prefix}/(?P<path>(?:{folders})/.+)$", public_media)]


if settings.DEBUG:
    urlpatterns += development_media_urlpatterns()

urlpatterns.append(path("", include(wagtail_urls)))
