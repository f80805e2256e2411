"""The study's research export: a pseudonymised dataset, a codebook, and the same data for SPSS and Stata.

- `peserta_gelombang` (wide): one row per trainee and wave (pre-test, post-test) with the arm, the
  stratum, the form taken, the total on the report's common scale, the percentage, passing, whether
  the trainee is in the report's pairs, and the marks per aspect;
- `butir` (long): one row per trainee, wave and item: the item's code, the mark and its maximum;
- `buku_kode.md`: every variable, its label and its value labels, and how the data were made.

The rows are the report's: the counted attempts chosen by the one counting rule, on the same scale,
so re-running `prepost`/`compare_groups` on the CSV gives the report's figures. No name or e-mail
leaves: a trainee is a participant code, a keyed hash (HMAC with the site's secret key) of the study's
seed and the trainee's id, so the code is stable for a study, differs between studies, and cannot be
traced back without the key. SPSS `.sav` and Stata `.dta` are written by pyreadstat with the same
variable and value labels.
"""

import csv
import io
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyreadstat
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from assessments.analytics._common import TOLERANCE
from assessments.constants import ArmRole
from assessments.models import Study

from .data import tag_labels, tag_sums
from .study_data import FORM_A, StudyWaves, item_marks, study_waves

CODE_LENGTH = 12  # hex digits of the HMAC: 48 bits, no collision to expect among a million trainees
STATA_LABEL = 80  # Stata's longest variable label
WAVES = {"pre": 1, "post": 2}
FORMS = {FORM_A: 1, "B": 2}


@dataclass
class Variable:
    name: str
    label: str
    numeric: bool = True
    values: dict[int, str] = field(default_factory=dict)  # value labels of a coded variable


@dataclass
class Dataset:
    name: str  # the file name without its extension
    title: str
    variables: list[Variable]
    rows: list[list]

    @property
    def columns(self) -> list[str]:
        return [variable.name for variable in self.variables]


def participant_code(study: Study, trainee_id: int) -> str:
    """The trainee's pseudonym in this study: "P" and 12 hex digits of an HMAC of the seed and the id."""
    digest = salted_hmac("assessments.research.participant", f"{study.seed}:{trainee_id}", algorithm="sha256")
    return "P" + digest.hexdigest()[:CODE_LENGTH].upper()


def research_datasets(study: Study) -> tuple[Dataset, Dataset, StudyWaves, dict[int, tuple[str, str]]]:
    """The two datasets, the waves they come from, and the items' codes and texts (for the codebook)."""
    waves = study_waves(study)
    aspects = tag_labels("aspects")
    sums = tag_sums(
        quiz_ids=[study.pre_test_id, study.post_test_id],
        cohort_ids=[arm.arm.cohort_id for arm in waves.arms],
        tag="aspects",
    )
    present = {tag for _attempt, tag in sums}
    used = [pk for pk in aspects if pk in present]
    marks, codes = item_marks(waves)
    wide = Dataset("peserta_gelombang", _("Participants by wave"), _wide_variables(study, waves, aspects, used), [])
    long = Dataset("butir", _("Items by participant and wave"), _long_variables(study), [])
    for number, arm in enumerate(waves.arms, start=1):
        treated = 1 if arm.arm.role == ArmRole.TREATMENT else 0
        # In the order of the codes, not of the trainees' ids (which would tell who joined first).
        trainees = sorted(set(arm.pre.scores) | set(arm.post.scores), key=lambda t: participant_code(study, t))
        for trainee in trainees:
            code = participant_code(study, trainee)
            paired = 1 if trainee in arm.pre.scores and trainee in arm.post.scores else 0
            for wave_name, wave in (("pre", arm.pre), ("post", arm.post)):
                if trainee not in wave.scores:
                    continue
                attempt_id, total = wave.attempt_ids[trainee], wave.scores[trainee]
                form = FORMS[arm.form(trainee, wave_name)]
                row = [code, number, treated, arm.strata.get(trainee, ""), WAVES[wave_name], form, total]
                row += [waves.max_score, 100 * total / waves.max_score if waves.max_score else None]
                row += [1 if total >= waves.pass_score - TOLERANCE else 0, paired]
                for aspect in used:
                    row += list(sums.get((attempt_id, aspect), (0.0, 0.0)))
                wide.rows.append(row)
                for question_id, mark, maximum in marks.get(attempt_id, []):
                    long.rows.append([code, WAVES[wave_name], form, codes[question_id][0], mark, maximum])
    return wide, long, waves, codes


def _wave_variables(study: Study) -> list[Variable]:
    return [
        Variable("wave", _("Wave"), values={1: _("pre-test"), 2: _("post-test")}),
        Variable(
            "form",
            _("Form taken"),
            values={1: f"A: {study.pre_test.title}"[:120], 2: f"B: {study.post_test.title}"[:120]},
        ),
    ]


