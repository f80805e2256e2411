"""The rules that follow from an evaluation study, in one place (DESIGN.md, "Evaluation studies").

- While a study runs, its control cohorts are held untreated: the course's lessons, its
  completion and the apprenticeship are closed to their trainees (`held_untreated`), who take
  the pre-test and, when their arm's rule opens it, the post-test.
- The post-test opens per arm: after the lessons, after the apprenticeship is signed off, or on
  a date (`post_test_blocked_reason`), and never before the pre-test is taken.
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

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from courses.constants import SEAT_HOLDING_STATUSES
from courses.models import Enrollment, LessonProgress
from courses.selectors import cohorts_for_user, course_outline
from lms.people.constants import Role

from .constants import FINISHED_STATES, ArmRole, PostTestOpens, StudyStatus
from .models import Arm, Attempt, Quiz, QuizWindow, Study


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


def held_untreated(*, trainee, course=None) -> Arm | None:
    """The running control arm the trainee belongs to (in `course`, or in any course); None if none."""
    arms = Arm.objects.filter(
        role=ArmRole.CONTROL,
        study__status=StudyStatus.RUNNING,
        cohort__enrollments__trainee=trainee,
        cohort__enrollments__status__in=SEAT_HOLDING_STATUSES,
    )
    if course is not None:
        arms = arms.filter(study__course=course)
    return arms.select_related("study", "cohort").first()


def post_test_blocked_reason(*, arm: Arm, trainee, quiz: Quiz, today: datetime.date | None = None) -> str:
    """Why the study's post-test is not open yet for this trainee; "" when it is."""
    today = today or timezone.localdate()
    study = arm.study
    if not Attempt.objects.filter(quiz_id=study.pre_test_id, trainee=trainee, state__in=FINISHED_STATES).exists():
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
