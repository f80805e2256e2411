"""Rate limits for public endpoints outside allauth (applications, certificate verification).

django-ratelimit counts in the default cache (Redis in production, so every app server
shares the counters). The client address is read the same way allauth reads it for the
sign-in limits, honouring TRUSTED_PROXY_COUNT.
"""

from allauth.account.adapter import get_adapter
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited


def client_ip(request: HttpRequest) -> str:
    return get_adapter(request).get_client_ip(request)


def over_limit(request: HttpRequest, *, group: str, rate: str) -> bool:
    """Count this request against `group` per client address; True once `rate` is exceeded."""
    return is_ratelimited(request, group=group, key="ip", rate=rate, increment=True)
