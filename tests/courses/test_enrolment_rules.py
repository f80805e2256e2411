"""courses.rules: whom staff may enrol, the Python check and the query condition agreeing."""

import pytest

from courses.rules import staff_may_enrol, staff_may_enrol_q
from lms.people.constants import Role
from lms.people.models import User

from ..people.factories import SupervisorFactory, TraineeFactory, TrainerFactory, UserFactory
from .factories import CohortFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(regions):
    return [
        TraineeFactory(home_region=regions["35.78.01"]),
        TraineeFactory(home_region=regions["35"]),
        TraineeFactory(home_region=regions["63.71"]),
        TraineeFactory(home_region=None),
        TraineeFactory(home_region=regions["35.78"], is_active=False),
        TrainerFactory(home_region=regions["35.78"]),
        UserFactory(home_region=regions["35.78"]),
    ]


@pytest.fixture
def staff(regions, course):
    cohort_trainer = TrainerFactory()
    cohort = CohortFactory(course=course, region=regions["35"], trainers=[cohort_trainer])
    return cohort, {
        "supervisor of Jawa Timur": SupervisorFactory(scope_region=regions["35"]),
        "supervisor of Kota Surabaya": SupervisorFactory(scope_region=regions["35.78"]),
        "supervisor without a region": SupervisorFactory(scope_region=None),
        "trainer of the cohort": cohort_trainer,
        "another trainer": TrainerFactory(),
        "senior trainer": TrainerFactory(roles=[Role.SENIOR_TRAINER]),
        "administrator": UserFactory(is_superuser=True),
    }


def test_the_check_and_the_query_agree_for_every_pair(people, staff):
    cohort, enrollers = staff
    for label, by in enrollers.items():
        by = User.objects.get(pk=by.pk)  # roles read afresh, as on a request
        from_query = set(User.objects.filter(staff_may_enrol_q(by=by, cohort=cohort)).values_list("pk", flat=True))
        from_check = {
            person.pk
            for person in people + list(enrollers.values())
            if staff_may_enrol(by=by, trainee=User.objects.get(pk=person.pk), cohort=cohort)
        }
        assert from_query == from_check, label


def test_a_supervisor_reaches_only_trainees_of_their_region(people, staff):
    cohort, enrollers = staff
    reached = set(User.objects.filter(staff_may_enrol_q(by=enrollers["supervisor of Jawa Timur"], cohort=cohort)))
    assert reached == {people[0], people[1]}
    assert set(User.objects.filter(staff_may_enrol_q(by=enrollers["trainer of the cohort"], cohort=cohort))) == set(
        people[:4]
    )
    assert not User.objects.filter(staff_may_enrol_q(by=enrollers["another trainer"], cohort=cohort)).exists()
