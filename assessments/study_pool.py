"""Reads for randomising a study: the pool of trainees, their strata, and the preview of the assignment.

Three sources make a pool (`PoolSource`):
- accepted candidates who are not yet enrolled in the study's course (they have an account);
- waitlisted candidates: they have no account yet, and get one when they are assigned
  (`study_randomise` accepts them through `courses.services.candidate_accept`), so only those
  who could be accepted today (screened, educated enough) are in the pool;
- a list of trainee accounts, by e-mail address, pasted or uploaded.
The two recruitment sources take the candidates living in the regions of the study's cohorts.
Whoever is left out is listed with the reason, so the person randomising sees the whole pool.

The stratum of a member is their home region at the chosen level of the region tree (the
province by default), and optionally their sex. `stratum_label` puts it into words.
"""

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.constants import SEAT_HOLDING_STATUSES
from courses.models import Enrollment
from lms.people.constants import ApplicationStatus, RegionLevel, Role, Sex
from lms.people.models import CandidateApplication, Region, User
from lms.people.recruitment_services import acceptance_problems

from .constants import PoolSource
from .models import Arm, Study
from .randomisation import Allocation, Unit, allocate

STRATA = ("region", "sex")
NOT_KNOWN = "-"  # the stratum part of a member whose region or sex is not known
MAX_LIST_ADDRESSES = 2000
EMAIL_PATTERN = re.compile(r"[^\s,;<>\"']+@[^\s,;<>\"']+\.[^\s,;<>\"']+")

# Why a member of a source is not in the pool
ALREADY_ENROLLED = gettext_lazy("already enrolled in this course")
NO_ACCOUNT = gettext_lazy("no account with this address")
NOT_A_TRAINEE = gettext_lazy("not an active trainee mentor")
LISTED_TWICE = gettext_lazy("listed twice")


@dataclass
class PoolMember:
    """A trainee (or a candidate who becomes one when assigned) who may be randomised."""

    key: tuple[int, int]  # (0, account id) or (1, application id): the fixed order of the pool
    name: str
    email: str
    region: Region | None
    sex: str = ""
    account: User | None = None
    application: CandidateApplication | None = None  # a waitlisted candidate, accepted when assigned


@dataclass
class Pool:
    source: str
    members: list[PoolMember] = field(default_factory=list)
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (who, why)


def study_arms(study: Study) -> list[Arm]:
    """The study's arms in their fixed order: arm index i of an allocation is this list's item i."""
    return list(study.arms.select_related("cohort__region").order_by("sort_order", "pk"))


def _region_q(study: Study, field_name: str) -> Q:
    """Within the regions of the study's cohorts."""
    paths = [arm.cohort.region.path for arm in study_arms(study)]
    return reduce(or_, (Q(**{f"{field_name}__path__startswith": path}) for path in paths), Q(pk__in=[]))


def _enrolled_in_course(study: Study, trainee_ids) -> set[int]:
    held = Enrollment.objects.filter(
        trainee_id__in=trainee_ids, cohort__course_id=study.course_id, status__in=SEAT_HOLDING_STATUSES
    )
    return set(held.values_list("trainee_id", flat=True))


def pool_accepted(*, study: Study) -> Pool:
    """Accepted candidates of the cohorts' regions with no seat in the study's course."""
    applications = list(
        CandidateApplication.objects.filter(
            _region_q(study, "region"), status=ApplicationStatus.ACCEPTED, account__isnull=False
        )
        .select_related("account__home_region", "region")
        .order_by("pk")
    )
    enrolled = _enrolled_in_course(study, [application.account_id for application in applications])
    pool = Pool(PoolSource.ACCEPTED)
    for application in applications:
        account = application.account
        if account.pk in enrolled:
            pool.left_out.append((str(account), ALREADY_ENROLLED))
        elif not account.is_active:
            pool.left_out.append((str(account), NOT_A_TRAINEE))
        else:
            region = account.home_region or application.region
            pool.members.append(PoolMember((0, account.pk), str(account), account.email, region, account.sex, account))
    return pool


