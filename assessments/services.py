"""Attempts from start to grade: drawing the questions, saving answers, submitting, grading, regrading.

Every write to an open attempt locks its row first (`select_for_update`), so answers being saved
and a submit arriving together are put in order: an answer saved before the submit is in the
submitted attempt, and one arriving after it is refused with a clear message instead of being
lost silently.

Answers are versioned by the server, never by the device's clock. Each time an answer is stored
it gets the attempt's next sequence number (`Answer.saved_seq`, one higher than any in the
attempt, issued under the attempt's lock). The page carries the number of every answer it shows,
and a change sent from it names the number it was made on (`GivenAnswer.base`). The change is
stored only if that is still the stored version (compare-and-set), so an answer queued offline
and replayed late, or sent from a tab opened before another device changed the answer, cannot
overwrite a newer one. Sending the answer that is already stored is acknowledged (a retry is
harmless). Anything else *lost*: it is not stored, not acknowledged, and the reply says which
answer is stored instead, with its number, so the page can show it.
"""

import random
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.log_actions import log

from courses.constants import EnrollmentSource
from courses.selectors import course_outline
from courses.services import candidate_accept, enrollment_create, enrollment_refresh_completion
from lms.people.constants import RegionLevel

from . import scoring
from .constants import (
    CHOICE_KINDS,
    DEADLINE_GRACE,
    MAX_TEXT_ANSWER_CHARS,
    SHUFFLED_KINDS,
    ArmRole,
    AttemptState,
    QuestionKind,
    QuizKind,
    RegradeState,
    ScoreChangeReason,
    StudyStatus,
)
from .models import Answer, Attempt, Choice, Question, Quiz, ScoreChange
from .models.regrading import RegradeRun
from .models.studies import Arm, Study, StudyParticipant
from .reports.research import research_zip
from .selectors import quiz_status
from .studies import forget_study_caches, forms_for, pass_mark_for, test_kind
from .study_pool import Pool, assignment


class QuizUnavailable(Exception):
    """The trainee may not start the quiz now; the message says why."""


class AttemptClosed(Exception):
    """The attempt takes no more answers: it was submitted, or its time ran out."""


class AnswersLost(Exception):
    """A submit carried answers made on versions that are no longer stored, so they were not kept.

    Before the deadline nothing was submitted (`submitted` is False): the trainee sees the stored
    answers first. After it (within the grace period) the trainee can no longer act, so the
    stored answers were submitted all the same; the message says so.
    """

    def __init__(self, outcome: "SaveOutcome", *, submitted: bool):
        self.outcome, self.submitted = outcome, submitted
        positions = [lost.position for lost in outcome.lost]
        message = answers_lost_message(positions) if not submitted else answers_lost_at_deadline_message(positions)
        super().__init__(message)


@dataclass(frozen=True)
class GivenAnswer:
    question_id: int
    response: object  # as sent: list of choice ids, text, or Likert level
    base: int = 0  # the sequence number of the stored answer this one was made on; 0: none was stored


@dataclass(frozen=True)
class LostAnswer:
    """An answer that was not stored because the stored one changed after it was made: what is stored now."""

    question_id: int
    position: int
    seq: int
    response: object


@dataclass
class SaveOutcome:
    saved: dict[int, int] = field(default_factory=dict)  # question id -> sequence number of its stored answer
    lost: list[LostAnswer] = field(default_factory=list)


def answers_lost_message(positions: list[int]) -> str:
    """What the trainee reads when answers they sent lost to newer ones (see the module's docstring)."""
    numbers = ", ".join(str(position) for position in sorted(positions))
    return ngettext(
        "Question %(numbers)s was changed on another device or tab after this page was opened, so the answer "
        "from this page was not saved. The page now shows the saved answer: check it and try again.",
        "Questions %(numbers)s were changed on another device or tab after this page was opened, so the answers "
        "from this page were not saved. The page now shows the saved answers: check them and try again.",
        len(positions),
    ) % {"numbers": numbers}


def answers_lost_at_deadline_message(positions: list[int]) -> str:
    numbers = ", ".join(str(position) for position in sorted(positions))
    return ngettext(
        "Time is up, so the saved answers were submitted. Question %(numbers)s had been changed on another "
        "device or tab after this page was opened: the answer saved there was submitted, not the one from this page.",
        "Time is up, so the saved answers were submitted. Questions %(numbers)s had been changed on another "
        "device or tab after this page was opened: the answers saved there were submitted, not the ones from this "
        "page.",
        len(positions),
    ) % {"numbers": numbers}


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


