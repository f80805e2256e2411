"""Every reference data set (`X.json` with `X.expected.json`) reproduced to 1e-6, one test per analysis section.

Data sets are read from ./fixtures (copies kept with the suite) and, when it exists, from shared/stats beside
the repository, so a data set added there is checked the same way without copying it; both folders are read
with their subfolders. A data set in a `v2` folder is of STATS.md "Version 2": its expected file holds only the
version 2 keys of `prepost` and `compare_groups` (V2_KEYS), while a version 1 expected file holds only the
others; each is compared strictly with its part of the result.
"""

import json
import math
from pathlib import Path

import pytest

from assessments import analytics

TOLERANCE = 1e-6
FIXTURE_DIRS = {
    "fixtures": Path(__file__).resolve().parent / "fixtures",
    "shared": Path(__file__).resolve().parents[4] / "shared" / "stats",
}
ANALYSES = {
    "item_analysis": analytics.item_analysis,
    "prepost": analytics.prepost,
    "compare_groups": analytics.compare_groups,
    "category_shift": analytics.category_shift,
    "select_counted": analytics.select_counted,
    "did": analytics.did,
    "survival": analytics.survival,
}
V2_KEYS = {
    "prepost": ("gain_ci_low", "gain_ci_high", "wilcoxon_p_exact", "wilcoxon_r"),
    "compare_groups": ("hedges_g", "morris_dppc2", "baseline_d", "baseline_fisher_p"),
}

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


def _data_sets():
    """(label, inputs, expected) for every pair in the fixture folders and their subfolders (v2, ...)."""
    for label, folder in FIXTURE_DIRS.items():
        if not folder.is_dir():
            continue
        for inputs in sorted(folder.rglob("*.json")):
            expected = inputs.with_name(f"{inputs.stem}.expected.json")
            if not inputs.name.endswith(".expected.json") and expected.is_file():
                yield f"{label}/{inputs.relative_to(folder).with_suffix('').as_posix()}", inputs, expected


def _cases():
    for label, inputs, expected in _data_sets():
        for section in json.loads(expected.read_text(encoding="utf-8")):
            yield pytest.param(inputs, expected, section, id=f"{label}::{section}")


def _version(expected: Path) -> str:
    """ "v2" for a data set in a v2 folder (STATS.md "Version 2"), else "v1"."""
    return "v2" if "v2" in expected.parent.parts else "v1"


def _analysis_for(section: str) -> str:
    """The analysis named by the section ("prepost", or a variant such as "prepost_all_equal")."""
    names = [name for name in ANALYSES if section == name or section.startswith((f"{name}_", f"{name}-"))]
    if not names:
        pytest.fail(f"section {section!r} names no analysis (known: {', '.join(ANALYSES)})")
    return max(names, key=len)


def _part(result, analysis: str, version: str):
    """The part of a result (or of each result of a list) that a `version` expected file holds."""
    if analysis not in V2_KEYS:  # an analysis of a single version: the whole result
        return result
    if isinstance(result, list):
        return [_part(one, analysis, version) for one in result]
    v2_keys = V2_KEYS[analysis]
    if version == "v2":
        return {key: value for key, value in result.items() if key in v2_keys}
    return {key: value for key, value in result.items() if key not in v2_keys}


def _run(analysis, inputs):
    """A section's inputs are one call's keyword arguments, or a list of them (a list of results)."""
    if isinstance(inputs, list):
        return [analysis(**arguments) for arguments in inputs]
    return analysis(**inputs)


def differences(actual, expected, path: str = "") -> list[str]:
    """Where `actual` differs from `expected`, as 'key.path: what' lines (numbers to TOLERANCE, None is None)."""
    where = path or "<result>"
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where}: expected a dict, got {actual!r}"]
        found = []
        if missing := [key for key in expected if key not in actual]:
            found.append(f"{where}: missing keys {missing}")
        if extra := [key for key in actual if key not in expected]:
            found.append(f"{where}: unexpected keys {extra}")
        for key in expected:
            if key in actual:
                found.extend(differences(actual[key], expected[key], f"{path}.{key}" if path else str(key)))
        return found
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return [f"{where}: expected a list, got {actual!r}"]
        if len(actual) != len(expected):
            return [f"{where}: expected {len(expected)} elements, got {len(actual)}"]
        found = []
        for index, (got, wanted) in enumerate(zip(actual, expected, strict=True)):
            found.extend(differences(got, wanted, f"{path}[{index}]"))
        return found
    mismatch = [f"{where}: expected {expected!r}, got {actual!r}"]
    if expected is None or actual is None:
        return [] if actual is expected else mismatch
    if isinstance(expected, bool | str) or isinstance(actual, bool | str):
        return [] if type(actual) is type(expected) and actual == expected else mismatch
    if type(actual) not in (int, float):
        return [f"{where}: expected a plain number, got {type(actual).__name__} {actual!r}"]
    return mismatch if not math.isfinite(actual) or abs(actual - expected) > TOLERANCE else []


def test_the_shared_data_sets_are_found_where_expected():
    repository = Path(__file__).resolve().parents[3]
    assert (repository / "manage.py").is_file()
    assert FIXTURE_DIRS["shared"] == repository.parent / "shared" / "stats"
    labels = {label for label, _inputs, _expected in _data_sets()}
    assert {"fixtures/fixture-small", "fixtures/v2/fixture-v2-small"} <= labels


@pytest.mark.parametrize(("inputs", "expected", "section"), list(_cases()))
def test_reference_fixture(inputs: Path, expected: Path, section: str):
    given = json.loads(inputs.read_text(encoding="utf-8"))
    wanted = json.loads(expected.read_text(encoding="utf-8"))[section]
    assert section in given, f"{inputs.name} has no inputs for section {section!r}"
    analysis = _analysis_for(section)
    result = _run(ANALYSES[analysis], given[section])
    json.dumps(result, allow_nan=False)  # plain, JSON-serialisable values only
    found = differences(_part(result, analysis, _version(expected)), wanted, section)
    assert not found, f"{expected.name}::{section} differs:\n" + "\n".join(found)


@pytest.mark.parametrize("analysis", sorted(V2_KEYS))
def test_the_v1_and_v2_files_together_hold_every_key(analysis: str):
    """The keys a v1 expected file leaves out are exactly the v2 ones, so no figure goes unchecked."""
    folder = FIXTURE_DIRS["fixtures"]
    v1 = json.loads((folder / "fixture-small.expected.json").read_text(encoding="utf-8"))[analysis]
    v2 = json.loads((folder / "v2" / "fixture-v2-small.expected.json").read_text(encoding="utf-8"))[analysis]
    result = ANALYSES[analysis](**json.loads((folder / "fixture-small.json").read_text(encoding="utf-8"))[analysis])
    assert set(v2) == set(V2_KEYS[analysis])
    assert set(result) == set(v1) | set(v2)


def test_the_comparer_names_the_key_path():
    expected = {"a": {"b": [1.0, None, 2.0]}, "c": 1}
    assert differences({"a": {"b": [1.0000005, None, 2.0]}, "c": 1}, expected) == []
    assert differences({"a": {"b": [1.0, 0.0, 2.1]}, "c": 1, "d": 2}, expected) == [
        "<result>: unexpected keys ['d']",
        "a.b[1]: expected None, got 0.0",
        "a.b[2]: expected 2.0, got 2.1",
    ]
    assert differences({"a": {"b": [1.0, None]}}, expected) == [
        "<result>: missing keys ['c']",
        "a.b: expected 3 elements, got 2",
    ]
