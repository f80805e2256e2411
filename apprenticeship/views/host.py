"""The host mentor's side: entries to countersign, the apprentice's evaluation, and KUBE assessments.

A KUBE's page and its maturity assessment form also serve the supervisors of its region.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.models import MentorRole
from lms.people.constants import Role

from ..forms import EvaluationForm, HostNoteForm, KubeAssessmentForm
from ..models import KubeGroup
from ..permissions import may_assess_kube, may_countersign, may_evaluate
from ..selectors import (
    countersign_queue,
    hosted_placements,
    kube_get_for_user,
    kube_with_history,
    logbook_entry_get_for_user,
    placement_get_for_user,
)
from ..services import kube_assessment_record, logbook_entry_countersign, logbook_entry_return, placement_evaluate


@login_required
def queue(request):
    """Entries waiting for the host mentor's countersignature, and the apprentices they host."""
    entries = list(countersign_queue(request.user))
    placements = list(hosted_placements(request.user))
    if not (request.user.has_role(Role.HOST_MENTOR) or entries or placements):
        raise PermissionDenied
    context = {
        "entries": entries,
        "placements": placements,
        "kube_groups": KubeGroup.objects.filter(host_mentor=request.user).select_related("latest_assessment"),
        "note_form": HostNoteForm(),
    }
    return TemplateResponse(request, "apprenticeship/host_queue.html", context)


def _back(request, entry):
    target = request.POST.get("next")
    if target == "queue":
        return redirect("apprenticeship:host_queue")
    return redirect("apprenticeship:placement", placement_id=entry.placement_id)


@login_required
@require_POST
def countersign(request, entry_id: int):
    entry = logbook_entry_get_for_user(user=request.user, entry_id=entry_id)
    if not may_countersign(request.user, entry.placement):
        raise PermissionDenied
    form = HostNoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        logbook_entry_countersign(entry=entry, by=request.user, note=note)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Countersigned: %(hours)s hours of %(name)s now count.")
            % {"hours": entry.hours, "name": entry.placement.trainee.full_name},
        )
    return _back(request, entry)


@login_required
@require_POST
def send_back(request, entry_id: int):
    entry = logbook_entry_get_for_user(user=request.user, entry_id=entry_id)
    if not may_countersign(request.user, entry.placement):
        raise PermissionDenied
    form = HostNoteForm(request.POST)
    try:
        logbook_entry_return(entry=entry, by=request.user, note=form.data.get("note", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The entry went back to the apprentice with your note."))
    return _back(request, entry)


@login_required
def evaluate(request, placement_id: int):
    placement = placement_get_for_user(user=request.user, placement_id=placement_id)
    if not may_evaluate(request.user, placement):
        raise PermissionDenied
    roles = list(MentorRole.objects.all())
    evaluation = getattr(placement, "evaluation", None)
    initial = {}
    if evaluation is not None:
        initial = {"recommendation": evaluation.recommendation}
        for row in evaluation.role_scores.all():
            initial |= {f"score_{row.role_id}": row.score, f"comment_{row.role_id}": row.comment}
    form = EvaluationForm(request.POST or None, roles=roles, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            placement_evaluate(
                placement=placement,
                by=request.user,
                scores=form.scores(),
                recommendation=form.cleaned_data["recommendation"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Evaluation saved. A supervisor signs it off to complete the placement."))
            return redirect("apprenticeship:placement", placement_id=placement.pk)
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(
        request, "apprenticeship/evaluation_form.html", {"placement": placement, "form": form}, status=status
    )


@login_required
def kube_detail(request, kube_id: int):
    kube = kube_with_history(kube_get_for_user(user=request.user, kube_id=kube_id))
    context = {"kube": kube, "may_assess": may_assess_kube(request.user, kube)}
    return TemplateResponse(request, "apprenticeship/kube_detail.html", context)


@login_required
def kube_assess(request, kube_id: int):
    kube = kube_get_for_user(user=request.user, kube_id=kube_id)
    if not may_assess_kube(request.user, kube):
        raise PermissionDenied
    form = KubeAssessmentForm(request.POST or None, initial={"assessed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        assessment = form.save(commit=False)
        assessment.kube = kube
        try:
            assessment = kube_assessment_record(assessment=assessment, by=request.user)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(
                request,
                _("Assessment saved: total %(total)s, class %(class)s.")
                % {"total": assessment.total_score, "class": assessment.get_maturity_class_display()},
            )
            return redirect("apprenticeship:kube", kube_id=kube.pk)
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "apprenticeship/kube_assess.html", {"kube": kube, "form": form}, status=status)
