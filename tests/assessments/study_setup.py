"""A small evaluation study to randomise into: two parallel forms, a treatment and a control cohort.

Import the fixtures into a test module (as conftest.py does with the courses fixtures).
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from assessments.constants import ArmRole, PostTestOpens, QuizKind, StudyDesign
from assessments.models import Study
from assessments.services import GivenAnswer, arm_add, attempt_save_answers, attempt_start, attempt_submit
from assessments.study_pool import pool_from_list
from lms.people.constants import Role, Sex

from ..courses.factories import CohortFactory
from ..people.factories import TraineeFactory, TrainerFactory, give_totp
from .factories import make_question, make_quiz

RIGHT, WRONG = "Pendamping sosial", "Kepala desa"
HOMES = ("35.78", "35.73", "63.71")  # Surabaya and Malang (Jawa Timur), Banjarmasin (Kalimantan Selatan)


@pytest.fixture
def senior(db):
    person = TrainerFactory(roles=[Role.SENIOR_TRAINER])
    give_totp(person)
    return person


@pytest.fixture
def forms(course):
    return make_forms(course)


def make_forms(course):
    """Form A (the study's pre-test) and form B (its post-test, pass mark 60 %): different items."""
    form_a = make_quiz(
        course,
        [make_question(text="Bentuk A: siapa yang memandu pertemuan rutin KUBE?")],
        kind=QuizKind.PRE_TEST,
        title="Pra-uji bentuk A",
        attempts_allowed=1,
        review_answers_after_submit=True,
        review_feedback_after_submit=True,
    )
    form_b = make_quiz(
        course,
        [make_question(text="Bentuk B: siapa yang memimpin pertemuan rutin KUBE?")],
        kind=QuizKind.POST_TEST,
        title="Pasca-uji bentuk B",
        attempts_allowed=1,
        pass_mark=Decimal(60),
    )
    return form_a, form_b


def make_study(
    course, regions, forms, *, parallel=True, seed=11, capacity=60, treatment_opens=None, name="Studi", trainers=()
):
    """A planned study of `course` with a treatment and a control cohort (both of Jawa Timur); the control
    group's post-test opened yesterday, the treatment's after the lessons unless `treatment_opens` says."""
    form_a, form_b = forms
    cohorts = {"course": course, "region": regions["35"], "capacity": capacity, "trainers": list(trainers)}
    treatment = CohortFactory(name=f"{name} perlakuan", **cohorts)
    control = CohortFactory(name=f"{name} kontrol", **cohorts)
    study = Study.objects.create(
        name=name,
        course=course,
        pre_test=form_a,
        post_test=form_b,
        parallel_forms=parallel,
        design=StudyDesign.WAITLIST,
        seed=seed,
    )
    arm_add(
        study=study,
        cohort=treatment,
        role=ArmRole.TREATMENT,
        post_test_opens=treatment_opens or PostTestOpens.AFTER_LESSONS,
        post_test_opens_on=timezone.localdate() if treatment_opens == PostTestOpens.ON_DATE else None,
    )
    arm_add(
        study=study,
        cohort=control,
        role=ArmRole.CONTROL,
        post_test_opens=PostTestOpens.ON_DATE,
        post_test_opens_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    return study


def make_trainees(regions, count: int, *, homes=HOMES) -> list:
    """`count` trainees spread over `homes` in turn, alternately female and male (every fifth unstated)."""
    sexes = (Sex.FEMALE, Sex.MALE, Sex.FEMALE, Sex.MALE, "")
    return [
        TraineeFactory(home_region=regions[homes[index % len(homes)]], sex=sexes[index % len(sexes)])
        for index in range(count)
    ]


def list_pool(study, trainees):
    return pool_from_list(study=study, addresses=[trainee.email for trainee in trainees])


def take(quiz, trainee, *, right=True):
    """Start, answer and submit the quiz's single question (graded at once)."""
    attempt = attempt_start(quiz=quiz, trainee=trainee)
    question = attempt.answers.get().question
    choice = question.choices.get(text=RIGHT if right else WRONG)
    attempt_save_answers(attempt_id=attempt.pk, trainee=trainee, answers=[GivenAnswer(question.pk, [choice.pk])])
    return attempt_submit(attempt_id=attempt.pk, trainee=trainee)
