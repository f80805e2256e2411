"""Attempts from start to grade: drawing the questions, saving answers, submitting, grading, regrading.

Every write to an open attempt locks its row first (`select_for_update`), so answers being saved
and a submit arriving together are put in order: an answer saved before the submit is in the
submitted attempt, and one arriving after it is refused with a clear message instead of being
lost silently.
"""

import random
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from courses.selectors import course_outline
from courses.services import enrollment_refresh_completion

from . import scoring
from .constants import (
    CHOICE_KINDS,
    DEADLINE_GRACE,
    MAX_TEXT_ANSWER_CHARS,
    SHUFFLED_KINDS,
    ArmRole,
    AttemptState,
    QuestionKind,
    ScoreChangeReason,
    StudyStatus,
)
from .models import Answer, Attempt, Choice, Question, Quiz, ScoreChange
from .models.studies import Arm, Study
from .reports.research import research_zip
from .selectors import quiz_status


class QuizUnavailable(Exception):
    """The trainee may not start the quiz now; the message says why."""


class AttemptClosed(Exception):
    """The attempt takes no more answers: it was submitted, or its time ran out."""


@dataclass(frozen=True)
class GivenAnswer:
    question_id: int
    response: object  # as sent: list of choice ids, text, or Likert level
    seq: int  # the browser's clock when it was given (ms); later wins


def attempt_start(*, quiz: Quiz, trainee, now=None) -> Attempt:
    """Open a new attempt, or return the one already open (a double click starts one attempt)."""
    now = now or timezone.now()
    status = quiz_status(quiz=quiz, trainee=trainee, now=now)
    if status.open_attempt is not None:
        return status.open_attempt
    if status.blocked_reason:
        raise QuizUnavailable(status.blocked_reason)
    if status.attempts_left == 0:
        raise QuizUnavailable(_("You have used every attempt this quiz allows."))
    deadline = None
    if quiz.time_limit_minutes:
        deadline = now + timezone.timedelta(minutes=quiz.time_limit_minutes)
    if status.window is not None:
        deadline = min(deadline or status.window.closes_at, status.window.closes_at)
    number = max((a.number for a in status.attempts), default=0) + 1
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                quiz=quiz,
                trainee=trainee,
                cohort_id=status.enrollment.cohort_id,
                number=number,
                started_at=now,
                deadline=deadline,
            )
            _put_questions(attempt)
    except IntegrityError:  # another request opened it a moment ago
        return Attempt.objects.get(quiz=quiz, trainee=trainee, state=AttemptState.IN_PROGRESS)
    log(instance=attempt, action="assessments.attempt.start", user=trainee)
    return attempt


def _put_questions(attempt: Attempt) -> None:
    """Fix the attempt's questions and choice order, seeded by the attempt so a rerun draws the same."""
    quiz = attempt.quiz
    rng = random.Random(f"{quiz.pk}:{attempt.trainee_id}:{attempt.number}")  # noqa: S311 - not security
    questions = [slot.question for slot in quiz.fixed_questions.select_related("question").order_by("sort_order")]
    taken = {question.pk for question in questions}
    for draw in quiz.draws.order_by("sort_order"):
        pool = Question.objects.exclude(pk__in=taken)
        if draw.category_id:
            pool = pool.filter(category_id=draw.category_id)
        if draw.mentor_role_id:
            pool = pool.filter(mentor_roles=draw.mentor_role_id)
        if draw.aspect_id:
            pool = pool.filter(aspects=draw.aspect_id)
        candidates = sorted(pool.distinct().values_list("pk", flat=True))
        chosen = rng.sample(candidates, min(draw.count, len(candidates)))
        drawn = Question.objects.in_bulk(chosen)
        questions += [drawn[pk] for pk in chosen]
        taken.update(chosen)
    if not questions:
        raise QuizUnavailable(_("This quiz has no questions yet. Tell your trainer."))
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    choice_ids: dict[int, list[int]] = {}
    for choice in Choice.objects.filter(question__in=questions).order_by("sort_order", "pk"):
        choice_ids.setdefault(choice.question_id, []).append(choice.pk)
    answers = []
    for position, question in enumerate(questions, start=1):
        order = choice_ids.get(question.pk, [])
        if quiz.shuffle_choices and question.kind in SHUFFLED_KINDS:
            rng.shuffle(order)
        answers.append(
            Answer(
                attempt=attempt, position=position, question=question, max_mark=question.max_mark, choice_order=order
            )
        )
    Answer.objects.bulk_create(answers)
    attempt.max_score = sum((answer.max_mark for answer in answers), Decimal(0))
    attempt.save(update_fields=["max_score"])


