"""The supervisor dashboard's charts: server-side SVG (pygal), each drawn from the table beside it.

They are shown as images from data: URIs, like the assessment reports' charts, so the strict
Content-Security-Policy holds (an SVG shown as an image runs no script and keeps its own
styles). The numbers are always in the accessible table next to the chart too.
"""

import base64

import pygal

from assessments.reports.charts import CONFIG

from .selectors import Funnel

# The stages drawn per sub-region: where trainees start, how many pass, how many end certified.
SUBREGION_SERIES = ("enrolled", "post_test", "certified")


def _data_uri(chart) -> str:
    svg = chart.render()
    if isinstance(svg, str):
        svg = svg.encode("utf-8")
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def _config(rows: int) -> dict:
    return {**CONFIG, "height": max(320, 80 + 34 * rows), "print_values": True}


def funnel_chart(title: str, funnel: Funnel) -> str:
    """One horizontal bar per stage, first stage on top, with the totals of the funnel."""
    chart = pygal.HorizontalBar(title=title, show_legend=False, **_config(len(funnel.stages)))
    # pygal draws the first label at the bottom; reverse so the funnel reads top-down.
    chart.x_labels = [str(label) for label in reversed(funnel.labels)]
    chart.add(title, list(reversed(funnel.total.values(funnel.stages))))
    return _data_uri(chart)


def subregion_chart(title: str, funnel: Funnel) -> str:
    """Enrolled, post-test passed and certified trainees of each sub-region, as grouped bars."""
    labels = dict(zip(funnel.stages, funnel.labels, strict=True))
    rows = list(reversed(funnel.rows))
    config = _config(len(rows) * len(SUBREGION_SERIES) // 2 + 1)
    config["print_values"] = False
    chart = pygal.HorizontalBar(title=title, **config)
    chart.x_labels = [row.label for row in rows]
    for stage in SUBREGION_SERIES:
        chart.add(str(labels[stage]), [row.counts.get(stage, 0) for row in rows])
    return _data_uri(chart)
