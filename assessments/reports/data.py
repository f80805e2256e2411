"""Selectors that fetch what the statistics need, in a fixed number of queries whatever the size.

The counted attempt of each trainee follows the quiz's rule through the one selector that owns it
(`assessments.selectors.counted_by_trainee`, STATS.md v2): a trainee whose counted attempt waits for
a grader is named as awaiting grading, never given another attempt instead. Pre-test and post-test
are paired per trainee; a trainee with only one of them is reported as unpaired, never silently
dropped.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Case, CharField, Count, Exists, F, FloatField, OuterRef, Sum, Value, When
from django.db.models.functions import Cast

from assessments.constants import FINISHED_STATES, AttemptState, QuestionKind
from assessments.models import Answer, Attempt, Question, Quiz, StudyParticipant
from assessments.selectors import counted_by_trainee
from courses.models import Aspect, MentorRole


class AttemptRow(NamedTuple):
    """A finished attempt as the counting rule and the reports need it (one query, no model instances)."""

    pk: int
    quiz_id: int
    cohort_id: int
    trainee_id: int
    number: int
    state: str
    score: object  # Decimal, None while awaiting grading
    max_score: object


ATTEMPT_ROW_FIELDS = ("pk", "quiz_id", "cohort_id", "trainee_id", "number", "state", "score", "max_score")


def finished_attempts(*, quiz_ids: list[int], cohort_ids: list[int]) -> list[AttemptRow]:
    """One query: every finished attempt (graded or awaiting a grader) of the quizzes in the cohorts."""
    rows = Attempt.objects.filter(quiz_id__in=quiz_ids, cohort_id__in=cohort_ids, state__in=FINISHED_STATES)
    return [AttemptRow(*row) for row in rows.values_list(*ATTEMPT_ROW_FIELDS).order_by()]


@dataclass
class Counted:
    """The counted attempt per trainee: attempt id, score and maximum, by trainee id; and who awaits grading."""

    attempt_ids: dict[int, int] = field(default_factory=dict)
    scores: dict[int, float] = field(default_factory=dict)
    max_scores: dict[int, float] = field(default_factory=dict)
    awaiting_grading: list[int] = field(default_factory=list)


def counted_from(method: str, rows: list[AttemptRow]) -> Counted:
    """The rows reduced to one counted attempt per trainee by the quiz's rule (`counted_by_trainee`)."""
    selected, awaiting = counted_by_trainee(method, rows)
    counted = Counted(awaiting_grading=list(awaiting))
    for trainee, row in selected.items():
        counted.attempt_ids[trainee] = row.pk
        counted.scores[trainee] = float(row.score)
        counted.max_scores[trainee] = float(row.max_score)
    return counted


def counted_attempts(*, quiz: Quiz, cohort_ids: list[int]) -> Counted:
    """One query: every finished attempt of the cohorts, reduced to one per trainee by the quiz's rule."""
    return counted_from(quiz.grading_method, finished_attempts(quiz_ids=[quiz.pk], cohort_ids=cohort_ids))


@dataclass
class Paired:
    """Totals of trainees with both a counted pre-test and a counted post-test, in the same order.

    `awaiting_pre` / `awaiting_post` name the trainees whose counted pre-test / post-test waits for a
    grader: they are in no pair and in neither unpaired list until it is graded. With parallel forms
    (`study_id` set), a trainee who takes form B first has the post-test quiz as pre-test.
    """

    trainee_ids: list[int]
    pre: list[float]
    post: list[float]
    pre_attempts: list[int]
    post_attempts: list[int]
    only_pre: list[int]
    only_post: list[int]
    max_score: float
    pass_score: float
    pre_quiz_id: int = 0
    post_quiz_id: int = 0
    cohort_ids: list[int] = field(default_factory=list)
    awaiting_pre: list[int] = field(default_factory=list)
    awaiting_post: list[int] = field(default_factory=list)
    study_id: int | None = None  # set when some trainees took the forms in reverse order