def attempt_save_answers(*, attempt_id: int, trainee, answers: list[GivenAnswer], now=None) -> list[int]:
    """Keep the answers given so far; returns the question ids now saved. Safe to send twice."""
    now = now or timezone.now()
    with transaction.atomic():
        attempt = _lock_own_attempt(attempt_id, trainee)
        if attempt.state != AttemptState.IN_PROGRESS:
            raise AttemptClosed(_("This attempt has been submitted; answers can no longer change."))
        if not _overdue(attempt, now):
            return _apply(attempt, answers, now)
    attempt_close_if_overdue(attempt, now)
    raise AttemptClosed(_("Time is up. Your saved answers have been submitted."))


def attempt_submit(*, attempt_id: int, trainee, answers: list[GivenAnswer] = (), now=None) -> Attempt:
    """Submit once: a double click, a second tab or a retry returns the attempt already submitted.

    Answers sent with the submit (the whole form) are kept first, unless time ran out, in which
    case what was saved before the deadline is submitted, with the deadline as its time.
    """
    now = now or timezone.now()
    with transaction.atomic():
        attempt = _lock_own_attempt(attempt_id, trainee)
        if attempt.state != AttemptState.IN_PROGRESS:
            return attempt
        if not _overdue(attempt, now):
            _apply(attempt, answers, now)
        _finish(attempt, now=now)
    return attempt


def attempt_close_if_overdue(attempt: Attempt, now=None) -> Attempt:
    """Submit an attempt whose time ran out (on the trainee's next visit, and from the periodic task)."""
    now = now or timezone.now()
    if attempt.state != AttemptState.IN_PROGRESS or not _overdue(attempt, now):
        return attempt
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
        if locked.state == AttemptState.IN_PROGRESS:
            _finish(locked, now=now)
    return locked


def attempts_close_overdue(now=None) -> int:
    """Submit every attempt whose deadline (and grace) has passed. Returns how many were closed."""
    now = now or timezone.now()
    overdue = Attempt.objects.filter(state=AttemptState.IN_PROGRESS, deadline__lt=now - DEADLINE_GRACE)
    closed = 0
    for attempt in overdue.select_related("quiz").iterator():
        if attempt_close_if_overdue(attempt, now).state != AttemptState.IN_PROGRESS:
            closed += 1
    return closed


def _lock_own_attempt(attempt_id: int, trainee) -> Attempt:
    """The trainee's attempt, locked; Attempt.DoesNotExist for anyone else's."""
    return Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt_id, trainee=trainee)


def _overdue(attempt: Attempt, now) -> bool:
    return attempt.deadline is not None and now > attempt.deadline + DEADLINE_GRACE


def _apply(attempt: Attempt, given: list[GivenAnswer], now) -> list[int]:
    if not given:
        return []
    rows = {
        row.question_id: row
        for row in Answer.objects.filter(
            attempt=attempt, question_id__in=[g.question_id for g in given]
        ).select_related("question")
    }
    saved = []
    for answer in given:
        row = rows.get(answer.question_id)
        if row is None:
            raise ValidationError(_("That question is not part of this attempt."))
        response = clean_response(row, answer.response)
        if answer.seq >= row.saved_seq:
            Answer.objects.filter(pk=row.pk).update(response=response, saved_seq=answer.seq, saved_at=now)
        saved.append(answer.question_id)
    return saved


