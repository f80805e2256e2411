"""Public verification of a certificate by its code (typed, or read from the QR code).

Anyone may ask, without signing in, so the page shows only what the certificate itself
says: the holder's name, the programme, the dates and today's status. The template gets a
plain record with exactly those five facts, never the model, so it cannot reach the
holder's e-mail, phone or region, the serial number, the revocation's reason or the
holder's other certificates. An unknown code gets a 404 page that only puts the code back
into the form's field (escaped), so the asker can spot a typo.
Codes are long and random and every look-up counts against a per-address rate limit, so
they cannot be enumerated.
"""

import dataclasses
import datetime
import re

from django import forms
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from lms.ratelimit import over_limit

from .constants import CertificateStatus
from .models import Certificate

RATE_GROUP = "certificate-verify"
RATE = "30/m"
# A found certificate may sit in the asker's own browser for a minute, never in a shared
# cache (a revocation must show at once); anything else is not kept at all.
CACHE_FOUND = "private, max-age=60"
CACHE_NONE = "no-store"
MAX_CODE_LENGTH = 200

TOO_MANY = _("Too many verification attempts from your connection. Please wait a minute and try again.")
CODE_REQUIRED = _("Type the verification code printed under the QR code.")


def normalise_code(raw: str) -> str:
    """The code inside what someone typed or pasted.

    Spaces and line breaks (the PDF prints the code in groups of four; copying off a PDF
    breaks lines) are dropped, and a pasted verification address gives its code. Letters
    keep their case here; the look-up also tries the code in capitals, because issued codes
    are base32 (A-Z, 2-7, see `services.new_verification_code`) and people type them in
    lower case on phones.
    """
    text = re.sub(r"\s+", "", raw or "")[:MAX_CODE_LENGTH]
    if "/verifikasi/" in text:
        text = text.split("/verifikasi/", 1)[1]
    return text.strip("/").split("/")[0].split("?")[0]


@dataclasses.dataclass(frozen=True)
class VerifiedCertificate:
    """The only facts the public page shows."""

    holder_name: str
    programme_name: str
    issued_on: datetime.date
    expires_on: datetime.date
    status: CertificateStatus


def certificate_verify_lookup(*, code: str, today: datetime.date) -> VerifiedCertificate | None:
    """The public facts of the certificate with `code`, or None; one query."""
    certificate = (
        Certificate.objects.select_related("programme", "trainee")
        .only("issued_on", "expires_on", "revoked_at", "programme__name", "trainee__full_name")
        .filter(verification_code__in={code, code.upper()})
        .first()
    )
    if certificate is None:
        return None
    return VerifiedCertificate(
        holder_name=certificate.trainee.full_name or _("(name not recorded)"),
        programme_name=certificate.programme.name,
        issued_on=certificate.issued_on,
        expires_on=certificate.expires_on,
        status=certificate.status_on(today),
    )


class VerificationCodeForm(forms.Form):
    kode = forms.CharField(
        label=_("Verification code"),
        max_length=MAX_CODE_LENGTH,
        help_text=_("Printed under the QR code on the certificate; spaces and capitals do not matter."),
        error_messages={"required": CODE_REQUIRED},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "off", "spellcheck": "false"}),
    )

    def clean_kode(self) -> str:
        code = normalise_code(self.cleaned_data["kode"])
        if not code:
            raise forms.ValidationError(CODE_REQUIRED)
        return code


def _respond(request, template: str, context: dict, *, status: int = 200, cache: str = CACHE_NONE):
    response = TemplateResponse(request, template, context, status=status)
    response["Cache-Control"] = cache
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _limited(request):
    response = _respond(request, "certification/verify_limited.html", {"message": TOO_MANY}, status=429)
    response["Retry-After"] = "60"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def certificate_verify_form(request):
    """`/verifikasi/`: type a code (GET ?kode= or POST), then go to its page."""
    data = request.POST if request.method == "POST" else request.GET
    submitted = "kode" in data
    if submitted and over_limit(request, group=RATE_GROUP, rate=RATE):
        return _limited(request)
    form = VerificationCodeForm(data if submitted else None)
    if submitted and form.is_valid():
        return redirect("certification:verify", code=form.cleaned_data["kode"])
    return _respond(request, "certification/verify_form.html", {"form": form}, status=400 if submitted else 200)


@require_http_methods(["GET", "HEAD"])
def certificate_verify(request, code: str):
    """`/verifikasi/<code>/`: the certificate's public facts, or "not found" (404)."""
    if over_limit(request, group=RATE_GROUP, rate=RATE):
        return _limited(request)
    normalised = normalise_code(code)
    if normalised and normalised != code:
        return redirect("certification:verify", code=normalised)
    today = timezone.localdate()
    verified = certificate_verify_lookup(code=normalised, today=today) if normalised else None
    if verified is None:
        # The field shows back what was asked for (escaped by the widget), so a typo can be seen and fixed.
        form = VerificationCodeForm(initial={"kode": normalised})
        return _respond(request, "certification/verify_not_found.html", {"form": form}, status=404)
    return _respond(
        request,
        "certification/verify.html",
        {"certificate": verified, "today": today, "Status": CertificateStatus},
        cache=CACHE_FOUND,
    )
