"""The three evaluation reports, as tables (and charts) built from the selectors' arrays.

- the pre/post report of one cohort;
- the comparison of a treatment and a control cohort, led by the source study's own analysis
  (a chi-square of the answer categories before and after, per aspect and group) with the
  better measures beside it;
- the item analysis of one quiz.
"""

from django.utils.translation import gettext as _

from assessments.analytics import (
    category_shift,
    category_shift_notes,
    compare_groups,
    compare_groups_notes,
    item_analysis,
    item_analysis_notes,
    prepost,
    prepost_notes,
)
from assessments.models import Quiz

from . import charts
from .data import Paired, category_counts, item_matrix, paired_totals, totals_by_tag
from .tables import PValue, Table

ALPHA = 0.05
DASH = "\u2013"


def verdict(p) -> str:
    if p is None:
        return DASH
    return _("significant") if p < ALPHA else _("not significant")


def p_value(p) -> PValue | None:
    """A p-value marked as one, so the page prints "< 0,001" for a small one (exports keep the number)."""
    return None if p is None else PValue(p)


def percent(values: list[float], maximum: float) -> list[float]:
    return [100 * v / maximum for v in values] if maximum else []


def mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _prepost_row(
    label: str, pre: list[float], post: list[float], maximum: float, pass_score: float, notes: list[str] | None = None
) -> list:
    result = prepost(pre, post, max_score=maximum, pass_mark=pass_score)
    if notes is not None:
        notes += [f"{label}: {note}" for note in prepost_notes(result)]
    to_percent = (lambda v: None if v is None else 100 * v / maximum) if maximum else (lambda v: None)
    return [
        label,
        result["n"],
        to_percent(result["mean_pre"]),
        to_percent(result["mean_post"]),
        to_percent(result["mean_gain"]),
        result["g_class"],
        result["t"],
        p_value(result["t_p"]),
        result["d_z"],
        p_value(result["wilcoxon_p"]),
        p_value(result["mcnemar"]["exact_p"]),
        verdict(result["t_p"]),
    ]


PREPOST_COLUMNS = [
    "",
    "n",
    "pre (%)",
    "post (%)",
    "gain (%)",
    "Hake g",
    "t",
    "p (t)",
    "d_z",
    "p (Wilcoxon)",
    "p (McNemar)",
    "",
]


def _prepost_columns() -> list[str]:
    columns = list(PREPOST_COLUMNS)
    columns[0] = _("Group")
    columns[-1] = _("Paired t at 0.05")
    return columns


def unpaired_note(paired: Paired, names: dict[int, str]) -> list[str]:
    notes = []
    if paired.only_pre:
        notes.append(
            _("Took only the pre-test (not in the pairs): %(names)s")
            % {"names": ", ".join(names.get(t, str(t)) for t in paired.only_pre)}
        )
    if paired.only_post:
        notes.append(
            _("Took only the post-test (not in the pairs): %(names)s")
            % {"names": ", ".join(names.get(t, str(t)) for t in paired.only_post)}
        )
    return notes + awaiting_notes(paired, names)


def awaiting_notes(paired: Paired, names: dict[int, str]) -> list[str]:
    """The trainees whose counted attempt waits for a grader: left out until graded, never replaced."""
    notes = []
    for trainees, message in (
        (paired.awaiting_pre, _("Awaiting grading of the counted pre-test (left out until graded): %(names)s")),
        (paired.awaiting_post, _("Awaiting grading of the counted post-test (left out until graded): %(names)s")),
    ):
        if trainees:
            notes.append(message % {"names": ", ".join(names.get(t, str(t)) for t in trainees)})
    return notes


def cohort_report(*, cohort, pre_quiz: Quiz, post_quiz: Quiz, names: dict[int, str]) -> list[Table]:
    paired = paired_totals(pre_quiz=pre_quiz, post_quiz=post_quiz, cohort_ids=[cohort.pk])
    summary = Table("ringkasan", _("Pre-test and post-test"), _prepost_columns())
    summary.notes = unpaired_note(paired, names)
    summary.rows.append(
        _prepost_row(cohort.name, paired.pre, paired.post, paired.max_score, paired.pass_score, summary.notes)
    )
    summary.chart = charts.distributions(
        _("Scores before and after (% of the maximum)"),
        {_("Pre-test"): percent(paired.pre, paired.max_score), _("Post-test"): percent(paired.post, paired.max_score)},
    )
    tables = [summary]
    for key, tag, title in (("aspek", "aspects", _("By aspect")), ("peran", "mentor_roles", _("By mentor role"))):
        table = Table(key, title, _prepost_columns())
        table.columns[0] = _("Aspect") if tag == "aspects" else _("Mentor role")
        for totals in totals_by_tag(paired, tag=tag):
            table.rows.append(
                _prepost_row(totals.label, totals.pre, totals.post, totals.max_score, totals.max_score, table.notes)
            )
        if tag == "aspects" and table.rows:
            table.chart = charts.bars(
                _("Gain by aspect (% of the maximum)"),
                [row[0] for row in table.rows],
                {cohort.name: [row[4] for row in table.rows]},
            )
        tables.append(table)
    tables.append(
        category_table("kategori", _("Answer categories before and after, per aspect"), {cohort.name: paired})
    )
    return tables


