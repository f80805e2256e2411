"""Writes for the apprenticeship: maturity assessments, the placement workflow, logbooks, evaluations.

Each function checks its rule, then writes atomically. Who may call which function is
decided in `permissions`; the views ask it first. Placement decisions, countersignatures and
sign-offs write an entry in Wagtail's audit log in the same transaction.
"""

import datetime
import uuid
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from assessments.studies import held_untreated
from courses.constants import SEAT_HOLDING_STATUSES as ENROLMENT_SEAT_STATUSES
from courses.models import Cohort, MentorRole
from lms.notifications import notify
from lms.people.constants import Role
from lms.people.models import User
from lms.sanitize import plain_text_to_html

from .constants import (
    INDICATOR_FIELDS,
    LOGBOOK_MAX_HOURS_PER_DAY,
    LOGGING_STATUSES,
    NARRATIVE_MAX_CHARS,
    OPEN_STATUSES,
    SCORE_MAX,
    SCORE_MIN,
    SEAT_HOLDING_STATUSES,
    PlacementStatus,
)
from .models import (
    ApprenticeInterest,
    ApprenticeshipSettings,
    BusinessType,
    KubeAssessment,
    KubeGroup,
    LogbookEntry,
    Placement,
    PlacementEvaluation,
    PlacementRoleScore,
)
from .rules import Thresholds, host_problems, maturity_class
from .selectors import host_check, host_problem_messages, thresholds
from .signals import placement_completed

NOT_A_TRAINEE = _("Only trainee mentors can be placed.")
NOT_IN_COHORT = _("The trainee is not enrolled in this cohort.")
ALREADY_PLACED = _("The trainee already has a placement under way.")
NOT_A_HOST = _("This KUBE cannot host apprentices now: %(reasons)s")
KUBE_FULL = _("The KUBE has no free apprentice place left.")
HELD_UNTREATED = _(
    "The trainee is in the control group of the evaluation study “%(study)s”: the apprenticeship opens for them "
    "when the study ends."
)
ENDS_BEFORE_START = _("The end date must not be before the start date.")
SCORE_OUT_OF_RANGE = _("Each score must be a whole number from 1 to 5.")
NOT_PROPOSED = _("Only a proposed placement can be approved or rejected.")
REASON_REQUIRED = _("Give a reason.")
ALREADY_CLOSED = _("This placement is already closed.")
NOT_LOGGING = _("The logbook is open once the placement is approved.")
OUTSIDE_PLACEMENT = _("The date must lie within the placement, from %(start)s to %(end)s.")
IN_THE_FUTURE = _("The date cannot be in the future.")
TOO_MANY_HOURS = _("That makes more than %(max)s hours on %(day)s.")
NARRATIVE_EMPTY = _("Describe what you did.")
NARRATIVE_TOO_LONG = _("Keep the description under %(max)s characters.")
ENTRY_LOCKED = _("This entry has been countersigned and can no longer be changed.")
NOTE_REQUIRED = _("Say what should be changed.")
EVALUATION_INCOMPLETE = _("Score every mentor role.")
EVALUATION_LOCKED = _("The evaluation has been signed off and can no longer be changed.")
NO_EVALUATION = _("The host mentor has not evaluated the apprentice yet.")
HOURS_SHORT = _("Only %(done)s of the %(required)s required hours are countersigned.")
NOT_ACTIVE = _("Only an active placement can be signed off.")


# Maturity assessments


def kube_assessment_record(*, assessment: KubeAssessment, by: User, rules: Thresholds | None = None) -> KubeAssessment:
    """Score, class and keep an assessment, and make it the KUBE's latest when it is the newest.

    The class is worked out with the thresholds in force now and stored with the assessment.
    """
    rules = rules or thresholds()
    assessment.total_score = sum(getattr(assessment, field) or 0 for field in INDICATOR_FIELDS)
    assessment.maturity_class = maturity_class(assessment.total_score, rules)
    if assessment.assessed_by_id is None:
        assessment.assessed_by = by
    assessment.full_clean()
    with transaction.atomic():
        KubeGroup.objects.select_for_update().filter(pk=assessment.kube_id).first()
        assessment.save()
        newest = KubeAssessment.objects.filter(kube_id=assessment.kube_id).order_by("-assessed_on", "-pk").first()
        KubeGroup.objects.filter(pk=assessment.kube_id).update(latest_assessment=newest)
        log(instance=assessment.kube, action="apprenticeship.kube.assess", user=by)
    return assessment


