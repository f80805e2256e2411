"""Where the boxes and arrows of the participant-flow diagram go; the template draws them as SVG.

templates/assessments/study_flow_diagram.html draws one diagram per arm, each 320 units wide and
set at most 320 px wide, so its text (13 to 14 px) reads on a 360 px phone. The arms stand side by
side on a wide screen and one under the other on a phone (CSS wraps them). The stages run down
the diagram; between two stages an arrow branches right to a box naming who dropped out, and why.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .study_flow import FlowArm

WIDTH = 320
STAGE_HEIGHT = 46
LINE = 18  # height of a line of text in a drop-out box
GAP = 12
TRUNK_X = 24  # the vertical arrow runs down here
BRANCH_X = 56  # drop-out boxes start here


@dataclass
class Box:
    x: int
    y: int
    width: int
    height: int
    lines: list[str]
    kind: str  # "stage" or "loss"

    @property
    def text_x(self) -> int:
        return self.x + 10

    @property
    def baselines(self) -> list[tuple[int, str]]:
        """(y, text) of each line, the first one bold in the template."""
        step = 20 if self.kind == "stage" else LINE
        return [(self.y + 19 + step * index, line) for index, line in enumerate(self.lines)]


@dataclass
class Arrow:
    x1: int
    y1: int
    x2: int
    y2: int


@dataclass
class Diagram:
    key: str
    title: str
    description: str
    height: int = 0
    width: int = WIDTH
    boxes: list[Box] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)


def flow_diagram(flow: FlowArm) -> Diagram:
    arm = flow.arm
    title = _("Participant flow: %(cohort)s (%(role)s)") % {"cohort": arm.cohort.name, "role": arm.get_role_display()}
    description = "; ".join(f"{stage.label}: {stage.count}" for stage in flow.stages)
    diagram = Diagram(key=f"alur-{arm.pk}", title=title, description=description)
    y = 0
    for index, stage in enumerate(flow.stages):
        if index:
            lines = [_("Not included: n = %(count)s") % {"count": stage.lost_total}]
            lines += [f"{loss.label}: {loss.count}" for loss in stage.lost]
            top = y + GAP
            loss = Box(BRANCH_X, top, WIDTH - BRANCH_X - 1, 10 + LINE * len(lines), lines, "loss")
            diagram.boxes.append(loss)
            middle = loss.y + loss.height // 2
            diagram.arrows.append(Arrow(TRUNK_X, middle, BRANCH_X - 2, middle))
            next_top = loss.y + loss.height + GAP
            diagram.arrows.append(Arrow(TRUNK_X, y, TRUNK_X, next_top - 2))
            y = next_top
        lines = [stage.label, f"n = {stage.count}"]
        diagram.boxes.append(Box(0, y, WIDTH - 1, STAGE_HEIGHT, lines, "stage"))
        y += STAGE_HEIGHT
    diagram.height = y + 1
    return diagram
