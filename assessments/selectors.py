"""Reads for the quiz pages, the course rules and the trainer's reports."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from courses.models import Aspect, Cohort, Enrollment, LessonProgress, MentorRole
from courses.selectors import course_outline, enrollment_for_course
from lms.people.constants import Role

from .analytics import select_counted
from .constants import FINISHED_STATES, AttemptState, QuestionKind, QuizKind
from .models import Answer, Attempt, Choice, Quiz, QuizWindow
from .scoring import percent_of
from .studies import (
    Forms,
    forms_for,
    pass_mark_for,
    post_test_blocked_reason,
    review_sealed,
    running_arm_of,
    test_kind,
    tests_of_kind,
)


@dataclass
class QuizStatus:
    """What a trainee may do with a quiz now, and why not when they may not."""

    quiz: Quiz
    enrollment: Enrollment | None
    window: QuizWindow | None
    attempts: list[Attempt] = field(default_factory=list)
    blocked_reason: str = ""
    forms: Forms | None = None  # the trainee's forms as a study participant

    @property
    def kind(self) -> str:
        """The part the quiz plays for this trainee (form B is a participant's pre-test when reversed)."""
        return test_kind(self.quiz, self.forms)

    @property
    def kind_label(self) -> str:
        return QuizKind(self.kind).label

    @property
    def pass_mark(self) -> Decimal | None:
        return pass_mark_for(self.quiz, self.forms)

    @property
    def open_attempt(self) -> Attempt | None:
        return next((a for a in self.attempts if a.state == AttemptState.IN_PROGRESS), None)

    @property
    def finished_attempts(self) -> list[Attempt]:
        return [a for a in self.attempts if a.state in FINISHED_STATES]

    @property
    def attempts_left(self) -> int | None:
        if self.quiz.attempts_allowed == 0:
            return None
        return max(self.quiz.attempts_allowed - len(self.finished_attempts), 0)

    @property
    def can_start(self) -> bool:
        return not self.blocked_reason and self.open_attempt is None and self.attempts_left != 0

    @property
    def counted_attempt(self) -> Attempt | None:
        return counted_attempt(self.quiz, self.attempts)


def user_may_grade(user) -> bool:
    """Trainers and senior trainers grade and regrade; supervisors only read results."""
    return user.is_superuser or user.has_role(Role.TRAINER) or user.has_role(Role.SENIOR_TRAINER)


def quiz_for_trainee(*, quiz_id: int) -> Quiz:
    return get_object_or_404(Quiz.objects.select_related("course").filter(is_live=True, course__live=True), pk=quiz_id)


def quiz_status(*, quiz: Quiz, trainee, now=None) -> QuizStatus:
    now = now or timezone.now()
    enrollment = enrollment_for_course(trainee=trainee, course=quiz.course)
    window = None
    if enrollment is not None:
        window = QuizWindow.objects.filter(quiz=quiz, cohort_id=enrollment.cohort_id).first()
    status = QuizStatus(
        quiz=quiz,
        enrollment=enrollment,
        window=window,
        attempts=list(Attempt.objects.filter(quiz=quiz, trainee=trainee).order_by("number")),
        forms=forms_for(trainee=trainee, course=quiz.course_id),
    )
    status.blocked_reason = _blocked_reason(status, trainee, now)
    return status


def _blocked_reason(status: QuizStatus, trainee, now) -> str:
    if status.enrollment is None:
        return _("Enrol in a cohort of this course to take this quiz.")
    window = status.window
    if window is not None and now < window.opens_at:
        return _("This quiz opens on %(date)s.") % {
            "date": date_format(timezone.localtime(window.opens_at), "j F Y H:i")
        }
    if window is not None and now >= window.closes_at:
        return _("This quiz closed on %(date)s.") % {
            "date": date_format(timezone.localtime(window.closes_at), "j F Y H:i")
        }
    if status.kind == QuizKind.POST_TEST:
        quiz = status.quiz
        arm = running_arm_of(trainee=trainee, course=quiz.course)
        if arm is not None and quiz.pk in (arm.study.pre_test_id, arm.study.post_test_id):
            return post_test_blocked_reason(arm=arm, trainee=trainee, quiz=quiz, today=timezone.localdate(now))
        forms = status.forms
        if forms is not None and not _finished(trainee=trainee, quiz=forms.pre):
            return _("Take the pre-test first.")
        if not lessons_completed(trainee=trainee, course=quiz.course):
            return _("The post-test opens once you have completed every lesson.")
    return ""


def _finished(*, trainee, quiz: Quiz) -> bool:
    return Attempt.objects.filter(quiz=quiz, trainee=trainee, state__in=FINISHED_STATES).exists()


def lessons_completed(*, trainee, course) -> bool:
    lesson_ids = course_outline(course).lesson_ids
    done = LessonProgress.objects.filter(trainee=trainee, lesson_id__in=lesson_ids, completed_at__isnull=False).count()
    return bool(lesson_ids) and done == len(lesson_ids)


def counted_by_trainee(method: str, attempts: Iterable) -> tuple[dict, list]:
    """Which attempt counts for each trainee, and whose counted attempt waits for a grader (STATS.md v2).

    The one owner of the rule: `select_counted` chooses among every *finished* attempt (first, last,
    or best with an ungraded one counting as 0) before looking at grading, so a trainee whose chosen
    attempt is not graded yet is listed as awaiting grading and never given another attempt instead;
    a practised second attempt must not stand in for a first one. `attempts` are objects with
    `trainee_id`, `number`, `state` and `score` (Attempt rows or `AttemptRow`s). Returns
    ({trainee id: its counted attempt}, [trainee ids awaiting grading]).
    """
    by_number, rows = {}, []
    graded_state, finished_states = AttemptState.GRADED.value, {state.value for state in FINISHED_STATES}
    for attempt in attempts:
        trainee, number, state, score = attempt.trainee_id, attempt.number, attempt.state, attempt.score
        by_number[(trainee, number)] = attempt
        graded = state == graded_state and score is not None
        rows.append(
            {
                "trainee": trainee,
                "number": number,
                "finished": state in finished_states,
                "score": float(score) if graded else None,
            }
        )
    result = select_counted(rows, method)
    selected = {trainee: by_number[(trainee, number)] for trainee, number in result["selected"]}
    return selected, result["awaiting_grading"]


def counted_attempt(quiz: Quiz, attempts: list[Attempt]) -> Attempt | None:
    """The attempt that stands for one trainee under the quiz's rule; None when none counts (yet)."""
    selected, _awaiting = counted_by_trainee(quiz.grading_method, attempts)
    return next(iter(selected.values()), None)


def live_quizzes(*, course, kind: str) -> QuerySet[Quiz]:
    return Quiz.objects.filter(course=course, kind=kind, is_live=True)


def tests_for(*, trainee, course, kind: str, forms: Forms | None = None) -> list[Quiz]:
    """The live quizzes that are the trainee's tests of `kind` (pre-test or post-test) in the course.

    For a study participant the study's two forms count as `forms_for` orders them (their own
    form first), beside any other quiz of that kind; for anyone else, the quizzes of that kind.
    """
    forms = forms if forms is not None else forms_for(trainee=trainee, course=course)
    kinds = (QuizKind.PRE_TEST, QuizKind.POST_TEST) if forms is not None else (kind,)
    quizzes = list(Quiz.objects.filter(course=course, kind__in=kinds, is_live=True).order_by("pk"))
    return tests_of_kind(quizzes, kind, forms)


def pre_tests_not_taken(*, trainee, course) -> list[Quiz]:
    """The trainee's pre-tests (their form, for a study participant) with no finished attempt."""
    forms = forms_for(trainee=trainee, course=course)
    kinds = (QuizKind.PRE_TEST, QuizKind.POST_TEST) if forms is not None else (QuizKind.PRE_TEST,)
    finished = Attempt.objects.filter(quiz=OuterRef("pk"), trainee=trainee, state__in=FINISHED_STATES)
    untaken = Quiz.objects.filter(course=course, kind__in=kinds, is_live=True).exclude(Exists(finished))
    return tests_of_kind(list(untaken.order_by("pk")), QuizKind.PRE_TEST, forms)


def post_tests_standing(*, trainee, course) -> list[tuple[Quiz, Attempt | None, Decimal | None]]:
    """Each of the trainee's post-tests with their counted attempt and the pass mark that judges it."""
    forms = forms_for(trainee=trainee, course=course)
    quizzes = tests_for(trainee=trainee, course=course, kind=QuizKind.POST_TEST, forms=forms)
    attempts = Attempt.objects.filter(quiz__in=quizzes, trainee=trainee, state=AttemptState.GRADED)
    by_quiz: dict[int, list[Attempt]] = {}
    for attempt in attempts:
        by_quiz.setdefault(attempt.quiz_id, []).append(attempt)
    return [(quiz, counted_attempt(quiz, by_quiz.get(quiz.pk, [])), pass_mark_for(quiz, forms)) for quiz in quizzes]


def course_quizzes_for_trainee(*, trainee, course) -> list[tuple[Quiz, Attempt | None, str]]:
    """Every live quiz of the course with the trainee's counted attempt and the part it plays for them
    (a study participant's form B first is their pre-test), in the order they take them."""
    quizzes = list(Quiz.objects.filter(course=course, is_live=True).order_by("kind", "pk"))
    forms = forms_for(trainee=trainee, course=course)
    order = {QuizKind.PRE_TEST: 0, QuizKind.PRACTICE: 1, QuizKind.SURVEY: 2, QuizKind.POST_TEST: 3}
    quizzes.sort(key=lambda quiz: (order[test_kind(quiz, forms)], quiz.pk))
    attempts = Attempt.objects.filter(quiz__in=quizzes, trainee=trainee)
    by_quiz: dict[int, list[Attempt]] = {}
    for attempt in attempts:
        by_quiz.setdefault(attempt.quiz_id, []).append(attempt)
    return [(quiz, counted_attempt(quiz, by_quiz.get(quiz.pk, [])), test_kind(quiz, forms)) for quiz in quizzes]


def attempt_for_trainee(*, attempt_id: int, trainee) -> Attempt:
    """The trainee's own attempt; 404 for anyone else's."""
    return get_object_or_404(Attempt.objects.select_related("quiz__course", "cohort"), pk=attempt_id, trainee=trainee)


def attempt_answers(attempt: Attempt) -> list[Answer]:
    """The attempt's questions in order, each with its choices in the order the trainee sees them."""
    answers = list(
        attempt.answers.select_related("question").prefetch_related(
            Prefetch("question__choices", queryset=Choice.objects.order_by("sort_order", "pk"))
        )
    )
    for answer in answers:
        by_id = {choice.pk: choice for choice in answer.question.choices.all()}
        answer.ordered_choices = [by_id[pk] for pk in answer.choice_order if pk in by_id]
        answer.is_likert = answer.question.kind == QuestionKind.LIKERT
    return answers


@dataclass(frozen=True)
class ReviewOptions:
    score: bool
    answers: bool
    feedback: bool
    sealed: bool = False  # held back by an evaluation study, whatever the quiz's options

    @property
    def anything(self) -> bool:
        return self.score or self.answers or self.feedback


def review_options(*, attempt: Attempt, window: QuizWindow | None, now=None) -> ReviewOptions:
    """What the trainee may see of a finished attempt: the quiz's choices, wider once it has closed.

    A study's pre-test never shows answers or feedback before the study's post-test has closed.
    """
    if attempt.state == AttemptState.IN_PROGRESS:
        return ReviewOptions(False, False, False)
    quiz = attempt.quiz
    closed = window is not None and (now or timezone.now()) >= window.closes_at
    if review_sealed(quiz=quiz, now=now):
        score = quiz.review_score_after_submit or (closed and quiz.review_score_after_close)
        return ReviewOptions(score=score, answers=False, feedback=False, sealed=True)
    return ReviewOptions(
        score=quiz.review_score_after_submit or (closed and quiz.review_score_after_close),
        answers=quiz.review_answers_after_submit or (closed and quiz.review_answers_after_close),
        feedback=quiz.review_feedback_after_submit or (closed and quiz.review_feedback_after_close),
    )


def window_for(*, quiz: Quiz, cohort_id: int) -> QuizWindow | None:
    return QuizWindow.objects.filter(quiz=quiz, cohort_id=cohort_id).first()


def cohort_attempts(*, cohort: Cohort, quiz_id=None, state="", passed="", search="") -> QuerySet[Attempt]:
    """Finished and open attempts of a cohort's trainees, filtered as the trainer asked."""
    attempts = (
        Attempt.objects.filter(cohort=cohort)
        .select_related("quiz", "trainee")
        .order_by("quiz_id", "trainee__full_name", "number")
    )
    if quiz_id:
        attempts = attempts.filter(quiz_id=quiz_id)
    if state:
        attempts = attempts.filter(state=state)
    if passed in ("yes", "no"):
        attempts = attempts.filter(passed=(passed == "yes"))
    if search:
        attempts = attempts.filter(trainee__full_name__icontains=search)
    return attempts


def grading_queue(*, cohort: Cohort) -> QuerySet[Answer]:
    """Essay answers of the cohort that wait for a grader, oldest submission first."""
    return (
        Answer.objects.filter(attempt__cohort=cohort, attempt__state=AttemptState.SUBMITTED, mark__isnull=True)
        .select_related("attempt__quiz", "attempt__trainee", "question")
        .order_by("attempt__submitted_at", "position")
    )


def quizzes_of_cohort(cohort: Cohort) -> QuerySet[Quiz]:
    return Quiz.objects.filter(course_id=cohort.course_id).order_by("kind", "title")


@dataclass
class Subscore:
    label: str
    score: Decimal = Decimal(0)
    max_score: Decimal = Decimal(0)

    @property
    def percent(self) -> Decimal | None:
        return percent_of(self.score, self.max_score)


def subscores(attempt_ids: list[int]) -> dict[int, dict[str, list[Subscore]]]:
    """Per attempt, its score split by aspect and by mentor role (two queries, whatever the size)."""
    result: dict[int, dict[str, list[Subscore]]] = {pk: {"aspects": [], "roles": []} for pk in attempt_ids}
    for key, tags, through in (
        ("aspects", Aspect.objects.order_by("sort_order"), "question__aspects"),
        ("roles", MentorRole.objects.order_by("sort_order"), "question__mentor_roles"),
    ):
        labels = {tag.pk: tag.name for tag in tags}
        table: dict[int, dict[int, Subscore]] = {pk: {} for pk in attempt_ids}
        rows = (
            Answer.objects.filter(attempt_id__in=attempt_ids, **{f"{through}__isnull": False})
            .values_list("attempt_id", through, "mark", "max_mark")
            .order_by()
        )
        for attempt_id, tag_id, mark, max_mark in rows:
            cell = table[attempt_id].setdefault(tag_id, Subscore(labels.get(tag_id, "")))
            cell.score += mark or 0
            cell.max_score += max_mark
        for attempt_id, cells in table.items():
            order = list(labels)
            result[attempt_id][key] = [cells[pk] for pk in sorted(cells, key=order.index) if cells[pk].max_score]
    return result
