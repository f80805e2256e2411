"""The study report: one page per evaluation study, in the order trial reports follow.

1. (the participant flow, drawn by the study page's flow diagram; the template leaves its place)
2. baseline equivalence ("Kesetaraan awal": were the arms alike before training?);
3. Kirkpatrick level 2, learning: per arm the pre/post figures of STATS.md v1 and v2 (the exact
   Wilcoxon p leads while m <= 50); the source study's per-aspect chi-square table with its
   verdicts (the comparison report's own code); then the better measures beside it: Morris'
   d_ppc2 as the study's effect size, with a sentence on what it means, Hedges' g, Fisher's exact
   test when an expected count is below 5; and the shift of the answer categories per aspect;
4. Kirkpatrick level 1, reaction: the study's reaction survey, item by item;
5. Kirkpatrick levels 3 and 4 (behaviour in the field, KUBE results) come from field records that
   do not exist yet: the page says so and shows no figures.

Arms of the same role are pooled for the treatment-against-control figures. Every figure comes
from `assessments.analytics` on arrays fetched by `study_data`.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments.analytics import (
    category_fisher_p,
    category_shift,
    compare_groups,
    compare_groups_notes,
    prepost,
    prepost_notes,
)
from assessments.analytics._common import TOLERANCE
from assessments.analytics.groups import FISHER_BELOW
from assessments.constants import LIKERT_LEVELS, ArmRole
from assessments.models import Study
from lms import formatting

from . import charts
from .build import category_table, p_value, percent, unpaired_note, verdict
from .data import category_counts, totals_by_tag
from .study_data import ArmWaves, StudyWaves, Survey, study_waves, survey_counts
from .tables import Percent, Table

AGREE_LEVELS = (4, 5)  # "agree" and "strongly agree" of the five-point scale
# Cohen's conventional thresholds for a standardised mean difference.
MAGNITUDES = ((0.2, "negligible"), (0.5, "small"), (0.8, "medium"), (float("inf"), "large"))
# What Works Clearinghouse: a baseline difference up to 0.05 SD is equivalent; up to 0.25 SD needs adjustment.
BASELINE_ALIKE, BASELINE_ADJUST = 0.05, 0.25


@dataclass
class Section:
    key: str
    title: str
    intro: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


@dataclass
class StudyReport:
    study: Study
    sections: list[Section]
    max_score: float
    pass_score: float

    @property
    def tables(self) -> list[Table]:
        return [table for section in self.sections for table in section.tables]


@dataclass
class Pooled:
    """The paired totals of every arm of one role, end to end."""

    pre: list[float] = field(default_factory=list)
    post: list[float] = field(default_factory=list)


def study_report(*, study: Study, names: dict[int, str]) -> StudyReport:
    waves = study_waves(study)
    short = short_labels(waves.arms)
    results = [_prepost(arm, waves) for arm in waves.arms]  # per arm, in the arms' order; None without a scale
    compared = _compare(waves)
    sections = [baseline_section(waves, results, compared), learning_section(waves, results, compared, short, names)]
    sections.append(reaction_section(study, waves, short, names))
    sections.append(
        Section(
            "lapangan",
            _("Kirkpatrick levels 3 and 4: behaviour in the field and KUBE results"),
            [
                _(
                    "Level 3 (do certified mentors practise their roles in the field?) and level 4 (do their KUBE "
                    "keep going and grow?) are measured from field visits and KUBE outcomes recorded by mentors "
                    "in the field app. No such records exist yet, so this section shows no figures."
                ),
                _(
                    "Once they do, this section will compare the arms' KUBE by difference in differences and "
                    "show how many KUBE are still active after 6, 12 and 24 months."
                ),
            ],
        )
    )
    return StudyReport(study, sections, waves.max_score, waves.pass_score)


def short_labels(arms: list[ArmWaves]) -> dict[int, str]:
    """Chart labels: the arm's role ("Kelompok perlakuan"), numbered when a role has several arms."""
    labels = {}
    for role in (ArmRole.TREATMENT, ArmRole.CONTROL):
        of_role = [arm for arm in arms if arm.arm.role == role]
        for number, arm in enumerate(of_role, start=1):
            name = str(arm.arm.get_role_display())
            labels[arm.arm.pk] = f"{name} {number}" if len(of_role) > 1 else name
    return labels


