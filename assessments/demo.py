"""Demo assessments: the PKUBE-101 question bank (from a GIFT file), its pre-test, post-test and a
reflection task, and an evaluation study as in the East Java mentor-model trial: a treatment and a
control cohort of 20 trainees each with pre-tests and post-tests (the treated group improves, the
control group does not), so the analytics have real data to show.
"""

import random
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from courses.constants import EnrollmentSource, EnrollmentStatus, StudyArm
from courses.models import Cohort, CoursePage, Enrollment, LessonPage, LessonProgress
from courses.services import enrollment_create
from lms.people.constants import Role
from lms.people.models import Region, User

from .bank_io import questions_import, read_bank_file
from .constants import ArmRole, AttemptState, GradingMethod, PostTestOpens, QuestionKind, QuizKind, StudyDesign
from .models import Answer, Attempt, Question, Quiz, QuizQuestion, QuizWindow, Study
from .services import (
    GivenAnswer,
    _finish,
    _put_questions,
    _settle,
    arm_add,
    attempt_save_answers,
    attempt_start,
    attempt_submit,
    study_start,
)

BANK_FILE = Path(__file__).parent / "demo_content" / "bank_pkube101.gift"
BANK_PREFIX = "PKUBE-101/"
KNOWLEDGE = ["Rekrutmen pendamping", "Pentingnya pelatihan", "Pelaksanaan pelatihan", "Peran dalam UEP"]
ATTITUDE = "Sikap pendamping"
REFLECTION = "Tugas refleksi"

FIRST_NAMES = [
    "Ahmad", "Sri", "Budi", "Siti", "Eko", "Dwi", "Agus", "Tri", "Yuli", "Hadi",
    "Rini", "Bayu", "Lestari", "Imam", "Wulan", "Sugeng", "Ratna", "Slamet", "Indah", "Rahmat",
]  # fmt: skip
FAMILY_NAMES = [
    "Wibowo", "Rahayu", "Santoso", "Purnomo", "Handayani", "Saputra", "Kurniawan", "Setiawati",
    "Hidayat", "Maharani", "Susanto", "Prasetya", "Anggraini", "Utomo", "Fitriani",
]  # fmt: skip
STUDY = [
    # cohort name, region code, arm, e-mail prefix, chance of a right answer before and after
    ("Uji Coba Model Pendamping 2025 — Kelompok Perlakuan", "35.78", StudyArm.TREATMENT, "perlakuan", 0.48, 0.82),
    ("Uji Coba Model Pendamping 2025 — Kelompok Kontrol", "35.73", StudyArm.CONTROL, "kontrol", 0.47, 0.5),
]
STUDY_START = datetime(2025, 3, 3, 8, 0)
STUDY_END = datetime(2025, 6, 27, 8, 0)
# Trainees of the running demo cohorts who have already taken the pre-test (the others meet it first).
PRE_TESTED = ["agus.salim@akademi.test", "joko.susilo@akademi.test", "nurhayati@akademi.test",
              "ahmad.fauzi@akademi.test", "siti.aminah@akademi.test", "rusdiansyah@akademi.test"]  # fmt: skip


@transaction.atomic
def seed():
    course = CoursePage.objects.filter(code="PKUBE-101").first()
    if course is None or Quiz.objects.filter(course=course).exists():
        return []
    if not Question.objects.filter(category__name__startswith=BANK_PREFIX).exists():
        records = read_bank_file(data=BANK_FILE.read_bytes(), filename=BANK_FILE.name, file_format="gift")
        questions_import(records=records)
    bank = {name: list(Question.objects.filter(category__name=BANK_PREFIX + name).order_by("title")) for name in
            [*KNOWLEDGE, ATTITUDE, REFLECTION]}  # fmt: skip
    items = [q for name in KNOWLEDGE for q in bank[name]] + bank[ATTITUDE]
    pre = _quiz(course, "Pra-uji Dasar Pendampingan", QuizKind.PRE_TEST, items, GradingMethod.FIRST, attempts=1)
    post = _quiz(course, "Pasca-uji Dasar Pendampingan", QuizKind.POST_TEST, items, GradingMethod.BEST, attempts=2)
    reflection = _quiz(
        course, "Tugas Refleksi Pendampingan", QuizKind.PRACTICE, bank[REFLECTION], GradingMethod.LAST, 1
    )
    _seed_study(course, pre, post, reflection)
    _seed_running_cohorts(pre, post)
    _seed_running_study(course, pre, post)
    return []