def pool_waitlisted(*, study: Study) -> Pool:
    """Waitlisted candidates of the cohorts' regions who could be accepted now.

    A candidate whose address already has an account takes that account's sex and is left out
    if it holds a seat in the course; the rest of the acceptance rules are recruitment's own.
    """
    applications = list(
        CandidateApplication.objects.filter(_region_q(study, "region"), status=ApplicationStatus.WAITLISTED)
        .select_related("region")
        .order_by("pk")
    )
    addresses = [application.email.lower() for application in applications]
    accounts = {account.email.lower(): account for account in _by_address(User.objects.all(), addresses)}
    enrolled = _enrolled_in_course(study, [account.pk for account in accounts.values()])
    pool = Pool(PoolSource.WAITLIST)
    for application in applications:
        account = accounts.get(application.email.lower())
        problems = acceptance_problems(application)
        if account is not None and account.pk in enrolled:
            problems.append(str(ALREADY_ENROLLED))
        if problems:
            pool.left_out.append((application.full_name, "; ".join(problems)))
            continue
        sex = account.sex if account is not None else ""
        pool.members.append(
            PoolMember(
                (1, application.pk),
                application.full_name,
                application.email,
                application.region,
                sex,
                application=application,
            )
        )
    return pool


def addresses_in(text: str) -> list[str]:
    """The e-mail addresses in pasted text or an uploaded file (one a line, or a CSV column), in order."""
    return [address.lower() for address in EMAIL_PATTERN.findall(text)][:MAX_LIST_ADDRESSES]


def pool_from_list(*, study: Study, addresses: list[str]) -> Pool:
    """The active trainee accounts with these addresses that hold no seat in the study's course."""
    users = User.objects.select_related("home_region").prefetch_related("groups")
    accounts = {account.email.lower(): account for account in _by_address(users, addresses)}
    enrolled = _enrolled_in_course(study, [account.pk for account in accounts.values()])
    pool, seen = Pool(PoolSource.LIST), set()
    for address in addresses:
        account = accounts.get(address)
        if address in seen:
            pool.left_out.append((address, LISTED_TWICE))
        elif account is None:
            pool.left_out.append((address, NO_ACCOUNT))
        elif not account.is_active or Role.TRAINEE not in {group.name for group in account.groups.all()}:
            pool.left_out.append((address, NOT_A_TRAINEE))
        elif account.pk in enrolled:
            pool.left_out.append((address, ALREADY_ENROLLED))
        else:
            pool.members.append(
                PoolMember((0, account.pk), str(account), account.email, account.home_region, account.sex, account)
            )
        seen.add(address)
    return pool


def _by_address(users, addresses: list[str]):
    """The users with these (lower-case) addresses, whatever the case they were stored in."""
    return users.annotate(address=Lower("email")).filter(address__in=addresses)


def pool_for(*, study: Study, source: str, addresses: list[str] = ()) -> Pool:
    if source == PoolSource.ACCEPTED:
        return pool_accepted(study=study)
    if source == PoolSource.WAITLIST:
        return pool_waitlisted(study=study)
    return pool_from_list(study=study, addresses=list(addresses))


def strata_of(members: list[PoolMember], *, strata=("region",), region_level: int = RegionLevel.PROVINCE) -> list[str]:
    """Each member's stratum: "<code> <name>" of their region at `region_level`, and/or their sex, joined
    by "|"; NOT_KNOWN for what is missing; "" when the pool is not stratified. One query."""
    unknown = set(strata) - set(STRATA)
    if unknown:
        raise ValueError(f"unknown strata: {', '.join(sorted(unknown))}")
    steps = Region.steplen * region_level
    paths = {member.region.path[:steps] for member in members if member.region is not None}
    regions = {region.path: region for region in Region.objects.filter(path__in=paths)} if "region" in strata else {}
    result = []
    for member in members:
        parts = []
        if "region" in strata:
            region = regions.get(member.region.path[:steps]) if member.region is not None else None
            parts.append(f"{region.code} {region.name}"[:80] if region is not None else NOT_KNOWN)
        if "sex" in strata:
            parts.append(member.sex or NOT_KNOWN)
        result.append("|".join(parts))
    return result