def pooled(waves: StudyWaves) -> dict[str, Pooled]:
    groups = {ArmRole.TREATMENT: Pooled(), ArmRole.CONTROL: Pooled()}
    for arm in waves.arms:
        groups[arm.arm.role].pre += arm.paired.pre
        groups[arm.arm.role].post += arm.paired.post
    return groups


def _compare(waves: StudyWaves) -> dict | None:
    if not waves.max_score:
        return None
    groups = pooled(waves)
    treated, control = groups[ArmRole.TREATMENT], groups[ArmRole.CONTROL]
    return compare_groups(
        treated.pre, treated.post, control.pre, control.post, max_score=waves.max_score, pass_mark=waves.pass_score
    )


# --- Baseline equivalence ------------------------------------------------------------------------


def baseline_section(waves: StudyWaves, results: list[dict | None], result: dict | None) -> Section:
    section = Section("kesetaraan", _("Baseline equivalence"))
    arms = Table("kesetaraan", _("The arms at the pre-test"), [_("Measure"), *[a.label for a in waves.arms]])
    arms.rows = [
        [_("Trainees with both tests (n)"), *[r and r["n"] for r in results]],
        [_("Pre-test mean (points)"), *[r and r["mean_pre"] for r in results]],
        [_("Pre-test SD"), *[r and r["sd_pre"] for r in results]],
        [
            _("Reaching the pass score at the pre-test (n)"),
            *[sum(score >= waves.pass_score - TOLERANCE for score in a.paired.pre) for a in waves.arms],
        ],
    ]
    section.tables.append(arms)
    tests = Table("kesetaraan-uji", _("Treatment against control at the pre-test"), [_("Measure"), _("Value"), ""])
    if result is not None:
        fisher = p_value(result["baseline_fisher_p"])
        tests.rows = [
            [_("Baseline d (pre-test, treatment minus control)"), result["baseline_d"], ""],
            [_("p (Fisher, reaching the pass score at the pre-test)"), fisher, verdict(fisher)],
        ]
        tests.lead = baseline_sentences(result["baseline_d"], result["baseline_fisher_p"])
    section.intro = [
        _("Were the groups alike before training? If not, a difference after it may not be the training's.")
    ]
    section.tables.append(tests)
    return section


def baseline_sentences(d: float | None, fisher_p: float | None) -> list[str]:
    if d is None:
        return [_("Baseline d cannot be computed: each group needs at least two trainees and scores that vary.")]
    values = {"d": formatting.decimal(d, 2)}
    if abs(d) <= BASELINE_ALIKE:
        sentence = _("Before training the groups differed by %(d)s pooled standard deviations: alike.")
    elif abs(d) <= BASELINE_ADJUST:
        sentence = _(
            "Before training the groups differed by %(d)s pooled standard deviations: close, but the "
            "comparison should adjust for the pre-test (as Morris' d_ppc2 below does)."
        )
    else:
        sentence = _(
            "Before training the groups differed by %(d)s pooled standard deviations: not alike; read the "
            "comparison with care."
        )
    sentences = [sentence % values]
    if fisher_p is not None:
        sentences.append(
            _("Fisher's exact test on reaching the pass score at the pre-test: p %(p)s.") % {"p": _p_text(fisher_p)}
        )
    return sentences


def _p_text(p: float) -> str:
    """ "< 0,001" or "= 0,023", for a sentence that reads "p < 0,001"."""
    text = formatting.p_value(p)
    return text if text.startswith("<") else f"= {text}"


# --- Level 2: learning ---------------------------------------------------------------------------


def _prepost(arm: ArmWaves, waves: StudyWaves) -> dict | None:
    if not waves.max_score:
        return None
    return prepost(arm.paired.pre, arm.paired.post, max_score=waves.max_score, pass_mark=waves.pass_score)


