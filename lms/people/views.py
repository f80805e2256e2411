from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lms.ratelimit import over_limit

from .forms import CandidateApplicationForm, ProfileForm
from .recruitment_services import application_submit
from .services import user_update_profile

APPLY_RATE = "5/h"


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user_update_profile(user=request.user, data=form.cleaned_data)
        messages.success(request, _("Your profile has been saved."))
        return redirect("people:profile")
    return render(request, "people/profile.html", {"form": form})


def apply(request):
    """The public application form for candidate mentors.

    A submission that would be stored (or a bot's, caught by the honeypot) counts against the
    client address's limit; a form sent back with errors does not, so a candidate on a
    shared hotspot can correct typing mistakes.
    """
    form = CandidateApplicationForm(request.POST or None)
    if request.method == "POST" and (form.is_bot or form.is_valid()):
        if over_limit(request, group="recruitment-apply", rate=APPLY_RATE):
            return render(request, "people/apply_limited.html", status=429)
        if form.is_bot:
            return redirect("people:apply_thanks")
        try:
            application_submit(data=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("people:apply_thanks")
    return render(request, "people/apply.html", {"form": form})


def apply_thanks(request):
    return render(request, "people/apply_thanks.html")
