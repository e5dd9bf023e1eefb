"""`chronology import` through the front door: reports, re-imports, dry runs and bad input."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner, Result

from chronology.cli.main import app
from tests.paths import CORPUS, EDITION_FIXTURES

LETTERS = EDITION_FIXTURES / "correspondence_sample.txt"

Invoke = Callable[..., Result]


@pytest.fixture
def invoke(fresh_database: str, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run the command line against the test's own database."""
    monkeypatch.setenv("CHRONOLOGY_DATABASE_URL", fresh_database)

    def run(*args: str | Path) -> Result:
        return CliRunner().invoke(app, ["import", *map(str, args)])

    return run


@pytest.fixture
def rows(fresh_database: str) -> Callable[[str], int]:
    """Count the rows of a table in the test's database."""

    def count(table: str) -> int:
        engine = create_engine(fresh_database)
        try:
            with engine.connect() as connection:
                return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
        finally:
            engine.dispose()

    return count


def test_import_writes_a_report_and_a_second_run_changes_nothing(
    invoke: Invoke, rows: Callable[[str], int], tmp_path: Path
) -> None:
    report = tmp_path / "report.json"
    first = invoke(LETTERS, "--report", report)
    assert first.exit_code == 0, first.output
    assert "created:" in first.output
    data = json.loads(report.read_text())
    (entry,) = data["files"]
    assert entry["format"] == "correspondence"
    assert entry["error"] is None
    assert entry["counts"]["documents"]["created"] == rows("documents") > 0
    assert entry["review"], "the sample's misprinted fond should be put up for review"
    assert set(entry["review"][0]) == {"line", "reason", "verbatim", "suggestion"}
    assert any("F. 77" in item["verbatim"] for item in entry["review"])
    audit = rows("audit_log")

    second = invoke(LETTERS, "--report", report)
    assert second.exit_code == 0, second.output
    counts = json.loads(report.read_text())["files"][0]["counts"]
    assert all(set(outcomes) <= {"unchanged", "matched"} for outcomes in counts.values()), counts
    assert rows("audit_log") == audit


def test_all_three_formats_import_in_one_run(invoke: Invoke) -> None:
    result = invoke(
        *(EDITION_FIXTURES / name for name in ("correspondence_sample.txt", "sda_sample.txt", "rtt_sample.txt"))
    )
    assert result.exit_code == 0, result.output
    assert "(correspondence," in result.output
    assert "(sda," in result.output
    assert "(road-to-terror," in result.output


def test_a_dry_run_writes_nothing(invoke: Invoke, rows: Callable[[str], int]) -> None:
    result = invoke(LETTERS, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "dry run" in result.output
    assert "created:" in result.output
    assert rows("documents") == rows("persons") == rows("audit_log") == 0


def _cut_inside_header(tmp_path: Path) -> Path:
    text = LETTERS.read_text(encoding="utf-8")
    start = text.index("Stalin to Kaganovich, Chubar")
    path = tmp_path / "cut-header.txt"
    path.write_text(text[: start + len("Stalin to Kaganovich, Chub")], encoding="utf-8")
    return path


def _cut_inside_sentence(tmp_path: Path) -> Path:
    lines = LETTERS.read_text(encoding="utf-8").splitlines()
    long_line = next(i for i, line in enumerate(lines) if i > 20 and len(line) > 80)
    path = tmp_path / "cut-sentence.txt"
    path.write_text("\n".join([*lines[:long_line], lines[long_line][:60]]), encoding="utf-8")
    return path


def _binary(tmp_path: Path) -> Path:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4\n\x00\x01\x02binary\x00")
    return path


def _latin1(tmp_path: Path) -> Path:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Kaganovich to Stalin January 15, 1936\nEntr\u00e9e\n".encode("latin-1"))
    return path


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("make", "options", "message"),
    [
        (_empty, [], "empty"),
        (_binary, [], "binary"),
        (_latin1, [], "not UTF-8"),
        (_cut_inside_header, [], "inside a document header"),
        (_cut_inside_sentence, [], "mid-sentence"),
        (lambda tmp: LETTERS, ["--format", "sda"], "in the correspondence format, not sda"),
        (lambda tmp: tmp / "missing.txt", [], "cannot be read"),
    ],
    ids=["empty", "binary", "latin-1", "cut-header", "cut-sentence", "wrong-format", "missing"],
)
def test_bad_input_is_refused_with_a_clear_error_and_nothing_written(
    invoke: Invoke,
    rows: Callable[[str], int],
    tmp_path: Path,
    make: Callable[[Path], Path],
    options: list[str],
    message: str,
) -> None:
    # A good file first: a bad one anywhere in the run stops all of it.
    result = invoke(LETTERS, make(tmp_path), *options)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "nothing was imported" in result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)
    assert rows("documents") == rows("persons") == rows("audit_log") == 0


def test_the_1936_letters_cut_in_mid_document_are_refused(invoke: Invoke, tmp_path: Path) -> None:
    source = CORPUS / "stalin-kaganovich-1936-jan-aug.txt"
    if not source.is_file():
        pytest.skip(f"the reference corpus is not at {CORPUS}")
    text = source.read_text(encoding="utf-8")
    cut = tmp_path / "letters-cut.txt"
    cut.write_text(text[: len(text) // 2], encoding="utf-8")
    result = invoke(cut)
    assert result.exit_code == 2, result.output
    assert "truncated" in result.output
