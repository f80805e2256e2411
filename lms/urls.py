from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

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

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))
