"""Every reference data set (`X.json` with `X.expected.json`) reproduced to 1e-6, one test per analysis section.

Data sets are read from ./fixtures (copies kept with the suite) and, when it exists, from shared/stats beside
the repository, so a data set added there is checked the same way without copying it.
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
}

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


def _data_sets():
    for label, folder in FIXTURE_DIRS.items():
        if not folder.is_dir():
            continue
        for inputs in sorted(folder.glob("*.json")):
            expected = inputs.with_name(f"{inputs.stem}.expected.json")
            if not inputs.name.endswith(".expected.json") and expected.is_file():
                yield label, inputs, expected


def _cases():
    for label, inputs, expected in _data_sets():
        for section in json.loads(expected.read_text(encoding="utf-8")):
            yield pytest.param(inputs, expected, section, id=f"{label}/{inputs.stem}::{section}")


def _analysis_for(section: str):
    """The analysis named by the section ("prepost", or a variant such as "prepost_all_equal")."""
    names = [name for name in ANALYSES if section == name or section.startswith((f"{name}_", f"{name}-"))]
    if not names:
        pytest.fail(f"section {section!r} names no analysis (known: {', '.join(ANALYSES)})")
    return ANALYSES[max(names, key=len)]


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
    assert (FIXTURE_DIRS["fixtures"] / "fixture-small.json").is_file()
    assert (FIXTURE_DIRS["fixtures"] / "fixture-small.expected.json").is_file()


@pytest.mark.parametrize(("inputs", "expected", "section"), list(_cases()))
def test_reference_fixture(inputs: Path, expected: Path, section: str):
    given = json.loads(inputs.read_text(encoding="utf-8"))
    wanted = json.loads(expected.read_text(encoding="utf-8"))[section]
    assert section in given, f"{inputs.name} has no inputs for section {section!r}"
    result = _run(_analysis_for(section), given[section])
    json.dumps(result, allow_nan=False)  # plain, JSON-serialisable values only
    found = differences(result, wanted, section)
    assert not found, f"{expected.name}::{section} differs:\n" + "\n".join(found)


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
