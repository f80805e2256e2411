"""Demo apprenticeship: KUBE of all three maturity classes in the demo regions, with grants, dated
assessments and host mentors, and placements of the demo trainees in every status, with
logbooks (countersigned, waiting and returned entries) and a signed-off evaluation.

Run through `manage.py seed_demo`, after the people, courses and assessments demos. Every step
goes through `apprenticeship.services`, so the demo obeys the rules it shows; the workflow's
timestamps are then moved back to the days on which the story happened. Creates only what is
missing, so a second run changes nothing. The texts and figures are in `demo_content`.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from courses.models import Cohort, MentorRole
from lms.people.constants import Role
from lms.people.demo import DEMO_PASSWORD, DemoAccount, _ensure_user
from lms.people.models import Region, User

from .constants import INDICATOR_FIELDS
from .demo_content import ASSESSORS, HOST_MENTORS, INTERESTS, KUBE_GROUPS, PLACEMENTS
from .models import (
    BusinessType,
    KubeAssessment,
    KubeGroup,
    LogbookEntry,
    Placement,
    PlacementEvaluation,
    StimulusGrant,
)
from .rules import months_before
from .services import (
    apprentice_interest_set,
    kube_assessment_record,
    logbook_entry_countersign,
    logbook_entry_return,
    logbook_entry_save,
    placement_approve,
    placement_evaluate,
    placement_propose,
    placement_reject,
    placement_sign_off,
    placement_withdraw,
)


@transaction.atomic
def seed() -> list[DemoAccount]:
    accounts = []
    for email, full_name, home_code, education in HOST_MENTORS:
        _ensure_user(email, full_name, [Role.HOST_MENTOR], home_code, None, education)
        hosted = ", ".join(data["name"] for data in KUBE_GROUPS if data["host"] == email)
        accounts.append(DemoAccount(Role.HOST_MENTOR.value, email, DEMO_PASSWORD, f"host of {hosted}"))
    today = timezone.localdate()
    for data in KUBE_GROUPS:
        _seed_kube(data, today)
    for story in PLACEMENTS:
        _play(story, today)
    for email, slugs in INTERESTS:
        trainee = _user(email)
        if trainee is None or hasattr(trainee, "apprentice_interest") or trainee.placements.exists():
            continue
        apprentice_interest_set(trainee=trainee, business_types=list(BusinessType.objects.filter(slug__in=slugs)))
    return accounts


def _user(email: str | None) -> User | None:
    return User.objects.filter(email=email).first() if email else None


def _moment(day: datetime.date, hour: int) -> datetime.datetime:
    """That day at that hour, local time, but never later than now."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    return min(moment, timezone.now())


def _backdate(model, pk: int, **timestamps) -> None:
    model.objects.filter(pk=pk).update(**timestamps)


# KUBE, grants and assessments


def _seed_kube(data: dict, today: datetime.date) -> None:
    village = Region.objects.filter(code=data["village"]).first()
    if village is None or KubeGroup.objects.filter(name=data["name"]).exists():
        return
    host = _user(data["host"])
    kube = KubeGroup(
        name=data["name"],
        village=village,
        address=data["address"],
        business_type=BusinessType.objects.get(slug=data["business"]),
        founded_on=data["founded"],
        member_families=data["families"],
        programme_stage=data["stage"],
        meeting_day=data["meeting_day"],
        iks_contribution=data["iks"],
        iks_fund_balance=data["iks_balance"],
        host_capacity=data["places"] if host else 0,
        host_mentor=host,
    )
    kube.full_clean()
    kube.save()
    StimulusGrant.objects.bulk_create(
        StimulusGrant(kube=kube, year=year, amount=amount, source=source) for year, amount, source in data["grants"]
    )
    assessor = _user(ASSESSORS.get(data["village"].split(".")[0])) or host
    if assessor is None:
        return
    for months_ago, scores, notes in data["assessments"]:
        assessed_on = months_before(today, months_ago)
        assessment = KubeAssessment(
            kube=kube,
            assessed_on=assessed_on,
            **dict(zip(INDICATOR_FIELDS, (int(score) for score in scores), strict=True)),
            **{f"{field}_note": note for field, note in notes.items()},
        )
        kube_assessment_record(assessment=assessment, by=assessor)
        _backdate(KubeAssessment, assessment.pk, created_at=_moment(assessed_on, 16))


# Placements


def _play(story: dict, today: datetime.date) -> None:
    """Take one placement through the workflow, as far as its story goes."""
    trainee = _user(story["trainee"])
    kube = KubeGroup.objects.filter(name=story["kube"]).first()
    cohort = Cohort.objects.filter(name=story["cohort"]).first()
    if None in (trainee, kube, cohort) or Placement.objects.filter(trainee=trainee, kube=kube).exists():
        return

    def day(offset: int) -> datetime.date:
        return today + datetime.timedelta(days=offset)

    proposer, proposed = story["proposed"]
    starts, ends = story["period"]
    placement = placement_propose(
        trainee=trainee, kube=kube, cohort=cohort, starts_on=day(starts), ends_on=day(ends), by=_user(proposer)
    )
    _backdate(Placement, placement.pk, proposed_at=_moment(day(proposed), 9))
    if "decision" not in story:
        return
    action, decider, decided, reason = story["decision"]
    if action == "reject":
        placement_reject(placement=placement, by=_user(decider), reason=reason)
    else:
        placement_approve(placement=placement, by=_user(decider))
    _backdate(Placement, placement.pk, decided_at=_moment(day(decided), 14))

    for entry in story.get("logbook", []):
        _write_entry(placement, entry, day)
    if "withdrawal" in story:
        by, _withdrawn, reason = story["withdrawal"]
        placement_withdraw(placement=placement, by=_user(by), reason=reason)  # keeps the approval's date
    if "evaluation" in story:
        evaluated, content = story["evaluation"]
        scores = {role: content["scores"].get(role.slug, (4, "")) for role in MentorRole.objects.all()}
        evaluation = placement_evaluate(
            placement=placement,
            by=placement.host_mentor,
            scores=scores,
            recommendation=content["recommendation"],
            comment=content["comment"],
        )
        _backdate(PlacementEvaluation, evaluation.pk, submitted_at=_moment(day(evaluated), 15))
    if "sign_off" in story:
        by, signed = story["sign_off"]
        placement_sign_off(placement=placement, by=_user(by))
        moment = _moment(day(signed), 10)
        _backdate(PlacementEvaluation, placement.evaluation.pk, signed_off_at=moment)
        _backdate(Placement, placement.pk, completed_at=moment)


def _write_entry(placement: Placement, entry: tuple, day) -> None:
    """The apprentice writes the entry that evening; the host countersigns or returns it the next day."""
    offset, hours, activity, role_slugs, narrative, host_action = entry
    saved = logbook_entry_save(
        placement=placement,
        client_key=None,
        worked_on=day(offset),
        hours=Decimal(hours),
        activity_type=activity,
        roles=list(MentorRole.objects.filter(slug__in=role_slugs)),
        narrative=narrative,
    )
    written = _moment(day(offset), 19)
    _backdate(LogbookEntry, saved.pk, created_at=written, updated_at=written)
    if host_action is None:
        return
    action, note = host_action
    if action == "countersign":
        logbook_entry_countersign(entry=saved, by=placement.host_mentor, note=note)
        _backdate(LogbookEntry, saved.pk, countersigned_at=_moment(day(offset + 1), 20))
    else:
        logbook_entry_return(entry=saved, by=placement.host_mentor, note=note)
