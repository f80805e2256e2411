import pytest
from django.conf import settings
from django.utils import translation

from ..courses.factories import CohortFactory, EnrollmentFactory, build_course
from ..people.factories import SupervisorFactory, TraineeFactory, TrainerFactory, give_totp
from .factories import HostMentorFactory, KubeGroupFactory, PlacementFactory, assess


@pytest.fixture
def course(db):
    return build_course(code="PK-MG", modules=1, lessons_per_module=1)


@pytest.fixture
def trainer(db):
    user = TrainerFactory()
    give_totp(user)
    return user


@pytest.fixture
def cohort(course, regions, trainer):
    return CohortFactory(course=course, region=regions["35"], trainers=[trainer])


@pytest.fixture
def trainee(regions, cohort):
    """A trainee of Karang Pilang (Surabaya), enrolled in `cohort`."""
    person = TraineeFactory(home_region=regions["35.78.01"])
    EnrollmentFactory(cohort=cohort, trainee=person)
    return person


@pytest.fixture
def supervisor(regions):
    """The supervisor of Jawa Timur, where the KUBE lie."""
    user = SupervisorFactory(scope_region=regions["35"])
    give_totp(user)
    return user


@pytest.fixture
def supervisor_elsewhere(regions):
    user = SupervisorFactory(scope_region=regions["63"])
    give_totp(user)
    return user


@pytest.fixture
def host_mentor(db):
    return HostMentorFactory()


@pytest.fixture
def kube(regions, host_mentor):
    """An eligible host in Karang Pilang village: Mandiri (total 36), two places, assessed a month ago."""
    group = KubeGroupFactory(village=regions["35.78.01.1001"], host_mentor=host_mentor)
    assess(group, total=36)
    group.refresh_from_db()
    return group


@pytest.fixture
def placement(trainee, kube, cohort):
    """An approved placement of `trainee` at `kube`, 40 hours required."""
    return PlacementFactory(trainee=trainee, kube=kube, cohort=cohort)


@pytest.fixture(autouse=True)
def _english(client):
    """The tests compare message text in English; the Indonesian catalogue is checked on its own."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield
