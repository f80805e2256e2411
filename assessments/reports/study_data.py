"""What the study report and the research export read, in a fixed number of queries whatever the size.

Per arm, the two waves of counted attempts (pre and post) of the arm's cohort, chosen by the one
counting rule (`counted_by_trainee`, STATS.md v2: a counted attempt awaiting grading is named, never
replaced). With parallel forms a participant who takes form B first (`forms_reversed`) has the
post-test quiz as their pre-test wave and the pre-test quiz as their post-test wave. Scores are put
on one scale, the post-test's maximum, so the two forms can be pooled; when both forms have the same
maximum nothing is rescaled. Arms of the same role are pooled for the treatment-against-control
figures by the report, not here.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import CharField, Count
from django.db.models.functions import Cast

from assessments.analytics._common import TOLERANCE
from assessments.constants import AttemptState, QuestionKind
from assessments.models import Answer, Arm, Question, Study, StudyParticipant
from assessments.selectors import counted_by_trainee

from .data import Counted, Paired, finished_attempts, pair_counted

FORM_A, FORM_B = "A", "B"


@dataclass
class ArmWaves:
    """One arm: its counted waves (every trainee, paired or not) and the pairs the statistics use."""

    arm: Arm
    label: str
    pre: Counted
    post: Counted
    paired: Paired
    strata: dict[int, str] = field(default_factory=dict)
    reversed: set[int] = field(default_factory=set)  # trainees who took form B first

    def form(self, trainee_id: int, wave: str) -> str:
        """ "A" (the pre-test quiz) or "B" (the post-test quiz): which form the trainee took at the wave."""
        first = trainee_id in self.reversed
        return (FORM_B if first else FORM_A) if wave == "pre" else (FORM_A if first else FORM_B)


@dataclass
class StudyWaves:
    study: Study
    arms: list[ArmWaves]
    max_score: float
    pass_score: float


def study_waves(study: Study) -> StudyWaves:
    """Three queries: the arms, the participants and every finished attempt on the study's two tests."""
    arms = list(study.arms.select_related("cohort").order_by("sort_order", "pk"))
    participants = StudyParticipant.objects.filter(study=study).values_list("trainee_id", "stratum", "forms_reversed")
    strata, reversed_ = {}, set()
    for trainee_id, stratum, forms_reversed in participants:
        strata[trainee_id] = stratum
        if forms_reversed and study.parallel_forms:
            reversed_.add(trainee_id)
    quizzes = {study.pre_test_id: study.pre_test, study.post_test_id: study.post_test}
    rows = finished_attempts(quiz_ids=list(quizzes), cohort_ids=[arm.cohort_id for arm in arms])
    grouped = defaultdict(list)
    for row in rows:
        grouped[(row.quiz_id, row.cohort_id)].append(row)
    counted = {}
    for key, group in grouped.items():
        selected, awaiting = counted_by_trainee(quizzes[key[0]].grading_method, group)
        counted[key] = (selected, set(awaiting))
    max_score = _common_maximum(rows, study)
    pass_score = max_score * float(study.post_test.pass_mark) / 100
    result = []
    for arm in arms:
        pre, post = _waves(arm.cohort_id, study, counted, reversed_, max_score)
        in_arm = set(pre.scores) | set(post.scores) | set(pre.awaiting_grading) | set(post.awaiting_grading)
        arm_reversed = reversed_ & in_arm
        paired = pair_counted(
            pre,
            post,
            max_score=max_score,
            pass_score=pass_score,
            pre_quiz_id=study.pre_test_id,
            post_quiz_id=study.post_test_id,
            cohort_ids=[arm.cohort_id],
            study_id=study.pk if arm_reversed else None,
        )
        label = f"{arm.cohort.name} ({arm.get_role_display()})"
        result.append(ArmWaves(arm, label, pre, post, paired, strata, arm_reversed))
    return StudyWaves(study, result, max_score, pass_score)


def _common_maximum(rows, study: Study) -> float:
    """The post-test's maximum (as its attempts record it), else the pre-test's; 0 with no attempt at all."""
    for quiz_id in (study.post_test_id, study.pre_test_id):
        maxima = [float(row.max_score) for row in rows if row.quiz_id == quiz_id]
        if maxima:
            return max(maxima)
    return 0.0


def _waves(cohort_id: int, study: Study, counted: dict, reversed_: set, max_score: float) -> tuple[Counted, Counted]:
    pre, post = Counted(), Counted()
    empty = ({}, set())
    quiz_ids = (study.pre_test_id, study.post_test_id)
    trainees = set()
    for quiz_id in quiz_ids:
        selected, awaiting = counted.get((quiz_id, cohort_id), empty)
        trainees |= set(selected) | set(awaiting)
    for trainee in sorted(trainees):
        first, second = quiz_ids[::-1] if trainee in reversed_ else quiz_ids
        for quiz_id, wave in ((first, pre), (second, post)):
            selected, awaiting = counted.get((quiz_id, cohort_id), empty)
            row = selected.get(trainee)
            if row is not None:
                wave.attempt_ids[trainee] = row.pk
                wave.scores[trainee] = on_scale(float(row.score), float(row.max_score), max_score)
                wave.max_scores[trainee] = max_score
            elif trainee in awaiting:  # a set
                wave.awaiting_grading.append(trainee)
    return pre, post


def on_scale(score: float, maximum: float, common: float) -> float:
    """A score on the common scale; unchanged when its maximum already is the common one (within TOLERANCE)."""
    if not maximum or abs(maximum - common) <= TOLERANCE:
        return score
    return score * common / maximum


@dataclass
class Survey:
    """The reaction survey: its Likert items and, per arm, how often each level was chosen."""

    questions: list[Question]
    counts: dict[int, dict[int, dict[int, int]]]  # arm pk -> question pk -> level -> count
    respondents: dict[int, int]  # arm pk -> trainees with a counted survey attempt
    awaiting: dict[int, list[int]]  # arm pk -> trainees whose counted survey attempt awaits grading


def survey_counts(study: Study, arms: list[Arm]) -> Survey | None:
    """Three queries: the survey's finished attempts, the counted ones' Likert answers, and their questions."""
    survey = study.reaction_survey
    if survey is None:
        return None
    by_cohort = {arm.cohort_id: arm for arm in arms}
    grouped = defaultdict(list)
    for row in finished_attempts(quiz_ids=[survey.pk], cohort_ids=list(by_cohort)):
        grouped[row.cohort_id].append(row)
    attempt_arm, respondents, awaiting = {}, {arm.pk: 0 for arm in arms}, {arm.pk: [] for arm in arms}
    for cohort_id, rows in grouped.items():
        selected, waiting = counted_by_trainee(survey.grading_method, rows)
        arm = by_cohort[cohort_id]
        respondents[arm.pk] = len(selected)
        awaiting[arm.pk] = list(waiting)
        attempt_arm.update({row.pk: arm.pk for row in selected.values()})
    rows = (
        Answer.objects.filter(
            attempt_id__in=list(attempt_arm),
            attempt__state=AttemptState.GRADED,
            question__kind=QuestionKind.LIKERT,
            response__isnull=False,
        )
        .annotate(level=Cast("response", CharField()))
        .values_list("attempt__cohort_id", "question_id", "level")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts: dict[int, dict[int, dict[int, int]]] = {arm.pk: {} for arm in arms}
    for cohort_id, question_id, level, count in rows:
        per_level = counts[by_cohort[cohort_id].pk].setdefault(question_id, {})
        per_level[int(level)] = per_level.get(int(level), 0) + count
    fixed = survey.fixed_questions.order_by("sort_order").values_list("question_id", flat=True)
    order = {pk: n for n, pk in enumerate(fixed)}
    asked = {question_id for per_arm in counts.values() for question_id in per_arm}
    questions = sorted(
        Question.objects.filter(pk__in=asked), key=lambda q: (order.get(q.pk, len(order)), q.title, q.pk)
    )
    return Survey(questions, counts, respondents, awaiting)


def item_marks(waves: StudyWaves) -> tuple[dict[int, list[tuple[int, float, float]]], dict[int, tuple[str, str]]]:
    """Two queries: per counted attempt, its (question, mark, maximum) in order; and each question's code and text.

    Reads every graded attempt of the two tests in the arms' cohorts (not a list of counted ids as
    parameters) and keeps the counted ones.
    """
    study = waves.study
    counted = {
        attempt_id for arm in waves.arms for wave in (arm.pre, arm.post) for attempt_id in wave.attempt_ids.values()
    }
    rows = (
        Answer.objects.filter(
            attempt__quiz_id__in=[study.pre_test_id, study.post_test_id],
            attempt__cohort_id__in=[arm.arm.cohort_id for arm in waves.arms],
            attempt__state=AttemptState.GRADED,
        )
        .values_list("attempt_id", "position", "question_id", "mark", "max_mark")
        .order_by()
    )
    marks: dict[int, list[tuple[int, int, float, float]]] = defaultdict(list)
    for attempt_id, position, question_id, mark, max_mark in rows.iterator(chunk_size=10_000):
        if attempt_id in counted:
            marks[attempt_id].append((position, question_id, float(mark or 0), float(max_mark)))
    ordered = {attempt_id: [row[1:] for row in sorted(items)] for attempt_id, items in marks.items()}
    question_ids = {row[0] for items in ordered.values() for row in items}
    return ordered, item_codes(question_ids)


def item_codes(question_ids) -> dict[int, tuple[str, str]]:
    """One query: each question's code (its title when no other of them has the same one, else "Q" and its id)
    and its text."""
    rows = Question.objects.filter(pk__in=question_ids).values_list("pk", "title", "text")
    seen = defaultdict(int)
    for _pk, title, _text in rows:
        seen[title.strip()] += 1
    return {
        pk: (title.strip() if title.strip() and seen[title.strip()] == 1 else f"Q{pk}", " ".join(text.split()))
        for pk, title, text in rows
    }
