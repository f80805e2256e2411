"""Evaluation statistics exactly as shared/STATS.md defines them: pure functions over plain numbers, no ORM.

    item_analysis(scores, max_marks) -> {"test": {...}, "items": [{...}, ...]}
    prepost(pre, post, *, max_score, pass_mark) -> {...}
    compare_groups(treatment_pre, treatment_post, control_pre, control_post, *, max_score, pass_mark) -> {...}
    category_shift(pre_counts, post_counts) -> {...}
    category_fisher_p(pre_counts, post_counts) -> float | None   (Fisher's exact p of a 2 x 2 category table)

and from STATS.md "Version 2" (evaluation studies and field outcomes):

    select_counted(attempts, method) -> {"selected": [[trainee, number], ...], "awaiting_grading": [...]}
    did(rows) -> {"did", "se", "t", "df", "p", "ci_low", "ci_high", "n_obs", "n_clusters"}
    survival(months, closed, *, at=(6, 12, 24)) -> {"n", "events", "at_6", "at_12", "at_24"}

`prepost` and `compare_groups` also carry the version 2 figures (the exact Wilcoxon p in `wilcoxon.py`).
Results hold exactly the keys of shared/stats/fixture-small.expected.json and of the version 2 expected files
(shared/stats/v2/), as plain Python floats, ints, None, lists and dicts (JSON-serialisable). A figure that is
undefined for the data (n too small, zero variance, an empty row or column, an infinite odds ratio, ...) is
None; nothing is NaN or infinite, and degenerate data never raises. Malformed input (unpaired lengths, NaN,
negative counts) raises ValueError.

Reasons in words. The results carry no extra keys; each analysis has a companion function that reads a
result and returns the report's sentences (translatable, via gettext) on why figures are None or which test
the report leads with:

    item_analysis_notes(result), prepost_notes(result), compare_groups_notes(result),
    category_shift_notes(result), did_notes(result), survival_notes(result) -> list[str]

(`prepost_notes` and `compare_groups_notes` do not yet word the version 2 figures: the reports do not show
them yet, and these notes are printed under the reports' tables. `select_counted` needs no notes: its caller
names the trainees awaiting grading.)

They depend on the result alone, so they work as well on a result stored as JSON and loaded back. Pairing is
the caller's job: `pair_totals(pre_by_trainee, post_by_trainee)` pairs totals and keeps the trainees who took
only one test, and `unpaired_notes(pairing)` words them, so nobody is silently dropped.
"""

from .categories import category_fisher_p, category_shift, category_shift_notes
from .counting import select_counted
from .field import did, did_notes, survival, survival_notes
from .groups import compare_groups, compare_groups_notes
from .items import item_analysis, item_analysis_notes
from .prepost import Pairing, pair_totals, prepost, prepost_notes, unpaired_notes

__all__ = [
    "Pairing",
    "category_fisher_p",
    "category_shift",
    "category_shift_notes",
    "compare_groups",
    "compare_groups_notes",
    "did",
    "did_notes",
    "item_analysis",
    "item_analysis_notes",
    "pair_totals",
    "prepost",
    "prepost_notes",
    "select_counted",
    "survival",
    "survival_notes",
    "unpaired_notes",
]
