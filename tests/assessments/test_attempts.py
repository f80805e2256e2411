"""Taking a quiz: a stable draw, answers saved as given, one submission, the server's deadline."""

import json
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from assessments.constants import AttemptState, QuestionKind, QuizKind
from assessments.models import Attempt, QuizDraw, QuizWindow
from assessments.services import (
    AnswersLost,
    AttemptClosed,
    GivenAnswer,
    QuizUnavailable,
    answers_lost_at_deadline_message,
    answers_lost_message,
    attempt_save_answers,
    attempt_start,
    attempt_submit,
)
from courses.models import Aspect

from ..courses.factories import MentorRoleFactory
from ..people.factories import TraineeFactory
from .factories import make_question, make_quiz

pytestmark = pytest.mark.django_db


def autosave(client, attempt, question, response, base=0, **extra):
    """What quiz.js sends: the answer, and the sequence number of the saved answer it was made on."""
    url = reverse("assessments:autosave", kwargs={"attempt_id": attempt.pk})
    body = {"answers": [{"question": question.pk, "response": response, "base": base, **extra}]}
    return client.post(url, json.dumps(body), content_type="application/json")


def stored(attempt, question):
    return attempt.answers.get(question=question).response


def right_choice(question):
    return [question.choices.get(percent=100).pk]


def test_trainee_starts_answers_and_submits_and_sees_the_score(client, enrolled, quiz, questions):
    client.force_login(enrolled)
    response = client.post(reverse("assessments:quiz_start", kwargs={"quiz_id": quiz.pk}))
    attempt = Attempt.objects.get(quiz=quiz, trainee=enrolled)
    assert response.url == reverse("assessments:attempt", kwargs={"attempt_id": attempt.pk})
    single, _multiple, true_false, short, likert = questions

    assert autosave(client, attempt, single, right_choice(single)).json()["saved"] == [single.pk]
    assert autosave(client, attempt, short, "iks").status_code == 200
    assert autosave(client, attempt, likert, 1).status_code == 200  # reverse-keyed: disagreeing scores full
    form = {  # the whole form, as the browser posts it: what was autosaved, and one question left empty
        "question": [single.pk, short.pk, likert.pk, true_false.pk],
        f"q-{single.pk}": right_choice(single),
        f"q-{short.pk}": "iks",
        f"q-{likert.pk}": "1",
        f"q-{true_false.pk}": "",
        "seq": "5",
    }
    client.post(reverse("assessments:submit", kwargs={"attempt_id": attempt.pk}), form)

    attempt.refresh_from_db()
    assert attempt.state == AttemptState.GRADED
    assert attempt.score == 3 and attempt.max_score == 6  # single 1 + short 1 + likert 1 of 1+2+1+1+1
    assert attempt.percent == 50 and attempt.passed is False
    page = client.get(reverse("assessments:review", kwargs={"attempt_id": attempt.pk}))
    assert "50%" in page.content.decode()


def test_a_second_start_returns_the_attempt_already_open(enrolled, quiz):
    first = attempt_start(quiz=quiz, trainee=enrolled)
    assert attempt_start(quiz=quiz, trainee=enrolled) == first
    assert Attempt.objects.filter(quiz=quiz, trainee=enrolled).count() == 1


def test_random_draw_per_tag_is_stable_across_reloads(client, course, enrolled):
    role = MentorRoleFactory(slug="fasilitator")
    tagged = []
    for number in range(8):
        tagged.append(make_question(QuestionKind.SINGLE, text=f"Soal fasilitator {number}", roles=[role]))
    make_question(QuestionKind.SINGLE, text="Soal tanpa tag")
    quiz = make_quiz(course, [])
    QuizDraw.objects.create(quiz=quiz, count=3, mentor_role=role)
    attempt = attempt_start(quiz=quiz, trainee=enrolled)
    drawn = list(attempt.answers.values_list("question_id", flat=True))
    assert len(drawn) == 3 and set(drawn) <= {q.pk for q in tagged}

    client.force_login(enrolled)
    url = reverse("assessments:attempt", kwargs={"attempt_id": attempt.pk})
    reloads = [client.get(url).content.decode() for _ in range(2)]
    for page in reloads:
        assert [page.index(f'data-question="{pk}"') for pk in drawn] == sorted(
            page.index(f'data-question="{pk}"') for pk in drawn
        )
    assert attempt_start(quiz=quiz, trainee=enrolled).answers.count() == 3
    assert list(attempt.answers.values_list("question_id", flat=True)) == drawn


