"""The supervisor's forms: the screening rubric and the decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lms.people.constants import RUBRIC_SCORE_MAX, RUBRIC_SCORE_MIN, SCREENING_RUBRIC, ApplicationStatus

SCORE_CHOICES = [("", "—")] + [(str(value), str(value)) for value in range(RUBRIC_SCORE_MIN, RUBRIC_SCORE_MAX + 1)]


class ScreeningForm(forms.Form):
    """One 1-5 select per criterion of SCREENING_RUBRIC, then free notes."""

    notes = forms.CharField(label=_("Notes"), required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        notes = self.fields.pop("notes")
        for _group, _label, criteria in SCREENING_RUBRIC:
            for key, label in criteria:
                self.fields[key] = forms.TypedChoiceField(label=label, choices=SCORE_CHOICES, coerce=int)
        self.fields["notes"] = notes

    def groups(self):
        """The bound fields grouped as in the rubric, for the template."""
        return [(label, [self[key] for key, _text in criteria]) for _group, label, criteria in SCREENING_RUBRIC]

    def scores(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "notes"}


DECISIONS = [
    (ApplicationStatus.ACCEPTED, _("Accept and enrol")),
    (ApplicationStatus.WAITLISTED, _("Put on the waiting list")),
    (ApplicationStatus.REJECTED, _("Reject")),
]


def cohort_label(cohort) -> str:
    free = cohort.capacity - cohort.seats_taken
    return _("%(cohort)s · %(course)s (%(free)s seats free)") % {
        "cohort": cohort.name,
        "course": cohort.course.title,
        "free": free,
    }


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS, widget=forms.RadioSelect)
    cohort = forms.ModelChoiceField(
        label=_("Cohort"),
        queryset=None,
        required=False,
        empty_label=_("Choose a cohort (needed to accept)"),
        help_text=_("Needed to accept: open cohorts you follow that have a free seat."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=3000,
        # Only the rejection e-mail quotes the reason (templates/notifications/application_*.txt).
        help_text=_("Required. Kept with the decision; only a rejected candidate receives it by e-mail."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, cohorts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = cohorts
        self.fields["cohort"].label_from_instance = cohort_label

    def clean(self):
        data = super().clean()
        if data.get("decision") == ApplicationStatus.ACCEPTED and not data.get("cohort"):
            self.add_error("cohort", _("Choose the cohort to enrol the candidate in."))
        return data
