"""The demo assessments: a bank across aspects and roles, and a treatment and a control cohort of 20 each."""

from statistics import mean

import pytest

from assessments import demo as assessments_demo
from assessments.constants import AttemptState, QuestionKind, QuizKind
from assessments.models import Attempt, Question
from courses import demo as courses_demo
from courses.constants import StudyArm
from courses.models import Aspect, MentorRole
from lms.people import demo as people_demo

pytestmark = pytest.mark.django_db


def test_demo_study_has_paired_pre_and_post_tests_where_only_the_treated_group_improves():
    people_demo.seed()
    courses_demo.seed()
    assessments_demo.seed()
    assessments_demo.seed()  # idempotent

    knowledge = Question.objects.exclude(kind__in=[QuestionKind.LIKERT, QuestionKind.ESSAY])
    assert set(Aspect.objects.filter(questions__in=knowledge).values_list("slug", flat=True)) == set(
        Aspect.objects.values_list("slug", flat=True)
    )
    assert MentorRole.objects.exclude(questions__in=knowledge).count() == 0  # every role is tested
    assert Question.objects.filter(kind=QuestionKind.LIKERT, likert_reverse=True).exists()

    gains = {}
    for arm in (StudyArm.TREATMENT, StudyArm.CONTROL):
        attempts = Attempt.objects.filter(cohort__study_arm=arm, cohort__name__startswith="Uji Coba")
        pre = attempts.filter(quiz__kind=QuizKind.PRE_TEST, state=AttemptState.GRADED)
        post = attempts.filter(quiz__kind=QuizKind.POST_TEST, state=AttemptState.GRADED)
        assert pre.count() == post.count() == 20
        assert set(pre.values_list("trainee", flat=True)) == set(post.values_list("trainee", flat=True))
        gains[arm] = mean(float(a.percent) for a in post) - mean(float(a.percent) for a in pre)
    assert gains[StudyArm.TREATMENT] > 20
    assert abs(gains[StudyArm.CONTROL]) < 8
    assert Attempt.objects.filter(state=AttemptState.SUBMITTED).exists()  # essays wait in the grading queue
