"""The rules that follow from an evaluation study, in one place (DESIGN.md, "Evaluation studies").

- While a study runs, its control cohorts are held untreated: the course's lessons, its
  completion and the apprenticeship are closed to their trainees (`held_untreated`), who take
  the pre-test and, when their arm's rule opens it, the post-test.
- The post-test opens per arm: after the lessons, after the apprenticeship is signed off, or on
  a date (`post_test_blocked_reason`), and never before the pre-test is taken.
- With parallel forms, a participant who takes form B first has the study's post-test quiz
  as their pre-test and its pre-test quiz as their post-test. `forms_for` is the one place that
  says which quiz is which for a trainee; the course gate (pre-test before the lessons), the
  opening of the post-test, which quiz may be started, the verdict and the course's completion
  all ask it (through `test_kind` and `pass_mark_for`).
- A study's tests reveal nothing until the post-test has closed: no right answers, no feedback,
  whatever the quiz's review options say (`review_sealed`).
- The contamination list names every control trainee who opened a lesson, started an
  apprenticeship or was enrolled in a treatment cohort while the study ran.

Apps above this one (the apprenticeship) tell it what it cannot see through two registries:
whether a trainee's apprenticeship is signed off, and which placements started in a period.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from courses.constants import SEAT_HOLDING_STATUSES
from courses.models import Enrollment, LessonProgress
from courses.selectors import cohorts_for_user, course_outline
from lms.people.constants import Role

from .constants import FINISHED_STATES, ArmRole, PostTestOpens, QuizKind, StudyStatus
from .models import Arm, Attempt, Quiz, QuizWindow, Study, StudyParticipant


@dataclass(frozen=True)
class Breach:
    """One way a control trainee received (part of) the treatment while the study ran."""

    trainee_id: int
    kind: str  # "lesson", "apprenticeship", "treatment_enrolment"
    at: datetime.datetime | datetime.date
    detail: str


_apprenticeship_done: list[Callable] = []
_breach_sources: list[Callable] = []


def register_apprenticeship_done(check: Callable) -> Callable:
    """`check(trainee, course) -> bool`: the trainee's apprenticeship is signed off."""
    if check not in _apprenticeship_done:
        _apprenticeship_done.append(check)
    return check


def register_breach_source(source: Callable) -> Callable:
    """`source(trainee_ids, start, end) -> list[Breach]`: treatment given by a later app."""
    if source not in _breach_sources:
        _breach_sources.append(source)
    return source


def running_arm_of(*, trainee, course) -> Arm | None:
    """The arm of a running study of `course` whose cohort holds the trainee's seat."""
    return (
        Arm.objects.filter(
            study__status=StudyStatus.RUNNING,
            study__course=course,
            cohort__enrollments__trainee=trainee,
            cohort__enrollments__status__in=SEAT_HOLDING_STATUSES,
        )
        .select_related("study", "cohort")
        .first()
    )


RUNNING_CONTROL_COHORTS_KEY = "assessments:running-control-cohorts"


def running_control_cohort_ids() -> frozenset[int]:
    """Cohorts held untreated now, cached: most pages ask, and the answer changes only when a
    study starts or closes or its arms change (`forget_running_control_cohorts`)."""
    cohort_ids = cache.get(RUNNING_CONTROL_COHORTS_KEY)
    if cohort_ids is None:
        cohort_ids = frozenset(
            Arm.objects.filter(role=ArmRole.CONTROL, study__status=StudyStatus.RUNNING).values_list(
                "cohort_id", flat=True
            )
        )
        cache.set(RUNNING_CONTROL_COHORTS_KEY, cohort_ids, timeout=3600)
    return cohort_ids


def forget_running_control_cohorts() -> None:
    cache.delete(RUNNING_CONTROL_COHORTS_KEY)


COURSES_WITH_PARTICIPANTS_KEY = "assessments:courses-with-participants"


def courses_with_participants() -> frozenset[int]:
    """Courses of a study that has participants, cached like `running_control_cohort_ids`, so
    that the pages of every other course never ask for a trainee's study forms."""
    course_ids = cache.get(COURSES_WITH_PARTICIPANTS_KEY)
    if course_ids is None:
        course_ids = frozenset(StudyParticipant.objects.values_list("study__course_id", flat=True).distinct())
        cache.set(COURSES_WITH_PARTICIPANTS_KEY, course_ids, timeout=3600)
    return course_ids


def forget_study_caches() -> None:
    cache.delete_many([RUNNING_CONTROL_COHORTS_KEY, COURSES_WITH_PARTICIPANTS_KEY])


def held_untreated(*, trainee, course=None) -> Arm | None:
    """The running control arm the trainee belongs to (in `course`, or in any course); None if none."""
    if not running_control_cohort_ids():
        return None
    arms = Arm.objects.filter(
        role=ArmRole.CONTROL,
        study__status=StudyStatus.RUNNING,
        cohort__enrollments__trainee=trainee,
        cohort__enrollments__status__in=SEAT_HOLDING_STATUSES,
    )
    if course is not None:
        arms = arms.filter(study__course=course)
    return arms.select_related("study", "cohort").first()


