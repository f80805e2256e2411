"""The demo apprenticeship: KUBE of every class, placements in every status, logbooks and a sign-off."""

from decimal import Decimal

import pytest
from django.apps import apps
from django.utils import timezone
from wagtail.models import ModelLogEntry

from apprenticeship import demo as apprenticeship_demo
from apprenticeship.constants import MaturityClass, PlacementStatus
from apprenticeship.models import KubeGroup, Placement
from apprenticeship.rules import HostProblem, host_problems
from apprenticeship.selectors import countersign_queue, eligible_hosts, host_check, thresholds
from assessments import demo as assessments_demo
from courses import demo as courses_demo
from courses.models import MentorRole
from lms.people import demo as people_demo
from lms.people.constants import Role
from lms.people.models import User

pytestmark = pytest.mark.django_db


def _snapshot():
    counts = {model._meta.label: model.objects.count() for model in apps.get_app_config("apprenticeship").get_models()}
    counts["users"] = User.objects.count()
    counts["audit log"] = ModelLogEntry.objects.count()
    return counts


def _problems(name):
    kube = KubeGroup.objects.select_related("latest_assessment").get(name=name)
    return host_problems(host_check(kube), today=timezone.localdate(), thresholds=thresholds())


def test_demo_apprenticeship_covers_every_class_and_status_and_a_second_run_changes_nothing():
    people_demo.seed()
    courses_demo.seed()
    assessments_demo.seed()
    accounts = apprenticeship_demo.seed()

    hosts = [account for account in accounts if account.role == Role.HOST_MENTOR]
    assert len(hosts) >= 3
    assert all(User.objects.get(email=account.email).has_role(Role.HOST_MENTOR) for account in hosts)

    latest_classes = set(KubeGroup.objects.values_list("latest_assessment__maturity_class", flat=True))
    assert latest_classes == set(MaturityClass.values)
    assert set(Placement.objects.values_list("status", flat=True)) == set(PlacementStatus.values)
    for closed in Placement.objects.filter(status__in=[PlacementStatus.REJECTED, PlacementStatus.WITHDRAWN]):
        assert closed.status_reason

    # The trainee demo account is half-way through a placement hosted by the host mentor demo account.
    dewi = Placement.objects.get(trainee__email="peserta@akademi.test", status=PlacementStatus.ACTIVE)
    assert dewi.host_mentor.email == "pembimbing@akademi.test"
    signed = dewi.logbook_entries.filter(countersigned_at__isnull=False)
    pending = dewi.logbook_entries.filter(countersigned_at__isnull=True)
    assert signed.exists() and pending.exists()
    assert pending.exclude(host_note="").exists()  # one entry was returned for correction
    assert dewi.countersigned_hours == sum((entry.hours for entry in signed), Decimal(0))
    assert 0 < dewi.hours_percent < 100
    assert set(countersign_queue(dewi.host_mentor)) == set(pending)

    completed = Placement.objects.get(status=PlacementStatus.COMPLETED)
    assert completed.hours_met and completed.completed_at is not None
    evaluation = completed.evaluation
    assert evaluation.signed_off_by.email == "penyelia.jatim@akademi.test"
    assert evaluation.role_scores.count() == MentorRole.objects.count() == 8

    eligible = set(eligible_hosts().values_list("name", flat=True))
    assert eligible
    assert "KUBE Lestari Jaya" not in eligible
    assert _problems("KUBE Lestari Jaya") == [HostProblem.ASSESSMENT_TOO_OLD]
    assert _problems("KUBE Mawar Sejahtera") == [HostProblem.FULL]

    first = _snapshot()
    assert apprenticeship_demo.seed() == accounts
    assert _snapshot() == first
