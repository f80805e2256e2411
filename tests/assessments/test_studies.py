"""Evaluation studies: a control arm kept untreated while the study runs, the post-test opened per
arm, a pre-test that reveals nothing until the post-test has closed, and the contamination list."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from apprenticeship.services import placement_propose
from assessments.constants import ArmRole, PostTestOpens, QuizKind, StudyDesign, StudyStatus
from assessments.models import Study
from assessments.services import (
    GivenAnswer,
    QuizUnavailable,
    arm_add,
    attempt_save_answers,
    attempt_start,
    attempt_submit,
    study_close,
    study_start,
)
from assessments.studies import contamination, held_untreated
from courses.constants import EnrollmentSource, StudyArm
from courses.models import Enrollment, LessonProgress
from courses.services import enrollment_create
from lms.people.constants import Role

from ..apprenticeship.factories import KubeGroupFactory, assess
from ..courses.factories import CohortFactory, EnrollmentFactory, lessons_of
from ..people.factories import TraineeFactory, TrainerFactory, give_totp
from .factories import make_question, make_quiz

pytestmark = pytest.mark.django_db

RIGHT = "Pendamping sosial"


@pytest.fixture
def senior(db):
    person = TrainerFactory(roles=[Role.SENIOR_TRAINER])
    give_totp(person)
    return person


@pytest.fixture
def tests_of_study(course):
    item = make_question(text="Siapa yang memandu pertemuan rutin KUBE?")
    pre = make_quiz(
        course,
        [item],
        kind=QuizKind.PRE_TEST,
        title="Pra-uji studi",
        attempts_allowed=1,
        review_answers_after_submit=True,
        review_feedback_after_submit=True,
    )
    post = make_quiz(course, [item], kind=QuizKind.POST_TEST, title="Pasca-uji studi", attempts_allowed=1)
    return pre, post, item


@pytest.fixture
def study(course, regions, tests_of_study, senior, trainer):
    pre, post, _item = tests_of_study
    treatment = CohortFactory(course=course, region=regions["35"], trainers=[trainer], name="Perlakuan")
    control = CohortFactory(course=course, region=regions["35"], trainers=[trainer], name="Kontrol")
    study = Study.objects.create(
        name="Uji Coba Model", course=course, pre_test=pre, post_test=post, design=StudyDesign.WAITLIST, seed=7
    )
    arm_add(study=study, cohort=treatment, role=ArmRole.TREATMENT, post_test_opens=PostTestOpens.AFTER_LESSONS)
    arm_add(
        study=study,
        cohort=control,
        role=ArmRole.CONTROL,
        post_test_opens=PostTestOpens.ON_DATE,
        post_test_opens_on=timezone.localdate() + datetime.timedelta(days=10),
    )
    return study_start(study=study, by=senior)


def _cohort(study, role):
    return study.arms.get(role=role).cohort


@pytest.fixture
def control_trainee(study, regions):
    person = TraineeFactory(email="kontrol@contoh.test", home_region=regions["35.78"])
    EnrollmentFactory(cohort=_cohort(study, ArmRole.CONTROL), trainee=person)
    return person


@pytest.fixture
def treated_trainee(study, regions):
    person = TraineeFactory(home_region=regions["35.78"])
    EnrollmentFactory(cohort=_cohort(study, ArmRole.TREATMENT), trainee=person)
    return person


def _take(quiz, trainee, response):
    attempt = attempt_start(quiz=quiz, trainee=trainee)
    question = attempt.answers.get().question
    choice = question.choices.get(text=response)
    attempt_save_answers(attempt_id=attempt.pk, trainee=trainee, answers=[GivenAnswer(question.pk, [choice.pk])])
    return attempt_submit(attempt_id=attempt.pk, trainee=trainee)


def test_starting_marks_the_cohorts_and_holds_the_control_group(study, control_trainee, treated_trainee):
    assert study.status == StudyStatus.RUNNING and study.started_at
    assert _cohort(study, ArmRole.CONTROL).study_arm == StudyArm.CONTROL
    assert held_untreated(trainee=control_trainee, course=study.course) is not None
    assert held_untreated(trainee=treated_trainee, course=study.course) is None


def test_a_study_needs_both_arms_to_start(course, tests_of_study, senior, regions):
    pre, post, _item = tests_of_study
    lonely = Study.objects.create(name="Tanpa kontrol", course=course, pre_test=pre, post_test=post, design="waitlist")
    arm_add(
        study=lonely,
        cohort=CohortFactory(course=course, region=regions["35"]),
        role=ArmRole.TREATMENT,
        post_test_opens=PostTestOpens.AFTER_LESSONS,
    )
    with pytest.raises(ValidationError):
        study_start(study=lonely, by=senior)
    lonely.refresh_from_db()
    assert lonely.status == StudyStatus.PLANNING


def test_a_control_arm_must_open_its_post_test_on_a_date(study, course, regions):
    with pytest.raises(ValidationError):
        arm_add(
            study=study,
            cohort=CohortFactory(course=course, region=regions["35"]),
            role=ArmRole.CONTROL,
            post_test_opens=PostTestOpens.AFTER_LESSONS,
        )


def test_control_trainee_takes_the_pre_test_finds_lessons_closed_then_takes_the_post_test(
    client, study, control_trainee
):
    client.force_login(control_trainee)
    lesson = lessons_of(study.course)[0]
    _take(study.pre_test, control_trainee, RIGHT)

    closed = client.get(lesson.url)
    assert closed.status_code == 403
    assert "Uji Coba Model" in closed.text  # says why: the comparison group of this study
    assert not LessonProgress.objects.filter(trainee=control_trainee).exists()

    with pytest.raises(QuizUnavailable):
        attempt_start(quiz=study.post_test, trainee=control_trainee)  # its date has not come
    arm = study.arms.get(role=ArmRole.CONTROL)
    arm.post_test_opens_on = timezone.localdate()
    arm.save()
    _take(study.post_test, control_trainee, RIGHT)  # without a single lesson

    enrollment = Enrollment.objects.get(trainee=control_trainee)
    assert enrollment.completed_at is None  # completion waits for the study's end


def test_after_the_study_closes_the_control_group_gets_the_lessons(client, study, control_trainee, senior):
    _take(study.pre_test, control_trainee, RIGHT)
    client.force_login(control_trainee)
    lesson = lessons_of(study.course)[0]
    assert client.get(lesson.url).status_code == 403

    study_close(study=study, by=senior)

    assert client.get(lesson.url).status_code == 200
    assert held_untreated(trainee=control_trainee) is None


def test_the_treatment_post_test_opens_after_the_lessons_only(study, treated_trainee):
    _take(study.pre_test, treated_trainee, RIGHT)
    with pytest.raises(QuizUnavailable):
        attempt_start(quiz=study.post_test, trainee=treated_trainee)


def test_the_post_test_never_opens_before_the_pre_test(study, control_trainee):
    arm = study.arms.get(role=ArmRole.CONTROL)
    arm.post_test_opens_on = timezone.localdate()
    arm.save()
    with pytest.raises(QuizUnavailable):
        attempt_start(quiz=study.post_test, trainee=control_trainee)


def test_the_pre_test_review_leaks_nothing_before_the_post_test_closes(client, study, control_trainee, senior):
    """The pre-test's options say "show the right answers and feedback"; the study overrides them."""
    attempt = _take(study.pre_test, control_trainee, "Kepala desa")
    client.force_login(control_trainee)
    url = reverse("assessments:review", kwargs={"attempt_id": attempt.pk})

    page = client.get(url).text
    assert "Benar, pendamping memandu pertemuan." not in page  # the right answer's feedback
    assert "Kepala desa tidak memandu" not in page  # the chosen answer's feedback
    assert "Umpan balik umum" not in page
    assert "Pendamping sosial" not in page  # the right answer's text
    assert "Belum lulus" not in page and "Lulus" not in page

    study_close(study=study, by=senior)
    after = client.get(url).text
    assert "Kepala desa tidak memandu" in after and "Umpan balik umum" in after


