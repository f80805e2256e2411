"""The layers of DESIGN.md hold: import-linter keeps them (bin/test runs it), and it would catch an
app importing one above it. The second test plants such an import in a copy of the project."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ["lms", "courses", "assessments", "apprenticeship"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 (a fixed command on the project's own files)
        [str(LINT_IMPORTS), "--no-cache", "--config", str(folder / "pyproject.toml")],
        cwd=folder,
        env={"PYTHONPATH": str(folder), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


def _copy_project(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_project_keeps_its_layers(tmp_path):
    result = _lint(_copy_project(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_upward_import_breaks_the_contract(tmp_path):
    project = _copy_project(tmp_path)
    (project / "courses" / "upward.py").write_text("from lms.dashboards import selectors  # noqa\n")

    result = _lint(project)

    assert result.returncode == 1
    assert "courses.upward -> lms.dashboards.selectors" in result.stdout


HIGHER_NAMESPACES = {"courses", "assessments", "apprenticeship", "certification", "dashboards", "recruitment"}


def test_people_reverses_no_url_of_an_app_above_it():
    """URL names are imports in disguise: the header's links come from a registry instead."""
    offenders = []
    for path in (ROOT / "lms" / "people").rglob("*.py"):
        for namespace in re.findall(r"reverse\(\s*[\"'](\w+):", path.read_text()):
            if namespace in HIGHER_NAMESPACES:
                offenders.append(f"{path.relative_to(ROOT)}: {namespace}")
    assert offenders == []
