"""`chronology schema`: write the GraphQL SDL to schema.graphql, or check that it is current."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def schema(
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if the file differs from the code's schema.")] = False,
    out: Annotated[Path, typer.Option(help="Where the SDL lives.")] = Path("schema.graphql"),
) -> None:
    """Write the GraphQL schema (SDL) to schema.graphql, or check that it is current."""
    from chronology.graphql.schema import schema_sdl

    sdl = schema_sdl()
    if check:
        current = out.read_text(encoding="utf-8") if out.exists() else ""
        if current != sdl:
            typer.echo(f"{out} is stale: run `chronology schema` and commit it", err=True)
            raise typer.Exit(1)
        typer.echo(f"{out} matches the code")
        return
    out.write_text(sdl, encoding="utf-8")
    typer.echo(f"wrote {out}")
