"""The trainer's side: a cohort's attempts with filters and exports, the essay grading queue, regrading."""

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from assessments.constants import AttemptState
from assessments.exports import attempts_csv_response, attempts_xlsx_response
from assessments.models import Answer, Quiz, RegradeRun, ScoreChange
from assessments.selectors import (
    attempt_answers,
    cohort_attempts,
    grading_queue,
    quizzes_of_cohort,
    subscores,
    user_may_grade,
)
from assessments.services import answer_grade, regrade_request
from courses.selectors import cohort_get_for_user, cohorts_for_user

RESULTS_PAGE_SIZE = 100


def _require_grader(user):
    if not user_may_grade(user):
        raise PermissionDenied


@login_required
def cohort_results(request, cohort_id: int):
    cohort = cohort_get_for_user(user=request.user, cohort_id=cohort_id)
    filters = {
        "quiz_id": request.GET.get("kuis", ""),
        "state": request.GET.get("status", ""),
        "passed": request.GET.get("lulus", ""),
        "search": request.GET.get("q", "").strip(),
    }
    if filters["quiz_id"] and not filters["quiz_id"].isdigit():
        filters["quiz_id"] = ""
    if filters["state"] not in AttemptState.values:
        filters["state"] = ""
    attempts = cohort_attempts(cohort=cohort, **filters)
    export = request.GET.get("format")
    if export in ("csv", "xlsx"):
        attempts = list(attempts)
        breakdown = subscores([a.pk for a in attempts])
        make = attempts_csv_response if export == "csv" else attempts_xlsx_response
        return make(cohort=cohort, attempts=attempts, breakdown=breakdown)
    total = attempts.count()
    shown = list(attempts[:RESULTS_PAGE_SIZE])
    breakdown = subscores([a.pk for a in shown])
    for attempt in shown:
        attempt.aspect_scores = breakdown[attempt.pk]["aspects"]
    context = {
        "cohort": cohort,
        "attempts": shown,
        "total": total,
        "page_size": RESULTS_PAGE_SIZE,
        "quizzes": quizzes_of_cohort(cohort),
        "states": AttemptState.choices,
        "filters": filters,
        "waiting": grading_queue(cohort=cohort).count(),
        "may_grade": user_may_grade(request.user),
        "query": request.GET.urlencode(),
    }
    return TemplateResponse(request, "assessments/cohort_results.html", context)


@login_required
def cohort_grading_queue(request, cohort_id: int):
    _require_grader(request.user)
    cohort = cohort_get_for_user(user=request.user, cohort_id=cohort_id)
    context = {"cohort": cohort, "answers": list(grading_queue(cohort=cohort)[:200])}
    return TemplateResponse(request, "assessments/grading_queue.html", context)


@login_required
def answer_grade_view(request, answer_id: int):
    _require_grader(request.user)
    answer = get_object_or_404(
        Answer.objects.select_related("attempt__quiz", "attempt__trainee", "attempt__cohort", "question"),
        pk=answer_id,
        attempt__cohort__in=cohorts_for_user(user=request.user),
    )
    errors = []
    if request.method == "POST":
        try:
            mark = Decimal(request.POST.get("mark", "").replace(",", "."))
            answer_grade(answer=answer, mark=mark, comment=request.POST.get("comment", "")[:2000], grader=request.user)
        except (InvalidOperation, ValueError):
            errors.append(_("Enter the mark as a number, e.g. 3 or 2.5."))
        except ValidationError as invalid:
            errors.extend(invalid.messages)
        else:
            messages.success(request, _("Mark saved for %(name)s.") % {"name": answer.attempt.trainee.full_name})
            return redirect("assessments:grading_queue", cohort_id=answer.attempt.cohort_id)
    context = {
        "answer": answer,
        "attempt": answer.attempt,
        "cohort": answer.attempt.cohort,
        "errors": errors,
        "history": list(answer.score_changes.select_related("changed_by")),
        "posted_mark": request.POST.get("mark", ""),
    }
    return TemplateResponse(request, "assessments/grade_answer.html", context, status=400 if errors else 200)


@login_required
def attempt_inspect(request, cohort_id: int, attempt_id: int):
    """Everything about one attempt, for the trainers and supervisors who follow its cohort."""
    cohort = cohort_get_for_user(user=request.user, cohort_id=cohort_id)
    attempt = get_object_or_404(cohort.quiz_attempts.select_related("quiz", "trainee"), pk=attempt_id)
    context = {
        "cohort": cohort,
        "attempt": attempt,
        "answers": attempt_answers(attempt),
        "breakdown": subscores([attempt.pk])[attempt.pk],
        "history": list(ScoreChange.objects.filter(answer__attempt=attempt).select_related("changed_by", "answer")),
    }
    return TemplateResponse(request, "assessments/attempt_inspect.html", context)


@login_required
def quiz_regrade_view(request, cohort_id: int, quiz_id: int):
    _require_grader(request.user)
    cohort = cohort_get_for_user(user=request.user, cohort_id=cohort_id)
    quiz = get_object_or_404(Quiz, pk=quiz_id, course_id=cohort.course_id)
    if request.method == "POST":
        run = regrade_request(quiz=quiz, cohort=cohort, by=request.user)
        return redirect("assessments:regrade_progress", cohort_id=cohort.pk, quiz_id=quiz.pk, run_id=run.pk)
    finished = quiz.attempts.filter(cohort=cohort).exclude(state=AttemptState.IN_PROGRESS).count()
    return TemplateResponse(
        request, "assessments/regrade_confirm.html", {"cohort": cohort, "quiz": quiz, "finished": finished}
    )


@login_required
def regrade_progress(request, cohort_id: int, quiz_id: int, run_id: int):
    """How far a regrade has come; the page reloads itself until it is done."""
    _require_grader(request.user)
    cohort = cohort_get_for_user(user=request.user, cohort_id=cohort_id)
    run = get_object_or_404(RegradeRun.objects.select_related("quiz"), pk=run_id, cohort=cohort, quiz_id=quiz_id)
    return TemplateResponse(request, "assessments/regrade_progress.html", {"cohort": cohort, "run": run})


def _results_url(cohort):
    return reverse("assessments:cohort_results", kwargs={"cohort_id": cohort.pk})