PREPOST_ROWS = (
    ("n", gettext_lazy("Trainees with both tests (n)")),
    ("mean_pre", gettext_lazy("Pre-test mean (points)")),
    ("sd_pre", gettext_lazy("Pre-test SD")),
    ("mean_post", gettext_lazy("Post-test mean (points)")),
    ("sd_post", gettext_lazy("Post-test SD")),
    ("mean_gain", gettext_lazy("Mean gain (points)")),
    ("sd_gain", gettext_lazy("SD of the gains")),
    ("gain_ci_low", gettext_lazy("95% CI of the mean gain: lower bound")),
    ("gain_ci_high", gettext_lazy("95% CI of the mean gain: upper bound")),
    ("g_class", gettext_lazy("Hake's g (class)")),
    ("t", gettext_lazy("Paired t")),
    ("t_df", gettext_lazy("df (paired t)")),
    ("t_p", gettext_lazy("p (paired t)")),
    ("d_z", gettext_lazy("d_z (mean gain / SD of the gains)")),
    ("wilcoxon_p_exact", gettext_lazy("p (Wilcoxon, exact; up to 50 non-zero differences)")),
    ("wilcoxon_p", gettext_lazy("p (Wilcoxon, normal approximation)")),
    ("wilcoxon_w", gettext_lazy("W (Wilcoxon, the smaller rank sum)")),
    ("wilcoxon_n", gettext_lazy("Non-zero differences (Wilcoxon m)")),
    ("wilcoxon_r", gettext_lazy("Rank-biserial r (Wilcoxon)")),
    ("mcnemar_b", gettext_lazy("McNemar: failed before, passed after (b)")),
    ("mcnemar_c", gettext_lazy("McNemar: passed before, failed after (c)")),
    ("mcnemar_p", gettext_lazy("p (McNemar, exact)")),
)
P_KEYS = {"t_p", "wilcoxon_p_exact", "wilcoxon_p", "mcnemar_p"}


def prepost_figures(result: dict) -> dict:
    """The figures of one arm's `prepost` result by row key (McNemar's flattened)."""
    figures = dict(result)
    mcnemar = result["mcnemar"]
    figures |= {"mcnemar_b": mcnemar["b"], "mcnemar_c": mcnemar["c"], "mcnemar_p": mcnemar["exact_p"]}
    return {key: p_value(figures[key]) if key in P_KEYS else figures[key] for key, _label in PREPOST_ROWS}


def leading_wilcoxon_p(result: dict) -> float | None:
    """The exact p while it exists (1 <= m <= 50, STATS.md v2), else the normal approximation."""
    exact = result["wilcoxon_p_exact"]
    return exact if exact is not None else result["wilcoxon_p"]


def learning_section(
    waves: StudyWaves, results: list[dict | None], compared: dict | None, short: dict[int, str], names: dict[int, str]
) -> Section:
    section = Section("pembelajaran", _("Kirkpatrick level 2: learning (pre-test and post-test)"))
    section.intro = [
        _("Scores in points out of %(max)s; the pass score is %(pass)s (the post-test's pass mark).")
        % {"max": formatting.short(waves.max_score), "pass": formatting.short(waves.pass_score)}
    ]
    table = Table("pra-pasca", _("Pre-test and post-test in each arm"), [_("Measure"), *[a.label for a in waves.arms]])
    figures = [prepost_figures(result) if result else {} for result in results]
    for key, label in PREPOST_ROWS:
        table.rows.append([str(label), *[f.get(key) for f in figures]])
    table.rows.append([_("Paired t at 0.05"), *[verdict(f.get("t_p")) for f in figures]])
    table.rows.append(
        [_("Wilcoxon at 0.05"), *[verdict(leading_wilcoxon_p(r)) if r else verdict(None) for r in results]]
    )
    for arm, result in zip(waves.arms, results, strict=True):
        table.notes += [f"{arm.label}: {note}" for note in unpaired_note(arm.paired, names)]
        if result is None:
            continue
        table.notes += [f"{arm.label}: {note}" for note in prepost_notes(result) + wilcoxon_notes(result)]
    series = {}
    for arm in waves.arms:
        series[f"{short[arm.arm.pk]} · {_('pre')}"] = percent(arm.paired.pre, waves.max_score)
        series[f"{short[arm.arm.pk]} · {_('post')}"] = percent(arm.paired.post, waves.max_score)
    if any(series.values()):
        table.chart = charts.phone_distributions(_("Scores before and after (% of the maximum)"), series)
    section.tables.append(table)

    counts = {arm.label: category_counts(arm.paired) for arm in waves.arms}
    groups = {arm.label: arm.paired for arm in waves.arms}
    title = _("As the source study reports it: answer categories before vs after")
    source = category_table("studi", title, groups, counts)
    source.lead = [
        _(
            "The source study tested, per aspect and group, whether the answers changed between the pre-test "
            "and the post-test (chi-square). The measures below it say how large the change was."
        )
    ]
    section.tables.append(source)
    small = small_tables(counts)
    if small.rows:
        section.tables.append(small)
    section.tables.append(effect_table(compared))
    section.tables.append(aspect_effect_table(waves))
    section.tables.append(shift_table(waves, counts, short))
    return section


