"""The supervisor dashboard's charts: server-side SVG (pygal), each drawn from the table beside it.

They are shown as images from data: URIs, like the assessment reports' charts, so the strict
Content-Security-Policy holds (an SVG shown as an image runs no script and keeps its own
styles). The numbers are always in the accessible table next to the chart too.

They are drawn for a phone: a narrow canvas (an SVG scales to the screen's width, so a 640 px
canvas on a 360 px phone halves every font) with large label, legend and value fonts, and short
labels (sub-region names with "Kab."; at most SUBREGIONS_DRAWN sub-regions with trainees, the
most enrolled, as the chart's title says; every one of them is in the table).
"""

import base64

import pygal
from django.utils.translation import gettext as _
from pygal.style import Style

from assessments.reports.charts import CONFIG, STYLE

from .selectors import Funnel

# Drawn 400 px wide: on a 360 px phone (about 320 px for the image) a 16 px font shows at ~13 px.
WIDTH = 400
PHONE_STYLE = Style(
    **{name: getattr(STYLE, name) for name in ("background", "plot_background", "foreground", "colors")},
    foreground_strong=STYLE.foreground_strong,
    foreground_subtle=STYLE.foreground_subtle,
    font_family=STYLE.font_family,
    label_font_size=16,
    major_label_font_size=16,
    legend_font_size=16,
    value_font_size=16,
    title_font_size=18,
    tooltip_font_size=16,
)
SUBREGIONS_DRAWN = 8
LABEL_CHARACTERS = 14
PREFIX = ("Kabupaten ", "Kab. ")

# The stages drawn per sub-region: where trainees start, how many pass, how many end certified.
SUBREGION_SERIES = ("enrolled", "post_test", "certified")


def _data_uri(chart) -> str:
    svg = chart.render()
    if isinstance(svg, str):
        svg = svg.encode("utf-8")
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def _config(bars: int) -> dict:
    """A narrow canvas about 34 px per bar (and room for the title and legend), big fonts."""
    return {
        **CONFIG,
        "style": PHONE_STYLE,
        "width": WIDTH,
        "height": max(300, 110 + 34 * bars),
        "print_values": True,
        "truncate_label": LABEL_CHARACTERS,
        "truncate_legend": 18,
        "legend_box_size": 14,
        "show_y_guides": False,
        "show_x_guides": False,
        "max_scale": 5,
        "margin": 8,
    }


def short_region_name(name: str) -> str:
    """ "Kabupaten Malang" -> "Kab. Malang" ("Kota Malang" stays distinct; the table has the full name)."""
    return PREFIX[1] + name[len(PREFIX[0]) :] if name.startswith(PREFIX[0]) else name


def funnel_chart(title: str, funnel: Funnel) -> str:
    """One horizontal bar per stage, first stage on top, with the totals of the funnel."""
    config = _config(len(funnel.stages))
    config["truncate_label"] = 18  # the stage names are the whole point; they are short enough
    chart = pygal.HorizontalBar(title=title, show_legend=False, **config)
    # pygal draws the first label at the bottom; reverse so the funnel reads top-down.
    chart.x_labels = [str(label) for label in reversed(funnel.labels)]
    chart.add(title, list(reversed(funnel.total.values(funnel.stages))))
    return _data_uri(chart)


def subregion_chart(title: str, funnel: Funnel) -> str:
    """Enrolled, post-test passed and certified trainees of the most enrolled sub-regions, as grouped bars."""
    labels = dict(zip(funnel.stages, funnel.labels, strict=True))
    enrolled = [row for row in funnel.rows if row.counts.get("enrolled", 0)]
    drawn = sorted(enrolled, key=lambda row: -row.counts["enrolled"])[:SUBREGIONS_DRAWN]
    if len(enrolled) > len(drawn):
        title = _("%(title)s (the %(count)s most enrolled)") % {"title": title, "count": len(drawn)}
    rows = list(reversed(drawn))
    config = _config(len(rows) * len(SUBREGION_SERIES) * 2 // 3 + 1)
    config["print_values"] = False
    config["legend_at_bottom_columns"] = 1  # one series a line: the stage names fit the width
    chart = pygal.HorizontalBar(title=title, **config)
    chart.x_labels = [short_region_name(row.label) for row in rows]
    for stage in SUBREGION_SERIES:
        chart.add(str(labels[stage]), [row.counts.get(stage, 0) for row in rows])
    return _data_uri(chart)