def category_table(key: str, title: str, groups: dict[str, Paired], counts: dict | None = None) -> Table:
    """The source study's analysis: per aspect and group, a chi-square of the answer categories before vs after.

    `counts` ({group: category_counts(paired)}) when the caller has them already.
    """
    table = Table(key, title, [_("Aspect"), _("Items"), _("Group"), "χ²", "df", "p", _("At 0.05"), _("Categories")])
    counts = counts or {name: category_counts(paired) for name, paired in groups.items()}
    aspects = list(dict.fromkeys(label for per_group in counts.values() for label in per_group))
    for aspect in aspects:
        for items, items_label in (("knowledge", _("right/wrong")), ("attitude", _("Likert levels"))):
            for name in groups:
                tables = counts[name].get(aspect, {})
                if items not in tables:
                    continue
                pre, post = tables[items]
                result = category_shift(pre, post)
                table.notes += [f"{aspect} · {items_label} · {name}: {note}" for note in category_shift_notes(result)]
                p = p_value(result["p"])
                categories = ", ".join(result["categories"] or [])
                table.rows.append([aspect, items_label, name, result["chi2"], result["df"], p, verdict(p), categories])
    return table


def comparison_report(*, treatment, control, pre_quiz: Quiz, post_quiz: Quiz, names: dict[int, str]) -> list[Table]:
    groups = {
        treatment.name: paired_totals(pre_quiz=pre_quiz, post_quiz=post_quiz, cohort_ids=[treatment.pk]),
        control.name: paired_totals(pre_quiz=pre_quiz, post_quiz=post_quiz, cohort_ids=[control.pk]),
    }
    treated, untreated = groups[treatment.name], groups[control.name]
    tables = [category_table("studi", _("As the source study reports it: answer categories before vs after"), groups)]

    within = Table("dalam-kelompok", _("Pre-test and post-test in each group"), _prepost_columns())
    for name, paired in groups.items():
        within.notes += unpaired_note(paired, names)
        within.rows.append(
            _prepost_row(name, paired.pre, paired.post, paired.max_score, paired.pass_score, within.notes)
        )
    series = {}
    pre_label, post_label = _("pre"), _("post")
    for name, paired in groups.items():
        series[f"{name} · {pre_label}"] = percent(paired.pre, paired.max_score)
        series[f"{name} · {post_label}"] = percent(paired.post, paired.max_score)
    within.chart = charts.distributions(_("Scores before and after (% of the maximum)"), series)
    tables.append(within)

    maximum = max(treated.max_score, untreated.max_score)
    result = compare_groups(
        treated.pre, treated.post, untreated.pre, untreated.post, max_score=maximum, pass_mark=treated.pass_score
    )
    between = Table(
        "antar-kelompok", _("Treatment against control at the post-test"), [_("Measure"), _("Value"), _("At 0.05")]
    )
    table = result["table"]
    between.rows = [
        [_("Passed / failed, treatment"), f"{table[0][0]} / {table[0][1]}", ""],
        [_("Passed / failed, control"), f"{table[1][0]} / {table[1][1]}", ""],
        [_("χ² (df %(df)s)") % {"df": result["chi2_df"]}, result["chi2"], ""],
        [_("p (χ²)"), p_value(result["chi2_p"]), verdict(result["chi2_p"])],
        [_("χ² with Yates' correction"), result["chi2_yates"], ""],
        [_("p (Yates)"), p_value(result["chi2_yates_p"]), verdict(result["chi2_yates_p"])],
        [_("Smallest expected count"), result["min_expected"], ""],
        [_("Fisher's exact test: odds ratio"), result["fisher_odds_ratio"], ""],
        [_("p (Fisher)"), p_value(result["fisher_p"]), verdict(result["fisher_p"])],
        [_("Difference in mean gain (points)"), result["gain_diff"], ""],
        [_("Welch's t on the gains"), result["welch_t"], ""],
        [_("p (Welch)"), p_value(result["welch_p"]), verdict(result["welch_p"])],
        [_("Cohen's d of the gains"), result["cohen_d"], ""],
    ]
    between.notes = compare_groups_notes(result)
    if result["min_expected"] is not None and result["min_expected"] < 5:
        between.rows.insert(2, between.rows.pop(8))
        between.rows.insert(2, between.rows.pop(8))
    tables.append(between)

    by_aspect = Table(
        "gain-aspek",
        _("Gain by aspect"),
        [_("Aspect"), _("Group"), "n", "pre (%)", "post (%)", "gain (%)", "Hake g", "p (t)", _("Paired t at 0.05")],
    )
    labels, gains = [], {name: [] for name in groups}
    aspect_totals = {
        name: {t.label: t for t in totals_by_tag(paired, tag="aspects")} for name, paired in groups.items()
    }
    for label in dict.fromkeys(label for per_group in aspect_totals.values() for label in per_group):
        labels.append(label)
        for name in groups:
            totals = aspect_totals[name].get(label)
            if totals is None:
                gains[name].append(None)
                continue
            row = _prepost_row(label, totals.pre, totals.post, totals.max_score, totals.max_score)
            by_aspect.rows.append([label, name, row[1], row[2], row[3], row[4], row[5], row[7], row[11]])
            gains[name].append(row[4])
    if labels:
        by_aspect.chart = charts.bars(_("Gain by aspect (% of the maximum)"), labels, gains)
    tables.append(by_aspect)
    return tables


