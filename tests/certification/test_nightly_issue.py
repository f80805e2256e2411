"""The nightly `issue_due_certificates`: a fixed number of queries whatever the number of trainees, settled
trainees left out, and what is due still issued (first certificates and renewals)."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lms.certification.eligibility import add_months
from lms.certification.models import Certificate
from lms.certification.selectors import active_programmes, certificate_candidate_ids

from ..courses.factories import CohortFactory, EnrollmentFactory, build_course
from ..people.factories import TraineeFactory
from .conftest import complete_course, finish_apprenticeship
from .factories import CertificateFactory, CertificationProgrammeFactory

pytestmark = pytest.mark.usefixtures("no_pdf", "english")


@pytest.fixture
def refresher(programme, regions):
    """The programme renews through a refresher course with a cohort of its own."""
    course = build_course(code="PNY-1", modules=1, lessons_per_module=1, title="Penyegaran")
    programme.refresher_course = course
    programme.save()
    return CohortFactory(course=course, region=regions["35"])


@pytest.fixture
def people(regions, cohort, post_test, kube, programme):
    """Makers of trainees in the states the nightly run meets; each has completed the course."""

    def person(percent=Decimal(80)):
        trainee = TraineeFactory(home_region=regions["35.78.01"])
        complete_course(trainee, cohort, quiz=post_test, percent=percent)
        return trainee

    def pending():
        """Course and apprenticeship completed, post-test failed: a retake can make it due, so read every night."""
        trainee = person(percent=Decimal(50))
        finish_apprenticeship(trainee, kube, cohort)
        return trainee

    def holder(*, issued_on=None):
        """Everything done and a certificate still far from its renewal window: settled."""
        trainee = person()
        CertificateFactory(trainee=trainee, programme=programme, issued_on=issued_on or timezone.localdate())
        return trainee

    def revoked():
        """Everything done but the certificate revoked: never eligible again under this programme."""
        trainee = person()
        finish_apprenticeship(trainee, kube, cohort)
        CertificateFactory(trainee=trainee, programme=programme, revoked_at=timezone.now())
        return trainee

    def ready():
        trainee = person()
        finish_apprenticeship(trainee, kube, cohort)
        return trainee

    return {"pending": pending, "holder": holder, "revoked": revoked, "ready": ready}


def in_the_window(trainee, programme) -> Certificate:
    """A certificate expiring in four months: the six-month renewal window opened two months ago."""
    issued_on = add_months(timezone.localdate(), -32)
    return CertificateFactory(
        trainee=trainee, programme=programme, issued_on=issued_on, expires_on=add_months(issued_on, 36)
    )


def complete_refresher(trainee, cohort, *, on=None):
    moment = timezone.now() if on is None else timezone.make_aware(datetime.datetime.combine(on, datetime.time(10)))
    EnrollmentFactory(cohort=cohort, trainee=trainee, status="completed", completed_at=moment)


def nightly_queries() -> int:
    with CaptureQueriesContext(connection) as queries:
        call_command("issue_due_certificates", stdout=StringIO())
    return len(queries)


def test_the_query_count_does_not_grow_with_the_number_of_trainees(people, programme):
    kinds = ("pending", "holder", "revoked")
    made = {kind: [people[kind]()] for kind in kinds}
    nightly_queries()  # warm-up: Wagtail caches the site root paths the course links need
    with_three = nightly_queries()

    for kind in kinds:
        made[kind] += [people[kind]() for _n in range(9)]
    with_thirty = nightly_queries()

    assert with_three == with_thirty
    assert with_thirty <= 10  # programmes 2, candidates 2, standings 5 (one batch)
    # the thirty were there to be read, and nothing was due
    assert Certificate.objects.count() == 20
    pending_ids = sorted(trainee.pk for trainee in made["pending"])
    assert certificate_candidate_ids(programmes=list(active_programmes())) == pending_ids


def test_the_nightly_run_issues_first_certificates_and_renewals_once(people, programme, refresher):
    ready = people["ready"]()
    renewing = people["pending"]()
    old = in_the_window(renewing, programme)
    complete_refresher(renewing, refresher)
    lapsing = people["pending"]()
    in_the_window(lapsing, programme)  # no refresher yet
    revoked = people["revoked"]()
    holder = people["holder"]()

    out = StringIO()
    call_command("issue_due_certificates", stdout=out)
    call_command("issue_due_certificates", stdout=StringIO())

    assert "2 certificate(s) issued." in out.getvalue()
    first = Certificate.objects.get(trainee=ready)
    assert first.renews is None and first.issued_by is None
    renewal = Certificate.objects.get(trainee=renewing, renews=old)
    assert renewal.issued_on == timezone.localdate()
    assert Certificate.objects.filter(trainee=renewing).count() == 2
    for settled in (lapsing, revoked, holder):
        assert Certificate.objects.filter(trainee=settled).count() == 1


def test_settled_trainees_are_not_candidates(people, programme, refresher, regions, cohort, post_test, kube):
    today = timezone.localdate()
    pending = people["pending"]()
    holder = people["holder"]()
    revoked = people["revoked"]()

    renewing = people["pending"]()
    in_the_window(renewing, programme)
    complete_refresher(renewing, refresher)

    early = people["pending"]()  # did the refresher before the window opened: that does not count
    certificate = in_the_window(early, programme)
    complete_refresher(early, refresher, on=add_months(certificate.expires_on, -7))

    lapsed = people["pending"]()  # expired a year ago, no refresher since
    issued_on = add_months(today, -48)
    CertificateFactory(trainee=lapsed, programme=programme, issued_on=issued_on, expires_on=add_months(issued_on, 36))

    renewed = people["pending"]()  # the old certificate is renewed; the new one is far from its window
    renewed_old = in_the_window(renewed, programme)
    CertificateFactory(trainee=renewed, programme=programme, renews=renewed_old)
    complete_refresher(renewed, refresher)

    only_a_placement = TraineeFactory(home_region=regions["35.78.01"])
    finish_apprenticeship(only_a_placement, kube, cohort)  # the course is still to do

    candidates = certificate_candidate_ids(programmes=list(active_programmes()), today=today)
    assert candidates == sorted([pending.pk, renewing.pk])
    assert not {holder.pk, revoked.pk, early.pk, lapsed.pk, renewed.pk, only_a_placement.pk} & set(candidates)


def test_a_holder_of_a_programme_without_renewal_is_settled_but_still_a_candidate_for_another(
    people, programme, course
):
    programme.renewable = False
    programme.save()
    holder = people["holder"](issued_on=add_months(timezone.localdate(), -40))  # expired, cannot renew
    assert certificate_candidate_ids(programmes=list(active_programmes())) == []

    other = CertificationProgrammeFactory(required_courses=[course], apprenticeship_required=False)
    assert certificate_candidate_ids(programmes=list(active_programmes())) == [holder.pk]
    call_command("issue_due_certificates", stdout=StringIO())
    assert list(Certificate.objects.filter(trainee=holder).values_list("programme", flat=True).order_by("pk")) == [
        programme.pk,
        other.pk,
    ]
