"""Questions of every kind, and quizzes built from them."""

from decimal import Decimal

import factory

from assessments.constants import QuestionKind, QuizKind
from assessments.models import Choice, Question, QuestionCategory, Quiz, QuizQuestion


class QuestionCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionCategory
        django_get_or_create = ["name"]

    name = "Bank uji/Pengetahuan"


def make_question(
    kind=QuestionKind.SINGLE, *, text=None, mark=1, choices=None, category=None, roles=(), aspects=(), **fields
) -> Question:
    """A saved question; `choices` is a list of (text, percent, feedback); sensible defaults per kind."""
    if choices is None:
        choices = {
            QuestionKind.SINGLE: [
                ("Pendamping sosial", 100, "Benar, pendamping memandu pertemuan."),
                ("Kepala desa", 0, "Kepala desa tidak memandu pertemuan KUBE."),
                ("Camat", 0, "Bukan tugas camat."),
            ],
            QuestionKind.MULTIPLE: [
                ("Mencatat kas", 50, ""),
                ("Menyusun rencana usaha", 50, ""),
                ("Membagi hibah untuk pribadi", -100, "Ini penyalahgunaan dana."),
            ],
            QuestionKind.TRUE_FALSE: [("true", 100, "Tepat."), ("false", 0, "Keliru, IKS memang dihimpun KUBE.")],
            QuestionKind.SHORT_ANSWER: [("IKS", 100, ""), ("iuran kesetiakawanan sosial", 100, "")],
        }.get(kind, [])
    question = Question.objects.create(
        category=category or QuestionCategoryFactory(),
        kind=kind,
        text=text or f"Soal {kind}: siapa yang memandu pertemuan rutin KUBE?",
        mark=Decimal(mark),
        general_feedback="Umpan balik umum: pendamping memandu, anggota memutuskan.",
        **fields,
    )
    if roles or aspects:
        question.mentor_roles.set(roles)
        question.aspects.set(aspects)
        question.save()
    for order, (choice_text, percent, feedback) in enumerate(choices):
        Choice.objects.create(
            question=question, sort_order=order, text=choice_text, percent=Decimal(percent), feedback=feedback
        )
    return question


def make_quiz(course, questions, *, kind=QuizKind.PRACTICE, **fields) -> Quiz:
    defaults = {"title": f"Kuis {kind}", "is_live": True, "attempts_allowed": 2, "shuffle_choices": False}
    quiz = Quiz.objects.create(course=course, kind=kind, **(defaults | fields))
    for order, question in enumerate(questions):
        QuizQuestion.objects.create(quiz=quiz, question=question, sort_order=order)
    return quiz


def every_kind() -> list[Question]:
    return [
        make_question(QuestionKind.SINGLE),
        make_question(QuestionKind.MULTIPLE, mark=2),
        make_question(QuestionKind.TRUE_FALSE),
        make_question(QuestionKind.SHORT_ANSWER),
        make_question(QuestionKind.LIKERT, text="Pendamping sebaiknya memutuskan untuk kelompok.", likert_reverse=True),
    ]
