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


def test_the_demo_has_a_running_study_whose_control_trainee_finds_the_lessons_closed(client):
    from django.urls import reverse

    from assessments.constants import StudyStatus
    from assessments.models import Study
    from assessments.studies import contamination, held_untreated
    from courses.models import LessonPage
    from lms.people.models import User

    people_demo.seed()
    courses_demo.seed()
    assessments_demo.seed()

    study = Study.objects.get(name=assessments_demo.RUNNING_STUDY)
    assert study.status == StudyStatus.RUNNING
    kontrol = User.objects.get(email="kontrol@akademi.test")
    assert held_untreated(trainee=kontrol, course=study.course) is not None
    assert Attempt.objects.filter(trainee=kontrol, quiz=study.pre_test, state=AttemptState.GRADED).exists()
    assert contamination(study) == []

    client.force_login(kontrol)
    lesson = LessonPage.objects.live().descendant_of(study.course).first()
    closed = client.get(lesson.url)
    assert closed.status_code == 403
    assert study.name in closed.content.decode()
    quiz_page = client.get(reverse("assessments:quiz", kwargs={"quiz_id": study.post_test.pk})).content.decode()
    assert "dibuka untuk kelompok Anda pada" in quiz_page
