"""The participant flow (assigned → pre-test → post-test → analysed, with reasons for loss) and the baseline
table of a small made-up study, and both on the study page."""

import pytest

from assessments.analytics import compare_groups
from assessments.constants import ArmRole, PostTestOpens, QuestionKind
from assessments.models import QuizQuestion
from assessments.services import (
    GivenAnswer,
    attempt_save_answers,
    attempt_start,
    attempt_submit,
    study_randomise,
    study_start,
)
from assessments.study_flow import study_participants
from assessments.study_pool import study_arms
from courses.models import Enrollment
from courses.services import enrollment_withdraw

from .factories import make_question
from .study_setup import RIGHT, WRONG, forms, list_pool, make_study, make_trainees, senior

__all__ = ["forms", "senior"]

pytestmark = pytest.mark.django_db


def _take(quiz, trainee, *, right=True, essay=""):
    """Answer every question: the single-choice one right or wrong, the essay with `essay` (empty: 0 at once)."""
    attempt = attempt_start(quiz=quiz, trainee=trainee)
    given = []
    for answer in attempt.answers.select_related("question"):
        question = answer.question
        if question.kind == QuestionKind.ESSAY:
            given.append(GivenAnswer(question.pk, essay))
        else:
            given.append(GivenAnswer(question.pk, [question.choices.get(text=RIGHT if right else WRONG).pk]))
    attempt_save_answers(attempt_id=attempt.pk, trainee=trainee, answers=given)
    return attempt_submit(attempt_id=attempt.pk, trainee=trainee)


def _forms_of(participant, study):
    if participant.forms_reversed:
        return study.post_test, study.pre_test
    return study.pre_test, study.post_test


@pytest.fixture
def study(course, regions, forms, senior):
    """Ten trainees randomised into two arms whose post-tests are both open; form A has an essay besides."""
    form_a, _form_b = forms
    QuizQuestion.objects.create(
        quiz=form_a, question=make_question(QuestionKind.ESSAY, text="Ceritakan."), sort_order=9
    )
    study = make_study(course, regions, forms, treatment_opens=PostTestOpens.ON_DATE)
    study_randomise(study=study, pool=list_pool(study, make_trainees(regions, 10)), by=senior)
    return study_start(study=study, by=senior)


def _made_up_history(study, senior):
    """Treatment: 1 withdrawn before the pre-test, 1 never took it, 1 took only the pre-test, 2 took both.
    Control: 1 took the pre-test and then withdrew, 1 waits for the grading of form A's essay, 3 took both."""
    treatment = list(study.participants.filter(arm__role=ArmRole.TREATMENT).select_related("trainee").order_by("pk"))
    control = list(study.participants.filter(arm__role=ArmRole.CONTROL).select_related("trainee").order_by("pk"))
    # the one awaiting grading takes form A first, so its pre-test waits and the post-test is graded
    control.sort(key=lambda participant: participant.forms_reversed)
    withdrawn_early, _no_pre, pre_only, *complete = treatment
    enrollment_withdraw(enrollment=Enrollment.objects.get(trainee=withdrawn_early.trainee), by=senior)
    pre, _post = _forms_of(pre_only, study)
    _take(pre, pre_only.trainee)
    for participant in complete:
        pre, post = _forms_of(participant, study)
        _take(pre, participant.trainee)
        _take(post, participant.trainee)

    awaiting, *rest = control
    assert not awaiting.forms_reversed
    _take(study.pre_test, awaiting.trainee, right=False, essay="Pendamping memandu, anggota memutuskan.")
    _take(study.post_test, awaiting.trainee)
    withdrawn_late, *complete = rest
    pre, _post = _forms_of(withdrawn_late, study)
    _take(pre, withdrawn_late.trainee, right=False)
    enrollment_withdraw(enrollment=Enrollment.objects.get(trainee=withdrawn_late.trainee), by=senior)
    for participant in complete:
        pre, post = _forms_of(participant, study)
        _take(pre, participant.trainee, right=False)
        _take(post, participant.trainee)
    return treatment, control


def _losses(stage):
    return {loss.key: loss.count for loss in stage.lost}


def test_the_flow_counts_each_stage_and_each_reason_for_loss(study, senior):
    _made_up_history(study, senior)
    flow = {arm.arm.role: arm for arm in study_participants(study, study_arms(study)).flow}

    treatment, control = flow[ArmRole.TREATMENT], flow[ArmRole.CONTROL]
    assert [stage.count for stage in treatment.stages] == [5, 3, 2, 2]
    assert _losses(treatment.stages[1]) == {"withdrawn": 1, "no_pre_test": 1}
    assert _losses(treatment.stages[2]) == {"withdrawn": 0, "no_post_test": 1}
    assert _losses(treatment.stages[3]) == {"awaiting_grading": 0}
    assert [stage.count for stage in control.stages] == [5, 5, 4, 3]
    assert _losses(control.stages[1]) == {"withdrawn": 0, "no_pre_test": 0}
    assert _losses(control.stages[2]) == {"withdrawn": 1, "no_post_test": 0}
    assert _losses(control.stages[3]) == {"awaiting_grading": 1}


def test_the_baseline_table_counts_the_strata_and_compares_the_counted_pre_tests(study, senior):
    treatment, _control = _made_up_history(study, senior)
    baseline = study_participants(study, study_arms(study)).baseline

    assert sum(row.total for row in baseline.arms) == 10
    for row in baseline.arms:
        for stratum, count in zip(baseline.strata, row.by_stratum, strict=True):
            assert count == study.participants.filter(arm=row.arm, stratum=stratum).count()
    by_role = {row.arm.role: row for row in baseline.arms}
    # form A: the single item is half the marks (the essay, left empty, the other half); form B: all of them
    treated = [100.0 if p.forms_reversed else 50.0 for p in treatment[2:]]
    assert by_role[ArmRole.TREATMENT].n_pre == 3
    assert by_role[ArmRole.TREATMENT].pre_mean == pytest.approx(sum(treated) / 3)
    assert by_role[ArmRole.CONTROL].n_pre == 4  # the fifth pre-test waits for a grader
    assert by_role[ArmRole.CONTROL].pre_mean == pytest.approx(0.0)
    expected = compare_groups(treated, treated, [0.0] * 4, [0.0] * 4, max_score=100, pass_mark=60)
    assert baseline.baseline_fisher_p == pytest.approx(expected["baseline_fisher_p"])
    if expected["baseline_d"] is None:
        assert baseline.baseline_d is None and baseline.notes
    else:
        assert baseline.baseline_d == pytest.approx(expected["baseline_d"])
