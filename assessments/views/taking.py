"""The trainee's side: a quiz's overview, the attempt page with autosave, submit and review.

The attempt page is an ordinary form, so it works without JavaScript (the "Save" and "Submit"
buttons post every answer, each with `base-<question>`, the version of the saved answer the page
showed); static/js/quiz.js adds saving each answer as it is given, a queue kept in the browser
while offline, and the saved / not saved indicator. Its JSON protocol: it sends
{"answers": [{"question", "response", "base"}]} and gets {"saved": [question ids stored],
"seqs": {question id: version}, "lost": [{"question", "seq", "response"}]}: an answer is in
"saved" only if it is the one stored, and "lost" says what is stored instead
(`assessments.services` explains the versions).
"""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessments.constants import LIKERT_LEVELS, AttemptState
from assessments.models import Attempt
from assessments.selectors import (
    attempt_answers,
    attempt_for_trainee,
    quiz_for_trainee,
    quiz_status,
    review_options,
    window_for,
)
from assessments.services import (
    AnswersLost,
    AttemptClosed,
    GivenAnswer,
    QuizUnavailable,
    answers_lost_message,
    attempt_close_if_overdue,
    attempt_save_answers,
    attempt_start,
    attempt_submit,
)
from assessments.studies import forms_for, test_kind

MAX_AUTOSAVE_BYTES = 256 * 1024


@login_required
def quiz_detail(request, quiz_id: int):
    quiz = quiz_for_trainee(quiz_id=quiz_id)
    status = quiz_status(quiz=quiz, trainee=request.user)
    open_attempt = status.open_attempt
    if open_attempt is not None and attempt_close_if_overdue(open_attempt).state != AttemptState.IN_PROGRESS:
        status = quiz_status(quiz=quiz, trainee=request.user)
    return TemplateResponse(request, "assessments/quiz_detail.html", {"quiz": quiz, "status": status})


@login_required
@require_POST
def quiz_start(request, quiz_id: int):
    quiz = quiz_for_trainee(quiz_id=quiz_id)
    try:
        attempt = attempt_start(quiz=quiz, trainee=request.user)
    except QuizUnavailable as refusal:
        messages.error(request, str(refusal))
        return redirect("assessments:quiz", quiz_id=quiz.pk)
    return redirect("assessments:attempt", attempt_id=attempt.pk)


@login_required
def attempt_page(request, attempt_id: int):
    attempt = attempt_close_if_overdue(attempt_for_trainee(attempt_id=attempt_id, trainee=request.user))
    if attempt.state != AttemptState.IN_PROGRESS:
        if attempt.auto_submitted:
            messages.info(request, _("Time ran out, so the answers you had saved were submitted."))
        return redirect("assessments:review", attempt_id=attempt.pk)
    seconds_left = None
    if attempt.deadline is not None:
        seconds_left = max(int((attempt.deadline - timezone.now()).total_seconds()), 0)
    context = {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "answers": attempt_answers(attempt),
        "likert_levels": LIKERT_LEVELS,
        "seconds_left": seconds_left,
    }
    return TemplateResponse(request, "assessments/attempt.html", context)


@login_required
@require_POST
def attempt_autosave(request, attempt_id: int):
    """Save answers sent one at a time by quiz.js (JSON), or the whole form by the Save button."""
    try:
        given = _given_answers(request)
        outcome = attempt_save_answers(attempt_id=attempt_id, trainee=request.user, answers=given)
    except Attempt.DoesNotExist:
        raise Http404 from None
    except AttemptClosed as closed:
        if _wants_json(request):
            review = reverse("assessments:review", kwargs={"attempt_id": attempt_id})
            return JsonResponse({"error": str(closed), "closed": True, "review_url": review}, status=409)
        messages.warning(request, str(closed))
        return redirect("assessments:review", attempt_id=attempt_id)
    except ValidationError as invalid:
        if _wants_json(request):
            return JsonResponse({"error": " ".join(invalid.messages)}, status=400)
        messages.error(request, " ".join(invalid.messages))
        return redirect("assessments:attempt", attempt_id=attempt_id)
    if _wants_json(request):
        lost = [{"question": a.question_id, "seq": a.seq, "response": a.response} for a in outcome.lost]
        return JsonResponse({"saved": list(outcome.saved), "seqs": outcome.saved, "lost": lost})
    if outcome.lost:
        messages.warning(request, answers_lost_message([lost.position for lost in outcome.lost]))
    else:
        messages.success(request, _("Your answers are saved."))
    return redirect("assessments:attempt", attempt_id=attempt_id)


@login_required
@require_POST
def attempt_finish(request, attempt_id: int):
    try:
        attempt = attempt_submit(attempt_id=attempt_id, trainee=request.user, answers=_given_answers(request))
    except Attempt.DoesNotExist:
        raise Http404 from None
    except ValidationError as invalid:
        messages.error(request, " ".join(invalid.messages))
        return redirect("assessments:attempt", attempt_id=attempt_id)
    except AnswersLost as lost:
        messages.error(request, str(lost))
        return redirect("assessments:review" if lost.submitted else "assessments:attempt", attempt_id=attempt_id)
    if attempt.auto_submitted:
        messages.info(request, _("Time ran out, so the answers you had saved were submitted."))
    else:
        messages.success(request, _("Your answers have been submitted."))
    return redirect("assessments:review", attempt_id=attempt.pk)


@login_required
def attempt_review(request, attempt_id: int):
    attempt = attempt_for_trainee(attempt_id=attempt_id, trainee=request.user)
    if attempt.state == AttemptState.IN_PROGRESS:
        return redirect("assessments:attempt", attempt_id=attempt.pk)
    options = review_options(attempt=attempt, window=window_for(quiz=attempt.quiz, cohort_id=attempt.cohort_id))
    context = {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "kind": test_kind(attempt.quiz, forms_for(trainee=request.user, course=attempt.quiz.course_id)),
        "options": options,
        "answers": attempt_answers(attempt) if options.answers or options.feedback else [],
        "likert_levels": dict(LIKERT_LEVELS),
    }
    return TemplateResponse(request, "assessments/review.html", context)


def _wants_json(request) -> bool:
    return request.content_type == "application/json"


def _given_answers(request) -> list[GivenAnswer]:
    """Answers from a JSON body {"answers": [{"question", "response", "base"}]} or from the form fields
    q-<id> and base-<id>. A missing base is 0: made when nothing was saved, so it cannot replace a saved answer."""
    if _wants_json(request):
        if len(request.body) > MAX_AUTOSAVE_BYTES:
            raise ValidationError(_("Too much was sent at once."))
        try:
            items = json.loads(request.body)["answers"]
            return [
                GivenAnswer(int(item["question"]), item.get("response"), int(item.get("base") or 0)) for item in items
            ]
        except (ValueError, KeyError, TypeError):
            raise ValidationError(_("The answers could not be read. Reload the page and try again.")) from None
    try:
        ids = [int(pk) for pk in request.POST.getlist("question")]
        bases = {pk: int(request.POST.get(f"base-{pk}") or 0) for pk in ids}
    except ValueError:
        raise ValidationError(_("The answers could not be read. Reload the page and try again.")) from None
    return [
        GivenAnswer(pk, [value for value in request.POST.getlist(f"q-{pk}") if value != ""], bases[pk]) for pk in ids
    ]
