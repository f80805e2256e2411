"""Randomising a study's pool into its arms (assessments.services.study_randomise): participants written,
each enrolled in their arm's cohort through the enrolment services, stratified, reproducible from the
seed, all or nothing, only for a study in planning; and the three sources of a pool."""

from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from assessments.constants import QuizKind
from assessments.models import Study
from assessments.services import (
    STUDY_RANDOMISE_NOT_PLANNING,
    STUDY_RANDOMISED_ALREADY,
    study_randomise,
    study_start,
)
from assessments.study_pool import (
    ALREADY_ENROLLED,
    LISTED_TWICE,
    NO_ACCOUNT,
    NOT_A_TRAINEE,
    addresses_in,
    pool_accepted,
    pool_from_list,
    pool_waitlisted,
    randomisation_preview,
    stratum_label,
)
from courses.constants import EnrollmentSource, EnrollmentStatus
from courses.models import Enrollment
from courses.services import COHORT_FULL
from lms.people.constants import ApplicationStatus, RegionLevel
from lms.people.recruitment_services import application_screen

from ..courses.factories import CohortFactory, EnrollmentFactory, build_course
from ..people.factories import SupervisorFactory, TraineeFactory, UserFactory
from ..people.recruitment_factories import CandidateApplicationFactory, scores
from .factories import make_quiz
from .study_setup import forms, list_pool, make_forms, make_study, make_trainees, senior

__all__ = ["forms", "senior"]

pytestmark = pytest.mark.django_db


def _spread(counts) -> int:
    return max(counts) - min(counts)


def _arm_index(study):
    order = [arm.pk for arm in study.arms.order_by("sort_order", "pk")]
    return {p.trainee_id: (order.index(p.arm_id), p.forms_reversed) for p in study.participants.all()}


def test_randomising_writes_participants_and_enrols_each_in_their_arms_cohort(course, regions, forms, senior):
    study = make_study(course, regions, forms)
    trainees = make_trainees(regions, 24)

    participants = study_randomise(study=study, pool=list_pool(study, trainees), by=senior, strata=("region", "sex"))

    assert len(participants) == 24
    for participant in study.participants.select_related("arm"):
        enrollment = Enrollment.objects.get(trainee_id=participant.trainee_id)
        assert enrollment.cohort_id == participant.arm.cohort_id
        assert enrollment.source == EnrollmentSource.STUDY and enrollment.enrolled_by == senior
    jatim_women = study.participants.filter(stratum="35 Jawa Timur|female")
    assert jatim_women.count() == sum(1 for t in trainees if t.home_region.code.startswith("35") and t.sex == "female")
    assert stratum_label("35 Jawa Timur|female") == "35 Jawa Timur · Perempuan"
    entry = ModelLogEntry.objects.get(action="assessments.study.randomise", object_id=str(study.pk))
    assert entry.user_id == senior.pk
    assert (
        entry.data["assigned"] == 24 and entry.data["seed"] == study.seed and entry.data["strata"] == ["region", "sex"]
    )


def test_arms_are_balanced_within_each_stratum_and_half_of_each_arm_takes_form_b_first(course, regions, forms, senior):
    study = make_study(course, regions, forms)
    study_randomise(study=study, pool=list_pool(study, make_trainees(regions, 31)), by=senior, strata=("region", "sex"))

    arms = list(study.arms.values_list("pk", flat=True))
    participants = list(study.participants.all())
    for stratum in {p.stratum for p in participants}:
        cell = Counter(p.arm_id for p in participants if p.stratum == stratum)
        assert _spread([cell[arm] for arm in arms]) <= 1, stratum
    for arm in arms:
        mine = [p for p in participants if p.arm_id == arm]
        reversed_count = sum(p.forms_reversed for p in mine)
        assert abs(reversed_count - (len(mine) - reversed_count)) <= 1


