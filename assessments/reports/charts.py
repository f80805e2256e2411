"""Server-side SVG charts (pygal), shown as images beside the tables they are drawn from.

They are embedded as data: URIs so the page's Content-Security-Policy (no inline styles or
scripts) holds: an SVG shown as an image runs no script and keeps its own styles.
"""

import base64

import pygal
from pygal.style import Style

from lms import formatting

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


# Drawn for a phone: an SVG scales to the screen, so a 640 px canvas on a 360 px phone (about 320 px
# for the image) halves every font. These are drawn 400 px wide with 16 px fonts (about 13 px on that
# phone), one legend entry a line and never truncated; series names are kept short (the arm's role and
# the wave) and long category names are given as codes that the lead above the chart spells out.
PHONE_WIDTH = 400
PHONE_STYLE = Style(
    **{name: getattr(STYLE, name) for name in ("background", "plot_background", "foreground", "colors")},
    foreground_strong=STYLE.foreground_strong,
    foreground_subtle=STYLE.foreground_subtle,
    font_family=STYLE.font_family,
    label_font_size=16,
    major_label_font_size=16,
    legend_font_size=16,
    value_font_size=14,
    title_font_size=17,
    tooltip_font_size=16,
)
LIKERT_COLOURS = ("#b91c1c", "#f97316", "#9ca3af", "#60a5fa", "#1d4ed8")  # disagree (red) to agree (blue)


def _phone(height: int, **extra) -> dict:
    return {
        **CONFIG,
        "style": extra.pop("style", PHONE_STYLE),
        "width": PHONE_WIDTH,
        "height": height,
        "legend_at_bottom_columns": 1,
        "truncate_legend": -1,
        "truncate_label": -1,
        "legend_box_size": 14,
        "margin": 8,
        "formatter": formatting.short,
        **extra,
    }


def phone_distributions(title: str, series: dict[str, list[float]]) -> str:
    """Box plots of score distributions (in % of the maximum), one legend line per series."""
    chart = pygal.Box(title=title, box_mode="tukey", range=(0, 100), **_phone(300 + 26 * len(series)))
    for label, values in series.items():
        chart.add(label, values)
    return _data_uri(chart)


def phone_bars(title: str, codes: list[str], series: dict[str, list[float | None]], *, top: float = 100) -> str:
    """Grouped bars over short category codes (spelled out beside the chart), one legend line per series."""
    chart = pygal.Bar(title=title, range=(0, top), **_phone(300 + 26 * len(series)))
    chart.x_labels = codes
    for label, values in series.items():
        chart.add(label, values)
    return _data_uri(chart)


def likert_stack(title: str, codes: list[str], levels: list[str], shares: list[list[float]]) -> str:
    """One horizontal bar per item (its code), split into the share of each of the five levels (in %).

    `shares[level][item]`; the first item is drawn on top.
    """
    style = Style(**{**PHONE_STYLE.to_dict(), "colors": LIKERT_COLOURS})
    config = _phone(170 + 34 * len(codes) + 26 * len(levels), style=style)
    chart = pygal.HorizontalStackedBar(title=title, range=(0, 100), **config)
    chart.x_labels = list(reversed(codes))
    for label, values in zip(levels, shares, strict=True):
        chart.add(label, list(reversed(values)))
    return _data_uri(chart)