def _wide_variables(study: Study, waves: StudyWaves, aspects: dict[int, str], used: list[int]) -> list[Variable]:
    variables = [
        Variable("participant", _("Participant code (pseudonym)"), numeric=False),
        Variable("arm", _("Arm"), values={n: arm.label for n, arm in enumerate(waves.arms, start=1)}),
        Variable("treated", _("Treatment arm"), values={0: _("control"), 1: _("treatment")}),
        Variable("stratum", _("Stratum of the random assignment"), numeric=False),
        *_wave_variables(study),
        Variable("total", _("Total score on the common scale (points)")),
        Variable("max_total", _("Maximum of the common scale (points)")),
        Variable("percent", _("Total score (% of the maximum)")),
        Variable("passed", _("Reached the pass score"), values={0: _("no"), 1: _("yes")}),
        Variable("paired", _("Has both waves (in the report's pairs)"), values={0: _("no"), 1: _("yes")}),
    ]
    for number, aspect in enumerate(used, start=1):
        variables.append(Variable(f"aspect{number}", _("Aspect: %(name)s (marks)") % {"name": aspects[aspect]}))
        variables.append(Variable(f"aspect{number}_max", _("Aspect: %(name)s (maximum)") % {"name": aspects[aspect]}))
    return variables


def _long_variables(study: Study) -> list[Variable]:
    return [
        Variable("participant", _("Participant code (pseudonym)"), numeric=False),
        *_wave_variables(study),
        Variable("item", _("Item code"), numeric=False),
        Variable("mark", _("Mark obtained")),
        Variable("max_mark", _("Maximum mark")),
    ]


def csv_text(dataset: Dataset) -> str:
    """Plain UTF-8 CSV, a header of variable names, numbers at full precision, an empty cell for missing."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(dataset.columns)
    for row in dataset.rows:
        writer.writerow(["" if value is None else repr(value) if isinstance(value, float) else value for value in row])
    return buffer.getvalue()


def frame(dataset: Dataset) -> pd.DataFrame:
    data = pd.DataFrame(dataset.rows, columns=dataset.columns)
    for variable in dataset.variables:
        if variable.values:
            data[variable.name] = data[variable.name].astype("int32")
        elif variable.numeric:
            data[variable.name] = data[variable.name].astype("float64")
        else:
            data[variable.name] = data[variable.name].astype(str)
    return data


def write_stats_files(dataset: Dataset, folder: Path) -> list[Path]:
    """The dataset as SPSS (.sav) and Stata (.dta), with variable labels and value labels."""
    data = frame(dataset)
    labels = {variable.name: variable.label for variable in dataset.variables}
    values = {variable.name: variable.values for variable in dataset.variables if variable.values}
    sav, dta = folder / f"{dataset.name}.sav", folder / f"{dataset.name}.dta"
    pyreadstat.write_sav(data, str(sav), column_labels=labels, variable_value_labels=values)
    short = {name: label[:STATA_LABEL] for name, label in labels.items()}
    pyreadstat.write_dta(data, str(dta), column_labels=short, variable_value_labels=values, version=15)
    return [sav, dta]


def codebook(study: Study, waves: StudyWaves, datasets: list[Dataset], items: dict[int, tuple[str, str]]) -> str:
    lines = [
        f"# {_('Codebook')}: {study.name}",
        "",
        _("Course: %(course)s. Pre-test (form A): %(pre)s. Post-test (form B): %(post)s.")
        % {"course": study.course.title, "pre": study.pre_test.title, "post": study.post_test.title},
        "",
        _(
            "Totals are on one scale, the post-test's maximum (%(max)s points); the pass score is %(pass)s points. "
            "Each wave is the trainee's counted attempt under the quiz's rule (first, best or last); a trainee "
            "whose counted attempt still awaits grading is not in the data (the report names them). With parallel "
            "forms, a participant who took form B first has it as the pre-test wave."
        )
        % {"max": repr(waves.max_score), "pass": repr(waves.pass_score)},
        "",
        _(
            "Participants are pseudonymised: a participant code is a keyed hash of the study's seed and the "
            "trainee, the same in every file of this study; no name or e-mail is included."
        ),
    ]
    for dataset in datasets:
        lines += ["", f"## {dataset.title} (`{dataset.name}`)", ""]
        lines += [f"| {_('Variable')} | {_('Type')} | {_('Label')} | {_('Values')} |", "|---|---|---|---|"]
        for variable in dataset.variables:
            kind = _("number") if variable.numeric else _("text")
            values = "; ".join(f"{code} = {label}" for code, label in variable.values.items())
            lines.append(f"| `{variable.name}` | {kind} | {_escape(variable.label)} | {_escape(values)} |")
    lines += ["", f"## {_('Items')}", "", f"| {_('Item code')} | {_('Text')} |", "|---|---|"]
    for code, text in sorted(items.values()):
        lines.append(f"| `{code}` | {_escape(text)} |")
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def research_zip(study: Study) -> bytes:
    """The ZIP offered on the report page: CSV, SPSS and Stata files of both datasets, and the codebook."""
    wide, long, waves, items = research_datasets(study)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive, tempfile.TemporaryDirectory() as folder:
        for dataset in (wide, long):
            archive.writestr(f"{dataset.name}.csv", csv_text(dataset))
            for path in write_stats_files(dataset, Path(folder)):
                archive.write(path, path.name)
        archive.writestr("buku_kode.md", codebook(study, waves, [wide, long], items))
    return buffer.getvalue()
