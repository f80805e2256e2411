from .cohorts import Cohort, Enrollment
from .pages import CourseIndexPage, CoursePage, LessonPage, ModulePage
from .progress import LessonProgress, ReflectionAnswer
from .snippets import Aspect, MentorRole

__all__ = [
    "Aspect",
    "Cohort",
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "LessonPage",
    "LessonProgress",
    "MentorRole",
    "ModulePage",
    "ReflectionAnswer",
]
