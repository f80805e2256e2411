from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import ENROLLMENT_FILE_MAX_BYTES
from .services import REFLECTION_MAX_CHARS


class ReflectionForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=REFLECTION_MAX_CHARS,
        error_messages={"required": _("Write your answer first.")},
    )


class EnrollmentFileForm(forms.Form):
    file = forms.FileField(
        label=_("File of trainees (CSV or XLSX)"),
        help_text=_("One trainee per row, with a column named “email”. Other columns, such as the name, are ignored."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a CSV or XLSX file."))
        if upload.size > ENROLLMENT_FILE_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB; split it into smaller files."))
        return upload
