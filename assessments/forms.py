from django import forms
from django.utils.translation import gettext_lazy as _

from lms.people.constants import RegionLevel

from .bank_io import FORMATS
from .constants import PoolSource
from .models import QuestionCategory
from .study_pool import addresses_in

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


STUDY_LIST_MAX_BYTES = 1024 * 1024
REGION_LEVELS = [(RegionLevel.PROVINCE, RegionLevel.PROVINCE.label), (RegionLevel.REGENCY, RegionLevel.REGENCY.label)]


class StudyRandomiseForm(forms.Form):
    """Which pool to randomise and by which strata. The addresses are read for the list source only."""

    source = forms.ChoiceField(
        label=_("Who is randomised"), choices=PoolSource.choices, initial=PoolSource.WAITLIST, widget=forms.RadioSelect
    )
    addresses = forms.CharField(
        label=_("E-mail addresses"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("For a list of trainees: one address a line, or separated by commas."),
    )
    file = forms.FileField(
        label=_("… or a file of addresses"),
        required=False,
        help_text=_("A CSV or text file; every e-mail address in it is read."),
    )
    region_level = forms.TypedChoiceField(
        label=_("Balance the groups within each home region at the level of"),
        choices=REGION_LEVELS,
        coerce=int,
        initial=RegionLevel.PROVINCE,
        widget=forms.RadioSelect,
    )
    by_sex = forms.BooleanField(
        label=_("Balance them within each sex too"),
        required=False,
        help_text=_("Trainees who have not stated their sex form a group of their own."),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > STUDY_LIST_MAX_BYTES:
            raise forms.ValidationError(_("The file is too large (at most 1 MB)."))
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("source") == PoolSource.LIST and not self.address_list():
            self.add_error("addresses", _("Give at least one e-mail address."))
        return cleaned

    def address_list(self) -> list[str]:
        text = self.cleaned_data.get("addresses") or ""
        upload = self.cleaned_data.get("file")
        if upload:
            text += "\n" + upload.read().decode("utf-8-sig", errors="replace")
            upload.seek(0)
        return addresses_in(text)

    def strata(self) -> tuple[str, ...]:
        return ("region", "sex") if self.cleaned_data.get("by_sex") else ("region",)
