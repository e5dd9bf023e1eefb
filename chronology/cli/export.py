"""`chronology export FORMAT`: the filtered documents and what they link to, in a format for another tool."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, BinaryIO

import typer

from chronology.cli.mistakes import OperatorMistakeError
from chronology.settings import Settings


def export_command(
    format: Annotated[str, typer.Argument(help="datapackage, tei, jsonld, timelinejs, csl, bibtex, ris or gexf.")],
    out_given: Annotated[
        str | None,
        typer.Option(
            "--out",
            help="Write here instead of standard output; for datapackage an existing directory (or a path "
            "ending in /) receives the CSV files and datapackage.json instead of a ZIP.",
        ),
    ] = None,
    start: Annotated[str | None, typer.Option("--from", help="Window start: 1936-08-17, 1936-08 or 1936.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Window end, as --from.")] = None,
    match: Annotated[str | None, typer.Option(help="overlaps (default), certainly_within or possibly_within.")] = None,
    kind: Annotated[list[str] | None, typer.Option(help="A document kind; repeat for several.")] = None,
    person: Annotated[str | None, typer.Option(help="A party: global id, Wikidata QID, key or name.")] = None,
    body: Annotated[str | None, typer.Option(help="A party body: global id, key, name or short name.")] = None,
    repository: Annotated[str | None, typer.Option(help="Archive, e.g. RGASPI.")] = None,
    fond: Annotated[str | None, typer.Option(help="Fond.")] = None,
    opis: Annotated[str | None, typer.Option(help="Opis.")] = None,
    delo: Annotated[str | None, typer.Option(help="Delo.")] = None,
    text: Annotated[str | None, typer.Option(help="Words to search for.")] = None,
    flavour: Annotated[
        str,
        typer.Option(help="tei only: cmif (the letters' metadata, harvestable) or full (texts, copies, decisions)."),
    ] = "cmif",
) -> None:
    """Export the filtered documents and what they link to in a format for another tool."""
    from chronology.exporters import EXPORTERS
    from chronology.exporters.datapackage import members
    from chronology.queries.export.filters import ExportFilter, ExportFilterError, build_criteria
    from chronology.queries.export.provenance import database_identity, export_options, schema_revision
    from chronology.queries.export.reader import ExportReader
    from chronology.queries.export.snapshot import export_transaction
    from chronology.storage.bootstrap import prepare_database
    from chronology.storage.engine import make_engine

    exporter = EXPORTERS.get(format)
    if exporter is None:
        typer.echo(f"error: no export format {format!r}; use one of {', '.join(EXPORTERS)}", err=True)
        raise typer.Exit(2)
    if flavour not in ("cmif", "full"):
        typer.echo(f"error: --flavour: use cmif or full, not {flavour!r}", err=True)
        raise typer.Exit(2)
    # Read as text, not as a Path: a Path drops the trailing slash that asks for a new directory.
    out = Path(out_given).expanduser() if out_given else None
    slash = bool(out_given) and str(out_given).endswith(("/", os.sep))
    as_directory = format == "datapackage" and out is not None and (out.is_dir() or slash)
    if out is not None:
        check_out(out, as_directory=as_directory)
    given = ExportFilter(start, end, match, tuple(kind or ()), person, body, repository, fond, opis, delo, text)
    settings = Settings.from_environment()
    engine = make_engine(prepare_database(settings))
    try:
        with export_transaction(engine) as connection:
            try:
                criteria = build_criteria(connection, given)
            except ExportFilterError as error:
                typer.echo(f"error: --{error.field}: {error.message}", err=True)
                raise typer.Exit(2) from None
            reader = ExportReader(connection, criteria)
            options = export_options(
                settings,
                format,
                given,
                revision=schema_revision(connection),
                database=database_identity(connection),
                flavour=flavour,
            )
            if as_directory:
                assert out is not None
                out.mkdir(parents=True, exist_ok=True)
                with replacing_together(out) as written:
                    for name, chunks in members(reader, options):
                        with written(name).open("wb") as file:
                            file.writelines(chunks)
            elif out is not None:
                with replacing(out) as partial, partial.open("wb") as file:
                    file.writelines(exporter.writer(reader, options))
            else:
                stdout: BinaryIO = sys.stdout.buffer
                stdout.writelines(exporter.writer(reader, options))
                stdout.flush()
    finally:
        engine.dispose()
    if out is not None:
        typer.echo(f"wrote {exporter.name} to {out} ({reader.batches} batches read)", err=True)


def check_out(out: Path, *, as_directory: bool) -> None:
    """Refuse an --out that cannot be written before anything is read."""
    if as_directory:
        if out.exists() and not out.is_dir():
            raise OperatorMistakeError(f"--out {out} is a file; give a directory for the data package's CSV files")
        return
    if out.is_dir():
        raise OperatorMistakeError(
            f"--out {out} is a directory; give a file name inside it, e.g. {out / 'chronology.export'}"
        )
    if not out.parent.is_dir():
        raise OperatorMistakeError(
            f"--out {out}: the directory {out.parent} does not exist; create it first or choose another"
        )


@contextlib.contextmanager
def replacing(out: Path) -> Iterator[Path]:
    """Yield a temporary path beside OUT that becomes OUT only if the block ends without error."""
    partial = out.with_name(f".{out.name}.{os.getpid()}.partial")
    try:
        yield partial
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)


@contextlib.contextmanager
def replacing_together(directory: Path) -> Iterator[Callable[[str], Path]]:
    """Yield a namer of temporary files in DIRECTORY, renamed to their names only if the whole block succeeds."""
    pending: dict[str, Path] = {}

    def written(name: str) -> Path:
        pending[name] = directory / f".{name}.{os.getpid()}.partial"
        return pending[name]

    try:
        yield written
        for name, partial in pending.items():
            os.replace(partial, directory / name)
    finally:
        for partial in pending.values():
            partial.unlink(missing_ok=True)
