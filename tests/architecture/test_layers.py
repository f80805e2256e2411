"""The layers of DESIGN.md hold: import-linter keeps them (bin/test runs it), and it would catch an
app importing one above it. The second test plants such an import in a copy of the project."""

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
