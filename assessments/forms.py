from django import forms
from django.utils.translation import gettext_lazy as _

from .bank_io import FORMATS
from .models import QuestionCategory

FORMAT_CHOICES = [("gift", _("GIFT (Moodle)")), ("csv", _("Spreadsheet (CSV or XLSX)"))]
assert [value for value, _label in FORMAT_CHOICES] == list(FORMATS)  # noqa: S101 - kept in step at import


class BankImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"), help_text=_("GIFT text file, or a CSV/XLSX file with the columns of an export.")
    )
    file_format = forms.ChoiceField(label=_("Format"), choices=FORMAT_CHOICES)
    default_category = forms.CharField(
        label=_("Category"),
        required=False,
        max_length=200,
        help_text=_("For questions the file does not place in a category; created if it does not exist."),
    )


class BankExportForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=QuestionCategory.objects.all(),
        required=False,
        empty_label=_("Every category"),
        help_text=_("Its sub-categories are included."),
    )
    file_format = forms.ChoiceField(label=_("Format"), choices=FORMAT_CHOICES)