def kube_assessment_delete(*, assessment: KubeAssessment, by: User) -> None:
    """Remove a mistaken assessment; the KUBE's latest becomes the newest one left (or none)."""
    with transaction.atomic():
        KubeGroup.objects.select_for_update().filter(pk=assessment.kube_id).first()
        log(instance=assessment, action="wagtail.delete", user=by)
        assessment.delete()
        newest = KubeAssessment.objects.filter(kube_id=assessment.kube_id).order_by("-assessed_on", "-pk").first()
        KubeGroup.objects.filter(pk=assessment.kube_id).update(latest_assessment=newest)


# Placements


def default_required_hours(cohort: Cohort) -> int:
    return cohort.course.apprenticeship_hours or ApprenticeshipSettings.load().default_required_hours


def placement_propose(
    *,
    trainee: User,
    kube: KubeGroup,
    cohort: Cohort,
    starts_on: datetime.date,
    ends_on: datetime.date,
    by: User,
    required_hours: int | None = None,
) -> Placement:
    """Propose an apprenticeship at an eligible host for a trainee of the cohort.

    The trainee may have only one placement under way. The KUBE must be an eligible host
    now; whether a place is still free is settled again when a supervisor approves.
    """
    kube = KubeGroup.objects.select_related("latest_assessment").get(pk=kube.pk)
    problems = []
    if not trainee.has_role(Role.TRAINEE):
        problems.append(NOT_A_TRAINEE)
    if not cohort.enrollments.filter(trainee=trainee, status__in=ENROLMENT_SEAT_STATUSES).exists():
        problems.append(NOT_IN_COHORT)
    if Placement.objects.filter(trainee=trainee, status__in=OPEN_STATUSES).exists():
        problems.append(ALREADY_PLACED)
    reasons = host_problems(host_check(kube), today=timezone.localdate(), thresholds=thresholds())
    if reasons:
        problems.append(NOT_A_HOST % {"reasons": "; ".join(host_problem_messages(reasons))})
    if ends_on < starts_on:
        problems.append(ENDS_BEFORE_START)
    if arm := held_untreated(trainee=trainee):
        problems.append(HELD_UNTREATED % {"study": arm.study.name})
    if problems:
        raise ValidationError(problems)
    placement = Placement(
        trainee=trainee,
        kube=kube,
        host_mentor=kube.host_mentor,
        cohort=cohort,
        starts_on=starts_on,
        ends_on=ends_on,
        required_hours=required_hours or default_required_hours(cohort),
        proposed_by=by,
    )
    placement.full_clean(validate_constraints=False)
    with transaction.atomic():
        placement.save()
        log(instance=placement, action="apprenticeship.placement.propose", user=by)
    return placement


def placement_approve(*, placement: Placement, by: User) -> Placement:
    """Approve a proposed placement, taking one of the KUBE's places.

    The KUBE row is locked while its taken places are counted and this one is added, so two
    approvals racing for the last place cannot both succeed.
    """
    with transaction.atomic():
        kube = KubeGroup.objects.select_for_update().get(pk=placement.kube_id)
        placement = Placement.objects.select_for_update().get(pk=placement.pk)
        if placement.status != PlacementStatus.PROPOSED:
            raise ValidationError(NOT_PROPOSED)
        if arm := held_untreated(trainee=placement.trainee):
            raise ValidationError(HELD_UNTREATED % {"study": arm.study.name})
        taken = Placement.objects.filter(kube=kube, status__in=SEAT_HOLDING_STATUSES).count()
        if taken >= kube.host_capacity:
            raise ValidationError(KUBE_FULL)
        placement.status = PlacementStatus.APPROVED
        placement.decided_by, placement.decided_at = by, timezone.now()
        placement.save(update_fields=["status", "decided_by", "decided_at"])
        log(instance=placement, action="apprenticeship.placement.approve", user=by)
        context = {"placement": placement, "kube": kube}
        notify(to=placement.trainee.email, name="placement_approved_trainee", context=context)
        notify(to=placement.host_mentor.email, name="placement_approved_host", context=context)
    return placement


def placement_reject(*, placement: Placement, by: User, reason: str) -> Placement:
    return _close(
        placement, by=by, reason=reason, status=PlacementStatus.REJECTED, only_from=(PlacementStatus.PROPOSED,)
    )


def placement_withdraw(*, placement: Placement, by: User, reason: str) -> Placement:
    """End a placement before it is completed (the trainee left, the KUBE stopped …); its place frees up."""
    return _close(placement, by=by, reason=reason, status=PlacementStatus.WITHDRAWN, only_from=OPEN_STATUSES)


