"""The layout holds: imports point one way, modules stay small, the package root holds only its face."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.paths import ROOT

PACKAGE = ROOT / "chronology"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
MAX_LINES = 400
# The package face, the app factory and the settings; everything else lives in a folder named after its layer.
ROOT_MODULES = {"__init__.py", "app.py", "settings.py"}


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    # PYTHONPATH first: the checked package is the one under CWD, not the installed one.
    environment = {**os.environ, "PYTHONPATH": str(cwd), "COLUMNS": "200"}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=cwd, env=environment, capture_output=True, text=True, check=False
    )


def test_imports_point_one_way() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout
    assert result.stdout.count("KEPT") >= 3


def test_a_wrong_way_import_breaks_the_contract(tmp_path: Path) -> None:
    shutil.copytree(PACKAGE, tmp_path / "chronology", ignore=shutil.ignore_patterns("static", "__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    base = tmp_path / "chronology" / "models" / "base.py"
    base.write_text(base.read_text(encoding="utf-8") + "\nimport chronology.graphql.schema  # noqa\n", encoding="utf-8")

    result = _lint_imports(tmp_path)

    assert result.returncode != 0
    assert "chronology.models is not allowed to import chronology.graphql" in result.stdout


def test_a_parser_that_touches_the_database_breaks_the_contract(tmp_path: Path) -> None:
    shutil.copytree(PACKAGE, tmp_path / "chronology", ignore=shutil.ignore_patterns("static", "__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    parser = tmp_path / "chronology" / "importers" / "sda.py"
    parser.write_text(parser.read_text(encoding="utf-8") + "\nimport sqlalchemy  # noqa\n", encoding="utf-8")

    result = _lint_imports(tmp_path)

    assert result.returncode != 0
    assert "chronology.importers.sda is not allowed to import sqlalchemy" in result.stdout


def test_no_module_is_over_the_guideline() -> None:
    lengths = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    assert lengths, "no modules found"
    over = {path: count for path, count in lengths.items() if count > MAX_LINES}
    assert not over, f"split these along their ideas (over {MAX_LINES} lines): {over}"


def test_the_package_root_holds_only_its_face() -> None:
    modules = {path.name for path in PACKAGE.glob("*.py")}
    assert {"__init__.py", "app.py", "settings.py"} <= modules
    assert modules <= ROOT_MODULES, f"put these in a folder named after their layer: {sorted(modules - ROOT_MODULES)}"
