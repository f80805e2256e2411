"""What must hold before a trainee may study a course, and for the course to count as complete.

The curriculum defines the lesson-based rules here. Apps further along register their own
without this module knowing them: the assessments app adds "pre-test taken" as a gate and
"post-test passed" as a requirement from its AppConfig.ready(), through `register_gate` and
`register_requirement`. Each rule returns a `Condition`, so the same list can be shown to the
trainee as a checklist and evaluated by the enrolment service.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from courses.constants import EnrollmentStatus
from courses.models import CoursePage, Enrollment


@dataclass(frozen=True)
class Condition:
    key: str
    label: str
    met: bool
    next_step_url: str = ""


@dataclass
class CourseStanding:
    """A trainee's record in one course, as the rules need it (fetched once, passed to every rule)."""

    trainee: object
    course: object
    lesson_ids: list[int]
    completed_lesson_ids: set[int] = field(default_factory=set)


# A rule returns None when it does not apply to the course (e.g. a course without a pre-test).
Gate = Callable[[CourseStanding], Condition | None]
Requirement = Callable[[CourseStanding], Condition | None]

_gates: list[Gate] = []
_requirements: list[Requirement] = []


def register_gate(gate: Gate) -> Gate:
    """Add a condition that must hold before the course's lessons open."""
    if gate not in _gates:
        _gates.append(gate)
    return gate


def register_requirement(requirement: Requirement) -> Requirement:
    """Add a condition that must hold for the course to be complete."""
    if requirement not in _requirements:
        _requirements.append(requirement)
    return requirement


def gate_conditions(standing: CourseStanding) -> list[Condition]:
    return [condition for gate in _gates if (condition := gate(standing)) is not None]


def completion_conditions(standing: CourseStanding) -> list[Condition]:
    return [condition for requirement in _requirements if (condition := requirement(standing)) is not None]


@register_requirement
def all_lessons_completed(standing: CourseStanding) -> Condition:
    done = len(set(standing.lesson_ids) & standing.completed_lesson_ids)
    total = len(standing.lesson_ids)
    return Condition(
        key="lessons",
        label=_("Complete every lesson (%(done)s of %(total)s done)") % {"done": done, "total": total},
        met=total > 0 and done == total,
    )


@register_gate
def prerequisites_completed(standing: CourseStanding) -> Condition:
    missing = missing_prerequisites(trainee=standing.trainee, course=standing.course)
    if not missing:
        return Condition(key="prerequisites", label=_("Prerequisite courses completed"), met=True)
    return Condition(
        key="prerequisites",
        label=_("Complete first: %(courses)s") % {"courses": ", ".join(course.title for course in missing)},
        met=False,
    )


def missing_prerequisites(*, trainee, course) -> list:
    """Prerequisite courses of `course` the trainee has not completed, in one query."""
    completed = Enrollment.objects.filter(trainee=trainee, status=EnrollmentStatus.COMPLETED).values(
        "cohort__course_id"
    )
    return list(CoursePage.objects.filter(required_by=course).exclude(pk__in=completed).order_by("code"))