def _close(placement, *, by, reason, status, only_from) -> Placement:
    if not reason.strip():
        raise ValidationError({"reason": REASON_REQUIRED})
    with transaction.atomic():
        placement = Placement.objects.select_for_update().get(pk=placement.pk)
        if placement.status not in only_from:
            raise ValidationError(NOT_PROPOSED if only_from == (PlacementStatus.PROPOSED,) else ALREADY_CLOSED)
        placement.status, placement.status_reason = status, reason.strip()
        if status == PlacementStatus.REJECTED:  # a withdrawal keeps who approved the placement
            placement.decided_by, placement.decided_at = by, timezone.now()
        placement.save(update_fields=["status", "status_reason", "decided_by", "decided_at"])
        log(instance=placement, action=f"apprenticeship.placement.{status}", user=by, data={"reason": reason})
    return placement


def apprentice_interest_set(*, trainee: User, business_types: list[BusinessType]) -> ApprenticeInterest:
    interest, _created = ApprenticeInterest.objects.get_or_create(trainee=trainee)
    interest.business_types.set(business_types)
    interest.save(update_fields=["updated_at"])
    return interest


# Logbook


def logbook_entry_save(
    *,
    placement: Placement,
    client_key: uuid.UUID | None,
    worked_on: datetime.date,
    hours: Decimal,
    activity_type: str,
    roles: list[MentorRole],
    narrative: str,
) -> LogbookEntry:
    """Write or rewrite the apprentice's entry for a day's work.

    An entry sent again with the same `client_key` (a retry from a phone that lost its
    connection) updates the entry it made the first time. A countersigned entry is locked.
    The first entry of an approved placement makes it active.
    """
    with transaction.atomic():
        placement = Placement.objects.select_for_update().get(pk=placement.pk)
        if placement.status not in LOGGING_STATUSES:
            raise ValidationError(NOT_LOGGING)
        entry = None
        if client_key is not None:
            entry = placement.logbook_entries.filter(client_key=client_key).first()
        if entry is not None and entry.is_countersigned:
            raise ValidationError(ENTRY_LOCKED)
        _check_entry(placement, entry, worked_on, hours, narrative)
        entry = entry or LogbookEntry(placement=placement, client_key=client_key or uuid.uuid4())
        entry.worked_on, entry.hours, entry.activity_type = worked_on, hours, activity_type
        entry.narrative = plain_text_to_html(narrative)
        entry.host_note = ""
        entry.full_clean(exclude=["placement"], validate_constraints=False)
        entry.save()
        entry.roles_practised.set(roles)
        updates = {"last_entry_on": max(filter(None, [placement.last_entry_on, worked_on]))}
        if placement.status == PlacementStatus.APPROVED:
            updates["status"] = PlacementStatus.ACTIVE
        Placement.objects.filter(pk=placement.pk).update(**updates)
    return entry


def _check_entry(placement, entry, worked_on, hours, narrative):
    errors = {}
    if not placement.starts_on <= worked_on <= placement.ends_on:
        errors["worked_on"] = OUTSIDE_PLACEMENT % {"start": placement.starts_on, "end": placement.ends_on}
    elif worked_on > timezone.localdate():
        errors["worked_on"] = IN_THE_FUTURE
    same_day = placement.logbook_entries.filter(worked_on=worked_on)
    if entry is not None:
        same_day = same_day.exclude(pk=entry.pk)
    logged = same_day.aggregate(total=Sum("hours"))["total"] or Decimal(0)
    if hours is not None and logged + hours > LOGBOOK_MAX_HOURS_PER_DAY:
        errors["hours"] = TOO_MANY_HOURS % {"max": LOGBOOK_MAX_HOURS_PER_DAY, "day": worked_on}
    if not narrative.strip():
        errors["narrative"] = NARRATIVE_EMPTY
    elif len(narrative) > NARRATIVE_MAX_CHARS:
        errors["narrative"] = NARRATIVE_TOO_LONG % {"max": NARRATIVE_MAX_CHARS}
    if errors:
        raise ValidationError(errors)