def attempt_save_answers(*, attempt_id: int, trainee, answers: list[GivenAnswer], now=None) -> SaveOutcome:
    """Keep the answers given so far, each only if made on the stored version; says which were stored
    (with their sequence numbers) and which lost. Safe to send twice."""
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
    case what was saved before the deadline is submitted, with the deadline as its time. If any
    of them lost to a newer answer (changed on another device after the form was opened), the
    others are kept and AnswersLost is raised; before the deadline nothing is submitted, so the
    trainee sees the stored answer before submitting it (see AnswersLost for after it).
    """
    now = now or timezone.now()
    with transaction.atomic():
        attempt = _lock_own_attempt(attempt_id, trainee)
        if attempt.state != AttemptState.IN_PROGRESS:
            return attempt
        outcome = SaveOutcome() if _overdue(attempt, now) else _apply(attempt, answers, now)
        time_is_up = attempt.deadline is not None and now > attempt.deadline
        if not outcome.lost or time_is_up:
            _finish(attempt, now=now)
    if outcome.lost:
        raise AnswersLost(outcome, submitted=time_is_up)
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


def _apply(attempt: Attempt, given: list[GivenAnswer], now) -> SaveOutcome:
    """Store each answer made on the stored version (the attempt is locked); see the module's docstring."""
    outcome = SaveOutcome()
    if not given:
        return outcome
    rows = {
        row.question_id: row
        for row in Answer.objects.filter(
            attempt=attempt, question_id__in=[g.question_id for g in given]
        ).select_related("question")
    }
    seq = None
    for answer in given:
        row = rows.get(answer.question_id)
        if row is None:
            raise ValidationError(_("That question is not part of this attempt."))
        response = clean_response(row, answer.response)
        if answer.base == row.saved_seq:
            if seq is None:  # one number for the answers stored by this request
                seq = (attempt.answers.aggregate(last=Max("saved_seq"))["last"] or 0) + 1
            Answer.objects.filter(pk=row.pk).update(response=response, saved_seq=seq, saved_at=now)
            row.response, row.saved_seq = response, seq
            outcome.saved[row.question_id] = seq
        elif response == row.response:
            outcome.saved[row.question_id] = row.saved_seq
        else:
            outcome.lost.append(LostAnswer(row.question_id, row.position, row.saved_seq, row.response))
    return outcome


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
    quiz = attempt.quiz
    forms = forms_for(trainee=attempt.trainee_id, course=quiz.course_id)
    if score is None:
        attempt.state, attempt.percent, attempt.passed, attempt.graded_at = AttemptState.SUBMITTED, None, None, None
    else:
        attempt.state, attempt.graded_at = AttemptState.GRADED, now
        attempt.percent = scoring.percent_of(score, attempt.max_score)
        pass_mark = pass_mark_for(quiz, forms)  # none for a pre-test, whichever form the trainee took as one
        attempt.passed = attempt.percent >= pass_mark if attempt.percent is not None and pass_mark is not None else None
    attempt.save()
    if attempt.state == AttemptState.GRADED and test_kind(quiz, forms) == QuizKind.POST_TEST:
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


def regrade_request(*, quiz: Quiz, cohort, by) -> RegradeRun:
    """Ask for a cohort's finished attempts at a quiz to be marked again, in the background.

    Only that cohort's attempts: a trainer who may regrade one cohort must not change the marks
    of others. A regrade already waiting or running for the same quiz and cohort is returned
    instead of starting a second one. The request is audit-logged; the task logs the result.
    """
    with transaction.atomic():
        pending = RegradeRun.objects.filter(
            quiz=quiz, cohort=cohort, state__in=(RegradeState.QUEUED, RegradeState.RUNNING)
        ).first()
        if pending is not None:
            return pending
        total = _regradable(quiz, cohort).count()
        run = RegradeRun.objects.create(quiz=quiz, cohort=cohort, requested_by=by, attempts_total=total)
        log(instance=quiz, action="assessments.quiz.regrade_requested", user=by, data={"cohort": cohort.pk})
        transaction.on_commit(lambda: regrade_run_enqueue(run))
    return run


def regrade_run_enqueue(run: RegradeRun) -> None:
    from .tasks import regrade_cohort_quiz  # the task module imports this one

    regrade_cohort_quiz.enqueue(run_id=run.pk)


def _regradable(quiz: Quiz, cohort):
    return quiz.attempts.filter(cohort=cohort).exclude(state=AttemptState.IN_PROGRESS)


REGRADE_PROGRESS_EVERY = 20


def regrade_run_execute(*, run: RegradeRun) -> RegradeRun:
    """Mark each attempt again with the current answer keys, one attempt per transaction.

    Marks given by hand (essays) are left as they are; each changed mark is kept in the audit
    trail (ScoreChange) with the name of who asked for the regrade. Progress is saved every
    few attempts so the trainer's page can show it.
    """
    run.state = RegradeState.RUNNING
    run.save(update_fields=["state"])
    now = timezone.now()
    attempt_ids = list(_regradable(run.quiz, run.cohort).order_by("pk").values_list("pk", flat=True))
    run.attempts_total = len(attempt_ids)
    for done, attempt_id in enumerate(attempt_ids, start=1):
        with transaction.atomic():
            attempt = Attempt.objects.select_for_update().select_related("quiz", "cohort").get(pk=attempt_id)
            run.marks_changed += _regrade_attempt(attempt, by=run.requested_by, now=now)
        run.attempts_done = done
        if done % REGRADE_PROGRESS_EVERY == 0:
            run.save(update_fields=["attempts_total", "attempts_done", "marks_changed"])
    run.state, run.finished_at = RegradeState.DONE, timezone.now()
    run.save()
    log(
        instance=run.quiz,
        action="assessments.quiz.regrade",
        user=run.requested_by,
        data={"cohort": run.cohort_id, "changed": run.marks_changed},
    )
    return run


