"""Reads for a study's participants: the participant flow (in the style of CONSORT) and the baseline table.

Both are built from the same per-participant record, in a fixed number of queries however many
participants there are (participants, enrolments, attempts):
- Each participant's pre-test and post-test are their own forms (`forms_for`'s rule: form B
  first for a participant with `forms_reversed`).
- A test is *taken* when it has a finished attempt; it is *counted* when `select_counted`
  (STATS.md, Moodle's rule) picks a graded attempt; a trainee whose chosen attempt waits for a
  grader is awaiting grading, never given another attempt instead.
- Flow, per arm: assigned → took the pre-test → took the post-test → analysed (both tests
  counted). Who drops out at each step is given a reason: the enrolment was withdrawn, the
  test was not taken, or it is awaiting grading.
- Baseline: participants per arm and stratum, the mean counted pre-test score per arm (as a
  percentage of the form's maximum, so that two forms with different maxima compare), and
  `baseline_d` and `baseline_fisher_p` of `compare_groups` on the treatment arms' counted
  pre-test scores against the control arms', judged on the post-test's pass mark.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.constants import SEAT_HOLDING_STATUSES
from courses.models import Enrollment

from .analytics import compare_groups, select_counted
from .constants import FINISHED_STATES, ArmRole, AttemptState
from .models import Arm, Attempt, Study, StudyParticipant
from .study_pool import stratum_label

LOSS_LABELS = {
    "withdrawn": gettext_lazy("Enrolment withdrawn"),
    "no_pre_test": gettext_lazy("Did not take the pre-test"),
    "no_post_test": gettext_lazy("Did not take the post-test"),
    "awaiting_grading": gettext_lazy("Awaiting grading"),
}
STAGE_LABELS = {
    "assigned": gettext_lazy("Assigned"),
    "pre": gettext_lazy("Took the pre-test"),
    "post": gettext_lazy("Took the post-test"),
    "analysed": gettext_lazy("Analysed (both tests graded)"),
}


@dataclass
class TestRecord:
    taken: bool = False
    awaiting_grading: bool = False
    percent: float | None = None  # the counted attempt's score as a percentage of its maximum

    @property
    def counted(self) -> bool:
        return self.percent is not None


@dataclass
class ParticipantRecord:
    participant: StudyParticipant
    withdrawn: bool
    pre: TestRecord
    post: TestRecord


def participant_records(study: Study) -> list[ParticipantRecord]:
    """Every participant with their enrolment standing and their two tests. Three queries."""
    participants = list(study.participants.select_related("arm").order_by("arm__sort_order", "arm_id", "pk"))
    seats = set(
        Enrollment.objects.filter(
            cohort__study_arm_of__study=study,
            trainee__study_places__study=study,
            status__in=SEAT_HOLDING_STATUSES,
        ).values_list("cohort_id", "trainee_id")
    )
    rows = Attempt.objects.filter(
        quiz_id__in=[study.pre_test_id, study.post_test_id], trainee__study_places__study=study
    ).values_list("trainee_id", "quiz_id", "number", "state", "score", "max_score")
    attempts: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for trainee_id, quiz_id, number, state, score, max_score in rows.order_by():
        percent = None
        if state == AttemptState.GRADED:
            percent = float(score) * 100 / float(max_score) if max_score else 0.0
        attempts[(trainee_id, quiz_id)].append(
            {"trainee": trainee_id, "number": number, "finished": state in FINISHED_STATES, "score": percent}
        )
    quizzes = {study.pre_test_id: study.pre_test, study.post_test_id: study.post_test}
    records = []
    for participant in participants:
        pre_id, post_id = study.pre_test_id, study.post_test_id
        if participant.forms_reversed:
            pre_id, post_id = post_id, pre_id
        records.append(
            ParticipantRecord(
                participant=participant,
                withdrawn=(participant.arm.cohort_id, participant.trainee_id) not in seats,
                pre=_test_record(attempts[(participant.trainee_id, pre_id)], quizzes[pre_id].grading_method),
                post=_test_record(attempts[(participant.trainee_id, post_id)], quizzes[post_id].grading_method),
            )
        )
    return records


def _test_record(attempts: list[dict], method: str) -> TestRecord:
    if not any(attempt["finished"] for attempt in attempts):
        return TestRecord()
    chosen = select_counted(attempts, method)
    if chosen["awaiting_grading"]:
        return TestRecord(taken=True, awaiting_grading=True)
    [[_trainee, number]] = chosen["selected"]
    return TestRecord(taken=True, percent=next(a["score"] for a in attempts if a["number"] == number))


@dataclass
class Loss:
    key: str
    count: int

    @property
    def label(self) -> str:
        return str(LOSS_LABELS[self.key])


@dataclass
class Stage:
    key: str
    count: int
    lost: list[Loss] = field(default_factory=list)  # between the stage before and this one

    @property
    def label(self) -> str:
        return str(STAGE_LABELS[self.key])

    @property
    def lost_total(self) -> int:
        return sum(loss.count for loss in self.lost)


@dataclass
class FlowArm:
    arm: Arm
    stages: list[Stage]

    def count(self, key: str) -> int:
        return next(stage.count for stage in self.stages if stage.key == key)


def flow_of(records: list[ParticipantRecord], arm: Arm) -> FlowArm:
    """One arm's participant flow: the count at each stage and, between stages, who dropped out and why."""
    mine = [record for record in records if record.participant.arm_id == arm.pk]
    pre = [record for record in mine if record.pre.taken]
    post = [record for record in pre if record.post.taken]
    analysed = [record for record in post if record.pre.counted and record.post.counted]

    def split(lost, otherwise: str) -> list[Loss]:
        withdrawn = sum(1 for record in lost if record.withdrawn)
        return [Loss("withdrawn", withdrawn), Loss(otherwise, len(lost) - withdrawn)]

    return FlowArm(
        arm=arm,
        stages=[
            Stage("assigned", len(mine)),
            Stage("pre", len(pre), split([r for r in mine if not r.pre.taken], "no_pre_test")),
            Stage("post", len(post), split([r for r in pre if not r.post.taken], "no_post_test")),
            Stage("analysed", len(analysed), [Loss("awaiting_grading", len(post) - len(analysed))]),
        ],
    )