def logbook_entry_countersign(*, entry: LogbookEntry, by: User, note: str = "") -> LogbookEntry:
    """The host mentor confirms the entry: it is locked and its hours now count for the placement."""
    with transaction.atomic():
        placement = Placement.objects.select_for_update().get(pk=entry.placement_id)
        entry = LogbookEntry.objects.select_for_update().get(pk=entry.pk)
        if entry.is_countersigned:
            return entry
        if placement.status not in LOGGING_STATUSES:
            raise ValidationError(ALREADY_CLOSED)
        entry.countersigned_by, entry.countersigned_at = by, timezone.now()
        entry.host_note = note.strip()
        entry.save(update_fields=["countersigned_by", "countersigned_at", "host_note"])
        Placement.objects.filter(pk=placement.pk).update(countersigned_hours=F("countersigned_hours") + entry.hours)
        log(instance=placement, action="apprenticeship.logbook.countersign", user=by, data={"entry": entry.pk})
        notify(
            to=placement.trainee.email,
            name="logbook_entry_countersigned",
            context={"entry": entry, "placement": placement, "by": by},
        )
    return entry


def logbook_entry_return(*, entry: LogbookEntry, by: User, note: str) -> LogbookEntry:
    """The host mentor asks the apprentice to correct an entry; it stays open, with the note."""
    if not note.strip():
        raise ValidationError({"note": NOTE_REQUIRED})
    with transaction.atomic():
        placement = Placement.objects.select_for_update().get(pk=entry.placement_id)
        entry = LogbookEntry.objects.select_for_update().get(pk=entry.pk)
        if entry.is_countersigned:
            raise ValidationError(ENTRY_LOCKED)
        if placement.status not in LOGGING_STATUSES:
            raise ValidationError(ALREADY_CLOSED)
        entry.host_note = note.strip()
        entry.save(update_fields=["host_note"])
        log(instance=placement, action="apprenticeship.logbook.return", user=by, data={"entry": entry.pk})
    return entry


# Host evaluation and sign-off


def placement_evaluate(
    *,
    placement: Placement,
    by: User,
    scores: dict[MentorRole, tuple[int, str]],
    recommendation: str,
    comment: str,
) -> PlacementEvaluation:
    """The host mentor scores the apprentice on every mentor role (1-5) and recommends.

    Writing it again replaces the scores, until a supervisor signs it off.
    """
    roles = list(MentorRole.objects.all())
    if not roles or set(scores) != set(roles):
        raise ValidationError(EVALUATION_INCOMPLETE)
    if any(score not in range(SCORE_MIN, SCORE_MAX + 1) for score, _comment in scores.values()):
        raise ValidationError(SCORE_OUT_OF_RANGE)
    average = Decimal(sum(score for score, _comment in scores.values())) / len(scores)
    with transaction.atomic():
        placement = Placement.objects.select_for_update().get(pk=placement.pk)
        evaluation = PlacementEvaluation.objects.filter(placement=placement).first()
        if evaluation is not None and evaluation.signed_off_at:
            raise ValidationError(EVALUATION_LOCKED)
        evaluation = evaluation or PlacementEvaluation(placement=placement)
        evaluation.recommendation = recommendation
        evaluation.comment = plain_text_to_html(comment) if comment.strip() else ""
        evaluation.average_score = average.quantize(Decimal("0.01"))
        evaluation.submitted_by, evaluation.submitted_at = by, timezone.now()
        evaluation.full_clean(exclude=["placement"])
        evaluation.save()
        evaluation.role_scores.all().delete()
        PlacementRoleScore.objects.bulk_create(
            PlacementRoleScore(evaluation=evaluation, role=role, score=score, comment=note.strip()[:500])
            for role, (score, note) in scores.items()
        )
        log(instance=placement, action="apprenticeship.placement.evaluate", user=by)
    return evaluation


def placement_sign_off(*, placement: Placement, by: User) -> Placement:
    """A supervisor accepts the host's evaluation, which completes the placement.

    It needs the evaluation and every required hour countersigned.
    """
    with transaction.atomic():
        placement = Placement.objects.select_for_update().get(pk=placement.pk)
        if placement.status != PlacementStatus.ACTIVE:
            raise ValidationError(NOT_ACTIVE)
        evaluation = PlacementEvaluation.objects.select_for_update().filter(placement=placement).first()
        if evaluation is None:
            raise ValidationError(NO_EVALUATION)
        if not placement.hours_met:
            raise ValidationError(
                HOURS_SHORT % {"done": placement.countersigned_hours, "required": placement.required_hours}
            )
        now = timezone.now()
        evaluation.signed_off_by, evaluation.signed_off_at = by, now
        evaluation.save(update_fields=["signed_off_by", "signed_off_at"])
        placement.status, placement.completed_at = PlacementStatus.COMPLETED, now
        placement.save(update_fields=["status", "completed_at"])
        log(instance=placement, action="apprenticeship.placement.complete", user=by)
        placement_completed.send(sender=Placement, placement=placement)
    return placement
