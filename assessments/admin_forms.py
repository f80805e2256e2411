"""The question editor checks a question by the same rules as a GIFT or spreadsheet import."""

from wagtail.admin.forms import WagtailAdminModelForm

from .formats import TRUE_FALSE, ChoiceRecord, QuestionRecord
from .formats.checks import check_record

TRUE_FALSE_NAMES = {"true": "true", "benar": "true", "false": "false", "salah": "false"}


class QuestionAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        formset = self.formsets.get("choices")
        if not kind or formset is None or not formset.is_valid():
            return cleaned
        choices = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            if kind == TRUE_FALSE:
                form.instance.text = data["text"] = TRUE_FALSE_NAMES.get(data["text"].strip().casefold(), data["text"])
            choices.append(ChoiceRecord(data["text"], data["percent"], data.get("feedback", "")))
        record = QuestionRecord(
            kind=kind, text=cleaned.get("text") or "", mark=cleaned.get("mark") or 1, choices=choices
        )
        for message in check_record(record):
            self.add_error(None, message)
        return cleaned