def _quiz(course, title, kind, questions, grading, attempts) -> Quiz:
    instructions = {
        QuizKind.PRE_TEST: "Jawablah sesuai pengetahuan Anda saat ini. Hasil pra-uji tidak memengaruhi kelulusan; "
        "gunanya untuk mengukur kemajuan Anda setelah pelatihan.",
        QuizKind.POST_TEST: "Pasca-uji terbuka setelah semua pelajaran selesai. Nilai lulus 70. Anda boleh mencoba dua "
        "kali; nilai terbaik yang dihitung.",
        QuizKind.PRACTICE: "Tuliskan jawaban Anda dengan kalimat sendiri. Pengajar akan menilai dan memberi catatan.",
    }[kind]
    quiz = Quiz.objects.create(
        course=course,
        title=title,
        kind=kind,
        instructions=instructions,
        is_live=True,
        pass_mark=Decimal(70),
        time_limit_minutes=45 if kind != QuizKind.PRACTICE else None,
        attempts_allowed=attempts,
        grading_method=grading,
        shuffle_questions=False,
        shuffle_choices=True,
        review_answers_after_submit=kind == QuizKind.POST_TEST,
    )
    QuizQuestion.objects.bulk_create(QuizQuestion(quiz=quiz, question=q, sort_order=i) for i, q in enumerate(questions))
    return quiz


def _seed_study(course, pre, post, reflection):
    rng = random.Random(2025)  # noqa: S311 - demo data, reproducible on purpose
    trainee_group = Group.objects.get(name=Role.TRAINEE)
    lessons = list(LessonPage.objects.live().descendant_of(course).defer("body").order_by("path"))
    tz = timezone.get_current_timezone()
    start, end = timezone.make_aware(STUDY_START, tz), timezone.make_aware(STUDY_END, tz)
    for index, (name, region_code, arm, prefix, before, after) in enumerate(STUDY):
        region = Region.objects.filter(code=region_code).first()
        if region is None:
            continue
        cohort = Cohort.objects.create(
            course=course, name=name, region=region, starts_on=start.date(), ends_on=end.date(),
            capacity=20, enrollment_open=False, study_arm=arm,
        )  # fmt: skip
        cohort.trainers.add(*User.objects.filter(email="pengajar@akademi.test"))
        QuizWindow.objects.create(quiz=pre, cohort=cohort, opens_at=start, closes_at=start + timedelta(days=3))
        QuizWindow.objects.create(quiz=post, cohort=cohort, opens_at=end - timedelta(days=3), closes_at=end)
        for number in range(1, 21):
            full_name = f"{FIRST_NAMES[number - 1]} {FAMILY_NAMES[(number * 7 + index * 3) % len(FAMILY_NAMES)]}"
            trainee = User.objects.create(
                email=f"{prefix}{number:02d}@akademi.test", full_name=full_name, home_region=region,
                password=make_password(None),
            )  # fmt: skip
            trainee.groups.add(trainee_group)
            treated = arm == StudyArm.TREATMENT
            ability = rng.uniform(-0.08, 0.08)
            _attempt(pre, trainee, cohort, start + timedelta(hours=number), before + ability, 3.0, rng)
            if treated:
                LessonProgress.objects.bulk_create(
                    LessonProgress(trainee=trainee, lesson=lesson, first_opened_at=start, last_opened_at=start,
                                   completed_at=start + timedelta(days=7 + step))
                    for step, lesson in enumerate(lessons)
                )  # fmt: skip
            post_time = end - timedelta(days=2, hours=number)
            post_attempt = _attempt(post, trainee, cohort, post_time, after + ability, 4.1 if treated else 3.0, rng)
            if treated and number <= 8:
                _attempt(reflection, trainee, cohort, post_time - timedelta(days=5), 1, 3, rng, graded=number > 3)
            finished = treated and post_attempt.passed
            Enrollment.objects.create(
                cohort=cohort, trainee=trainee, source=EnrollmentSource.BULK, enrolled_at=start - timedelta(days=7),
                status=EnrollmentStatus.COMPLETED if finished else EnrollmentStatus.ACTIVE,
                completed_at=post_attempt.submitted_at if finished else None,
                last_activity_at=post_attempt.submitted_at,
            )  # fmt: skip