def wilcoxon_notes(result: dict) -> list[str]:
    if result["wilcoxon_n"] > 50:
        return [_("More than 50 non-zero differences: the Wilcoxon test uses the normal approximation.")]
    if result["wilcoxon_p_exact"] is not None:
        return [_("Up to 50 non-zero differences: the exact Wilcoxon p leads.")]
    return []


def small_tables(counts: dict) -> Table:
    """Right/wrong before and after where an expected count is below 5: Fisher's exact test beside the chi-square."""
    table = Table(
        "studi-fisher",
        _("Right/wrong tables with an expected count below 5: Fisher's exact test"),
        [_("Aspect"), _("Group"), _("Smallest expected count"), "p (Fisher)", _("At 0.05")],
    )
    for group, per_aspect in counts.items():
        for aspect, tables in per_aspect.items():
            if "knowledge" not in tables:
                continue
            pre, post = tables["knowledge"]
            result = category_shift(pre, post)
            if result["min_expected"] is None or result["min_expected"] >= FISHER_BELOW:
                continue
            fisher = p_value(category_fisher_p(pre, post))
            table.rows.append([aspect, group, result["min_expected"], fisher, verdict(fisher)])
    return table


MAGNITUDE_WORDS = {
    "negligible": gettext_lazy("a negligible effect"),
    "small": gettext_lazy("a small effect"),
    "medium": gettext_lazy("a medium effect"),
    "large": gettext_lazy("a large effect"),
}


def magnitude(d: float) -> str:
    word = next(name for bound, name in MAGNITUDES if abs(d) < bound)
    return str(MAGNITUDE_WORDS[word])


def morris_sentence(d: float | None) -> str:
    """What Morris' d_ppc2 means, in one plain sentence."""
    if d is None:
        return _(
            "Morris' d_ppc2 cannot be computed yet: each group needs at least two trainees with both tests, "
            "and pre-test scores that vary."
        )
    values = {"d": formatting.decimal(abs(d), 2), "magnitude": magnitude(d)}
    if abs(d) < 0.005:
        return _("The treatment group's scores rose by as much as the control group's: %(magnitude)s.") % values
    if d > 0:
        return (
            _(
                "The treatment group's scores rose by %(d)s pre-test standard deviations more than the control "
                "group's: %(magnitude)s."
            )
            % values
        )
    return (
        _(
            "The treatment group's scores rose by %(d)s pre-test standard deviations less than the control "
            "group's: %(magnitude)s."
        )
        % values
    )


def lead_test(result: dict) -> tuple[str, float | None]:
    """Fisher's exact test when an expected count is below 5 (or the chi-square is undefined), else the chi-square."""
    if result["min_expected"] is not None and result["min_expected"] >= FISHER_BELOW:
        return "χ²", result["chi2_p"]
    return "Fisher", result["fisher_p"]


def effect_table(result: dict | None) -> Table:
    table = Table(
        "efek", _("Treatment against control: the effect of the training"), [_("Measure"), _("Value"), _("At 0.05")]
    )
    if result is None:
        return table
    (passed_t, failed_t), (passed_c, failed_c) = result["table"]
    chi2_p, fisher_p = p_value(result["chi2_p"]), p_value(result["fisher_p"])
    passing = [
        [_("χ² (post-test passed, df %(df)s)") % {"df": result["chi2_df"]}, result["chi2"], ""],
        [_("p (χ²)"), chi2_p, verdict(chi2_p)],
        [_("p (Fisher's exact test)"), fisher_p, verdict(fisher_p)],
    ]
    if lead_test(result)[0] == "Fisher":
        passing = [passing[2], *passing[:2]]
    welch_p = p_value(result["welch_p"])
    table.rows = [
        [_("Morris' d_ppc2 (the effect size of the study)"), result["morris_dppc2"], ""],
        [_("Hedges' g of the gains"), result["hedges_g"], ""],
        [_("Cohen's d of the gains"), result["cohen_d"], ""],
        [_("Difference in mean gain (points)"), result["gain_diff"], ""],
        [_("Welch's t on the gains"), result["welch_t"], ""],
        [_("p (Welch)"), welch_p, verdict(welch_p)],
        [_("Passed / failed the post-test, treatment"), f"{passed_t} / {failed_t}", ""],
        [_("Passed / failed the post-test, control"), f"{passed_c} / {failed_c}", ""],
        *passing,
        [_("Smallest expected count"), result["min_expected"], ""],
    ]
    table.lead = [morris_sentence(result["morris_dppc2"])]
    table.notes = compare_groups_notes(result)
    return table