@dataclass(frozen=True)
class Forms:
    """A study participant's two tests, in the order they take them: `pre, post = forms`."""

    pre: Quiz
    post: Quiz
    reversed: bool  # form B (the study's post-test quiz) first

    def __iter__(self):
        return iter((self.pre, self.post))

    @property
    def standard(self) -> Quiz:
        """Form B, the study's post-test quiz: its pass mark is the course's standard on either form."""
        return self.pre if self.reversed else self.post

    def kind_of(self, quiz: Quiz) -> str | None:
        """QuizKind.PRE_TEST or POST_TEST when `quiz` is one of the two forms, else None."""
        if quiz.pk == self.pre.pk:
            return QuizKind.PRE_TEST
        if quiz.pk == self.post.pk:
            return QuizKind.POST_TEST
        return None


def forms_for(*, trainee, course) -> Forms | None:
    """The trainee's pre-test and post-test as a participant of a study of `course`: (form A, form B),
    or (form B, form A) for one who takes form B first. None for a trainee in no study of the course,
    whose tests are simply the quizzes of each kind. One query.

    The order is the participant's for good (also after the study has closed): a trainee who has
    seen form B as a pre-test takes form A as the post-test whenever they take it. The answer is
    kept on the user object, as its roles are, so the gates of one page read it once.
    """
    course_id = getattr(course, "pk", course)
    known = trainee.__dict__.setdefault("_study_forms", {}) if hasattr(trainee, "__dict__") else {}
    if course_id not in known and course_id not in courses_with_participants():
        known[course_id] = None
    if course_id not in known:  # read once per user object, i.e. once per request for request.user
        participant = (
            StudyParticipant.objects.filter(trainee=trainee, study__course_id=course_id)
            .select_related("study__pre_test", "study__post_test")
            .order_by("-assigned_at", "-pk")
            .first()
        )
        known[course_id] = None if participant is None else _forms_of(participant)
    return known[course_id]


def forms_for_many(*, trainee_ids, course_ids) -> dict[tuple[int, int], Forms]:
    """`forms_for` for many trainees and courses in one query: {(trainee id, course id): Forms}."""
    participants = (
        StudyParticipant.objects.filter(trainee_id__in=trainee_ids, study__course_id__in=course_ids)
        .select_related("study__pre_test", "study__post_test")
        .order_by("assigned_at", "pk")
    )
    return {(p.trainee_id, p.study.course_id): _forms_of(p) for p in participants}  # the latest place wins


def _forms_of(participant: StudyParticipant) -> Forms:
    study = participant.study
    if participant.forms_reversed:
        return Forms(pre=study.post_test, post=study.pre_test, reversed=True)
    return Forms(pre=study.pre_test, post=study.post_test, reversed=False)


def tests_of_kind(quizzes: list[Quiz], kind: str, forms: Forms | None) -> list[Quiz]:
    """Among a course's live `quizzes`, the trainee's tests of `kind` (pre-test or post-test): for a study
    participant their own form of it first, then any other quiz of that kind; else the quizzes of that kind."""
    if forms is None:
        return [quiz for quiz in quizzes if quiz.kind == kind]
    theirs = forms.pre if kind == QuizKind.PRE_TEST else forms.post
    study_forms = (forms.pre.pk, forms.post.pk)
    others = [quiz for quiz in quizzes if quiz.kind == kind and quiz.pk not in study_forms]
    return [theirs, *others] if any(quiz.pk == theirs.pk for quiz in quizzes) else others


def test_kind(quiz: Quiz, forms: Forms | None) -> str:
    """The part `quiz` plays for the trainee whose `forms` these are: their pre-test, post-test, or its own kind."""
    return (forms.kind_of(quiz) if forms is not None else None) or quiz.kind


def pass_mark_for(quiz: Quiz, forms: Forms | None) -> Decimal | None:
    """The pass mark that gives the trainee a verdict on `quiz`; None when the quiz decides nothing for them
    (a pre-test, whichever form it is, or a survey). A post-test on form A is judged by form B's pass mark."""
    kind = forms.kind_of(quiz) if forms is not None else None
    if kind == QuizKind.PRE_TEST:
        return None
    if kind == QuizKind.POST_TEST:
        return forms.standard.pass_mark
    return quiz.pass_mark if quiz.decides_passing else None


def pre_test_taken_by(*, trainee, forms: Forms | None, study: Study) -> bool:
    pre_id = forms.pre.pk if forms is not None else study.pre_test_id
    return Attempt.objects.filter(quiz_id=pre_id, trainee=trainee, state__in=FINISHED_STATES).exists()


