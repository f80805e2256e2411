"""Evaluation studies on the site: the list, each study's page (arms, contamination, start and close
for senior trainers), its report (page, print version, XLSX, CSV per table) and its research data
(ZIP). Trainers and supervisors read the studies of the cohorts they follow; any other study is 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessments.reports.study import study_report
from assessments.reports.tables import csv_response, xlsx_response
from assessments.services import study_close, study_research_export, study_start
from assessments.studies import (
    contamination,
    studies_for_user,
    study_get_for_user,
    study_trainee_names,
    user_designs_studies,
)
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
    arms = list(study.arms.select_related("cohort__region"))
    counts = dict(_trainee_counts([arm.cohort_id for arm in arms]))
    breaches = contamination(study)
    names = dict(User.objects.filter(pk__in={b.trainee_id for b in breaches}).values_list("pk", "full_name"))
    context = {
        "study": study,
        "arms": [(arm, counts.get(arm.cohort_id, 0)) for arm in arms],
        "breaches": [(names.get(breach.trainee_id, ""), breach) for breach in breaches],
        "may_design": user_designs_studies(request.user),
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
    template = "assessments/study_report_print.html" if request.GET.get("cetak") else "assessments/study_report.html"
    return TemplateResponse(request, template, context)


@login_required
def study_export(request, study_id: int):
    """The pseudonymised research data of a study the user may read, as one ZIP."""
    study = study_get_for_user(user=request.user, study_id=study_id)
    response = HttpResponse(study_research_export(study=study, by=request.user), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="data-riset-studi-{study.pk}.zip"'
    return response