def clean_response(row: Answer, raw):
    """The response in its stored shape, or ValidationError if it cannot belong to the question."""
    kind = row.question.kind
    if raw in (None, "", []):
        return None
    if kind in CHOICE_KINDS:
        values = raw if isinstance(raw, list) else [raw]
        try:
            ids = sorted({int(value) for value in values})
        except (TypeError, ValueError):
            raise ValidationError(_("Choose one of the choices given.")) from None
        if not set(ids) <= set(row.choice_order) or (kind != QuestionKind.MULTIPLE and len(ids) > 1):
            raise ValidationError(_("Choose one of the choices given."))
        return ids
    if kind == QuestionKind.LIKERT:
        try:
            level = int(raw[0] if isinstance(raw, list) else raw)
        except (TypeError, ValueError, IndexError):
            level = 0
        if not 1 <= level <= 5:
            raise ValidationError(_("Choose one of the five points of the scale."))
        return level
    text = str(raw[0] if isinstance(raw, list) else raw)
    if len(text) > MAX_TEXT_ANSWER_CHARS:
        raise ValidationError(
            _("The answer is too long (at most %(max)s characters).") % {"max": MAX_TEXT_ANSWER_CHARS}
        )
    return text if text.strip() else None


def _finish(attempt: Attempt, *, now) -> None:
    """Close the attempt and grade what can be graded automatically."""
    overdue = _overdue(attempt, now) or (attempt.deadline is not None and now > attempt.deadline)
    attempt.submitted_at = attempt.deadline if overdue else now
    attempt.auto_submitted = overdue
    answers = list(_answers_with_choices(attempt))
    for answer in answers:
        answer.mark = scoring.mark_answer(answer.question, answer.response, answer.max_mark)
    Answer.objects.bulk_update(answers, ["mark"])
    _settle(attempt, [a.mark for a in answers], now=now)
    action = "assessments.attempt.auto_submit" if overdue else "assessments.attempt.submit"
    log(instance=attempt, action=action, user=None if overdue else attempt.trainee)


def _answers_with_choices(attempt: Attempt):
    return attempt.answers.select_related("question").prefetch_related(
        Prefetch("question__choices", queryset=Choice.objects.order_by("sort_order", "pk"))
    )


def _settle(attempt: Attempt, marks: list[Decimal | None], *, now) -> None:
    """Set the attempt's state and totals from its marks, and tell the course when it is graded."""
    score = scoring.total(marks)
    attempt.score = score
    if score is None:
        attempt.state, attempt.percent, attempt.passed, attempt.graded_at = AttemptState.SUBMITTED, None, None, None
    else:
        attempt.state, attempt.graded_at = AttemptState.GRADED, now
        attempt.percent = scoring.percent_of(score, attempt.max_score)
        quiz = attempt.quiz
        decided = attempt.percent is not None and quiz.decides_passing
        attempt.passed = attempt.percent >= quiz.pass_mark if decided else None
    attempt.save()
    if attempt.state == AttemptState.GRADED and attempt.quiz.counts_for_completion:
        _refresh_course_completion(attempt)


def _refresh_course_completion(attempt: Attempt) -> None:
    enrollment = attempt.cohort.enrollments.filter(trainee_id=attempt.trainee_id).select_related("cohort__course")
    enrollment = enrollment.first()
    if enrollment is not None:
        enrollment_refresh_completion(enrollment=enrollment, lesson_ids=course_outline(attempt.quiz.course).lesson_ids)


def answer_grade(*, answer: Answer, mark: Decimal, comment: str, grader) -> Attempt:
    """A grader's mark for an essay (or a corrected mark for any answer), kept in the audit trail."""
    if not Decimal(0) <= mark <= answer.max_mark:
        raise ValidationError(_("Give a mark between 0 and %(max)s.") % {"max": answer.max_mark})
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().select_related("quiz", "cohort").get(pk=answer.attempt_id)
        if attempt.state == AttemptState.IN_PROGRESS:
            raise ValidationError(_("The trainee has not submitted this attempt yet."))
        answer = Answer.objects.select_for_update().get(pk=answer.pk)
        ScoreChange.objects.create(
            answer=answer, reason=ScoreChangeReason.HAND_GRADED, changed_by=grader, old_mark=answer.mark, new_mark=mark
        )
        answer.mark, answer.grader_comment = mark, comment
        answer.save(update_fields=["mark", "grader_comment"])
        _settle(attempt, list(attempt.answers.values_list("mark", flat=True)), now=timezone.now())
    log(instance=attempt, action="assessments.attempt.grade", user=grader)
    return attempt