def test_the_same_pool_and_seed_give_the_same_assignment(regions, senior):
    """Two studies of two courses with the same seed, fed the same trainees: the same arm and order for each."""
    trainees = make_trainees(regions, 20)
    assignments = []
    for code in ("PK-A", "PK-B"):
        course = build_course(code=code, modules=1, lessons_per_module=1)
        study = make_study(course, regions, make_forms(course), seed=424242, name=code)
        pool = list_pool(study, trainees)
        preview = randomisation_preview(study=study, pool=pool, strata=("region",))
        study_randomise(study=study, pool=pool, by=senior)
        assignments.append(_arm_index(study))
        assert [row.total for row in preview.arms] == [
            study.participants.filter(arm=row.arm).count() for row in preview.arms
        ]
    assert assignments[0] == assignments[1]


def test_a_different_seed_gives_a_different_assignment(regions, senior):
    trainees = make_trainees(regions, 20)
    assignments = []
    for code, seed in (("PK-A", 1), ("PK-B", 2)):
        course = build_course(code=code, modules=1, lessons_per_module=1)
        study = make_study(course, regions, make_forms(course), seed=seed, name=code)
        study_randomise(study=study, pool=list_pool(study, trainees), by=senior)
        assignments.append(_arm_index(study))
    assert assignments[0] != assignments[1]


def test_strata_at_the_regency_level(course, regions, forms, senior):
    study = make_study(course, regions, forms)
    study_randomise(
        study=study, pool=list_pool(study, make_trainees(regions, 6)), by=senior, region_level=RegionLevel.REGENCY
    )
    assert set(study.participants.values_list("stratum", flat=True)) == {
        "35.78 Kota Surabaya",
        "35.73 Kota Malang",
        "63.71 Kota Banjarmasin",
    }


def test_only_a_study_in_planning_is_randomised_and_only_once(course, regions, forms, senior):
    study = make_study(course, regions, forms)
    study_randomise(study=study, pool=list_pool(study, make_trainees(regions, 4)), by=senior)
    with pytest.raises(ValidationError) as again:
        study_randomise(study=study, pool=list_pool(study, make_trainees(regions, 4)), by=senior)
    assert again.value.messages == [str(STUDY_RANDOMISED_ALREADY)]

    running = make_study(course, regions, forms, name="Berjalan")
    study_start(study=running, by=senior)
    with pytest.raises(ValidationError) as refused:
        study_randomise(study=running, pool=list_pool(running, make_trainees(regions, 4)), by=senior)
    assert refused.value.messages == [str(STUDY_RANDOMISE_NOT_PLANNING)]
    assert not running.participants.exists()


def test_all_or_nothing_when_a_cohort_is_full(course, regions, forms, senior):
    study = make_study(course, regions, forms, capacity=3)
    trainees = make_trainees(regions, 8)
    with pytest.raises(ValidationError) as refused:
        study_randomise(study=study, pool=list_pool(study, trainees), by=senior)
    assert any(str(COHORT_FULL) in message for message in refused.value.messages)
    assert not study.participants.exists()
    assert not Enrollment.objects.filter(trainee__in=trainees).exists()
    assert not ModelLogEntry.objects.filter(action="assessments.study.randomise").exists()


def test_a_list_pool_names_whoever_is_left_out(course, regions, forms, senior):
    study = make_study(course, regions, forms)
    ready, enrolled = make_trainees(regions, 2)
    EnrollmentFactory(cohort=CohortFactory(course=course, region=regions["35"]), trainee=enrolled)
    staff = UserFactory()
    text = f"{ready.email}, {ready.email}; tidak.ada@contoh.test\n{staff.email} {enrolled.email.upper()}"

    pool = pool_from_list(study=study, addresses=addresses_in(text))

    assert [member.account for member in pool.members] == [ready]
    assert dict(pool.left_out) == {
        ready.email: str(LISTED_TWICE),
        "tidak.ada@contoh.test": str(NO_ACCOUNT),
        staff.email: str(NOT_A_TRAINEE),
        enrolled.email: str(ALREADY_ENROLLED),
    }


