"""The evaluation reports for trainers (their cohorts) and supervisors (their region).

Every report renders as tables with charts, exports each table as CSV and all of them as one
XLSX workbook, and has a print version. Cohorts the user does not follow are 404.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from assessments.constants import QuizKind
from assessments.models import Quiz
from assessments.reports.build import cohort_report, comparison_report, item_report
from assessments.reports.tables import csv_response, xlsx_response
from courses.constants import StudyArm
from courses.selectors import cohort_get_for_user, cohorts_for_user
from lms.people.models import User


def _quiz_choice(request, course_id: int, kind: str, param: str) -> Quiz | None:
    quizzes = Quiz.objects.filter(course_id=course_id, kind=kind)
    chosen = request.GET.get(param, "")
    if chosen.isdigit():
        return get_object_or_404(quizzes, pk=int(chosen))
    return quizzes.order_by("-is_live", "pk").first()


def _names(cohort_ids: list[int]) -> dict[int, str]:
    return dict(User.objects.filter(enrollments__cohort_id__in=cohort_ids).values_list("pk", "full_name"))


def _respond(request, *, tables, title, filename, context):
    export = request.GET.get("format")
    if export == "xlsx":
        return xlsx_response(tables, filename)
    if export == "csv":
        table = next((t for t in tables if t.key == request.GET.get("table")), None)
        if table is None:
            raise Http404
        return csv_response(table, f"{filename}-{table.key}")
    query = request.GET.copy()
    query.pop("format", None)
    query.pop("table", None)
    query.pop("cetak", None)
    template = "assessments/report_print.html" if request.GET.get("cetak") else "assessments/report.html"
    context |= {"tables": tables, "title": title, "query": query.urlencode()}
    return TemplateResponse(request, template, context)


@login_required
def cohort_prepost(request, cohort_id: int):
    cohort = cohort_get_for_user(user=request.user, cohort_id=cohort_id)
    pre = _quiz_choice(request, cohort.course_id, QuizKind.PRE_TEST, "pra")
    post = _quiz_choice(request, cohort.course_id, QuizKind.POST_TEST, "pasca")
    if pre is None or post is None:
        return TemplateResponse(request, "assessments/report_missing.html", {"cohort": cohort}, status=404)
    tables = cohort_report(cohort=cohort, pre_quiz=pre, post_quiz=post, names=_names([cohort.pk]))
    title = _("Pre-test and post-test: %(cohort)s") % {"cohort": cohort.name}
    context = {"cohort": cohort, "subtitle": f"{pre.title} → {post.title}"}
    return _respond(request, tables=tables, title=title, filename=f"pra-pasca-angkatan-{cohort.pk}", context=context)


@login_required
def comparison(request):
    followed = cohorts_for_user(user=request.user).exclude(study_arm=StudyArm.NONE).order_by("course__title", "name")
    treatment_id, control_id = request.GET.get("perlakuan", ""), request.GET.get("kontrol", "")
    if not (treatment_id.isdigit() and control_id.isdigit()):
        context = {"cohorts": followed, "treatment_id": treatment_id, "control_id": control_id}
        return TemplateResponse(request, "assessments/comparison_choose.html", context)
    treatment = cohort_get_for_user(user=request.user, cohort_id=int(treatment_id))
    control = cohort_get_for_user(user=request.user, cohort_id=int(control_id))
    if treatment.course_id != control.course_id or treatment.pk == control.pk:
        context = {"cohorts": followed, "error": _("Choose two different cohorts of the same course.")}
        return TemplateResponse(request, "assessments/comparison_choose.html", context, status=400)
    pre = _quiz_choice(request, treatment.course_id, QuizKind.PRE_TEST, "pra")
    post = _quiz_choice(request, treatment.course_id, QuizKind.POST_TEST, "pasca")
    if pre is None or post is None:
        return TemplateResponse(request, "assessments/report_missing.html", {"cohort": treatment}, status=404)
    tables = comparison_report(
        treatment=treatment, control=control, pre_quiz=pre, post_quiz=post, names=_names([treatment.pk, control.pk])
    )
    title = _("Treatment against control: %(treatment)s · %(control)s") % {
        "treatment": treatment.name,
        "control": control.name,
    }
    context = {"cohort": treatment, "subtitle": f"{pre.title} → {post.title}"}
    filename = f"perbandingan-{treatment.pk}-{control.pk}"
    return _respond(request, tables=tables, title=title, filename=filename, context=context)


@login_required
def quiz_items(request, cohort_id: int, quiz_id: int):
    cohort = cohort_get_for_user(user=request.user, cohort_id=cohort_id)
    quiz = get_object_or_404(Quiz, pk=quiz_id, course_id=cohort.course_id)
    tables = item_report(quiz=quiz, cohort_ids=[cohort.pk], names=_names([cohort.pk]))
    title = _("Item analysis: %(quiz)s") % {"quiz": quiz.title}
    context = {"cohort": cohort, "subtitle": cohort.name}
    return _respond(
        request, tables=tables, title=title, filename=f"analisis-butir-{quiz.pk}-{cohort.pk}", context=context
    )
