"""`chronology review`: list what imports asked a human to check."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from chronology.settings import Settings

_KINDS = ("name", "reference", "misprint", "date", "count", "structure", "vocabulary", "reading")


def review(
    file: Annotated[str | None, typer.Option("--file", help="Only items from this imported file (its name).")] = None,
    kind: Annotated[
        list[str] | None, typer.Option("--kind", help=f"Only this kind (repeatable): {', '.join(_KINDS)}.")
    ] = None,
    open_only: Annotated[bool, typer.Option("--open", help="Only items still waiting for an editor.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the items as JSON.")] = False,
) -> None:
    """List the review queue: per file and line, why, as printed, and its likely reading."""
    from chronology.queries.review import ReviewFilter, review_items
    from chronology.storage.bootstrap import prepare_database
    from chronology.storage.engine import make_engine

    kinds = tuple(kind or ())
    unknown = [k for k in kinds if k not in _KINDS]
    if unknown:
        typer.echo(f"error: unknown kind {unknown[0]!r}; expected one of {', '.join(_KINDS)}", err=True)
        raise typer.Exit(2)
    engine = make_engine(prepare_database(Settings.from_environment()))
    try:
        from sqlalchemy.orm import Session

        with Session(engine) as session:
            items = review_items(session, ReviewFilter(source_file=file, kinds=kinds, open_only=open_only))
    finally:
        engine.dispose()
    if as_json:
        plain = [
            {
                "id": item.id,
                "file": item.source_file,
                "line": item.line,
                "kind": item.kind,
                "reason": item.reason,
                "verbatim": item.verbatim,
                "likely_reading": item.likely_reading,
                "record_id": item.record_id,
                "status": item.status,
                "resolved_by": item.resolved_by,
                "resolved_at": item.resolved_at.isoformat() if item.resolved_at else None,
                "resolution": item.resolution,
            }
            for item in items
        ]
        typer.echo(json.dumps(plain, ensure_ascii=False, indent=2))
        return
    for item in items:
        hint = f" -> {item.likely_reading}" if item.likely_reading else ""
        state = "" if item.status == "open" else f" [resolved by {item.resolved_by}]"
        typer.echo(f"{item.source_file}:{item.line} {item.kind}: {item.reason}: {item.verbatim[:80]!r}{hint}{state}")
    typer.echo(f"{len(items)} items", err=True)