def _screened(application, supervisor):
    application_screen(application=application, scores=scores(), notes="", by=supervisor)
    return application


def test_waitlisted_candidates_are_accepted_into_their_arms_cohort(course, regions, forms, senior):
    study = make_study(course, regions, forms)
    supervisor = SupervisorFactory(scope_region=regions["35"])
    waiting = [
        _screened(CandidateApplicationFactory(region=regions["35.78"], status=ApplicationStatus.WAITLISTED), supervisor)
        for _ in range(4)
    ]
    unscreened = CandidateApplicationFactory(region=regions["35.73"], status=ApplicationStatus.WAITLISTED)
    elsewhere = _screened(
        CandidateApplicationFactory(region=regions["63.71"], status=ApplicationStatus.WAITLISTED), supervisor
    )

    pool = pool_waitlisted(study=study)
    assert [member.application for member in pool.members] == waiting  # Kalimantan is outside the cohorts' region
    assert [who for who, _why in pool.left_out] == [unscreened.full_name]

    study_randomise(study=study, pool=pool, by=senior)

    for application in waiting:
        application.refresh_from_db()
        assert application.status == ApplicationStatus.ACCEPTED and application.account is not None
        assert application.account.home_region == regions["35.78"]
        participant = study.participants.get(trainee=application.account)
        enrollment = Enrollment.objects.get(trainee=application.account)
        assert enrollment.cohort_id == participant.arm.cohort_id
        assert enrollment.source == EnrollmentSource.RECRUITMENT
        assert participant.stratum == "35 Jawa Timur"
    elsewhere.refresh_from_db()
    assert elsewhere.status == ApplicationStatus.WAITLISTED


def test_accepted_candidates_not_yet_enrolled_make_a_pool(course, regions, forms, senior):
    study = make_study(course, regions, forms)
    free = TraineeFactory(home_region=regions["35.73"])
    seated = TraineeFactory(home_region=regions["35.73"])
    EnrollmentFactory(cohort=CohortFactory(course=course, region=regions["35"]), trainee=seated)
    withdrawn = TraineeFactory(home_region=regions["35.78"])
    EnrollmentFactory(
        cohort=CohortFactory(course=course, region=regions["35"]), trainee=withdrawn, status=EnrollmentStatus.WITHDRAWN
    )
    for account in (free, seated, withdrawn):
        CandidateApplicationFactory(
            region=account.home_region, email=account.email, status=ApplicationStatus.ACCEPTED, account=account
        )

    pool = pool_accepted(study=study)

    assert sorted(member.account.pk for member in pool.members) == sorted([free.pk, withdrawn.pk])
    assert pool.left_out == [(str(seated), ALREADY_ENROLLED)]
    study_randomise(study=study, pool=pool, by=senior)
    assert set(study.participants.values_list("trainee_id", flat=True)) == {free.pk, withdrawn.pk}
    assert Enrollment.objects.filter(trainee=withdrawn, status=EnrollmentStatus.ENROLLED).count() == 1


def test_once_assigned_the_seed_forms_and_tests_stay_as_they_were(course, regions, forms, senior):
    study = make_study(course, regions, forms)
    study.seed = 99
    study.full_clean()  # nobody assigned yet: the seed may change
    study.save()
    study_randomise(study=study, pool=list_pool(study, make_trainees(regions, 4)), by=senior)

    study.refresh_from_db()
    study.full_clean()
    other_post_test = make_quiz(course, [], kind=QuizKind.POST_TEST, title="Pasca-uji lain")
    for field, value in (("seed", 100), ("parallel_forms", False), ("post_test", other_post_test)):
        changed = Study.objects.get(pk=study.pk)
        setattr(changed, field, value)
        with pytest.raises(ValidationError) as refused:
            changed.full_clean()
        assert field in refused.value.message_dict
