"""Whom a member of staff may enrol in a cohort: one rule, as a Python check and as a query
condition, kept equal by a parity test (tests/courses/test_enrolment_rules.py).

Supervisors are scoped to a region on every page, so they may enrol only the trainees whose home
region lies in their scope: enrolling someone else would let them see a trainee the region rule
hides. Trainers are not region-scoped: the trainers of a cohort may enrol any trainee mentor, as
may senior trainers and administrators. Only active trainee mentors are ever enrolled.
"""

from django.db.models import Q

from lms.people.constants import Role
from lms.people.models import User
from lms.people.scoping import region_in_user_scope, region_scope_q

from .models import Cohort


def _reaches_everyone(*, by: User, cohort: Cohort) -> bool:
    if by.is_superuser or by.has_role(Role.SENIOR_TRAINER):
        return True
    return by.has_role(Role.TRAINER) and cohort.trainers.filter(pk=by.pk).exists()


def staff_may_enrol(*, by: User, trainee: User, cohort: Cohort) -> bool:
    if not (trainee.is_active and trainee.has_role(Role.TRAINEE)):
        return False
    return _reaches_everyone(by=by, cohort=cohort) or region_in_user_scope(user=by, region=trainee.home_region)


def staff_may_enrol_q(*, by: User, cohort: Cohort) -> Q:
    """The users `staff_may_enrol` accepts, as a condition on User rows."""
    trainees = Q(is_active=True, groups__name=Role.TRAINEE)
    if _reaches_everyone(by=by, cohort=cohort):
        return trainees
    return trainees & region_scope_q(user=by, region_field="home_region")