def test_autosave_is_idempotent_and_an_answer_made_on_an_older_version_never_overwrites_a_newer_one(
    enrolled, quiz, questions
):
    single = questions[0]
    attempt = attempt_start(quiz=quiz, trainee=enrolled)
    wrong = [single.choices.get(text="Camat").pk]
    first = attempt_save_answers(
        attempt_id=attempt.pk, trainee=enrolled, answers=[GivenAnswer(single.pk, right_choice(single), base=0)]
    )
    version = first.saved[single.pk]
    assert version > 0 and not first.lost

    again = attempt_save_answers(  # a retry of the same request: acknowledged, nothing changes
        attempt_id=attempt.pk, trainee=enrolled, answers=[GivenAnswer(single.pk, right_choice(single), base=0)]
    )
    stale = attempt_save_answers(  # an answer given on the version before it, replayed late
        attempt_id=attempt.pk, trainee=enrolled, answers=[GivenAnswer(single.pk, wrong, base=0)]
    )

    assert again.saved == {single.pk: version} and not again.lost
    assert stale.saved == {} and [(lost.question_id, lost.seq, lost.response) for lost in stale.lost] == [
        (single.pk, version, right_choice(single))
    ]
    assert stored(attempt, single) == right_choice(single)


def test_an_answer_is_acknowledged_only_when_it_is_the_one_stored_whatever_the_device_clocks_say(
    client, enrolled, quiz, questions
):
    single = questions[0]
    wrong, right = [single.choices.get(text="Camat").pk], right_choice(single)
    attempt = attempt_start(quiz=quiz, trainee=enrolled)
    client.force_login(enrolled)
    clock = int(time.time() * 1000)

    # a phone whose clock runs an hour fast answers first
    phone = autosave(client, attempt, single, wrong, base=0, seq=clock + 3_600_000).json()
    assert phone["saved"] == [single.pk] and phone["lost"] == []
    on_phone = phone["seqs"][str(single.pk)]
    # the laptop, opened afterwards with the right time, changes the answer it was shown
    laptop = autosave(client, attempt, single, right, base=on_phone, seq=clock).json()
    assert laptop["saved"] == [single.pk] and stored(attempt, single) == right
    on_laptop = laptop["seqs"][str(single.pk)]
    assert on_laptop > on_phone
    # the phone's outbox replays an answer it made before it heard of the laptop's
    replay = autosave(client, attempt, single, wrong, base=on_phone, seq=clock + 3_600_001).json()

    assert replay["saved"] == [] and replay["seqs"] == {}
    assert replay["lost"] == [{"question": single.pk, "seq": on_laptop, "response": right}]
    assert stored(attempt, single) == right


def test_the_page_carries_the_version_of_each_saved_answer_for_the_form_and_the_outbox(
    client, enrolled, quiz, questions
):
    single, multiple = questions[:2]
    attempt = attempt_start(quiz=quiz, trainee=enrolled)
    outcome = attempt_save_answers(
        attempt_id=attempt.pk, trainee=enrolled, answers=[GivenAnswer(single.pk, right_choice(single))]
    )
    client.force_login(enrolled)

    page = client.get(reverse("assessments:attempt", kwargs={"attempt_id": attempt.pk})).text

    assert f'name="base-{single.pk}" value="{outcome.saved[single.pk]}"' in page
    assert f'name="base-{multiple.pk}" value="0"' in page


def test_a_form_opened_before_another_device_changed_an_answer_keeps_that_answer_and_says_so(
    client, enrolled, quiz, questions
):
    single, multiple = questions[:2]
    wrong, right = [single.choices.get(text="Camat").pk], right_choice(single)
    both = list(multiple.choices.filter(percent=50).values_list("pk", flat=True))
    attempt = attempt_start(quiz=quiz, trainee=enrolled)
    client.force_login(enrolled)
    page_url = reverse("assessments:attempt", kwargs={"attempt_id": attempt.pk})
    client.get(page_url)  # the laptop's page: nothing saved yet, every base 0
    attempt_save_answers(  # then the phone answers the first question
        attempt_id=attempt.pk, trainee=enrolled, answers=[GivenAnswer(single.pk, right)]
    )
    stale_form = {
        "question": [single.pk, multiple.pk],
        f"q-{single.pk}": wrong,
        f"base-{single.pk}": "0",
        f"q-{multiple.pk}": both,
        f"base-{multiple.pk}": "0",
    }

    saved = client.post(reverse("assessments:autosave", kwargs={"attempt_id": attempt.pk}), stale_form, follow=True)

    assert str(answers_lost_message([1])) in saved.text
    assert stored(attempt, single) == right and stored(attempt, multiple) == sorted(both)

    submitted = client.post(reverse("assessments:submit", kwargs={"attempt_id": attempt.pk}), stale_form)

    assert submitted.url == page_url  # not submitted: the trainee sees the answer kept and decides
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.IN_PROGRESS and stored(attempt, single) == right
    fresh = {**stale_form, f"base-{single.pk}": str(attempt.answers.get(question=single).saved_seq)}
    client.post(reverse("assessments:submit", kwargs={"attempt_id": attempt.pk}), fresh)
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.GRADED and stored(attempt, single) == wrong