def aspect_effect_table(waves: StudyWaves) -> Table:
    """Per aspect, treatment against control: the gains' effect sizes and passing the aspect at the post-test."""
    table = Table(
        "efek-aspek",
        _("Treatment against control per aspect"),
        [_("Aspect"), "d_ppc2", "Hedges g", _("Difference in mean gain"), _("Test"), "p", _("At 0.05")],
    )
    per_role: dict[str, dict[str, tuple[list, list, float]]] = {ArmRole.TREATMENT: {}, ArmRole.CONTROL: {}}
    order: list[str] = []
    for arm in waves.arms:
        for totals in totals_by_tag(arm.paired, tag="aspects"):
            order.append(totals.label)
            pre, post, maximum = per_role[arm.arm.role].get(totals.label, ([], [], 0.0))
            per_role[arm.arm.role][totals.label] = (
                pre + totals.pre,
                post + totals.post,
                max(maximum, totals.max_score),
            )
    pass_share = waves.pass_score / waves.max_score if waves.max_score else 0.0
    for label in dict.fromkeys(order):
        t_pre, t_post, t_max = per_role[ArmRole.TREATMENT].get(label, ([], [], 0.0))
        c_pre, c_post, c_max = per_role[ArmRole.CONTROL].get(label, ([], [], 0.0))
        maximum = max(t_max, c_max)
        result = compare_groups(t_pre, t_post, c_pre, c_post, max_score=maximum, pass_mark=maximum * pass_share)
        test, p = lead_test(result)
        p = p_value(p)
        table.rows.append([label, result["morris_dppc2"], result["hedges_g"], result["gain_diff"], test, p, verdict(p)])
    table.notes = [
        _(
            "An aspect is passed at the post-test with the post-test's pass mark of the aspect's maximum; Fisher's "
            "exact test is used when an expected count is below 5."
        ),
        _("A dash: undefined for the data (fewer than two trainees in a group, or scores that do not vary)."),
    ]
    return table


def shift_table(waves: StudyWaves, counts: dict, short: dict[int, str]) -> Table:
    """How the answers moved between the categories, per aspect and arm, and a chart of the right answers."""
    table = Table(
        "pergeseran",
        _("Answer-category shift per aspect"),
        [_("Aspect"), _("Items"), _("Group"), _("Category"), _("Before (n)"), _("Before (%)"), _("After (n)"),
         _("After (%)"), _("Change (percentage points)")],
    )  # fmt: skip
    items_labels = {"knowledge": _("right/wrong"), "attitude": _("Likert levels")}
    right: dict[str, dict[str, float | None]] = {}
    for arm in waves.arms:
        for aspect, tables in counts[arm.label].items():
            for items in ("knowledge", "attitude"):
                if items not in tables:
                    continue
                pre, post = tables[items]
                result = category_shift(pre, post)
                before, after = sum(pre.values()), sum(post.values())
                for category in result["categories"]:
                    share_pre = Percent(100 * pre.get(category, 0) / before) if before else None
                    share_post = Percent(100 * post.get(category, 0) / after) if after else None
                    change = None if share_pre is None or share_post is None else Percent(share_post - share_pre)
                    table.rows.append(
                        [aspect, items_labels[items], arm.label, category_label(category), pre.get(category, 0),
                         share_pre, post.get(category, 0), share_post, change]
                    )  # fmt: skip
                if items == "knowledge":
                    right.setdefault(aspect, {})[f"{short[arm.arm.pk]} · {_('pre')}"] = _share(pre, before)
                    right[aspect][f"{short[arm.arm.pk]} · {_('post')}"] = _share(post, after)
    if right:
        aspects = list(right)
        codes = [f"A{n}" for n in range(1, len(aspects) + 1)]
        series_names = list(dict.fromkeys(name for per_aspect in right.values() for name in per_aspect))
        series = {name: [right[aspect].get(name) for aspect in aspects] for name in series_names}
        table.chart = charts.phone_bars(_("Right answers per aspect (%)"), codes, series)
        table.lead = [
            _("In the chart: %(codes)s.")
            % {"codes": "; ".join(f"{code} = {aspect}" for code, aspect in zip(codes, aspects, strict=True))}
        ]
    return table


