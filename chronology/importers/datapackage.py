"""Read a Chronology data package back into an empty database, keeping every id.

The package's resources are the database's tables (see `interchange.package_tables`), so a
row goes back where it came from; record ids, archival reference and publication ids and
relation ids are kept, which is what lets the round trip compare exports byte for byte.
`records` is not written: the record tables' triggers register each row. Rows are read and
inserted a thousand at a time, from a directory or straight out of the ZIP.

An empty database is required: merging a package into records that already exist would need
the natural-key matching of the edition loader, which this importer does not attempt.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, func, insert, select, text, update

from chronology import models
from chronology.interchange.package_tables import DESCRIPTOR, PROVENANCE, TABLES, TABLES_BY_NAME
from chronology.interchange.package_tables import Table as PackageTable

_CHUNK = 1000
# Tables whose rows are reached only through a package table of another shape.
_SKIPPED = {"records"}
_DROPPED_COLUMNS = {"annotations": {"position"}}  # the order of the rows is the order of the ids
# Tables with their own id sequences (record tables share record_id_seq).
_SERIAL_TABLES = ("archival_references", "publications", "relations")
_CHECKED_EMPTY = ("persons", "bodies", "documents", "decisions", "events", "publications", "archival_references")


class PackageImportError(Exception):
    """The package cannot be read, or the database is not empty."""


@dataclass
class PackageImportResult:
    """How many rows of each table were written."""

    counts: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        """Say what was imported, one table a line."""
        return "\n".join(f"{name}: {count}" for name, count in self.counts.items() if count)


class _Package:
    """A package on disk: a directory holding datapackage.json, or a ZIP of one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.archive = zipfile.ZipFile(path) if path.is_file() else None

    def open(self, name: str) -> IO[bytes]:
        try:
            if self.archive is not None:
                return self.archive.open(name)
            return (self.path / name).open("rb")
        except (KeyError, FileNotFoundError):
            raise PackageImportError(f"the package has no {name}") from None

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()


def _value(kind: str, cell: str, *, required: bool = False) -> Any:
    if kind == "array":
        return json.loads(cell) if cell else []
    if cell == "":
        # CSV has one empty cell for null and "": a column that cannot be null held "" (a verbatim
        # reading of nothing, as for an inferred reference), so "" is the only faithful reading.
        return "" if required and kind == "string" else None
    if kind == "integer":
        return int(cell)
    if kind == "number":
        return float(cell)
    if kind == "boolean":
        if cell not in ("true", "false"):
            raise ValueError(f"{cell!r} is not true or false")
        return cell == "true"
    if kind == "date":
        return datetime.date.fromisoformat(cell)
    return cell


def _rows(package: _Package, table: PackageTable) -> Iterator[dict[str, Any]]:
    types = {f.name: f.type for f in table.fields}
    columns = models.Document.metadata.tables[table.name].columns
    required = {c.name for c in columns if not c.nullable}
    dropped = _DROPPED_COLUMNS.get(table.name, set())
    with package.open(table.path) as raw:
        reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
        if tuple(reader.fieldnames or ()) != table.columns:
            raise PackageImportError(f"{table.path} has columns {reader.fieldnames}, expected {list(table.columns)}")
        for line, record in enumerate(reader, start=2):
            try:
                yield {
                    name: _value(types[name], cell, required=name in required)
                    for name, cell in record.items()
                    if name not in dropped
                }
            except ValueError as error:
                raise PackageImportError(f"{table.path}, line {line}: {error}") from None


def _check_descriptor(connection: Connection, package: _Package) -> None:
    with package.open(DESCRIPTOR) as raw:
        try:
            descriptor = json.load(raw)
        except json.JSONDecodeError as error:
            raise PackageImportError(f"{DESCRIPTOR} is not JSON: {error}") from None
    if not isinstance(descriptor, dict):
        raise PackageImportError(f"{DESCRIPTOR} is not a data package descriptor")
    names = [r.get("name") for r in descriptor.get("resources", []) if isinstance(r, dict)]
    missing = [t.name for t in TABLES if t.name not in names]
    if missing:
        raise PackageImportError(f"this is not a Chronology package: it lacks {', '.join(missing)}")
    _check_revision(connection, descriptor.get(PROVENANCE))


def _check_revision(connection: Connection, provenance: Any) -> None:
    """Refuse a package whose tables were written for another schema than the database's."""
    ours = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()
    theirs = provenance.get("schemaRevision") if isinstance(provenance, dict) else None
    if theirs is None:
        raise PackageImportError(
            "the package does not say which schema revision it was made at (it comes from an older Chronology); "
            f"export it again with this version, whose database is at revision {ours}"
        )
    if theirs != ours:
        raise PackageImportError(
            f"the package was made at schema revision {theirs} and this database is at {ours}: "
            f"import it with the Chronology it came from, or upgrade that database to {ours} and export again"
        )


def _check_empty(connection: Connection) -> None:
    for name in _CHECKED_EMPTY:
        table = models.Document.metadata.tables[name]
        if connection.execute(select(func.count()).select_from(table)).scalar_one():
            raise PackageImportError(f"the database already has {name}; import a package into an empty database")


def _insert(connection: Connection, table: Any, rows: Iterator[dict[str, Any]]) -> int:
    count = 0
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == _CHUNK:
            connection.execute(insert(table), chunk)
            count += len(chunk)
            chunk = []
    if chunk:
        connection.execute(insert(table), chunk)
        count += len(chunk)
    return count


def _load_bodies(connection: Connection, package: _Package) -> int:
    """Insert bodies without parents first, then set the parents: a parent may come later."""
    table = models.Document.metadata.tables["bodies"]
    parents: list[tuple[int, int]] = []

    def without_parent() -> Iterator[dict[str, Any]]:
        for row in _rows(package, TABLES_BY_NAME["bodies"]):
            if row["parent_id"] is not None:
                parents.append((row["id"], row["parent_id"]))
            yield {**row, "parent_id": None}

    count = _insert(connection, table, without_parent())
    for body_id, parent_id in parents:
        connection.execute(update(table).where(table.c.id == body_id).values(parent_id=parent_id))
    return count


def import_package(connection: Connection, path: Path) -> PackageImportResult:
    """Write the package at PATH (a directory or a ZIP) into the empty database; the caller commits."""
    if not path.exists():
        raise PackageImportError(f"{path} does not exist")
    try:
        package = _Package(path)
    except zipfile.BadZipFile:
        raise PackageImportError(f"{path} is neither a directory nor a ZIP file") from None
    result = PackageImportResult()
    try:
        _check_descriptor(connection, package)
        _check_empty(connection)
        connection.execute(text("SELECT set_config('chronology.actor', 'datapackage import', true)"))
        metadata = models.Document.metadata
        for table in TABLES:
            if table.name in _SKIPPED:
                continue
            if table.name == "bodies":
                result.counts["bodies"] = _load_bodies(connection, package)
                continue
            result.counts[table.name] = _insert(connection, metadata.tables[table.name], _rows(package, table))
        _advance_sequences(connection)
    finally:
        package.close()
    return result


def _advance_sequences(connection: Connection) -> None:
    """Move the id sequences past the imported ids, so that new rows do not collide with them."""
    connection.execute(text("SELECT setval('record_id_seq', greatest((SELECT max(id) FROM records), 1))"))
    for name in _SERIAL_TABLES:
        table = models.Document.metadata.tables[name]
        highest = connection.execute(select(func.max(table.c.id))).scalar_one()
        connection.execute(select(func.setval(func.pg_get_serial_sequence(name, "id"), func.greatest(highest or 1, 1))))