def test_after_the_deadline_a_submit_with_an_answer_that_lost_submits_the_saved_answers_and_says_so(
    enrolled, course, questions
):
    single = questions[0]
    wrong, right = [single.choices.get(text="Camat").pk], right_choice(single)
    quiz = make_quiz(course, questions, time_limit_minutes=10)
    started = timezone.now() - timedelta(minutes=10, seconds=10)  # the deadline passed 10 s ago: in the grace
    attempt = attempt_start(quiz=quiz, trainee=enrolled, now=started)
    attempt_save_answers(  # the phone's answer, saved in time
        attempt_id=attempt.pk, trainee=enrolled, answers=[GivenAnswer(single.pk, right)], now=started
    )

    with pytest.raises(AnswersLost) as lost:  # the laptop's page, opened before, submits when its timer ends
        attempt_submit(attempt_id=attempt.pk, trainee=enrolled, answers=[GivenAnswer(single.pk, wrong, base=0)])

    assert lost.value.submitted and str(lost.value) == answers_lost_at_deadline_message([1])
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.GRADED and stored(attempt, single) == right
    assert attempt.submitted_at == attempt.deadline


def test_submitting_twice_gives_one_submission(client, enrolled, quiz, questions):
    attempt = attempt_start(quiz=quiz, trainee=enrolled)
    client.force_login(enrolled)
    url = reverse("assessments:submit", kwargs={"attempt_id": attempt.pk})
    client.post(url, {"question": [questions[0].pk], f"q-{questions[0].pk}": right_choice(questions[0])})
    attempt.refresh_from_db()
    first_submitted_at = attempt.submitted_at
    response = client.post(url, {"question": [questions[0].pk], f"q-{questions[0].pk}": ""})  # a retry
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.submitted_at == first_submitted_at and attempt.score == 1
    assert Attempt.objects.filter(quiz=quiz, trainee=enrolled).exclude(state=AttemptState.IN_PROGRESS).count() == 1


def test_an_answer_after_submission_is_refused_and_the_page_is_told(client, enrolled, quiz, questions):
    attempt = attempt_start(quiz=quiz, trainee=enrolled)
    attempt_submit(attempt_id=attempt.pk, trainee=enrolled)
    client.force_login(enrolled)
    response = autosave(client, attempt, questions[0], right_choice(questions[0]))
    assert response.status_code == 409
    assert response.json()["closed"] is True
    with pytest.raises(AttemptClosed):
        attempt_save_answers(attempt_id=attempt.pk, trainee=enrolled, answers=[GivenAnswer(questions[0].pk, [])])


def test_a_deadline_passing_mid_attempt_submits_every_saved_answer_at_the_deadline(client, enrolled, course, questions):
    quiz = make_quiz(course, questions, time_limit_minutes=20)
    started = timezone.now() - timedelta(minutes=30)
    attempt = attempt_start(quiz=quiz, trainee=enrolled, now=started)
    single, multiple, *_ = questions
    both = list(multiple.choices.filter(percent=50).values_list("pk", flat=True))
    attempt_save_answers(
        attempt_id=attempt.pk,
        trainee=enrolled,
        answers=[GivenAnswer(single.pk, right_choice(single)), GivenAnswer(multiple.pk, both)],
        now=started + timedelta(minutes=5),
    )
    client.force_login(enrolled)
    response = client.get(reverse("assessments:attempt", kwargs={"attempt_id": attempt.pk}))  # next access

    assert response.url == reverse("assessments:review", kwargs={"attempt_id": attempt.pk})
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.GRADED and attempt.auto_submitted
    assert attempt.submitted_at == started + timedelta(minutes=20)
    assert attempt.score == 3  # single 1 + multiple 2: both saved answers counted


def test_the_periodic_task_submits_attempts_whose_time_ran_out(enrolled, course, questions):
    quiz = make_quiz(course, questions, time_limit_minutes=10)
    attempt = attempt_start(quiz=quiz, trainee=enrolled, now=timezone.now() - timedelta(minutes=15))
    fresh = attempt_start(quiz=make_quiz(course, questions[:1], time_limit_minutes=10), trainee=enrolled)

    call_command("close_overdue_attempts")

    attempt.refresh_from_db()
    fresh.refresh_from_db()
    assert attempt.state == AttemptState.GRADED and attempt.auto_submitted
    assert attempt.submitted_at == attempt.deadline
    assert fresh.state == AttemptState.IN_PROGRESS


