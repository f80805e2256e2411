from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from .health import health_report


@never_cache
def healthz(request):
    """For load balancers: 200 while the database, the cache and the task queue answer, 503 when one does not."""
    healthy, report = health_report()
    return JsonResponse(report, status=200 if healthy else 503)
