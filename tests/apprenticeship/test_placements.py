"""The placement workflow and the logbook rules, through the services."""

import datetime
import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from apprenticeship import services
from apprenticeship.constants import PlacementStatus, Recommendation
from apprenticeship.models import LogbookEntry
from apprenticeship.selectors import eligible_hosts
from courses.models import MentorRole

from ..courses.factories import EnrollmentFactory, MentorRoleFactory
from ..people.factories import TraineeFactory
from .factories import KubeGroupFactory, LogbookEntryFactory, assess

TODAY = timezone.localdate


def _propose(trainee, kube, cohort, by):
    return services.placement_propose(
        trainee=trainee,
        kube=kube,
        cohort=cohort,
        starts_on=TODAY() - datetime.timedelta(days=3),
        ends_on=TODAY() + datetime.timedelta(days=60),
        by=by,
    )


def test_a_proposal_takes_the_kube_host_mentor_and_the_default_hours(trainee, kube, cohort, trainer):
    placement = _propose(trainee, kube, cohort, trainer)
    assert (placement.status, placement.host_mentor, placement.required_hours) == (
        PlacementStatus.PROPOSED,
        kube.host_mentor,
        80,
    )


def test_the_course_sets_its_own_apprenticeship_hours(trainee, kube, cohort, trainer):
    cohort.course.apprenticeship_hours = 120
    cohort.course.save()
    assert _propose(trainee, kube, cohort, trainer).required_hours == 120


def test_a_trainee_outside_the_cohort_or_already_placed_cannot_be_proposed(trainee, kube, cohort, trainer, regions):
    stranger = TraineeFactory(home_region=regions["35.78"])
    with pytest.raises(ValidationError, match="not enrolled"):
        _propose(stranger, kube, cohort, trainer)
    _propose(trainee, kube, cohort, trainer)
    with pytest.raises(ValidationError, match="already has a placement"):
        _propose(trainee, kube, cohort, trainer)


def test_an_ineligible_kube_is_refused_with_its_reasons(trainee, cohort, trainer, regions, host_mentor):
    growing = KubeGroupFactory(village=regions["35.78.01.1001"], host_mentor=host_mentor)
    assess(growing, total=15)
    with pytest.raises(ValidationError) as refusal:
        _propose(trainee, growing, cohort, trainer)
    assert "below Berkembang" in str(refusal.value)


def test_approval_takes_a_place_and_the_last_place_cannot_be_taken_twice(
    trainee, kube, cohort, trainer, supervisor, regions
):
    kube.host_capacity = 1
    kube.save()
    first = _propose(trainee, kube, cohort, trainer)
    other = TraineeFactory(home_region=regions["35.78"])
    EnrollmentFactory(cohort=cohort, trainee=other)
    second = _propose(other, kube, cohort, trainer)
    services.placement_approve(placement=first, by=supervisor)
    with pytest.raises(ValidationError, match="no free apprentice place"):
        services.placement_approve(placement=second, by=supervisor)
    second.refresh_from_db()
    assert second.status == PlacementStatus.PROPOSED


def test_rejecting_needs_a_reason_and_withdrawing_frees_the_place(trainee, kube, cohort, trainer, supervisor):
    placement = _propose(trainee, kube, cohort, trainer)
    with pytest.raises(ValidationError):
        services.placement_reject(placement=placement, by=supervisor, reason="  ")
    services.placement_approve(placement=placement, by=supervisor)
    services.placement_withdraw(placement=placement, by=trainee, reason="Pindah domisili")
    placement.refresh_from_db()
    assert (placement.status, placement.status_reason) == (PlacementStatus.WITHDRAWN, "Pindah domisili")
    assert eligible_hosts().get(pk=kube.pk).free_places == 2


def _write(placement, *, key=None, day=None, hours="3", text="Mendampingi pembukuan kas kelompok."):
    return services.logbook_entry_save(
        placement=placement,
        client_key=key,
        worked_on=day or TODAY() - datetime.timedelta(days=1),
        hours=Decimal(hours),
        activity_type="bookkeeping",
        roles=[],
        narrative=text,
    )


def test_the_first_entry_makes_the_placement_active_and_a_resent_entry_is_saved_once(placement):
    key = uuid.uuid4()
    first = _write(placement, key=key)
    again = _write(placement, key=key, hours="4", text="Versi yang diperbaiki.")
    placement.refresh_from_db()
    assert first.pk == again.pk
    assert LogbookEntry.objects.filter(placement=placement).count() == 1
    assert (again.hours, again.narrative) == (Decimal("4"), "<p>Versi yang diperbaiki.</p>")
    assert placement.status == PlacementStatus.ACTIVE
    assert placement.last_entry_on == TODAY() - datetime.timedelta(days=1)


def test_the_narrative_is_sanitised(placement):
    entry = _write(placement, text='<script>alert(1)</script>Rapat <b onclick="x()">anggota</b>')
    assert "<script" not in entry.narrative and "<b " not in entry.narrative
    assert "&lt;script&gt;" in entry.narrative  # typed text is kept, as text


