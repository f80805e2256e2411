"""A trainee on a phone takes the pre-test, loses the connection for three answers, and loses none of them."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from assessments.constants import QuestionKind, QuizKind
from assessments.models import Attempt

from ..assessments.factories import make_question, make_quiz
from ..courses.factories import CohortFactory, EnrollmentFactory, build_course
from ..people.factories import TraineeFactory
from .conftest import save_screenshot, serious_accessibility_violations
from .test_trainer_publishes_course import signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_answers_given_offline_are_saved_when_the_connection_returns(live_server, phone_page, regions):
    course = build_course(code="PK-1", modules=1, lessons_per_module=1, title="Dasar-Dasar Pendampingan Sosial KUBE")
    cohort = CohortFactory(course=course, region=regions["35"])
    trainee = TraineeFactory(full_name="Dewi Lestari", home_region=regions["35.78"])
    EnrollmentFactory(cohort=cohort, trainee=trainee)
    single = make_question(QuestionKind.SINGLE, text="Siapa yang memandu pertemuan rutin KUBE?")
    true_false = make_question(QuestionKind.TRUE_FALSE, text="KUBE beranggotakan keluarga miskin.")
    short = make_question(QuestionKind.SHORT_ANSWER, text="Iuran kesetiakawanan sosial disingkat …")
    likert = make_question(QuestionKind.LIKERT, text="Pendamping sebaiknya memutuskan untuk kelompok.")
    quiz = make_quiz(course, [single, true_false, short, likert], kind=QuizKind.PRE_TEST, title="Pra-uji")
    page, base = phone_page, live_server.url
    signed_in(page, base, trainee)

    page.goto(f"{base}{course.url}")
    page.get_by_role("link", name="Pra-uji").first.click()
    page.locator("form[action$='/mulai/'] button").click()
    attempt = Attempt.objects.get(quiz=quiz, trainee=trainee)
    expect(page.locator(f"fieldset[data-question='{single.pk}']")).to_be_visible()
    assert serious_accessibility_violations(page) == []

    page.get_by_label("Pendamping sosial").check()
    expect(page.locator(f"fieldset[data-question='{single.pk}'] .save-flag")).to_have_attribute("data-state", "saved")

    page.context.set_offline(True)
    page.locator(f"fieldset[data-question='{true_false.pk}'] input[type=radio]").first.check()
    page.locator(f"fieldset[data-question='{short.pk}'] input[type=text]").fill("IKS")
    page.locator(f"fieldset[data-question='{likert.pk}'] input[type=radio]").nth(1).check()
    for question in (true_false, short, likert):
        flag = page.locator(f"fieldset[data-question='{question.pk}'] .save-flag")
        expect(flag).to_have_attribute("data-state", "unsaved")
    expect(page.locator("#quiz-status")).to_have_class("quiz-status quiz-status-problem")
    save_screenshot(page, "trainee-quiz-offline")
    assert attempt.answers.filter(response__isnull=False).count() == 1  # only the answer given online

    page.context.set_offline(False)
    for question in (true_false, short, likert):
        flag = page.locator(f"fieldset[data-question='{question.pk}'] .save-flag")
        expect(flag).to_have_attribute("data-state", "saved")
    page.reload()
    expect(page.locator(f"fieldset[data-question='{short.pk}'] input[type=text]")).to_have_value("IKS")
    saved = dict(attempt.answers.values_list("question_id", "response"))
    assert saved[short.pk] == "IKS" and saved[likert.pk] == 2
    assert saved[true_false.pk] == [true_false.choices.get(text="true").pk]

    page.locator("#quiz-submit").click()
    expect(page).to_have_url(f"{base}/kuis/percobaan/{attempt.pk}/hasil/")
    assert serious_accessibility_violations(page) == []
    save_screenshot(page, "trainee-quiz-review")
    attempt.refresh_from_db()
    assert attempt.state == "graded" and attempt.score == Decimal("3.25")  # 1 + 1 + 1 + Likert level 2: ¼
