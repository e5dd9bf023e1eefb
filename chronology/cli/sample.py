"""`chronology sample`: load (or refresh) the sample dataset."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from chronology.settings import Settings


def sample(
    report: Annotated[Path | None, typer.Option(help="Write the full import report to this JSON file.")] = None,
) -> None:
    """Load the sample dataset (the corpus's facts without its texts, and key events)."""
    from chronology.sample.load import load_sample
    from chronology.storage.bootstrap import prepare_database
    from chronology.storage.engine import make_engine

    if report is not None and not report.parent.is_dir():
        typer.echo(f"error: cannot write the report: {report.parent} is not a folder; nothing was loaded", err=True)
        raise typer.Exit(2)
    engine = make_engine(prepare_database(Settings.from_environment()))
    try:
        result = load_sample(engine)
    finally:
        engine.dispose()
    typer.echo(result.summary())
    if report is not None:
        report.write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if not result.ok:
        raise typer.Exit(1)