def quiz_regrade(*, quiz: Quiz, by) -> int:
    """Mark every finished attempt again with the current answer keys; returns how many marks changed.

    Marks given by hand (essays) are left as they are; each changed mark is kept in the audit trail.
    """
    changed = 0
    now = timezone.now()
    finished = quiz.attempts.exclude(state=AttemptState.IN_PROGRESS).select_related("quiz", "cohort")
    with transaction.atomic():
        for attempt in finished.select_for_update(of=("self",)):
            answers = list(_answers_with_choices(attempt))
            for answer in answers:
                if answer.question.kind == QuestionKind.ESSAY:
                    continue
                new_mark = scoring.mark_answer(answer.question, answer.response, answer.max_mark)
                if new_mark != answer.mark:
                    ScoreChange.objects.create(
                        answer=answer,
                        reason=ScoreChangeReason.REGRADED,
                        changed_by=by,
                        old_mark=answer.mark,
                        new_mark=new_mark,
                    )
                    answer.mark = new_mark
                    answer.save(update_fields=["mark"])
                    changed += 1
            _settle(attempt, [a.mark for a in answers], now=attempt.graded_at or now)
    log(instance=quiz, action="assessments.quiz.regrade", user=by, data={"changed": changed})
    return changed


# Evaluation studies

STUDY_NOT_PLANNING = _("Only a study in planning can be started.")
STUDY_NOT_RUNNING = _("Only a running study can be closed.")
STUDY_NEEDS_ARMS = _("A study needs at least one treatment cohort and one control cohort.")
STUDY_ARM_OTHER_COURSE = _("Cohort %(cohort)s does not follow the study's course.")


def study_start(*, study: Study, by) -> Study:
    """Start a planned study: from now on its control cohorts are held untreated.

    Each arm's cohort must follow the study's course, and there must be at least one treatment
    and one control arm. The cohorts' study-arm field follows the arms, so the existing reports
    read the same roles. Audit-logged.
    """
    with transaction.atomic():
        study = Study.objects.select_for_update().get(pk=study.pk)
        if study.status != StudyStatus.PLANNING:
            raise ValidationError(STUDY_NOT_PLANNING)
        study.full_clean()
        arms = list(study.arms.select_related("cohort"))
        roles = {arm.role for arm in arms}
        problems = [] if roles >= {ArmRole.TREATMENT, ArmRole.CONTROL} else [str(STUDY_NEEDS_ARMS)]
        for arm in arms:
            arm.full_clean()
            if arm.cohort.course_id != study.course_id:
                problems.append(STUDY_ARM_OTHER_COURSE % {"cohort": arm.cohort})
        if problems:
            raise ValidationError(problems)
        for arm in arms:
            arm.cohort.study_arm = arm.role
            arm.cohort.save(update_fields=["study_arm"])
        study.status, study.started_at = StudyStatus.RUNNING, timezone.now()
        study.save(update_fields=["status", "started_at"])
        log(instance=study, action="assessments.study.start", user=by)
    return study


def study_close(*, study: Study, by) -> Study:
    """Close a running study: its tests may now reveal their answers, and a waitlisted control
    group studies the course as a normal cohort. Audit-logged."""
    with transaction.atomic():
        study = Study.objects.select_for_update().get(pk=study.pk)
        if study.status != StudyStatus.RUNNING:
            raise ValidationError(STUDY_NOT_RUNNING)
        study.status, study.closed_at = StudyStatus.CLOSED, timezone.now()
        study.save(update_fields=["status", "closed_at"])
        log(instance=study, action="assessments.study.close", user=by)
    return study


def arm_add(*, study: Study, cohort, role: str, post_test_opens: str, post_test_opens_on=None) -> Arm:
    arm = Arm(
        study=study, cohort=cohort, role=role, post_test_opens=post_test_opens, post_test_opens_on=post_test_opens_on
    )
    arm.full_clean()
    arm.save()
    return arm


def study_research_export(*, study: Study, by) -> bytes:
    """The study's pseudonymised research data as a ZIP (`assessments.reports.research`).

    Pseudonymised data about trainees leaves the platform, so every export is audit-logged: who took
    which study's data, and when.
    """
    data = research_zip(study)
    log(instance=study, action="assessments.study.export", user=by)
    return data