@dataclass
class BaselineArm:
    arm: Arm
    by_stratum: list[int]
    total: int
    n_pre: int  # participants with a counted pre-test
    pre_mean: float | None  # percent


@dataclass
class Baseline:
    strata: list[str]
    arms: list[BaselineArm]
    baseline_d: float | None
    baseline_fisher_p: float | None
    notes: list[str]

    @property
    def rows(self) -> list[tuple[str, list[int]]]:
        """Per stratum (in words), the count per arm: the table's body with the arms as columns."""
        return [
            (stratum_label(stratum), [arm.by_stratum[index] for arm in self.arms])
            for index, stratum in enumerate(self.strata)
        ]


def baseline_of(study: Study, records: list[ParticipantRecord], arms: list[Arm]) -> Baseline:
    """Counts per arm and stratum, the mean counted pre-test per arm, and the groups' equivalence at baseline."""
    strata = sorted({record.participant.stratum for record in records})
    cells = Counter((record.participant.arm_id, record.participant.stratum) for record in records)
    rows = []
    for arm in arms:
        scores = [r.pre.percent for r in records if r.participant.arm_id == arm.pk and r.pre.counted]
        rows.append(
            BaselineArm(
                arm=arm,
                by_stratum=[cells[(arm.pk, stratum)] for stratum in strata],
                total=sum(cells[(arm.pk, stratum)] for stratum in strata),
                n_pre=len(scores),
                pre_mean=sum(scores) / len(scores) if scores else None,
            )
        )
    role = {arm.pk: arm.role for arm in arms}
    treated = [r.pre.percent for r in records if r.pre.counted and role[r.participant.arm_id] == ArmRole.TREATMENT]
    control = [r.pre.percent for r in records if r.pre.counted and role[r.participant.arm_id] == ArmRole.CONTROL]
    pass_mark = float(study.post_test.pass_mark)
    result = compare_groups(treated, treated, control, control, max_score=100.0, pass_mark=pass_mark)
    notes = []
    if result["baseline_d"] is None:
        if len(treated) < 2 or len(control) < 2:
            notes.append(_("Fewer than two counted pre-tests in a group: the standardised difference is undefined."))
        else:
            notes.append(_("The pre-test scores vary in neither group: the standardised difference is undefined."))
    return Baseline(
        strata=strata,
        arms=rows,
        baseline_d=result["baseline_d"],
        baseline_fisher_p=result["baseline_fisher_p"] if treated and control else None,
        notes=notes,
    )


@dataclass
class StudyParticipants:
    flow: list[FlowArm]
    baseline: Baseline

    @property
    def assigned(self) -> int:
        return sum(arm.count("assigned") for arm in self.flow)

    @property
    def flow_rows(self) -> list[tuple[str, bool, list[int]]]:
        """The flow as a table with the arms as columns: (label, is a reason for loss, count per arm)."""
        if not self.flow:
            return []
        rows = []
        for index, stage in enumerate(self.flow[0].stages):
            for position, loss in enumerate(stage.lost):
                rows.append((loss.label, True, [arm.stages[index].lost[position].count for arm in self.flow]))
            rows.append((stage.label, False, [arm.stages[index].count for arm in self.flow]))
        return rows


def study_participants(study: Study, arms: list[Arm]) -> StudyParticipants:
    """The flow and the baseline of a study, from one reading of its participants (three queries)."""
    records = participant_records(study)
    return StudyParticipants(flow=[flow_of(records, arm) for arm in arms], baseline=baseline_of(study, records, arms))
