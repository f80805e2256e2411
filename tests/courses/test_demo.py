"""The demo curriculum: a real course per mentor role, a second course, and cohorts in two study arms."""

import pytest

from courses import demo as courses_demo
from courses.constants import StudyArm
from courses.models import Cohort, CoursePage, LessonPage, ModulePage
from courses.selectors import trainee_course_cards
from lms.people import demo as people_demo
from lms.people.models import User

pytestmark = pytest.mark.django_db


def test_demo_curriculum_has_a_module_per_role_and_cohorts_in_both_arms():
    people_demo.seed()
    courses_demo.seed()

    basics = CoursePage.objects.get(title="Dasar-Dasar Pendampingan Sosial KUBE")
    modules = ModulePage.objects.child_of(basics).live()
    assert modules.count() == 8
    assert {module.mentor_role.slug for module in modules} == {
        "fasilitator",
        "motivator",
        "penghubung",
        "mobilisator",
        "peneliti",
        "evaluator",
        "advokator",
        "pembimbing",
    }
    for module in modules:
        assert LessonPage.objects.child_of(module).live().count() >= 2, module.title
    second = CoursePage.objects.exclude(pk=basics.pk).get()
    assert list(second.prerequisites.all()) == [basics]
    lesson = LessonPage.objects.live().descendant_of(basics).first()
    assert {block.block_type for block in lesson.body} >= {"text"}
    assert any(block.block_type == "image" for lesson in LessonPage.objects.all() for block in lesson.body)

    for course in (basics, second):
        arms = set(Cohort.objects.filter(course=course).values_list("study_arm", flat=True))
        assert arms == {StudyArm.TREATMENT, StudyArm.CONTROL}
        assert Cohort.objects.filter(course=course).values("region").distinct().count() == 2

    dewi = User.objects.get(email="peserta@akademi.test")
    card = trainee_course_cards(trainee=dewi)[0]
    assert card.completed == 2
    assert card.next_lesson == card.outline.lessons[2]