def item_report(*, quiz: Quiz, cohort_ids: list[int], names: dict[int, str] | None = None) -> list[Table]:
    matrix = item_matrix(quiz=quiz, cohort_ids=cohort_ids)
    names = names or {}
    test_table = Table("tes", _("The test as a whole"), [_("Measure"), _("Value")])
    items_table = Table(
        "butir",
        _("Items"),
        [_("Item"), _("Facility (%)"), "SD (%)", _("Intended weight (%)"), _("Effective weight (%)"),
         _("Discrimination index (%)"), _("Discriminative efficiency (%)"), _("Flags")],
    )  # fmt: skip
    if matrix.awaiting_grading:
        test_table.notes.append(
            _("Awaiting grading of the counted attempt (left out until graded): %(names)s")
            % {"names": ", ".join(names.get(t, str(t)) for t in matrix.awaiting_grading)}
        )
    if not matrix.scores or not matrix.questions:
        test_table.notes.append(_("No graded attempt yet."))
        return [test_table, items_table]
    result = item_analysis(matrix.scores, matrix.max_marks)
    test_table.notes += item_analysis_notes(result)
    labels = {
        "n": _("Attempts"),
        "mean": _("Mean"),
        "median": _("Median"),
        "sd": _("Standard deviation"),
        "skewness": _("Skewness"),
        "kurtosis": _("Kurtosis"),
        "cic": _("Coefficient of internal consistency (%)"),
        "error_ratio": _("Error ratio (%)"),
        "standard_error": _("Standard error"),
    }
    test_table.rows = [[labels[key], value] for key, value in result["test"].items() if key in labels]
    points = []
    for question, item in zip(matrix.questions, result["items"], strict=True):
        flags = []
        if item["facility"] is not None and (item["facility"] < 20 or item["facility"] > 90):
            flags.append(_("too hard") if item["facility"] < 20 else _("too easy"))
        if item["discrimination_index"] is not None and item["discrimination_index"] < 20:
            flags.append(_("discriminates poorly"))
        if item["effective_weight"] is None:
            flags.append(_("negative covariance"))
        measures = [item[key] for key in ("facility", "sd", "intended_weight", "effective_weight")]
        measures += [item["discrimination_index"], item["discriminative_efficiency"]]
        items_table.rows.append([question.title or question.text[:60], *measures, ", ".join(flags)])
        if item["facility"] is not None and item["discrimination_index"] is not None:
            points.append((item["facility"], item["discrimination_index"]))
    if matrix.left_out:
        items_table.notes.append(
            _("%(count)s items drawn at random were not put to every attempt and are left out.")
            % {"count": matrix.left_out}
        )
    items_table.chart = charts.scatter(
        _("Facility against discrimination"), points, _("Facility (%)"), _("Discrimination index (%)")
    )
    return [test_table, items_table]
