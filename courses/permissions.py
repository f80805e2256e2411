"""Who may open a lesson, decided in one place for the lesson page and every action on it."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404

from lms.people.models import User

from .completion import Condition, CourseStanding, gate_conditions
from .models import CoursePage, Enrollment, LessonPage, LessonProgress
from .selectors import (
    CourseOutline,
    course_of_lesson,
    course_outline,
    enrollment_for_course,
    progress_by_lesson,
    user_follows_course,
)


class NotEnrolled(PermissionDenied):
    """The user may not read this course's lessons; the page explains how to enrol."""

    def __init__(self, course: CoursePage):
        super().__init__()
        self.course = course


@dataclass
class LessonAccess:
    course: CoursePage
    outline: CourseOutline
    enrollment: Enrollment | None  # None for staff who read without studying
    progress: dict[int, LessonProgress]
    blocked_by: list[Condition]

    @property
    def studying(self) -> bool:
        return self.enrollment is not None and not self.blocked_by


def lesson_access_for_user(*, user: User, lesson: LessonPage) -> LessonAccess:
    """Fetch what the lesson page needs and decide access together.

    Enrolled trainees study (their progress is recorded) once every gate of the course holds;
    the course's authors and the supervisors and trainers who follow one of its cohorts may
    read without studying. Anyone else gets NotEnrolled (403); a lesson that is not live, or
    whose module or course is not, is a 404 for everyone.
    """
    course = course_of_lesson(lesson)
    if course is None:
        raise Http404
    outline = course_outline(course)
    if not outline.contains(lesson.pk):
        raise Http404
    enrollment = enrollment_for_course(trainee=user, course=course)
    if enrollment is None:
        if user_follows_course(user=user, course=course):
            return LessonAccess(course, outline, None, {}, [])
        raise NotEnrolled(course)
    progress = progress_by_lesson(trainee=user, lesson_ids=outline.lesson_ids)
    standing = CourseStanding(
        trainee=user,
        course=course,
        lesson_ids=outline.lesson_ids,
        completed_lesson_ids={pk for pk, row in progress.items() if row.completed_at},
    )
    blocked_by = [condition for condition in gate_conditions(standing) if not condition.met]
    return LessonAccess(course, outline, enrollment, progress, blocked_by)