@pytest.mark.parametrize(
    ("day_offset", "hours", "field"),
    [(-30, "3", "worked_on"), (1, "3", "worked_on"), (-1, "13", "hours")],
)
def test_entries_outside_the_placement_in_the_future_or_over_twelve_hours_are_refused(
    placement, day_offset, hours, field
):
    with pytest.raises(ValidationError) as refusal:
        _write(placement, day=TODAY() + datetime.timedelta(days=day_offset), hours=hours)
    assert field in refusal.value.message_dict


def test_two_entries_on_one_day_may_not_pass_twelve_hours(placement):
    _write(placement, hours="8")
    with pytest.raises(ValidationError, match="more than 12 hours"):
        _write(placement, hours="5")


def test_hours_count_only_when_countersigned_and_the_entry_is_then_locked(placement):
    entry = _write(placement, key=uuid.uuid4(), hours="3.5")
    placement.refresh_from_db()
    assert placement.countersigned_hours == 0
    services.logbook_entry_countersign(entry=entry, by=placement.host_mentor, note="Bagus")
    services.logbook_entry_countersign(entry=entry, by=placement.host_mentor)  # twice counts once
    placement.refresh_from_db()
    assert placement.countersigned_hours == Decimal("3.5")
    with pytest.raises(ValidationError, match="countersigned"):
        _write(placement, key=entry.client_key, hours="5")


def test_a_returned_entry_keeps_the_note_until_it_is_rewritten(placement):
    entry = _write(placement, key=uuid.uuid4())
    with pytest.raises(ValidationError):
        services.logbook_entry_return(entry=entry, by=placement.host_mentor, note="")
    services.logbook_entry_return(entry=entry, by=placement.host_mentor, note="Tambahkan jumlah anggota yang hadir.")
    entry.refresh_from_db()
    assert entry.host_note == "Tambahkan jumlah anggota yang hadir."
    rewritten = _write(placement, key=entry.client_key, text="Hadir 9 dari 10 anggota.")
    assert rewritten.host_note == ""


@pytest.fixture
def roles(db):
    return [MentorRoleFactory(slug="fasilitator"), MentorRoleFactory(slug="motivator")]


def _evaluate(placement, roles, scores=(4, 5)):
    return services.placement_evaluate(
        placement=placement,
        by=placement.host_mentor,
        scores={role: (score, "") for role, score in zip(roles, scores, strict=True)},
        recommendation=Recommendation.YES,
        comment="Rajin dan teliti.",
    )


def test_the_evaluation_needs_every_role_and_keeps_the_average(placement, roles):
    with pytest.raises(ValidationError, match="every mentor role"):
        services.placement_evaluate(
            placement=placement, by=placement.host_mentor, scores={roles[0]: (4, "")}, recommendation="yes", comment=""
        )
    evaluation = _evaluate(placement, roles)
    assert evaluation.average_score == Decimal("4.50")
    assert sorted(evaluation.role_scores.values_list("score", flat=True)) == [4, 5]
    assert MentorRole.objects.count() == 2


def test_sign_off_needs_the_evaluation_and_every_required_hour(placement, roles, supervisor):
    placement.status = PlacementStatus.ACTIVE
    placement.required_hours = 4
    placement.save()
    with pytest.raises(ValidationError, match="not evaluated"):
        services.placement_sign_off(placement=placement, by=supervisor)
    _evaluate(placement, roles)
    entry = _write(placement, key=uuid.uuid4(), hours="3")
    services.logbook_entry_countersign(entry=entry, by=placement.host_mentor)
    with pytest.raises(ValidationError, match=r"Only 3\.0 of the 4"):
        services.placement_sign_off(placement=placement, by=supervisor)
    more = _write(placement, key=uuid.uuid4(), hours="1", day=TODAY() - datetime.timedelta(days=2))
    services.logbook_entry_countersign(entry=more, by=placement.host_mentor)
    services.placement_sign_off(placement=placement, by=supervisor)
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.COMPLETED
    assert placement.evaluation.signed_off_by == supervisor
    with pytest.raises(ValidationError):
        _evaluate(placement, roles, scores=(1, 1))


def test_logbook_factory_entries_do_not_count_until_countersigned(placement):
    LogbookEntryFactory(placement=placement)
    placement.refresh_from_db()
    assert placement.countersigned_hours == 0


def test_scores_out_of_range_and_an_end_before_the_start_are_refused(placement, roles, trainee, kube, cohort, trainer):
    with pytest.raises(ValidationError, match="from 1 to 5"):
        _evaluate(placement, roles, scores=(0, 7))
    placement.status = PlacementStatus.WITHDRAWN
    placement.save()
    with pytest.raises(ValidationError, match="end date"):
        services.placement_propose(
            trainee=trainee,
            kube=kube,
            cohort=cohort,
            starts_on=TODAY(),
            ends_on=TODAY() - datetime.timedelta(days=1),
            by=trainer,
        )


def test_a_withdrawal_keeps_who_approved_the_placement(placement, supervisor):
    placement.decided_by = supervisor
    placement.save()
    services.placement_withdraw(placement=placement, by=placement.trainee, reason="Sakit")
    placement.refresh_from_db()
    assert placement.decided_by == supervisor