def _seed_running_cohorts(pre, post):
    for enrollment in (
        Enrollment.objects.filter(
            cohort__course=pre.course,
            trainee__email__in=PRE_TESTED,
            cohort__study_arm__in=[StudyArm.TREATMENT, StudyArm.CONTROL],
        )
        .exclude(cohort__name__startswith="Uji Coba")
        .select_related("trainee", "cohort")
    ):
        rng = random.Random(enrollment.trainee.email)  # noqa: S311 - demo data
        when = enrollment.enrolled_at + timedelta(days=1)
        _attempt(pre, enrollment.trainee, enrollment.cohort, when, 0.5, 3.0, rng)
        if enrollment.status == EnrollmentStatus.COMPLETED:
            _attempt(post, enrollment.trainee, enrollment.cohort, timezone.now() - timedelta(days=1), 0.9, 4.3, rng)


RUNNING_STUDY = "Studi Evaluasi Model Pendamping 2026"
RUNNING_ARMS = [
    # cohort name, region code, role, e-mail prefix of the trainees made for it
    ("Studi Evaluasi 2026 — Kelompok Perlakuan", "35.78", ArmRole.TREATMENT, "studi.perlakuan"),
    ("Studi Evaluasi 2026 — Kelompok Kontrol", "35.73", ArmRole.CONTROL, "studi.kontrol"),
]


def _seed_running_study(course, pre, post):
    """A study under way, built as a senior trainer and the trainees would build it: the arms'
    cohorts, enrolments through the enrolment service, the study started by its service, and
    pre-tests taken through the attempt services. The control group (with kontrol@akademi.test)
    finds the lessons closed; its post-test opens on a date two weeks from now."""
    senior = User.objects.filter(email="pengajar.senior@akademi.test").first()
    trainer = User.objects.filter(email="pengajar@akademi.test").first()
    if senior is None or Study.objects.filter(name=RUNNING_STUDY).exists():
        return
    today = timezone.localdate()
    trainee_group = Group.objects.get(name=Role.TRAINEE)
    study = Study.objects.create(
        name=RUNNING_STUDY, course=course, pre_test=pre, post_test=post, design=StudyDesign.WAITLIST,
        seed=2026, created_by=senior,
    )  # fmt: skip
    rng = random.Random(2026)  # noqa: S311 - demo data, reproducible on purpose
    for name, region_code, role, prefix in RUNNING_ARMS:
        region = Region.objects.get(code=region_code)
        cohort = Cohort.objects.create(
            course=course, name=name, region=region, starts_on=today - timedelta(days=10),
            ends_on=today + timedelta(days=60), capacity=20, enrollment_open=False,
        )  # fmt: skip
        if trainer is not None:
            cohort.trainers.add(trainer)
        control = role == ArmRole.CONTROL
        arm_add(
            study=study, cohort=cohort, role=role,
            post_test_opens=PostTestOpens.ON_DATE if control else PostTestOpens.AFTER_LESSONS,
            post_test_opens_on=today + timedelta(days=14) if control else None,
        )  # fmt: skip
        trainees = [User.objects.get(email="kontrol@akademi.test")] if control else []
        for number in range(1, 6):
            trainee, created = User.objects.get_or_create(
                email=f"{prefix}{number:02d}@akademi.test",
                defaults={"full_name": f"{FIRST_NAMES[number + 4]} {FAMILY_NAMES[number + (7 if control else 2)]}",
                          "home_region": region, "password": make_password(None)},
            )  # fmt: skip
            if created:
                trainee.groups.add(trainee_group)
            trainees.append(trainee)
        for trainee in trainees:
            enrollment_create(trainee=trainee, cohort=cohort, by=senior, source=EnrollmentSource.BULK)
    study_start(study=study, by=senior)
    for participant in Enrollment.objects.filter(cohort__study_arm_of__study=study).select_related("trainee"):
        if participant.trainee.email.endswith("05@akademi.test"):
            continue  # one in each arm has not taken the pre-test yet
        _take_through_services(pre, participant.trainee, chance=0.5 + rng.uniform(-0.1, 0.1), rng=rng)


