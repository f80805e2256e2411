"""Wagtail's site history, for administrators only.

The report lists every audit-log entry of every model the user holds any permission on, across
all regions and cohorts (a supervisor would read every region's KUBE changes). The history of a
single KUBE, cohort or page stays available where the user may open that object, scoped there.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import path
from wagtail.admin.views.reports.audit_logging import LogEntriesView


def administrators_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


# Mounted in lms/urls.py before Wagtail's admin, on the same paths, so they win.
urlpatterns = [
    path("reports/site-history/", administrators_only(LogEntriesView.as_view()), name="site_history"),
    path(
        "reports/site-history/results/",
        administrators_only(LogEntriesView.as_view(results_only=True)),
        name="site_history_results",
    ),
]