def test_answers_arriving_after_the_deadline_and_grace_are_refused(enrolled, course, questions):
    quiz = make_quiz(course, questions, time_limit_minutes=10)
    started = timezone.now() - timedelta(minutes=11)
    attempt = attempt_start(quiz=quiz, trainee=enrolled, now=started)
    late = GivenAnswer(questions[0].pk, right_choice(questions[0]))
    with pytest.raises(AttemptClosed):
        attempt_save_answers(attempt_id=attempt.pk, trainee=enrolled, answers=[late])
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.GRADED and attempt.score == 0


def test_the_page_of_an_open_attempt_holds_no_right_answer_score_or_feedback(client, enrolled, quiz, questions):
    attempt = attempt_start(quiz=quiz, trainee=enrolled)
    client.force_login(enrolled)
    page = client.get(reverse("assessments:attempt", kwargs={"attempt_id": attempt.pk})).content.decode()
    for question in questions:
        assert question.text in page
        assert question.general_feedback not in page
        for choice in question.choices.all():
            if choice.feedback:
                assert choice.feedback not in page
    assert "iuran kesetiakawanan sosial" not in page  # an accepted short answer
    assert "percent" not in page and "100" not in page.replace(str(attempt.pk), "")
    assert "score" not in page.lower() and "nilai" not in page.lower().replace("nilai lulus", "")


def test_review_shows_answers_only_as_the_quiz_allows(client, enrolled, course, questions, cohort):
    quiz = make_quiz(course, questions, review_answers_after_submit=False, review_feedback_after_submit=False)
    attempt = attempt_start(quiz=quiz, trainee=enrolled)
    attempt_submit(attempt_id=attempt.pk, trainee=enrolled)
    client.force_login(enrolled)
    url = reverse("assessments:review", kwargs={"attempt_id": attempt.pk})
    page = client.get(url).content.decode()
    assert "Benar, pendamping memandu pertemuan." not in page and questions[0].general_feedback not in page

    now = timezone.now()
    QuizWindow.objects.create(
        quiz=quiz, cohort=cohort, opens_at=now - timedelta(days=2), closes_at=now - timedelta(minutes=1)
    )
    page = client.get(url).content.decode()
    assert questions[0].general_feedback in page  # after the quiz closed, answers and feedback show


def test_someone_elses_attempt_is_not_found(client, enrolled, quiz, regions, questions):
    attempt = attempt_start(quiz=quiz, trainee=enrolled)
    stranger = TraineeFactory(home_region=regions["35"])
    client.force_login(stranger)
    for name in ("attempt", "review"):
        assert client.get(reverse(f"assessments:{name}", kwargs={"attempt_id": attempt.pk})).status_code == 404
    assert autosave(client, attempt, questions[0], right_choice(questions[0])).status_code == 404
    assert client.post(reverse("assessments:submit", kwargs={"attempt_id": attempt.pk})).status_code == 404
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.IN_PROGRESS


def test_bad_answers_are_refused_with_a_message_and_keep_what_was_saved(client, enrolled, quiz, questions):
    attempt = attempt_start(quiz=quiz, trainee=enrolled)
    single, *_, likert = questions
    client.force_login(enrolled)
    assert autosave(client, attempt, single, right_choice(single)).status_code == 200
    other_question_choice = [questions[1].choices.first().pk]
    refused = autosave(client, attempt, single, other_question_choice)
    assert refused.status_code == 400 and refused.json()["error"]
    assert autosave(client, attempt, likert, 9).status_code == 400
    url = reverse("assessments:autosave", kwargs={"attempt_id": attempt.pk})
    assert client.post(url, "{not json", content_type="application/json").status_code == 400
    assert attempt.answers.get(question=single).response == right_choice(single)


def test_attempts_allowed_is_enforced(enrolled, course, questions):
    quiz = make_quiz(course, questions[:1], attempts_allowed=1, kind=QuizKind.PRACTICE)
    attempt = attempt_start(quiz=quiz, trainee=enrolled)
    attempt_submit(attempt_id=attempt.pk, trainee=enrolled)
    with pytest.raises(QuizUnavailable):
        attempt_start(quiz=quiz, trainee=enrolled)


def test_a_trainee_not_enrolled_cannot_start(client, regions, quiz):
    outsider = TraineeFactory(home_region=regions["35"])
    client.force_login(outsider)
    response = client.post(reverse("assessments:quiz_start", kwargs={"quiz_id": quiz.pk}), follow=True)
    assert not Attempt.objects.filter(trainee=outsider).exists()
    assert response.status_code == 200


def test_aspect_tags_do_not_break_attempts(enrolled, course):
    aspect = Aspect.objects.create(slug="rekrutmen", name_id="Rekrutmen", name_en="Recruitment")
    question = make_question(QuestionKind.TRUE_FALSE, aspects=[aspect])
    attempt = attempt_start(quiz=make_quiz(course, [question]), trainee=enrolled)
    assert attempt.answers.get().choice_order == list(
        question.choices.order_by("sort_order").values_list("pk", flat=True)
    )
