import pytest

from ..courses.conftest import (
    _with_totp,
    cohort,
    course,
    enrolled,
    supervisor_elsewhere,
    supervisor_here,
    trainee,
    trainer,
)
from .factories import every_kind, make_quiz

__all__ = [
    "_with_totp",
    "cohort",
    "course",
    "enrolled",
    "supervisor_elsewhere",
    "supervisor_here",
    "trainee",
    "trainer",
]


@pytest.fixture
def questions(db):
    return every_kind()


@pytest.fixture
def quiz(course, questions):
    """A practice quiz of the course with one question of each auto-graded kind."""
    return make_quiz(course, questions)
