"""Evaluation studies on the site: the list, each study's page (arms, participant flow, baseline,
contamination, start and close for senior trainers), the randomisation page (senior trainers, a
study in planning), its report (page, print version, XLSX, CSV per table) and its research data
(ZIP). Trainers and supervisors read the studies of the cohorts they follow; any other study is 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from assessments.constants import StudyStatus
from assessments.flow_diagram import flow_diagram
from assessments.forms import StudyRandomiseForm
from assessments.reports.study import study_report
from assessments.reports.tables import csv_response, xlsx_response
from assessments.services import (
    STUDY_RANDOMISE_NOT_PLANNING,
    STUDY_RANDOMISED_ALREADY,
    study_close,
    study_randomise,
    study_research_export,
    study_start,
)
from assessments.studies import (
    contamination,
    studies_for_user,
    study_get_for_user,
    study_trainee_names,
    user_designs_studies,
)
from assessments.study_flow import study_participants
from assessments.study_pool import pool_for, randomisation_preview, study_arms
from courses.models import Enrollment
from lms.people.models import User


@login_required
def study_list(request):
    studies = studies_for_user(user=request.user).order_by("-created_at")
    if not studies.exists() and not user_designs_studies(request.user):
        raise PermissionDenied
    return TemplateResponse(request, "assessments/study_list.html", {"studies": studies})


@login_required
def study_detail(request, study_id: int):
    study = study_get_for_user(user=request.user, study_id=study_id)
    arms = study_arms(study)
    counts = dict(_trainee_counts([arm.cohort_id for arm in arms]))
    breaches = contamination(study)
    names = dict(User.objects.filter(pk__in={b.trainee_id for b in breaches}).values_list("pk", "full_name"))
    participants = study_participants(study, arms)
    may_design = user_designs_studies(request.user)
    context = {
        "study": study,
        "arms": [(arm, counts.get(arm.cohort_id, 0)) for arm in arms],
        "breaches": [(names.get(breach.trainee_id, ""), breach) for breach in breaches],
        "may_design": may_design,
        "participants": participants,
        "diagrams": [flow_diagram(flow) for flow in participants.flow],
        "may_randomise": may_design and study.status == StudyStatus.PLANNING and not participants.assigned,
    }
    return TemplateResponse(request, "assessments/study_detail.html", context)


def _trainee_counts(cohort_ids):
    return (
        Enrollment.objects.filter(cohort_id__in=cohort_ids)
        .values("cohort_id")
        .annotate(n=Count("pk"))
        .values_list("cohort_id", "n")
    )


@login_required
@require_POST
def study_change_status(request, study_id: int, action: str):
    study = study_get_for_user(user=request.user, study_id=study_id)
    if not user_designs_studies(request.user):
        raise PermissionDenied
    change = {"mulai": study_start, "tutup": study_close}.get(action)
    if change is None:
        raise PermissionDenied
    try:
        study = change(study=study, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Study status: %(status)s.") % {"status": study.get_status_display()})
    return redirect("assessments:study", study_id=study.pk)


@login_required
def study_randomise_view(request, study_id: int):
    """Choose the pool and the strata, see the counts per arm, then confirm (senior trainers, a study in planning).

    The confirmation carries the preview's fingerprint: if the pool changed meanwhile (someone was
    enrolled, a candidate withdrew), the new counts are shown again instead of being written unseen.
    """
    study = study_get_for_user(user=request.user, study_id=study_id)
    if not user_designs_studies(request.user):
        raise PermissionDenied
    if study.status != StudyStatus.PLANNING or study.participants.exists():
        refusal = STUDY_RANDOMISE_NOT_PLANNING if study.status != StudyStatus.PLANNING else STUDY_RANDOMISED_ALREADY
        messages.error(request, refusal)
        return redirect("assessments:study", study_id=study.pk)
    form = StudyRandomiseForm(request.POST or None, request.FILES or None)
    preview, addresses = None, []
    if request.method == "POST" and form.is_valid():
        choice = {"strata": form.strata(), "region_level": form.cleaned_data["region_level"]}
        addresses = form.address_list()
        pool = pool_for(study=study, source=form.cleaned_data["source"], addresses=addresses)
        preview = randomisation_preview(study=study, pool=pool, **choice)
        if "confirm" in request.POST and _confirmed(request, study=study, pool=pool, preview=preview, choice=choice):
            return redirect("assessments:study", study_id=study.pk)
    context = {"study": study, "form": form, "preview": preview, "addresses": ", ".join(addresses)}
    return TemplateResponse(request, "assessments/study_randomise.html", context)


def _confirmed(request, *, study, pool, preview, choice) -> bool:
    """Randomise as previewed; False (with the reason shown) when the preview is stale or a seat is refused."""
    if request.POST.get("fingerprint") != preview.fingerprint:
        messages.warning(request, _("The pool has changed since the preview. Check the new counts."))
        return False
    try:
        assigned = study_randomise(study=study, pool=pool, by=request.user, **choice)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return False
    count = len(assigned)
    messages.success(
        request,
        ngettext("%(count)s trainee assigned to the groups.", "%(count)s trainees assigned to the groups.", count)
        % {"count": count},
    )
    return True


@login_required
def study_report_view(request, study_id: int):
    study = study_get_for_user(user=request.user, study_id=study_id)
    report = study_report(study=study, names=study_trainee_names(study))
    filename = f"laporan-studi-{study.pk}"
    export = request.GET.get("format")
    if export == "xlsx":
        return xlsx_response(report.tables, filename)
    if export == "csv":
        table = next((t for t in report.tables if t.key == request.GET.get("table")), None)
        if table is None:
            raise Http404
        return csv_response(table, f"{filename}-{table.key}")
    context = {
        "study": study,
        "report": report,
        "title": _("Study report: %(study)s") % {"study": study.name},
        "subtitle": f"{study.course.title} · {study.pre_test.title} → {study.post_test.title}",
        "query": "",
    }
    context["print_body"] = "assessments/study_report_body.html"  # the shared print page, with this body
    template = "assessments/report_print.html" if request.GET.get("cetak") else "assessments/study_report.html"
    return TemplateResponse(request, template, context)


@login_required
def study_export(request, study_id: int):
    """The pseudonymised research data of a study the user may read, as one ZIP."""
    study = study_get_for_user(user=request.user, study_id=study_id)
    response = HttpResponse(study_research_export(study=study, by=request.user), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="data-riset-studi-{study.pk}.zip"'
    return response