def test_a_pre_test_has_no_pass_mark_and_no_verdict(client, study, control_trainee):
    attempt = _take(study.pre_test, control_trainee, RIGHT)
    assert attempt.passed is None
    client.force_login(control_trainee)
    page = client.get(reverse("assessments:quiz", kwargs={"quiz_id": study.pre_test.pk})).text
    assert "nilai lulus" not in page
    assert "Hasil pra-uji tidak memengaruhi kelulusan" in page


def test_a_control_trainee_cannot_be_placed_while_the_study_runs(study, control_trainee, trainer, regions):
    from ..apprenticeship.factories import HostMentorFactory

    kube = KubeGroupFactory(village=regions["35.78.01.1001"], host_mentor=HostMentorFactory())
    assess(kube, total=36)
    today = timezone.localdate()
    with pytest.raises(ValidationError) as refused:
        placement_propose(
            trainee=control_trainee,
            kube=kube,
            cohort=_cohort(study, ArmRole.CONTROL),
            starts_on=today,
            ends_on=today + datetime.timedelta(days=30),
            by=trainer,
        )
    assert "Uji Coba Model" in " ".join(refused.value.messages)


def test_the_contamination_list_names_each_kind_of_breach(study, control_trainee, regions):
    from apprenticeship.constants import PlacementStatus

    from ..apprenticeship.factories import HostMentorFactory, PlacementFactory

    assert contamination(study) == []
    lesson = lessons_of(study.course)[0]
    now = timezone.now()
    LessonProgress.objects.create(trainee=control_trainee, lesson=lesson, first_opened_at=now, last_opened_at=now)
    kube = KubeGroupFactory(village=regions["35.78.01.1001"], host_mentor=HostMentorFactory())
    PlacementFactory(
        trainee=control_trainee,
        kube=kube,
        cohort=_cohort(study, ArmRole.CONTROL),
        status=PlacementStatus.ACTIVE,
        starts_on=now.date(),
        ends_on=now.date(),
    )
    second = TraineeFactory(home_region=regions["35.78"])
    EnrollmentFactory(cohort=_cohort(study, ArmRole.CONTROL), trainee=second, status="withdrawn")
    EnrollmentFactory(cohort=_cohort(study, ArmRole.TREATMENT), trainee=second)

    breaches = contamination(study)

    assert {(breach.trainee_id, breach.kind) for breach in breaches} == {
        (control_trainee.pk, "lesson"),
        (control_trainee.pk, "apprenticeship"),
        (second.pk, "treatment_enrolment"),
    }


