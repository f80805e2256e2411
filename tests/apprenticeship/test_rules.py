"""The maturity and hosting rules at their boundaries, as pure functions and as the query."""

import datetime

import pytest

from apprenticeship.constants import MaturityClass
from apprenticeship.models import ApprenticeshipSettings
from apprenticeship.rules import HostCheck, HostProblem, Thresholds, host_problems, maturity_class, months_before
from apprenticeship.selectors import eligible_hosts, host_check

from .factories import KubeGroupFactory, PlacementFactory, assess

RULES = Thresholds(berkembang_min_total=23, mandiri_min_total=36, host_min_total=27, assessment_max_age_months=12)
TODAY = datetime.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        (9, MaturityClass.TUMBUH),
        (22, MaturityClass.TUMBUH),
        (23, MaturityClass.BERKEMBANG),  # exactly at the Berkembang threshold
        (35, MaturityClass.BERKEMBANG),
        (36, MaturityClass.MANDIRI),  # exactly at the Mandiri threshold
        (45, MaturityClass.MANDIRI),
    ],
)
def test_the_class_follows_the_total_and_a_threshold_reaches_its_class(total, expected):
    assert maturity_class(total, RULES) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 11, 23), 12, datetime.date(2025, 11, 23)),
        (datetime.date(2026, 3, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2028, 3, 31), 1, datetime.date(2028, 2, 29)),
        (datetime.date(2026, 1, 15), 13, datetime.date(2024, 12, 15)),
    ],
)
def test_months_before_keeps_the_day_or_takes_the_month_end(day, months, expected):
    assert months_before(day, months) == expected


def _check(**changes):
    facts = {
        "is_active": True,
        "has_host_mentor": True,
        "free_places": 1,
        "assessed_on": TODAY - datetime.timedelta(days=10),
        "maturity_class": MaturityClass.BERKEMBANG,
        "total_score": 27,
    }
    return HostCheck(**(facts | changes))


def test_an_assessment_exactly_at_the_age_limit_counts_and_a_day_older_does_not():
    assert host_problems(_check(assessed_on=datetime.date(2025, 11, 23)), today=TODAY, thresholds=RULES) == []
    assert host_problems(_check(assessed_on=datetime.date(2025, 11, 22)), today=TODAY, thresholds=RULES) == [
        HostProblem.ASSESSMENT_TOO_OLD
    ]


def test_a_total_exactly_at_the_hosting_threshold_hosts_and_one_below_does_not():
    assert host_problems(_check(total_score=27), today=TODAY, thresholds=RULES) == []
    assert host_problems(_check(total_score=26), today=TODAY, thresholds=RULES) == [HostProblem.SCORE_TOO_LOW]


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"is_active": False}, HostProblem.INACTIVE),
        ({"has_host_mentor": False}, HostProblem.NO_HOST_MENTOR),
        ({"free_places": 0}, HostProblem.FULL),
        ({"maturity_class": MaturityClass.TUMBUH, "total_score": 30}, HostProblem.CLASS_TOO_LOW),
        ({"assessed_on": None, "maturity_class": None, "total_score": None}, HostProblem.NEVER_ASSESSED),
    ],
)
def test_each_reason_a_kube_cannot_host(changes, problem):
    assert host_problems(_check(**changes), today=TODAY, thresholds=RULES) == [problem]


def test_the_class_is_kept_with_the_assessment_when_thresholds_change_later(regions, host_mentor):
    kube = KubeGroupFactory(village=regions["35.78.01.1001"], host_mentor=host_mentor)
    first = assess(kube, total=30)
    settings = ApprenticeshipSettings.load()
    settings.berkembang_min_total = 31
    settings.save()
    later = assess(kube, total=30)
    first.refresh_from_db()
    assert (first.maturity_class, later.maturity_class) == (MaturityClass.BERKEMBANG, MaturityClass.TUMBUH)


def test_the_latest_assessment_is_the_newest_by_date_not_the_last_recorded(regions, host_mentor):
    kube = KubeGroupFactory(village=regions["35.78.01.1001"], host_mentor=host_mentor)
    newest = assess(kube, total=40, assessed_on=datetime.date.today() - datetime.timedelta(days=5))
    assess(kube, total=15, assessed_on=datetime.date.today() - datetime.timedelta(days=400))
    kube.refresh_from_db()
    assert kube.latest_assessment == newest
    assert kube.assessments.count() == 2


def test_the_eligible_hosts_query_agrees_with_the_rule_at_every_boundary(regions, trainee, cohort, host_mentor):
    today = datetime.date.today()
    limit = months_before(today, 12)
    village = regions["35.78.01.1001"]
    cases = {
        "at_age_limit": (True, {"total": 27, "assessed_on": limit}),
        "a_day_too_old": (False, {"total": 40, "assessed_on": limit - datetime.timedelta(days=1)}),
        "at_host_total": (True, {"total": 27}),
        "below_host_total": (False, {"total": 26}),
        "tumbuh": (False, {"total": 20}),
    }
    kube_groups = {}
    for name, (_eligible, assessment) in cases.items():
        kube_groups[name] = KubeGroupFactory(village=village, name=name)
        assess(kube_groups[name], **assessment)
    full = KubeGroupFactory(village=village, name="full", host_capacity=1)
    assess(full, total=40)
    PlacementFactory(trainee=trainee, kube=full, cohort=cohort)
    no_mentor = KubeGroupFactory(village=village, name="no_mentor", host_mentor=host_mentor)
    assess(no_mentor, total=40)
    no_mentor.host_mentor = None
    no_mentor.save()

    eligible = set(eligible_hosts().values_list("name", flat=True))
    assert eligible == {name for name, (is_eligible, _a) in cases.items() if is_eligible}
    rules = Thresholds(23, 36, 27, 12)
    for kube in [*kube_groups.values(), full, no_mentor]:
        kube.refresh_from_db()
        assert (not host_problems(host_check(kube), today=today, thresholds=rules)) == (kube.name in eligible)
