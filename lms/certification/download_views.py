"""Downloading a certificate's PDF.

Who may: the holder; a supervisor whose region contains the holder's home region; an
administrator. Anyone else gets 404, the same as for a certificate that does not exist,
so ids cannot be probed. The stored PDF is served; if the background task has not drawn
it yet, it is drawn now, so the holder never waits on a queue.

A revoked certificate: supervisors and administrators still download it (for the record
and for disputes); the holder is refused with a page saying it was revoked, because a
fresh copy of a revoked certificate is exactly what must not circulate. An expired one
stays downloadable by its holder: its dates and its QR code say it has expired.

The PDF is a private file (lms/files.py): it has no public address, and this view streams it,
or redirects to a short-lived signed URL when it is in a bucket, as an attachment with
`nosniff` and a sandboxing Content-Security-Policy.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from lms.files import private_file_response
from lms.people.constants import Role
from lms.people.scoping import region_in_user_scope

from .models import Certificate
from .pdf import certificate_pdf_filename, certificate_pdf_store


def certificate_get_for_download(*, user, certificate_id: int) -> Certificate:
    """The certificate if `user` may download it, else 404 (fetch and authorise together)."""
    certificate = get_object_or_404(
        Certificate.objects.select_related("programme", "trainee__home_region"), pk=certificate_id
    )
    if certificate.trainee_id == user.pk or user.is_superuser:
        return certificate
    if user.has_role(Role.SUPERVISOR) and region_in_user_scope(user=user, region=certificate.trainee.home_region):
        return certificate
    raise Http404


def _holder_refused(certificate: Certificate, user) -> bool:
    """A holder (who is not also an administrator) may not take away a revoked certificate."""
    return certificate.revoked_at is not None and certificate.trainee_id == user.pk and not user.is_superuser


@login_required
@require_http_methods(["GET", "HEAD"])
def certificate_download(request, certificate_id: int):
    certificate = certificate_get_for_download(user=request.user, certificate_id=certificate_id)
    if _holder_refused(certificate, request.user):
        response = TemplateResponse(
            request, "certification/download_refused.html", {"certificate": certificate}, status=403
        )
        response["Cache-Control"] = "no-store"
        return response
    if not certificate.pdf or not certificate.pdf.storage.exists(certificate.pdf.name):
        certificate_pdf_store(certificate=certificate)
    return private_file_response(
        certificate.pdf, content_type="application/pdf", filename=certificate_pdf_filename(certificate)
    )
