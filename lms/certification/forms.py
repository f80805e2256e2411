from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import CertificateStatus
from .services import REASON_REQUIRED

REASON_MAX_CHARS = 2000
CONFIRM_REQUIRED = _("Tick the box to confirm that you understand the certificate will show as revoked.")


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the revocation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=REASON_MAX_CHARS,
        error_messages={"required": REASON_REQUIRED},
        help_text=_("The holder and the verification page will show the certificate as revoked."),
    )
    # Revoking cannot be undone and shows to every employer who checks: a deliberate tick, checked here.
    confirm = forms.BooleanField(
        label=_("I understand the certificate will show as revoked to anyone who checks it"),
        error_messages={"required": CONFIRM_REQUIRED},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(REASON_REQUIRED)
        return reason


class CertificateFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All")), *CertificateStatus.choices])
