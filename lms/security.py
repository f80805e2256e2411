"""Content-Security-Policy that stays strict on the public site.

Wagtail's admin still relies on inline scripts and styles, so only paths under the admin
get 'unsafe-inline'; every page a trainee sees keeps script-src and style-src at 'self'.
When private files are in a bucket, pages may load images from its origin: a logbook photo
is a redirect to a signed URL there (lms/files.py).
"""

from csp.middleware import CSPMiddleware, PolicyParts

from .files import private_files_origin

ADMIN_PREFIX = "/admin/"
ADMIN_RELAXATION = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "frame-ancestors": ["'self'"],  # live preview of pages in the editor
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(ADMIN_PREFIX):
            parts.update = {**ADMIN_RELAXATION, **(parts.update or {})}
        origin = private_files_origin()
        if origin:
            parts.update = {**(parts.update or {}), "img-src": [origin]}
        return parts
