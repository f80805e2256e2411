"""On PostgreSQL: approvals racing for a KUBE's last free place leave exactly one approved placement."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import translation

from apprenticeship.constants import PlacementStatus
from apprenticeship.models import Placement
from apprenticeship.services import placement_approve

from ..courses.factories import EnrollmentFactory
from ..people.factories import TraineeFactory
from .factories import PlacementFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
RACERS = 6


def test_approvals_racing_for_the_last_place_let_exactly_one_through(kube, cohort, supervisor):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are tested on PostgreSQL (bin/test runs the suite there too).")
    kube.host_capacity = 1
    kube.save()
    proposals = []
    for _n in range(RACERS):
        trainee = TraineeFactory()
        EnrollmentFactory(cohort=cohort, trainee=trainee)
        proposals.append(PlacementFactory(trainee=trainee, kube=kube, cohort=cohort, status=PlacementStatus.PROPOSED))

    start = threading.Barrier(RACERS)
    outcomes = []

    def approve(placement):
        try:
            start.wait()
            with translation.override("en"):  # each thread starts in the site's default language
                placement_approve(placement=placement, by=supervisor)
            outcomes.append("approved")
        except ValidationError as refusal:
            with translation.override("en"):
                outcomes.append(" ".join(refusal.messages))
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(placement,)) for placement in proposals]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert outcomes.count("approved") == 1
    assert sorted(set(outcomes) - {"approved"}) == ["The KUBE has no free apprentice place left."]
    assert Placement.objects.filter(kube=kube, status=PlacementStatus.APPROVED).count() == 1
