from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import CertificateStatus
from .services import REASON_REQUIRED

REASON_MAX_CHARS = 2000


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the revocation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=REASON_MAX_CHARS,
        error_messages={"required": REASON_REQUIRED},
        help_text=_("The holder and the verification page will show the certificate as revoked."),
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(REASON_REQUIRED)
        return reason


class CertificateFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All")), *CertificateStatus.choices])
