"""`chronology sample`: load (or refresh) the sample dataset."""

from __future__ import annotations

import typer

from chronology.settings import Settings


def sample() -> None:
    """Load the sample dataset (the corpus's facts without its texts, and key events)."""
    from chronology.sample.load import load_sample
    from chronology.storage.bootstrap import prepare_database
    from chronology.storage.engine import make_engine

    engine = make_engine(prepare_database(Settings.from_environment()))
    try:
        report = load_sample(engine)
    finally:
        engine.dispose()
    typer.echo(report.summary())
    if not report.ok:
        raise typer.Exit(1)