def stratum_label(stratum: str) -> str:
    """A stored stratum in words: "35 Jawa Timur · Perempuan"."""
    if not stratum:
        return _("everyone")
    words = []
    for part in stratum.split("|"):
        if part in Sex.values:
            words.append(str(Sex(part).label))
        elif part == NOT_KNOWN:
            words.append(_("not known"))
        else:
            words.append(part)
    return " · ".join(words)


@dataclass
class Assigned:
    member: PoolMember
    arm: Arm
    stratum: str
    forms_reversed: bool


def assignment(*, study: Study, pool: Pool, strata=("region",), region_level=RegionLevel.PROVINCE) -> list[Assigned]:
    """Who goes to which arm, from the study's seed: the same for the preview and for `study_randomise`."""
    arms = study_arms(study)
    labels = strata_of(pool.members, strata=strata, region_level=region_level)
    by_key = {member.key: member for member in pool.members}
    units = [Unit(member.key, label) for member, label in zip(pool.members, labels, strict=True)]
    allocations: list[Allocation] = allocate(
        units, arms=len(arms), seed=study.seed, parallel_forms=study.parallel_forms
    )
    return [Assigned(by_key[a.key], arms[a.arm], a.stratum, a.forms_reversed) for a in allocations]


@dataclass
class PreviewArm:
    arm: Arm
    total: int
    b_first: int
    seats_free: int
    by_stratum: list[int]

    @property
    def too_many(self) -> bool:
        return self.total > self.seats_free


@dataclass
class Preview:
    strata: list[str]
    arms: list[PreviewArm]
    pool: Pool
    fingerprint: str  # changes when anyone would land elsewhere: confirming a stale preview is refused

    @property
    def rows(self) -> list[tuple[str, list[int]]]:
        """Per stratum (in words), the count per arm: the table's body with the arms as columns."""
        return [
            (stratum_label(stratum), [arm.by_stratum[index] for arm in self.arms])
            for index, stratum in enumerate(self.strata)
        ]

    @property
    def ready(self) -> bool:
        return bool(self.pool.members) and not any(arm.too_many for arm in self.arms)


def randomisation_preview(
    *, study: Study, pool: Pool, strata=("region",), region_level=RegionLevel.PROVINCE
) -> Preview:
    """Counts per arm and stratum of the assignment `study_randomise` would make, and the seats free."""
    assigned = assignment(study=study, pool=pool, strata=strata, region_level=region_level)
    arms = study_arms(study)
    cells = Counter((item.arm.pk, item.stratum) for item in assigned)
    strata_seen = sorted({item.stratum for item in assigned})
    held = Counter(
        Enrollment.objects.filter(
            cohort_id__in=[arm.cohort_id for arm in arms], status__in=SEAT_HOLDING_STATUSES
        ).values_list("cohort_id", flat=True)
    )
    rows = [
        PreviewArm(
            arm=arm,
            total=sum(1 for item in assigned if item.arm.pk == arm.pk),
            b_first=sum(1 for item in assigned if item.arm.pk == arm.pk and item.forms_reversed),
            seats_free=max(arm.cohort.capacity - held[arm.cohort_id], 0),
            by_stratum=[cells[(arm.pk, stratum)] for stratum in strata_seen],
        )
        for arm in arms
    ]
    digest = hashlib.sha256(
        repr([(item.member.key, item.arm.pk, item.stratum, item.forms_reversed) for item in assigned]).encode()
    )
    return Preview(strata=strata_seen, arms=rows, pool=pool, fingerprint=digest.hexdigest()[:20])
