import pytest

from ..people.factories import SupervisorFactory, TraineeFactory, TrainerFactory, give_totp
from .factories import CohortFactory, EnrollmentFactory, build_course


@pytest.fixture
def course(db):
    return build_course(code="PK-1", modules=2, lessons_per_module=2)


@pytest.fixture
def trainer(db):
    return _with_totp(TrainerFactory())


@pytest.fixture
def cohort(course, regions, trainer):
    """An open cohort of the course in Jawa Timur, taught by `trainer`."""
    return CohortFactory(course=course, region=regions["35"], trainers=[trainer])


@pytest.fixture
def trainee(regions):
    return TraineeFactory(home_region=regions["35.78.01"])


@pytest.fixture
def enrolled(trainee, cohort):
    EnrollmentFactory(cohort=cohort, trainee=trainee)
    return trainee


@pytest.fixture
def supervisor_elsewhere(regions):
    return _with_totp(SupervisorFactory(scope_region=regions["63"]))


@pytest.fixture
def supervisor_here(regions):
    return _with_totp(SupervisorFactory(scope_region=regions["35"]))


def _with_totp(user):
    """Staff sign in with a second factor; the tests sign them in as if they had given it."""
    give_totp(user)
    return user