def _share(counts: dict, total: int) -> float | None:
    return 100 * counts.get("benar", 0) / total if total else None


def category_label(category: str) -> str:
    """A category as read: "right", "wrong", or a Likert level with its words."""
    if category == "benar":
        return _("right")
    if category == "salah":
        return _("wrong")
    levels = {str(level): str(name) for level, name in LIKERT_LEVELS}
    return f"{category} {levels[category]}" if category in levels else category


# --- Level 1: reaction ---------------------------------------------------------------------------


def reaction_section(study: Study, waves: StudyWaves, short: dict[int, str], names: dict[int, str]) -> Section:
    section = Section("reaksi", _("Kirkpatrick level 1: reaction"))
    survey = survey_counts(study, [arm.arm for arm in waves.arms])
    if survey is None:
        section.intro = [_("No reaction survey is attached to this study: attach one in the study's settings.")]
        return section
    section.intro = [
        _(
            "How the trainees found the training, from the reaction survey “%(survey)s”: per item the mean on the "
            "five-point scale (1 strongly disagree to 5 strongly agree) and the share who agree (4 or 5)."
        )
        % {"survey": study.reaction_survey.title}
    ]
    for number, arm in enumerate(waves.arms, start=1):
        if survey.respondents[arm.arm.pk] or survey.awaiting[arm.arm.pk]:
            section.tables.append(survey_table(survey, arm, short[arm.arm.pk], number, names))
    if not section.tables:
        section.intro.append(_("Nobody has answered the reaction survey yet."))
    return section


def survey_table(survey: Survey, arm: ArmWaves, short: str, number: int, names: dict[int, str]) -> Table:
    levels = [str(name) for _level, name in LIKERT_LEVELS]
    table = Table(
        f"reaksi-{number}",
        _("Reaction survey: %(arm)s") % {"arm": arm.label},
        [_("No."), _("Item"), "n", _("Mean (1 to 5)"), _("Agree (% answering 4 or 5)"), "1", "2", "3", "4", "5"],
    )
    codes, shares = [], [[] for _level in LIKERT_LEVELS]
    for position, question in enumerate(survey.questions, start=1):
        counts = survey.counts[arm.arm.pk].get(question.pk, {})
        n = sum(counts.values())
        if not n:
            continue
        mean = sum(level * count for level, count in counts.items()) / n
        agree = Percent(100 * sum(counts.get(level, 0) for level in AGREE_LEVELS) / n)
        text = question.title or question.text
        if question.likert_reverse:
            text = _("%(item)s (reverse-keyed: agreeing is the unwanted answer)") % {"item": text}
        table.rows.append([str(position), text, n, mean, agree, *[counts.get(level, 0) for level, _n in LIKERT_LEVELS]])
        codes.append(str(position))
        for index, (level, _name) in enumerate(LIKERT_LEVELS):
            shares[index].append(100 * counts.get(level, 0) / n)
    table.lead = [
        _("%(count)s trainees answered.") % {"count": survey.respondents[arm.arm.pk]},
    ]
    if survey.awaiting[arm.arm.pk]:
        table.notes.append(
            _("Awaiting grading of the counted survey attempt (left out until graded): %(names)s")
            % {"names": ", ".join(names.get(t, str(t)) for t in survey.awaiting[arm.arm.pk])}
        )
    if codes:
        title = _("Answers per item (%%), %(arm)s") % {"arm": short}
        table.chart = charts.likert_stack(title, codes, levels, shares)
    return table