def post_test_blocked_reason(*, arm: Arm, trainee, quiz: Quiz, today: datetime.date | None = None) -> str:
    """Why the study's post-test (the trainee's form of it) is not open yet for this trainee; "" when it is."""
    today = today or timezone.localdate()
    study = arm.study
    if not pre_test_taken_by(trainee=trainee, forms=forms_for(trainee=trainee, course=study.course_id), study=study):
        return _("Take the pre-test first.")
    if arm.post_test_opens == PostTestOpens.ON_DATE:
        if arm.post_test_opens_on and today < arm.post_test_opens_on:
            return _("The post-test opens for your group on %(date)s.") % {
                "date": date_format(arm.post_test_opens_on, "j F Y")
            }
        return ""
    if arm.post_test_opens == PostTestOpens.AFTER_APPRENTICESHIP:
        if not any(check(trainee, study.course) for check in _apprenticeship_done):
            return _("The post-test opens once your apprenticeship has been signed off.")
        return ""
    lesson_ids = course_outline(study.course).lesson_ids
    done = LessonProgress.objects.filter(trainee=trainee, lesson_id__in=lesson_ids, completed_at__isnull=False)
    if not lesson_ids or done.count() < len(lesson_ids):
        return _("The post-test opens once you have completed every lesson.")
    return ""


def post_test_closed(study: Study, now: datetime.datetime | None = None) -> bool:
    """The study's post-test has closed: the study is closed, or every arm's post-test window has."""
    if study.status == StudyStatus.CLOSED:
        return True
    now = now or timezone.now()
    cohort_ids = list(study.arms.values_list("cohort_id", flat=True))
    windows = QuizWindow.objects.filter(quiz_id=study.post_test_id, cohort_id__in=cohort_ids)
    closes = list(windows.values_list("closes_at", flat=True))
    return bool(cohort_ids) and len(closes) == len(cohort_ids) and all(now >= closes_at for closes_at in closes)


def review_sealed(*, quiz: Quiz, now: datetime.datetime | None = None) -> bool:
    """A pre-test of a study (either form, with parallel forms) shows no answers or feedback
    until the study's post-test has closed: the same items, or items like them, come again."""
    for study in Study.objects.filter(Q(pre_test=quiz) | Q(post_test=quiz, parallel_forms=True)):
        if not post_test_closed(study, now):
            return True
    return False


def study_period(study: Study) -> tuple[datetime.datetime | None, datetime.datetime]:
    return study.started_at, study.closed_at or timezone.now()


def contamination(study: Study) -> list[Breach]:
    """Every treatment a control trainee of the study received while it ran, oldest first."""
    start, end = study_period(study)
    if start is None:
        return []
    control_cohorts = [arm.cohort_id for arm in study.arms.all() if arm.role == ArmRole.CONTROL]
    treatment_cohorts = [arm.cohort_id for arm in study.arms.all() if arm.role == ArmRole.TREATMENT]
    trainee_ids = list(
        Enrollment.objects.filter(cohort_id__in=control_cohorts).values_list("trainee_id", flat=True).distinct()
    )
    breaches = []
    lesson_ids = course_outline(study.course).lesson_ids
    opened = LessonProgress.objects.filter(
        trainee_id__in=trainee_ids, lesson_id__in=lesson_ids, last_opened_at__gte=start, first_opened_at__lte=end
    ).select_related("lesson")
    for row in opened:
        at = max(row.first_opened_at, start)
        breaches.append(Breach(row.trainee_id, "lesson", at, row.lesson.title))
    enrolled = Enrollment.objects.filter(
        trainee_id__in=trainee_ids, cohort_id__in=treatment_cohorts, enrolled_at__lte=end
    ).select_related("cohort")
    for enrollment in enrolled:
        breaches.append(
            Breach(enrollment.trainee_id, "treatment_enrolment", enrollment.enrolled_at, str(enrollment.cohort))
        )
    for source in _breach_sources:
        breaches.extend(source(trainee_ids, start, end))
    return sorted(breaches, key=lambda breach: (_as_datetime(breach.at), breach.trainee_id))


def _as_datetime(value) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        return value
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time.min))


def user_designs_studies(user) -> bool:
    """Senior trainers (and administrators) design, start and close studies."""
    return user.is_superuser or user.has_role(Role.SENIOR_TRAINER)


def studies_for_user(*, user) -> QuerySet[Study]:
    """Studies a user may read: all for senior staff; else those with an arm in a cohort they follow."""
    studies = Study.objects.select_related("course", "pre_test", "post_test")
    if user_designs_studies(user):
        return studies
    return studies.filter(arms__cohort__in=cohorts_for_user(user=user)).distinct()


def study_get_for_user(*, user, study_id: int) -> Study:
    """One study the user may read; 404 for any other."""
    return get_object_or_404(studies_for_user(user=user), pk=study_id)


def study_trainee_names(study: Study) -> dict[int, str]:
    """One query: the full names of the trainees enrolled in the study's cohorts, for naming them in its report."""
    cohorts = study.arms.values("cohort_id")
    return dict(
        Enrollment.objects.filter(cohort_id__in=cohorts).values_list("trainee_id", "trainee__full_name").distinct()
    )
