"""Places on course and cohort pages that apps further along fill (quizzes, quiz results).

Like `courses.completion`, this lets the curriculum show what other apps add without importing
them: an app registers a provider from its AppConfig.ready().
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Activity:
    """Something a trainee does in a course besides lessons, e.g. a quiz, with their standing in it."""

    title: str
    url: str
    kind: str
    standing: str = ""


@dataclass(frozen=True)
class Link:
    label: str
    url: str


_activity_providers: list[Callable] = []
_cohort_link_providers: list[Callable] = []


def register_course_activities(provider: Callable) -> Callable:
    """`provider(course, user)` returns the activities of the course for that (enrolled) user."""
    if provider not in _activity_providers:
        _activity_providers.append(provider)
    return provider


def register_cohort_links(provider: Callable) -> Callable:
    """`provider(cohort, user)` returns links for the cohort's page (staff who follow the cohort)."""
    if provider not in _cohort_link_providers:
        _cohort_link_providers.append(provider)
    return provider


def course_activities(course, user) -> list[Activity]:
    return [activity for provider in _activity_providers for activity in provider(course, user)]


def cohort_links(cohort, user) -> list[Link]:
    return [link for provider in _cohort_link_providers for link in provider(cohort, user)]
