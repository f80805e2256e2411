"""The certification rules at every boundary, as pure functions: no database."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from lms.certification.eligibility import (
    APPRENTICESHIP_KEY,
    NOT_CERTIFIED_KEY,
    RENEWAL_KEY,
    REVOKED_KEY,
    CourseFacts,
    Facts,
    HeldCertificate,
    PlacementFacts,
    Rules,
    add_months,
    evaluate,
    is_valid_on,
    last_expiry_open_for_renewal,
    renewal_opens_on,
)

RULES = Rules(
    pass_mark=Decimal(70),
    apprenticeship_required=True,
    apprenticeship_hours=Decimal(80),
    evaluation_threshold=Decimal("3.50"),
    window_months=6,
    refresher_title="Penyegaran Pendamping",
    refresher_url="/kursus/penyegaran/",
)
TODAY = datetime.date(2026, 5, 20)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def course(percent=Decimal(70), completed=True):
    return CourseFacts(
        course_id=1, title="Dasar", url="/kursus/dasar/", completed=completed, post_test_percents=(percent,)
    )


def placement(hours=Decimal(80), average=Decimal("3.50"), status="completed"):
    return PlacementFacts(kube="KUBE Mawar", status=status, countersigned_hours=hours, evaluation_average=average)


def facts(**changes):
    return Facts(**({"courses": (course(),), "placements": (placement(),)} | changes))


def by_key(eligibility):
    return {condition.key: condition for condition in eligibility.conditions}


def test_everything_exactly_at_the_thresholds_is_eligible_and_lists_the_conditions_in_order():
    result = evaluate(facts(), RULES, TODAY)
    assert [c.key for c in result.conditions] == ["course-1", APPRENTICESHIP_KEY, NOT_CERTIFIED_KEY]
    assert result.eligible
    assert result.renews_id is None


@pytest.mark.parametrize(
    ("percent", "met"), [(Decimal("70.00"), True), (Decimal("69.99"), False), (Decimal("69"), False), (None, False)]
)
def test_post_test_at_the_pass_mark_passes_and_below_fails(percent, met):
    result = evaluate(facts(courses=(course(percent),)), RULES, TODAY)
    assert by_key(result)["course-1"].met is met
    assert result.eligible is met
    if not met:
        assert "at least 70%" in by_key(result)["course-1"].detail
        assert by_key(result)["course-1"].url == "/kursus/dasar/"


def test_a_course_not_completed_fails_even_with_a_passed_post_test():
    result = evaluate(facts(courses=(course(Decimal(95), completed=False),)), RULES, TODAY)
    assert not by_key(result)["course-1"].met
    assert result.next_step.key == "course-1"


def test_a_course_without_a_live_post_test_counts_on_completion():
    bare = CourseFacts(course_id=1, title="Dasar", completed=True, post_test_percents=())
    assert by_key(evaluate(facts(courses=(bare,)), RULES, TODAY))["course-1"].met


@pytest.mark.parametrize(("hours", "met"), [(Decimal(80), True), (Decimal("79.5"), False), (Decimal(79), False)])
def test_countersigned_hours_exact_pass_and_one_short_fails(hours, met):
    result = evaluate(facts(placements=(placement(hours=hours),)), RULES, TODAY)
    assert by_key(result)[APPRENTICESHIP_KEY].met is met
    if not met:
        assert "the programme needs 80" in by_key(result)[APPRENTICESHIP_KEY].detail


@pytest.mark.parametrize(
    ("average", "met"), [(Decimal("3.50"), True), (Decimal("3.49"), False), (None, False), (Decimal(5), True)]
)
def test_evaluation_exactly_at_the_threshold_passes_and_a_hundredth_below_fails(average, met):
    result = evaluate(facts(placements=(placement(average=average),)), RULES, TODAY)
    assert by_key(result)[APPRENTICESHIP_KEY].met is met


def test_a_placement_under_way_does_not_count_and_says_how_far_it_is():
    result = evaluate(facts(placements=(placement(hours=Decimal(30), average=None, status="active"),)), RULES, TODAY)
    condition = by_key(result)[APPRENTICESHIP_KEY]
    assert not condition.met
    assert "30 of 80 hours" in condition.detail


def test_no_placement_at_all_says_what_to_do():
    condition = by_key(evaluate(facts(placements=()), RULES, TODAY))[APPRENTICESHIP_KEY]
    assert not condition.met and "Do an apprenticeship" in condition.detail


def test_a_programme_without_apprenticeship_skips_the_condition():
    rules = Rules(**(RULES.__dict__ | {"apprenticeship_required": False}))
    result = evaluate(facts(placements=()), rules, TODAY)
    assert APPRENTICESHIP_KEY not in by_key(result)
    assert result.eligible


def held(expires_on, revoked=False):
    return HeldCertificate(
        certificate_id=7,
        serial_number="AP-2023-000001",
        issued_on=add_months(expires_on, -36),
        expires_on=expires_on,
        revoked=revoked,
    )


def test_a_certificate_is_valid_on_its_expiry_date_and_expired_the_day_after():
    certificate = held(datetime.date(2026, 6, 30))
    assert is_valid_on(certificate, datetime.date(2026, 6, 30))
    assert not is_valid_on(certificate, datetime.date(2026, 7, 1))
    assert not is_valid_on(held(datetime.date(2026, 6, 30), revoked=True), datetime.date(2026, 1, 1))


def test_add_months_clamps_to_the_end_of_a_shorter_month():
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2024, 2, 29), 36) == datetime.date(2027, 2, 28)
    assert add_months(datetime.date(2026, 8, 31), -6) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2026, 5, 20), 36) == datetime.date(2029, 5, 20)


EXPIRES = datetime.date(2026, 11, 30)
OPENS = datetime.date(2026, 5, 30)  # six months before


def test_the_window_opens_six_months_before_expiry():
    assert renewal_opens_on(EXPIRES, 6) == OPENS


@pytest.mark.parametrize("window", [1, 6, 12])
def test_the_query_bound_on_expiry_agrees_with_the_window_rule_on_every_day(window):
    """Parity: `expires_on <= last_expiry_open_for_renewal(day)` is exactly `renewal_opens_on(expires_on) <= day`,
    month ends and leap days included, so the nightly prefilter neither drops nor adds a holder."""
    start = datetime.date(2027, 12, 1)
    for offset in range(500):
        day = start + datetime.timedelta(days=offset)
        last = last_expiry_open_for_renewal(day, window)
        assert renewal_opens_on(last, window) <= day, (day, last)
        assert renewal_opens_on(last + datetime.timedelta(days=1), window) > day, (day, last)


def test_the_day_before_the_window_a_holder_cannot_renew_and_is_told_when_it_opens():
    result = evaluate(
        facts(latest=held(EXPIRES), refresher_completed_on=OPENS), RULES, OPENS - datetime.timedelta(days=1)
    )
    assert [c.key for c in result.conditions] == [RENEWAL_KEY]
    assert not result.eligible
    condition = result.conditions[0]
    assert condition.label == "Certified — valid until 30 November 2026. Renewal opens on 30 May 2026."
    assert condition.info and not condition.todo and result.next_step is None


def test_a_met_not_certified_condition_is_kept_in_the_rules_but_not_displayed():
    result = evaluate(facts(), RULES, TODAY)
    assert result.eligible and NOT_CERTIFIED_KEY in by_key(result)
    assert NOT_CERTIFIED_KEY not in [c.key for c in result.displayed]


def test_the_hour_target_is_the_higher_of_the_programme_and_the_placement_in_indonesian_format():
    under_way = PlacementFacts(
        kube="KUBE Mawar",
        status="active",
        countersigned_hours=Decimal("19.50"),
        evaluation_average=None,
        required_hours=Decimal(120),
    )
    rules = Rules(**(RULES.__dict__ | {"apprenticeship_hours": Decimal("40.0")}))
    with translation.override("id"):
        detail = by_key(evaluate(facts(placements=(under_way,)), rules, TODAY))[APPRENTICESHIP_KEY].detail
        fewer = evaluate(facts(placements=(placement(hours=Decimal(30), status="active"),)), rules, TODAY)
    assert "19,5" in detail and "120" in detail and "40" not in detail and "19.5" not in detail
    # the programme's 40,0 hours print as 40 when the placement asks for less
    assert "30" in by_key(fewer)[APPRENTICESHIP_KEY].detail and "40,0" not in by_key(fewer)[APPRENTICESHIP_KEY].detail
    assert "40" in by_key(fewer)[APPRENTICESHIP_KEY].detail


def test_on_the_first_day_of_the_window_a_refresher_completed_that_day_renews():
    result = evaluate(facts(latest=held(EXPIRES), refresher_completed_on=OPENS), RULES, OPENS)
    assert result.eligible
    assert result.renews_id == 7


def test_a_refresher_completed_before_the_window_opened_does_not_count():
    result = evaluate(
        facts(latest=held(EXPIRES), refresher_completed_on=OPENS - datetime.timedelta(days=1)), RULES, OPENS
    )
    assert not result.eligible
    assert result.conditions[0].url == "/kursus/penyegaran/"
    assert "Penyegaran Pendamping" in result.conditions[0].detail


def test_inside_the_window_without_the_refresher_the_holder_is_pointed_to_it():
    result = evaluate(facts(latest=held(EXPIRES)), RULES, EXPIRES)
    assert not result.eligible and "Renewal opened on 30 May 2026" in result.conditions[0].detail


def test_after_expiry_a_lapsed_holder_still_renews_with_the_refresher():
    later = EXPIRES + datetime.timedelta(days=40)
    result = evaluate(facts(latest=held(EXPIRES), refresher_completed_on=later), RULES, later)
    assert result.eligible and result.renews_id == 7


def test_a_programme_without_a_refresher_cannot_be_renewed():
    rules = Rules(**(RULES.__dict__ | {"refresher_title": ""}))
    result = evaluate(facts(latest=held(EXPIRES), refresher_completed_on=EXPIRES), rules, EXPIRES)
    assert not result.eligible


def test_a_revoked_latest_certificate_blocks_a_new_one_even_when_everything_else_holds():
    result = evaluate(facts(latest=held(EXPIRES, revoked=True), refresher_completed_on=EXPIRES), RULES, EXPIRES)
    assert [c.key for c in result.conditions] == [REVOKED_KEY]
    assert not result.eligible