def test_lessons_opened_before_the_study_are_not_a_breach(study, control_trainee):
    before = study.started_at - datetime.timedelta(days=3)
    LessonProgress.objects.create(
        trainee=control_trainee, lesson=lessons_of(study.course)[0], first_opened_at=before, last_opened_at=before
    )
    assert contamination(study) == []


def test_the_study_page_is_scoped_and_only_senior_trainers_start_or_close(
    client, study, trainer, senior, supervisor_here, supervisor_elsewhere
):
    url = reverse("assessments:study", kwargs={"study_id": study.pk})
    for reader in (trainer, supervisor_here, senior):
        client.force_login(reader)
        assert client.get(url).status_code == 200
    client.force_login(supervisor_elsewhere)
    assert client.get(url).status_code == 404

    client.force_login(trainer)
    close = reverse("assessments:study_status", kwargs={"study_id": study.pk, "action": "tutup"})
    assert client.post(close).status_code == 403
    study.refresh_from_db()
    assert study.status == StudyStatus.RUNNING
    client.force_login(senior)
    client.post(close)
    study.refresh_from_db()
    assert study.status == StudyStatus.CLOSED


def test_self_enrolment_in_a_treatment_cohort_shows_on_the_list(study, control_trainee):
    treatment = _cohort(study, ArmRole.TREATMENT)
    Enrollment.objects.filter(trainee=control_trainee).update(status="withdrawn")
    enrollment_create(trainee=control_trainee, cohort=treatment, by=control_trainee, source=EnrollmentSource.SELF)
    assert [breach.kind for breach in contamination(study)] == ["treatment_enrolment"]


def test_senior_trainers_find_the_studies_in_the_header(client, senior, trainer):
    client.force_login(senior)
    assert reverse("assessments:studies") in client.get(reverse("dashboards:home")).content.decode()
    client.force_login(trainer)
    assert reverse("assessments:studies") not in client.get(reverse("dashboards:home")).content.decode()