def _regrade_attempt(attempt: Attempt, *, by, now) -> int:
    changed = 0
    answers = list(_answers_with_choices(attempt))
    for answer in answers:
        if answer.question.kind == QuestionKind.ESSAY:
            continue
        new_mark = scoring.mark_answer(answer.question, answer.response, answer.max_mark)
        if new_mark != answer.mark:
            ScoreChange.objects.create(
                answer=answer, reason=ScoreChangeReason.REGRADED, changed_by=by, old_mark=answer.mark, new_mark=new_mark
            )
            answer.mark = new_mark
            answer.save(update_fields=["mark"])
            changed += 1
    _settle(attempt, [a.mark for a in answers], now=attempt.graded_at or now)
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


STUDY_RANDOMISE_NOT_PLANNING = gettext_lazy("Only a study in planning can be randomised.")
STUDY_RANDOMISED_ALREADY = gettext_lazy("The trainees of this study have been assigned already.")
STUDY_POOL_EMPTY = gettext_lazy("The pool holds nobody to assign.")
STUDY_ACCEPTANCE_REASON = gettext_lazy("Assigned at random to a group of the evaluation study “%(study)s”.")


def study_randomise(
    *, study: Study, pool: Pool, by, strata=("region",), region_level: int = RegionLevel.PROVINCE
) -> list[StudyParticipant]:
    """Assign a pool of trainees to the arms of a planned study, and enrol each in their arm's cohort.

    The assignment is `assessments.randomisation.allocate`: stratified by home region at
    `region_level` (the province unless chosen otherwise) and, when `strata` names "sex", by sex;
    balanced within every stratum; with parallel forms, half of each arm takes form B first. It
    depends only on the pool and `study.seed`, so the same pool and seed give the same assignment
    (the preview shows exactly what this writes).

    Only a study in planning, and only once: the assignment is the study's baseline. Trainees
    with an account are enrolled through `courses.services.enrollment_create` (source "study",
    so the staff-reach rule applies). A waitlisted candidate has no account yet, so they are
    accepted through `courses.services.candidate_accept`, recruitment's own acceptance: the
    application is decided (with the study as the reason), the account made, the seat taken in
    the arm's cohort and the e-mail with the password link sent, exactly as when a supervisor
    accepts them; the cohort must then be open for enrolment. All or nothing: if any enrolment
    is refused (a full cohort, …) nothing is written and every refusal is reported by name.
    Audit-logged with the seed, the strata and the count per arm.
    """
    with transaction.atomic():
        study = Study.objects.select_for_update().get(pk=study.pk)
        if study.status != StudyStatus.PLANNING:
            raise ValidationError(STUDY_RANDOMISE_NOT_PLANNING)
        if study.participants.exists():
            raise ValidationError(STUDY_RANDOMISED_ALREADY)
        if not pool.members:
            raise ValidationError(STUDY_POOL_EMPTY)
        assigned = assignment(study=study, pool=pool, strata=strata, region_level=region_level)
        participants, problems = [], []
        for item in assigned:
            try:
                with transaction.atomic():
                    trainee = _enrol_assigned(item, study=study, by=by)
            except ValidationError as refused:
                problems.extend(f"{item.member.name}: {message}" for message in refused.messages)
                continue
            participants.append(
                StudyParticipant(
                    study=study,
                    arm=item.arm,
                    trainee=trainee,
                    stratum=item.stratum,
                    forms_reversed=item.forms_reversed,
                )
            )
        if problems:
            raise ValidationError(problems)
        StudyParticipant.objects.bulk_create(participants)
        forget_study_caches()  # bulk_create sends no post_save (assessments.receivers)
        transaction.on_commit(forget_study_caches)
        per_arm = Counter(str(item.arm.pk) for item in assigned)
        log(
            instance=study,
            action="assessments.study.randomise",
            user=by,
            data={
                "seed": study.seed,
                "source": pool.source,
                "strata": list(strata),
                "region_level": int(region_level),
                "assigned": len(participants),
                "per_arm": dict(per_arm),
                "forms_reversed": sum(1 for participant in participants if participant.forms_reversed),
            },
        )
    return participants


def _enrol_assigned(item, *, study: Study, by):
    member = item.member
    if member.application is not None:
        reason = STUDY_ACCEPTANCE_REASON % {"study": study.name}
        return candidate_accept(application=member.application, cohort=item.arm.cohort, by=by, reason=reason).trainee
    enrollment_create(trainee=member.account, cohort=item.arm.cohort, by=by, source=EnrollmentSource.STUDY)
    return member.account


def study_research_export(*, study: Study, by) -> bytes:
    """The study's pseudonymised research data as a ZIP (`assessments.reports.research`).

    Pseudonymised data about trainees leaves the platform, so every export is audit-logged: who took
    which study's data, and when.
    """
    data = research_zip(study)
    log(instance=study, action="assessments.study.export", user=by)
    return data
