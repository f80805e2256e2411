"""A placement's page, the decisions on it, proposing one, and the supervisor's board."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.people.constants import Role

from .. import permissions
from ..forms import HostNoteForm, ProposeForm, ReasonForm, TraineeChoiceForm
from ..models import KubeGroup
from ..selectors import (
    cohorts_to_propose_for,
    host_suggestions,
    logbook,
    placement_board,
    placement_get_for_user,
    trainees_to_propose_for,
)
from ..services import placement_approve, placement_propose, placement_reject, placement_sign_off, placement_withdraw
from .exports import board_export


@login_required
def placement_detail(request, placement_id: int):
    placement = placement_get_for_user(user=request.user, placement_id=placement_id)
    user = request.user
    evaluation = getattr(placement, "evaluation", None)
    context = {
        "placement": placement,
        "entries": list(logbook(placement)),
        "evaluation": evaluation,
        # The apprentice reads the host's evaluation once a supervisor has signed it off.
        "show_evaluation": evaluation is not None and (user.pk != placement.trainee_id or evaluation.signed_off_at),
        "may_write": permissions.may_write_logbook(user, placement),
        "may_countersign": permissions.may_countersign(user, placement),
        "may_decide": permissions.may_decide(user, placement),
        "may_withdraw": permissions.may_withdraw(user, placement),
        "may_evaluate": permissions.may_evaluate(user, placement),
        "may_sign_off": permissions.may_sign_off(user, placement) and evaluation is not None,
        "reason_form": ReasonForm(),
        "note_form": HostNoteForm(),
    }
    return TemplateResponse(request, "apprenticeship/placement_detail.html", context)


def _decide(request, placement_id, check, action, *, success, needs_reason=False):
    placement = placement_get_for_user(user=request.user, placement_id=placement_id)
    if not check(request.user, placement):
        raise PermissionDenied
    kwargs = {}
    if needs_reason:
        form = ReasonForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Give a reason."))
            return redirect("apprenticeship:placement", placement_id=placement.pk)
        kwargs["reason"] = form.cleaned_data["reason"]
    try:
        action(placement=placement, by=request.user, **kwargs)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect("apprenticeship:placement", placement_id=placement.pk)


@login_required
@require_POST
def approve(request, placement_id: int):
    return _decide(request, placement_id, permissions.may_decide, placement_approve, success=_("Placement approved."))


@login_required
@require_POST
def reject(request, placement_id: int):
    return _decide(
        request,
        placement_id,
        permissions.may_decide,
        placement_reject,
        success=_("Placement rejected."),
        needs_reason=True,
    )


@login_required
@require_POST
def withdraw(request, placement_id: int):
    return _decide(
        request,
        placement_id,
        permissions.may_withdraw,
        placement_withdraw,
        success=_("Placement withdrawn."),
        needs_reason=True,
    )


@login_required
@require_POST
def sign_off(request, placement_id: int):
    return _decide(
        request,
        placement_id,
        permissions.may_sign_off,
        placement_sign_off,
        success=_("Evaluation signed off: the placement is completed."),
    )


@login_required
def propose(request):
    """Pick a trainee, read the ranked host suggestions with their reasons, and propose one."""
    trainees = trainees_to_propose_for(request.user, cohort_id=request.GET.get("angkatan"))
    if trainees is None:
        raise PermissionDenied
    chooser = TraineeChoiceForm(request.GET or None, trainees=trainees)
    context = {"chooser": chooser, "cohort_id": request.GET.get("angkatan", "")}
    if not chooser.is_bound or not chooser.is_valid():
        return TemplateResponse(request, "apprenticeship/propose.html", context)
    trainee = chooser.cleaned_data["trainee"]
    suggestions = host_suggestions(trainee=trainee, viewer=request.user)
    form = ProposeForm(
        request.POST or None,
        cohorts=cohorts_to_propose_for(request.user, trainee=trainee),
        kube_groups=KubeGroup.objects.filter(pk__in=[suggestion.kube.pk for suggestion in suggestions]),
    )
    context |= {"trainee": trainee, "suggestions": suggestions, "form": form}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not permissions.may_propose(request.user, cohort=data["cohort"], kube=data["kube"]):
            raise PermissionDenied
        try:
            placement = placement_propose(
                trainee=trainee,
                kube=data["kube"],
                cohort=data["cohort"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                required_hours=data["required_hours"],
                by=request.user,
            )
        except ValidationError as error:
            for problem in error.messages:
                form.add_error(None, problem)
        else:
            messages.success(request, _("Placement proposed. A supervisor of the KUBE's region decides on it."))
            return redirect("apprenticeship:placement", placement_id=placement.pk)
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "apprenticeship/propose.html", context, status=status)


@login_required
def board(request):
    """The supervisor's placements board for their region, with exports of every placement."""
    if not (request.user.has_role(Role.SUPERVISOR) or request.user.is_superuser):
        raise PermissionDenied
    export = request.GET.get("format")
    if export in ("csv", "xlsx"):
        return board_export(request.user, export)
    return TemplateResponse(request, "apprenticeship/board.html", {"board": placement_board(request.user)})