def pair_counted(pre: Counted, post: Counted, *, max_score: float, pass_score: float, **fields) -> Paired:
    """Pair two waves of counted attempts by trainee (sorted by trainee id)."""
    both = sorted(set(pre.scores) & set(post.scores))
    return Paired(
        trainee_ids=both,
        pre=[pre.scores[t] for t in both],
        post=[post.scores[t] for t in both],
        pre_attempts=[pre.attempt_ids[t] for t in both],
        post_attempts=[post.attempt_ids[t] for t in both],
        only_pre=sorted(set(pre.scores) - set(post.scores) - set(post.awaiting_grading)),
        only_post=sorted(set(post.scores) - set(pre.scores) - set(pre.awaiting_grading)),
        max_score=max_score,
        pass_score=pass_score,
        awaiting_pre=sorted(pre.awaiting_grading),
        awaiting_post=sorted(post.awaiting_grading),
        **fields,
    )


def paired_totals(*, pre_quiz: Quiz, post_quiz: Quiz, cohort_ids: list[int]) -> Paired:
    """One query. Scores are on the post-test's scale; the pass score is its pass mark of that scale."""
    rows = finished_attempts(quiz_ids=[pre_quiz.pk, post_quiz.pk], cohort_ids=cohort_ids)
    pre = counted_from(pre_quiz.grading_method, [row for row in rows if row.quiz_id == pre_quiz.pk])
    post = counted_from(post_quiz.grading_method, [row for row in rows if row.quiz_id == post_quiz.pk])
    max_score = max(post.max_scores.values(), default=0.0) or max(pre.max_scores.values(), default=0.0)
    return pair_counted(
        pre,
        post,
        max_score=max_score,
        pass_score=max_score * float(post_quiz.pass_mark) / 100,
        pre_quiz_id=pre_quiz.pk,
        post_quiz_id=post_quiz.pk,
        cohort_ids=list(cohort_ids),
    )


@dataclass
class TagTotals:
    """Per tag (aspect or mentor role): paired pre and post subtotals and their maximum."""

    label: str
    pre: list[float]
    post: list[float]
    max_score: float


def tag_sums(*, quiz_ids: list[int], cohort_ids: list[int], tag: str) -> dict[tuple[int, int], tuple[float, float]]:
    """One query: per (graded attempt, tag), the sum of marks and of maxima (tag "aspects" or "mentor_roles")."""
    # Every graded attempt of the quizzes in the cohorts, rather than a list of tens of thousands of
    # counted ids as parameters; the few attempts that do not count are simply never looked up.
    rows = (
        Answer.objects.filter(
            attempt__quiz_id__in=quiz_ids,
            attempt__cohort_id__in=cohort_ids,
            attempt__state=AttemptState.GRADED,
            **{f"question__{tag}__isnull": False},
        )
        .values_list("attempt_id", f"question__{tag}")
        # Summed exactly as decimals, then sent as floats: the same numbers, without a Decimal per row here.
        .annotate(marks=Cast(Sum("mark"), FloatField()), maximum=Cast(Sum("max_mark"), FloatField()))
        .order_by()
    )
    return {(attempt_id, tag_id): (marks or 0.0, maximum or 0.0) for attempt_id, tag_id, marks, maximum in rows}


def tag_labels(tag: str) -> dict[int, str]:
    model = Aspect if tag == "aspects" else MentorRole
    return {obj.pk: obj.name for obj in model.objects.order_by("sort_order")}


def totals_by_tag(paired: Paired, *, tag: str) -> list[TagTotals]:
    """Two queries: subtotals of the paired attempts by aspect (tag="aspects") or role ("mentor_roles")."""
    labels = tag_labels(tag)
    sums = tag_sums(quiz_ids=[paired.pre_quiz_id, paired.post_quiz_id], cohort_ids=paired.cohort_ids, tag=tag)
    result = []
    for tag_id, label in labels.items():
        pre = [sums.get((a, tag_id), (0.0, 0.0)) for a in paired.pre_attempts]
        post = [sums.get((a, tag_id), (0.0, 0.0)) for a in paired.post_attempts]
        maximum = max((m for _s, m in pre + post), default=0.0)
        if maximum:
            result.append(TagTotals(label, [s for s, _m in pre], [s for s, _m in post], maximum))
    return result


