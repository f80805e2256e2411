"""The certification pages: the trainee's checklist, a supervisor's view of one trainee, and the certificate list.

Views parse, fetch-and-authorise through the selectors (404 outside the supervisor's region),
call a service and render.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .exports import certificates_export
from .forms import CertificateFilterForm, RevokeForm
from .permissions import may_supervise
from .selectors import (
    certificate_get_for_supervisor,
    programme_get,
    programme_standings,
    region_certificates,
    trainee_certificates,
    trainee_get_for_supervisor,
)
from .services import certificate_issue, certificate_revoke

PAGE_SIZE = 50


@login_required
def my_certification(request):
    context = {
        "standings": programme_standings(trainee=request.user),
        "certificates": trainee_certificates(trainee=request.user),
    }
    return TemplateResponse(request, "certification/my_certification.html", context)


@login_required
def trainee_checklist(request, trainee_id: int):
    trainee = trainee_get_for_supervisor(user=request.user, trainee_id=trainee_id)
    certificates = trainee_certificates(trainee=trainee)
    for certificate in certificates:  # one form per certificate, so the field ids stay unique
        certificate.revoke_form = RevokeForm(auto_id=f"id_revoke_{certificate.pk}_%s")
    context = {"trainee": trainee, "standings": programme_standings(trainee=trainee), "certificates": certificates}
    return TemplateResponse(request, "certification/trainee_checklist.html", context)


@login_required
@require_POST
def issue(request, trainee_id: int, programme_id: int):
    trainee = trainee_get_for_supervisor(user=request.user, trainee_id=trainee_id)
    programme = programme_get(programme_id=programme_id)
    try:
        certificate = certificate_issue(trainee=trainee, programme=programme, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Certificate %(serial)s issued.") % {"serial": certificate.serial_number})
    return redirect("certification:trainee", trainee_id=trainee.pk)


@login_required
@require_POST
def revoke(request, certificate_id: int):
    certificate = certificate_get_for_supervisor(user=request.user, certificate_id=certificate_id)
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(message for errors in form.errors.values() for message in errors))
    else:
        try:
            certificate_revoke(certificate=certificate, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Certificate %(serial)s revoked.") % {"serial": certificate.serial_number})
    return redirect("certification:trainee", trainee_id=certificate.trainee_id)


@login_required
def certificate_list(request):
    if not may_supervise(request.user):
        raise PermissionDenied
    form = CertificateFilterForm(request.GET)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    certificates = region_certificates(user=request.user, status=status)
    export_format = request.GET.get("format")
    if export_format in ("csv", "xlsx"):
        return certificates_export(certificates, export_format)
    page = Paginator(certificates, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "status": status, "query": query.urlencode()}
    return TemplateResponse(request, "certification/certificate_list.html", context)
