"""The supervisor's recruitment screens: the list, one application, its screening and decision.

Every lookup goes through `lms.people.recruitment_selectors`, which limits a supervisor to
their region subtree (404 elsewhere) and refuses anyone else (403).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.services import candidate_accept
from lms.people.constants import ApplicationStatus
from lms.people.recruitment_selectors import (
    application_get_for_user,
    application_status_counts,
    applications_for_user,
    rubric_rows,
)
from lms.people.recruitment_services import (
    acceptance_problems,
    application_reject,
    application_screen,
    application_waitlist,
)

from .forms import DecisionForm, ScreeningForm
from .selectors import cohorts_for_acceptance

APPLICATIONS_PER_PAGE = 25


@login_required
def application_list(request):
    """Applications of the region, filtered by status, with a count per status."""
    status = request.GET.get("status", "")
    if status not in ApplicationStatus.values:
        status = ""
    applications = applications_for_user(user=request.user, status=status or None)
    context = {
        "page": Paginator(applications, APPLICATIONS_PER_PAGE).get_page(request.GET.get("page")),
        "counts": application_status_counts(user=request.user),
        "status": status,
    }
    return TemplateResponse(request, "dashboards/recruitment/application_list.html", context)


def _detail(request, application, *, screening_form=None, decision_form=None, status=200):
    screening = getattr(application, "screening", None)
    if screening_form is None:
        initial = dict(screening.scores, notes=screening.notes) if screening else None
        screening_form = ScreeningForm(initial=initial)
    cohorts = cohorts_for_acceptance(user=request.user)
    context = {
        "application": application,
        "screening": screening,
        "rubric": rubric_rows(screening.scores if screening else None),
        "screening_form": screening_form,
        "decision_form": decision_form or DecisionForm(cohorts=cohorts),
        "acceptance_problems": acceptance_problems(application) if application.is_open else [],
    }
    return TemplateResponse(request, "dashboards/recruitment/application_detail.html", context, status=status)


@login_required
def application_detail(request, application_id):
    application = application_get_for_user(user=request.user, application_id=application_id)
    return _detail(request, application)


@login_required
@require_POST
def application_screen_view(request, application_id):
    application = application_get_for_user(user=request.user, application_id=application_id)
    form = ScreeningForm(request.POST)
    if form.is_valid():
        try:
            application_screen(
                application=application, scores=form.scores(), notes=form.cleaned_data["notes"], by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The screening has been saved."))
            return redirect("recruitment:detail", application_id=application.pk)
    return _detail(request, application, screening_form=form, status=400)


@login_required
@require_POST
def application_decide(request, application_id):
    application = application_get_for_user(user=request.user, application_id=application_id)
    form = DecisionForm(request.POST, cohorts=cohorts_for_acceptance(user=request.user))
    if form.is_valid():
        decision, reason = form.cleaned_data["decision"], form.cleaned_data["reason"]
        try:
            if decision == ApplicationStatus.ACCEPTED:
                candidate_accept(
                    application=application, cohort=form.cleaned_data["cohort"], by=request.user, reason=reason
                )
            elif decision == ApplicationStatus.WAITLISTED:
                application_waitlist(application=application, by=request.user, reason=reason)
            else:
                application_reject(application=application, by=request.user, reason=reason)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The decision has been saved and the candidate informed by e-mail."))
            return redirect("recruitment:detail", application_id=application.pk)
    return _detail(request, application, decision_form=form, status=400)