def category_counts(paired: Paired) -> dict[str, dict[str, tuple[dict, dict]]]:
    """One query, counted in the database: per aspect, how often each answer category was given before and after.

    Two tables per aspect: knowledge items by right/wrong (right = the full mark), and attitude
    (Likert) items by level. Returns {aspect label: {"knowledge"|"attitude": (pre counts, post counts)}}.
    """
    labels = {obj.pk: obj.name for obj in Aspect.objects.order_by("sort_order")}
    category = Case(
        When(question__kind=QuestionKind.LIKERT, then=Cast("response", CharField())),
        When(mark=F("max_mark"), then=Value("benar")),
        default=Value("salah"),
        output_field=CharField(),
    )
    rows = (
        Answer.objects.filter(
            attempt_id__in=paired.pre_attempts + paired.post_attempts,
            question__aspects__isnull=False,
            response__isnull=False,
        )
        .exclude(question__kind=QuestionKind.ESSAY)
        .annotate(category=category, reversed=_forms_reversed(paired))
        .values_list("attempt__quiz_id", "reversed", "question__aspects", "question__kind", "category")
        .annotate(count=Count("pk"))
        .order_by()  # the models' default orderings would sort every answer for nothing
    )
    tallies: dict[tuple, int] = defaultdict(int)
    for quiz_id, forms_reversed, aspect_id, kind, value, count in rows:
        table = "attitude" if kind == QuestionKind.LIKERT else "knowledge"
        phase = "pre" if (quiz_id == paired.pre_quiz_id) != bool(forms_reversed) else "post"
        tallies[(aspect_id, table, phase, value)] += count
    tables: dict[str, dict[str, tuple[dict, dict]]] = {}
    for aspect_id, label in labels.items():
        for table in ("knowledge", "attitude"):
            pre = {
                value: n for (a, t, phase, value), n in tallies.items() if (a, t, phase) == (aspect_id, table, "pre")
            }
            post = {
                value: n for (a, t, phase, value), n in tallies.items() if (a, t, phase) == (aspect_id, table, "post")
            }
            if pre or post:
                tables.setdefault(label, {})[table] = (pre, post)
    return tables


def _forms_reversed(paired: Paired):
    """Whether the answer's trainee took the study's forms in reverse order (then the post-test quiz came first)."""
    if paired.study_id is None:
        return Value(False)
    return Exists(
        StudyParticipant.objects.filter(
            study_id=paired.study_id, trainee_id=OuterRef("attempt__trainee_id"), forms_reversed=True
        )
    )


@dataclass
class ItemMatrix:
    questions: list[Question]
    max_marks: list[float]
    scores: list[list[float]]  # attempts by items
    left_out: int  # items not put to every counted attempt (random draws), left out of the analysis
    awaiting_grading: list[int] = field(default_factory=list)  # trainees whose counted attempt waits for a grader


def item_matrix(*, quiz: Quiz, cohort_ids: list[int]) -> ItemMatrix:
    """Three queries: counted attempts, their marks, and the questions."""
    counted = counted_attempts(quiz=quiz, cohort_ids=cohort_ids)
    attempt_ids = list(counted.attempt_ids.values())
    marks: dict[int, dict[int, float]] = defaultdict(dict)
    max_marks: dict[int, float] = {}
    rows = Answer.objects.filter(attempt_id__in=attempt_ids).values_list(
        "attempt_id", "question_id", "mark", "max_mark"
    )
    for attempt_id, question_id, mark, max_mark in rows.order_by():
        marks[attempt_id][question_id] = float(mark or 0)
        max_marks[question_id] = float(max_mark)
    scored = [pk for pk, maximum in max_marks.items() if maximum > 0]
    common = [pk for pk in scored if all(pk in marks[a] for a in attempt_ids)]
    questions = Question.objects.in_bulk(common)
    order = sorted(common, key=lambda pk: (questions[pk].title, pk))
    return ItemMatrix(
        questions=[questions[pk] for pk in order],
        max_marks=[max_marks[pk] for pk in order],
        scores=[[marks[a][pk] for pk in order] for a in attempt_ids],
        left_out=len(scored) - len(common),
        awaiting_grading=counted.awaiting_grading,
    )
