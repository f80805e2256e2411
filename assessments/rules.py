"""The course rules this app adds to `courses.completion`: pre-test before the lessons, post-test to finish."""

from django.urls import reverse
from django.utils.translation import gettext as _

from courses.completion import Condition, CourseStanding, register_gate, register_requirement
from courses.constants import StudyArm
from courses.extensions import Activity, Link, register_cohort_links, register_course_activities

from .constants import AttemptState, QuizKind
from .selectors import (
    course_quizzes_for_trainee,
    grading_queue,
    post_tests_standing,
    pre_tests_not_taken,
    user_may_grade,
)
from .studies import held_untreated


def pre_test_taken(standing: CourseStanding) -> Condition | None:
    missing = pre_tests_not_taken(trainee=standing.trainee, course=standing.course)
    if not missing:
        return None
    quiz = missing[0]
    return Condition(
        key="pre_test",
        label=_("Take the pre-test first: %(quiz)s") % {"quiz": quiz.title},
        met=False,
        next_step_url=reverse("assessments:quiz", kwargs={"quiz_id": quiz.pk}),
    )


def control_group_waits(standing: CourseStanding) -> Condition | None:
    """While a study runs, its control group takes the tests but not the lessons."""
    arm = held_untreated(trainee=standing.trainee, course=standing.course)
    if arm is None:
        return None
    return Condition(
        key="study_control",
        label=_(
            "Your cohort is the comparison group of the evaluation study “%(study)s”: you take the pre-test and "
            "the post-test without the lessons. The lessons open for you when the study ends."
        )
        % {"study": arm.study.name},
        met=False,
    )


def control_group_completes_later(standing: CourseStanding) -> Condition | None:
    arm = held_untreated(trainee=standing.trainee, course=standing.course)
    if arm is None:
        return None
    return Condition(
        key="study_control",
        label=_("The course can be completed once the evaluation study “%(study)s” has ended.")
        % {"study": arm.study.name},
        met=False,
    )


def post_test_passed(standing: CourseStanding) -> Condition | None:
    standings = post_tests_standing(trainee=standing.trainee, course=standing.course)
    if not standings:
        return None
    failing = [standing for standing in standings if standing[1] is None or not standing[1].passed]
    quiz, _attempt, pass_mark = (failing or standings)[0]
    return Condition(
        key="post_test",
        label=_("Pass the post-test: %(quiz)s (pass mark %(mark)s%%)")
        % {"quiz": quiz.title, "mark": format((pass_mark or quiz.pass_mark).normalize(), "f")},
        met=not failing,
        next_step_url=reverse("assessments:quiz", kwargs={"quiz_id": quiz.pk}),
    )


def quiz_activities(course, user) -> list[Activity]:
    activities = []
    for quiz, attempt, kind in course_quizzes_for_trainee(trainee=user, course=course):
        if attempt is None:
            standing = ""
        elif attempt.state == AttemptState.SUBMITTED:
            standing = _("waiting for grading")
        elif attempt.passed is None:
            standing = _("done")
        else:
            standing = _("passed") if attempt.passed else _("not passed yet")
        url = reverse("assessments:quiz", kwargs={"quiz_id": quiz.pk})
        activities.append(Activity(title=quiz.title, url=url, kind=QuizKind(kind).label, standing=standing))
    return activities


def quiz_result_links(cohort, user) -> list[Link]:
    links = [
        Link(_("Quiz results"), reverse("assessments:cohort_results", kwargs={"cohort_id": cohort.pk})),
        Link(_("Pre/post report"), reverse("assessments:report_prepost", kwargs={"cohort_id": cohort.pk})),
    ]
    if cohort.study_arm != StudyArm.NONE:
        param = "perlakuan" if cohort.study_arm == StudyArm.TREATMENT else "kontrol"
        links.append(
            Link(_("Treatment against control"), f"{reverse('assessments:report_comparison')}?{param}={cohort.pk}")
        )
    if user_may_grade(user):
        waiting = grading_queue(cohort=cohort).count()
        label = _("Answers to grade (%(count)s)") % {"count": waiting}
        links.append(Link(label, reverse("assessments:grading_queue", kwargs={"cohort_id": cohort.pk})))
    return links


def register():
    register_gate(pre_test_taken)
    register_gate(control_group_waits)
    register_requirement(post_test_passed)
    register_requirement(control_group_completes_later)
    register_course_activities(quiz_activities)
    register_cohort_links(quiz_result_links)