def _take_through_services(quiz, trainee, *, chance, rng) -> Attempt:
    attempt = attempt_start(quiz=quiz, trainee=trainee)
    given = [
        GivenAnswer(answer.question_id, _response(answer.question, chance, 3.0, rng))
        for answer in attempt.answers.select_related("question").prefetch_related("question__choices")
        if answer.question.kind != QuestionKind.ESSAY
    ]
    attempt_save_answers(attempt_id=attempt.pk, trainee=trainee, answers=given)
    return attempt_submit(attempt_id=attempt.pk, trainee=trainee)


def _attempt(quiz, trainee, cohort, when, chance, attitude, rng, graded=True) -> Attempt:
    """A finished attempt as a trainee with this chance of a right answer (and attitude level) would give it."""
    number = Attempt.objects.filter(quiz=quiz, trainee=trainee).count() + 1
    attempt = Attempt.objects.create(
        quiz=quiz, trainee=trainee, cohort=cohort, number=number, started_at=when - timedelta(minutes=25),
        deadline=when + timedelta(minutes=20) if quiz.time_limit_minutes else None,
    )  # fmt: skip
    _put_questions(attempt)
    answers = list(attempt.answers.select_related("question").prefetch_related("question__choices"))
    for answer in answers:
        answer.response = _response(answer.question, chance, attitude, rng)
        answer.saved_at = when - timedelta(minutes=5)
    Answer.objects.bulk_update(answers, ["response", "saved_at"])
    _finish(attempt, now=when)
    if not graded:
        return attempt
    for answer in attempt.answers.filter(mark__isnull=True):
        answer.mark = answer.max_mark * Decimal(rng.choice([0.6, 0.8, 1]))
        answer.grader_comment = "Uraian Anda runtut; tambahkan contoh dari kelompok dampingan Anda."
        answer.save(update_fields=["mark", "grader_comment"])
    if attempt.state == AttemptState.SUBMITTED:
        _settle(attempt, list(attempt.answers.values_list("mark", flat=True)), now=when + timedelta(days=2))
    return attempt


def _response(question, chance, attitude, rng):
    kind = question.kind
    choices = list(question.choices.all())
    right = rng.random() < chance
    if kind == QuestionKind.LIKERT:
        level = round(rng.gauss(attitude, 0.7))
        level = min(max(level, 1), 5)
        return 6 - level if question.likert_reverse else level
    if kind == QuestionKind.ESSAY:
        return (
            "Saya akan mengajak pengurus dan anggota duduk bersama dalam pertemuan rutin, mendengar alasan "
            "masing-masing, lalu menyepakati langkah dan pembagian tugas yang dicatat dalam notulen."
        )
    if kind == QuestionKind.SHORT_ANSWER:
        accepted = [c.text for c in choices if c.percent == 100]
        return accepted[0] if right else "tidak tahu"
    correct = [c.pk for c in choices if c.percent > 0]
    wrong = [c.pk for c in choices if c.percent <= 0]
    if kind == QuestionKind.MULTIPLE:
        if right:
            return sorted(correct)
        return sorted({rng.choice(correct), rng.choice(wrong)})
    best = [c.pk for c in choices if c.percent == 100]
    return [best[0]] if right else [rng.choice(wrong)]
