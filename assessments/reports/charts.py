"""Server-side SVG charts (pygal), shown as images beside the tables they are drawn from.

They are embedded as data: URIs so the page's Content-Security-Policy (no inline styles or
scripts) holds: an SVG shown as an image runs no script and keeps its own styles.
"""

import base64

import pygal
from pygal.style import Style

STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#1f2937",
    foreground_strong="#111827",
    foreground_subtle="#6b7280",
    colors=("#0f5132", "#b45309", "#1d4ed8", "#be123c"),
    font_family="sans-serif",
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=13,
    title_font_size=15,
)
CONFIG = {
    "style": STYLE,
    "js": [],
    "disable_xml_declaration": True,
    "width": 640,
    "height": 400,
    "legend_at_bottom": True,
}


def _data_uri(chart) -> str:
    svg = chart.render()
    if isinstance(svg, str):
        svg = svg.encode("utf-8")
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def distributions(title: str, series: dict[str, list[float]]) -> str:
    """Box plots of score distributions, e.g. pre-test and post-test of each group (in % of the maximum)."""
    chart = pygal.Box(title=title, box_mode="tukey", range=(0, 100), **CONFIG)
    for label, values in series.items():
        chart.add(label, values)
    return _data_uri(chart)


def bars(title: str, labels: list[str], series: dict[str, list[float | None]]) -> str:
    chart = pygal.Bar(title=title, x_label_rotation=20, **CONFIG)
    chart.x_labels = labels
    for label, values in series.items():
        chart.add(label, values)
    return _data_uri(chart)


def scatter(title: str, points: list[tuple[float, float]], x_title: str, y_title: str) -> str:
    chart = pygal.XY(
        title=title, stroke=False, x_title=x_title, y_title=y_title, range=(-100, 100), xrange=(0, 100), **CONFIG
    )
    chart.add("", points)
    return _data_uri(chart)
