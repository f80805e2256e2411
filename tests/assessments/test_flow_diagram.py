"""The participant-flow diagram's geometry: boxes stacked down a 320-unit column, a drop-out box beside
each step, every line of Indonesian text within its box at the font size the template uses."""

import itertools
import xml.etree.ElementTree as ET

from django.template.loader import render_to_string
from django.utils import translation

from assessments.constants import ArmRole
from assessments.flow_diagram import WIDTH, flow_diagram
from assessments.models import Arm
from assessments.study_flow import FlowArm, Loss, Stage
from courses.models import Cohort

CHAR_WIDTH = 0.62  # a generous average advance of a sans-serif character, in ems
SVG = "{http://www.w3.org/2000/svg}"


def _flow(counts=(20, 18, 15, 14)):
    arm = Arm(pk=3, cohort=Cohort(name="Angkatan Kontrol Jawa Timur 2026"), role=ArmRole.CONTROL)
    assigned, pre, post, analysed = counts
    return FlowArm(
        arm=arm,
        stages=[
            Stage("assigned", assigned),
            Stage("pre", pre, [Loss("withdrawn", 1), Loss("no_pre_test", assigned - pre - 1)]),
            Stage("post", post, [Loss("withdrawn", 0), Loss("no_post_test", pre - post)]),
            Stage("analysed", analysed, [Loss("awaiting_grading", post - analysed)]),
        ],
    )


def test_every_line_fits_its_box_and_every_box_the_column():
    with translation.override("id"):
        diagram = flow_diagram(_flow())
    assert diagram.width == WIDTH
    stages = [box for box in diagram.boxes if box.kind == "stage"]
    assert [box.lines[1] for box in stages] == ["n = 20", "n = 18", "n = 15", "n = 14"]
    assert stages[0].lines[0] == "Ditempatkan"
    losses = [box for box in diagram.boxes if box.kind == "loss"]
    assert losses[0].lines == ["Tidak disertakan: n = 2", "Keluar dari angkatan: 1", "Tidak mengikuti pra-uji: 1"]
    for box in diagram.boxes:
        font = 15 if box.kind == "stage" else 13
        assert box.x >= 0 and box.x + box.width <= WIDTH
        for _y, line in box.baselines:
            assert len(line) * CHAR_WIDTH * font <= box.width - 12, line
        assert box.baselines[-1][0] <= box.y + box.height - 4
    ordered = sorted(diagram.boxes, key=lambda box: box.y)
    for upper, lower in itertools.pairwise(ordered):
        assert upper.y + upper.height < lower.y  # nothing overlaps
    assert diagram.height >= ordered[-1].y + ordered[-1].height


def test_the_template_draws_well_formed_svg_with_a_title_for_screen_readers():
    with translation.override("id"):
        html = render_to_string("assessments/study_flow_diagram.html", {"diagram": flow_diagram(_flow())})
    svg = ET.fromstring(html[html.index("<svg") : html.index("</svg>") + len("</svg>")])  # noqa: S314 - our own template
    assert svg.get("viewBox").split()[2] == str(WIDTH + 2)
    assert svg.find(f"{SVG}title").text.startswith("Alur peserta: Angkatan Kontrol Jawa Timur 2026")
    assert len(svg.findall(f"{SVG}rect")) == 7 and len(svg.findall(f"{SVG}line")) == 6
    texts = [text.text for text in svg.iter(f"{SVG}text")]
    assert "Dianalisis (kedua tes dinilai)" in texts and "Menunggu penilaian: 1" in texts
