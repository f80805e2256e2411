"""On PostgreSQL: racing issues give one certificate per trainee and an unbroken serial sequence.

`certificate_issue` locks the programme's row, so issues under one programme run one after the
other: a second issue for the same trainee sees the first certificate and is refused, and each
issue reads the highest serial number only once the one before it has committed.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone, translation

from lms.certification.models import Certificate
from lms.certification.services import certificate_issue

from ..people.factories import TraineeFactory
from .conftest import complete_course, finish_apprenticeship
from .factories import CertificationProgrammeFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("no_pdf"),
]
# More racers than services.SERIAL_ATTEMPTS: without the lock, retrying on a taken serial number
# cannot absorb them all.
RACERS = 8
ISSUED = "issued"


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are tested on PostgreSQL (bin/test runs the suite there too).")


def _ready_trainee(regions, cohort, post_test, kube):
    trainee = TraineeFactory(home_region=regions["35.78.01"])
    complete_course(trainee, cohort, quiz=post_test)
    finish_apprenticeship(trainee, kube, cohort)
    return trainee


def _race(programme, trainees, programmes=None):
    """Issue for each trainee in its own thread, all released at once; the outcome of each, as text.

    `programmes`, when given, names each trainee's programme (else all use `programme`).
    """
    start = threading.Barrier(len(trainees))
    outcomes = []

    def issue(trainee, programme):
        try:
            start.wait()
            with translation.override("en"):  # each thread starts in the site's default language
                certificate_issue(trainee=trainee, programme=programme)
            outcomes.append(ISSUED)
        except ValidationError as refusal:
            with translation.override("en"):
                outcomes.append(" ".join(refusal.messages))
        except Exception as error:  # an IntegrityError or a deadlock must fail the test, not a thread
            outcomes.append(repr(error))
        finally:
            connection.close()

    programmes = programmes or [programme] * len(trainees)
    threads = [threading.Thread(target=issue, args=pair) for pair in zip(trainees, programmes, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_issues_racing_for_the_same_trainee_give_one_certificate(regions, cohort, post_test, kube, programme):
    trainee = _ready_trainee(regions, cohort, post_test, kube)

    outcomes = _race(programme, [trainee] * RACERS)

    assert outcomes.count(ISSUED) == 1, outcomes
    refusals = set(outcomes) - {ISSUED}
    assert len(refusals) == 1, outcomes
    # The losers see the winner's certificate: their only condition is now its renewal, not yet open.
    assert next(iter(refusals)).startswith("Not every condition holds yet: Renewal of certificate AP-")
    assert Certificate.objects.filter(trainee=trainee, programme=programme).count() == 1


def test_issues_racing_for_different_trainees_number_the_certificates_without_gaps(
    regions, cohort, post_test, kube, programme
):
    trainees = [_ready_trainee(regions, cohort, post_test, kube) for _n in range(RACERS)]

    outcomes = _race(programme, trainees)

    assert outcomes == [ISSUED] * RACERS
    year = timezone.localdate().year
    serials = sorted(Certificate.objects.values_list("serial_number", flat=True))
    assert serials == [f"AP-{year}-{n:06d}" for n in range(1, RACERS + 1)]
    assert set(Certificate.objects.values_list("trainee_id", flat=True)) == {trainee.pk for trainee in trainees}


def test_issues_under_different_programmes_share_one_serial_sequence(regions, cohort, post_test, kube, programme):
    """Serials run per year across programmes, so the programme row lock alone would not number them."""
    trainees = [_ready_trainee(regions, cohort, post_test, kube) for _n in range(RACERS)]
    programmes = [
        CertificationProgrammeFactory(required_courses=[cohort.course], apprenticeship_hours=40) for _n in trainees
    ]

    outcomes = _race(None, trainees, programmes)

    assert outcomes == [ISSUED] * RACERS
    year = timezone.localdate().year
    serials = sorted(Certificate.objects.values_list("serial_number", flat=True))
    assert serials == [f"AP-{year}-{n:06d}" for n in range(1, RACERS + 1)]
