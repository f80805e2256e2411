"""Reads for the curriculum: outlines, progress, a trainee's courses, cohorts a user may see.

Every function here runs a fixed number of queries, whatever the number of lessons, trainees
or courses, so the pages built on them do too.
"""

from dataclasses import dataclass
from functools import cached_property, reduce
from operator import or_

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from lms.people.constants import Role
from lms.people.models import User
from lms.people.scoping import within_user_region

from .constants import INACTIVITY_THRESHOLD, SEAT_HOLDING_STATUSES, EnrollmentStatus
from .models import Cohort, CoursePage, Enrollment, LessonPage, LessonProgress, ModulePage, ReflectionAnswer


@dataclass
class CourseOutline:
    """The live modules of a course and their live lessons, in the order of the page tree."""

    course: CoursePage
    modules: list[tuple[ModulePage, list[LessonPage]]]

    # Cached: an outline is complete once `course_outlines` returns it, and these are read often.
    @cached_property
    def lessons(self) -> list[LessonPage]:
        return [lesson for _module, lessons in self.modules for lesson in lessons]

    @cached_property
    def lesson_ids(self) -> list[int]:
        return [lesson.pk for lesson in self.lessons]

    @cached_property
    def _lesson_id_set(self) -> frozenset[int]:
        return frozenset(self.lesson_ids)

    def neighbours(self, lesson_id: int) -> tuple[LessonPage | None, LessonPage | None]:
        lessons = self.lessons
        index = next(i for i, lesson in enumerate(lessons) if lesson.pk == lesson_id)
        previous = lessons[index - 1] if index > 0 else None
        following = lessons[index + 1] if index + 1 < len(lessons) else None
        return previous, following

    def contains(self, lesson_id: int) -> bool:
        return lesson_id in self._lesson_id_set

    def percent_done(self, completed_ids: set[int]) -> int:
        return round(100 * len(completed_ids & self._lesson_id_set) / len(self.lesson_ids)) if self.lesson_ids else 0


def course_outlines(courses: list[CoursePage]) -> dict[int, CourseOutline]:
    """Outlines of several courses in two queries (modules, then lessons without their bodies)."""
    if not courses:
        return {}
    under_courses = reduce(or_, (Q(path__startswith=course.path) for course in courses))
    modules = list(ModulePage.objects.live().filter(under_courses).order_by("path"))
    lessons = list(LessonPage.objects.live().filter(under_courses).defer("body").order_by("path"))
    lessons_by_module: dict[str, list[LessonPage]] = {}
    for lesson in lessons:
        lessons_by_module.setdefault(lesson.path[: -LessonPage.steplen], []).append(lesson)
    outlines = {course.pk: CourseOutline(course=course, modules=[]) for course in courses}
    course_by_path = {course.path: course for course in courses}
    for module in modules:
        course = course_by_path.get(module.path[: -ModulePage.steplen])
        if course is not None:
            outlines[course.pk].modules.append((module, lessons_by_module.get(module.path, [])))
    return outlines


def course_outline(course: CoursePage) -> CourseOutline:
    return course_outlines([course])[course.pk]


def course_of_lesson(lesson: LessonPage) -> CoursePage | None:
    """The live course a lesson belongs to (two levels up the tree)."""
    return CoursePage.objects.live().filter(path=lesson.path[: -2 * LessonPage.steplen]).first()


def progress_by_lesson(*, trainee: User, lesson_ids: list[int]) -> dict[int, LessonProgress]:
    rows = LessonProgress.objects.filter(trainee=trainee, lesson_id__in=lesson_ids)
    return {row.lesson_id: row for row in rows}


def resume_lesson(outline: CourseOutline, progress: dict[int, LessonProgress]) -> LessonPage | None:
    """Where "Continue studying" goes: the lesson last opened if unfinished, else the next unfinished one.

    After the last opened lesson the search wraps to the start, so a lesson skipped earlier is
    not forgotten. None when every lesson is complete (or the course has none).
    """
    lessons = outline.lessons
    if not lessons:
        return None
    unfinished = [lesson for lesson in lessons if not (lesson.pk in progress and progress[lesson.pk].completed_at)]
    if not unfinished:
        return None
    opened = [row for row in progress.values() if outline.contains(row.lesson_id)]
    if not opened:
        return unfinished[0]
    last = max(opened, key=lambda row: row.last_opened_at)
    order = {lesson.pk: index for index, lesson in enumerate(lessons)}
    start = order[last.lesson_id]
    return min(unfinished, key=lambda lesson: (order[lesson.pk] - start) % len(lessons))


@dataclass
class CourseCard:
    """One of a trainee's courses on their home page."""

    enrollment: Enrollment
    outline: CourseOutline
    completed: int
    next_lesson: LessonPage | None

    @property
    def total(self) -> int:
        return len(self.outline.lessons)

    @property
    def percent(self) -> int:
        return round(100 * self.completed / self.total) if self.total else 0

    @property
    def started(self) -> bool:
        return self.enrollment.last_activity_at is not None


def trainee_course_cards(*, trainee: User) -> list[CourseCard]:
    """The trainee's current courses with progress and next lesson, unfinished first. Four queries."""
    enrollments = list(
        Enrollment.objects.filter(trainee=trainee, status__in=SEAT_HOLDING_STATUSES, cohort__course__live=True)
        .select_related("cohort__course", "cohort__region")
        .order_by("-last_activity_at", "-enrolled_at")
    )
    outlines = course_outlines([enrollment.cohort.course for enrollment in enrollments])
    lesson_ids = [lesson_id for outline in outlines.values() for lesson_id in outline.lesson_ids]
    progress = progress_by_lesson(trainee=trainee, lesson_ids=lesson_ids)
    cards = []
    for enrollment in enrollments:
        outline = outlines[enrollment.cohort.course.pk]
        course_progress = {pk: progress[pk] for pk in outline.lesson_ids if pk in progress}
        completed = sum(1 for row in course_progress.values() if row.completed_at)
        cards.append(CourseCard(enrollment, outline, completed, resume_lesson(outline, course_progress)))
    return sorted(cards, key=lambda card: card.next_lesson is None)


def enrollment_for_course(*, trainee: User, course: CoursePage) -> Enrollment | None:
    """The trainee's seat in a cohort of this course, if they hold one."""
    return (
        Enrollment.objects.filter(trainee=trainee, cohort__course=course, status__in=SEAT_HOLDING_STATUSES)
        .select_related("cohort")
        .first()
    )


def open_cohorts_for(*, course: CoursePage) -> QuerySet[Cohort]:
    """Cohorts of the course that take self-enrolment now, with their seats taken."""
    return (
        Cohort.objects.filter(course=course, enrollment_open=True, ends_on__gte=timezone.localdate())
        .select_related("region")
        .annotate(seats_taken=Count("enrollments", filter=Q(enrollments__status__in=SEAT_HOLDING_STATUSES)))
        .order_by("starts_on", "name")
    )


def reflections_for(*, trainee: User, lesson: LessonPage) -> dict[str, ReflectionAnswer]:
    return {row.block_id: row for row in ReflectionAnswer.objects.filter(trainee=trainee, lesson=lesson)}


def cohorts_for_user(*, user: User) -> QuerySet[Cohort]:
    """Cohorts a user follows: those they teach, those in their supervised region; all for senior staff."""
    cohorts = Cohort.objects.select_related("course", "region")
    if user.is_superuser or user.has_role(Role.SENIOR_TRAINER):
        return cohorts
    visible = Q(pk__in=[])
    if user.has_role(Role.TRAINER):
        visible |= Q(trainers=user)
    if user.has_role(Role.SUPERVISOR):
        visible |= Q(pk__in=within_user_region(Cohort.objects.all(), user=user, region_field="region").values("pk"))
    return cohorts.filter(visible).distinct()


def cohort_get_for_user(*, user: User, cohort_id: int) -> Cohort:
    """One cohort the user follows; 404 for any other, so ids of other regions reveal nothing."""
    return get_object_or_404(cohorts_for_user(user=user), pk=cohort_id)


def user_follows_course(*, user: User, course: CoursePage) -> bool:
    """Staff who may read a course's lessons without being enrolled: its authors, and whoever follows a cohort."""
    if user.is_superuser or user.has_role(Role.TRAINER) or user.has_role(Role.SENIOR_TRAINER):
        return True
    return user.has_role(Role.SUPERVISOR) and cohorts_for_user(user=user).filter(course=course).exists()


@dataclass
class GridRow:
    enrollment: Enrollment
    completed_at: list  # per lesson of the outline: completion time or None
    completed: int
    inactive: bool


def cohort_progress_grid(*, cohort: Cohort) -> tuple[CourseOutline, list[GridRow]]:
    """Trainees by lessons of a cohort, with who has been inactive for 14 days. Four queries."""
    outline = course_outline(cohort.course)
    enrollments = list(
        cohort.enrollments.exclude(status=EnrollmentStatus.WITHDRAWN)
        .select_related("trainee")
        .order_by("trainee__full_name")
    )
    completions = LessonProgress.objects.filter(
        trainee__in=[enrollment.trainee_id for enrollment in enrollments],
        lesson_id__in=outline.lesson_ids,
        completed_at__isnull=False,
    ).values_list("trainee_id", "lesson_id", "completed_at")
    done: dict[tuple[int, int], object] = {(trainee, lesson): when for trainee, lesson, when in completions}
    inactive_since = timezone.now() - INACTIVITY_THRESHOLD
    rows = []
    for enrollment in enrollments:
        cells = [done.get((enrollment.trainee_id, lesson_id)) for lesson_id in outline.lesson_ids]
        last_seen = enrollment.last_activity_at or enrollment.enrolled_at
        inactive = enrollment.status != EnrollmentStatus.COMPLETED and last_seen < inactive_since
        rows.append(GridRow(enrollment, cells, sum(1 for cell in cells if cell), inactive))
    return outline, rows


def lessons_search(*, query: str) -> list[LessonPage]:
    """Published lessons of published courses that match the query (Wagtail search)."""
    module_paths = set(ModulePage.objects.live().values_list("path", flat=True))
    course_paths = set(CoursePage.objects.live().values_list("path", flat=True))
    results = LessonPage.objects.live().defer("body").search(query, operator="and")[:50]
    return [
        lesson
        for lesson in results
        if lesson.path[: -LessonPage.steplen] in module_paths and lesson.path[: -2 * LessonPage.steplen] in course_paths
    ]
