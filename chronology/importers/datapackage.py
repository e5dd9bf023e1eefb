"""Read a Chronology data package back into a database: a restore into an empty one, keeping every id,
or a merge into one that has records (`package_merge`).

The package's resources are the database's tables (see `interchange.package_tables`), so a
row goes back where it came from; record ids, archival reference and publication ids and
relation ids are kept, which is what lets the round trip compare exports byte for byte.
`records` is not written: the record tables' triggers register each row. Rows are read and
inserted a thousand at a time, from a directory or straight out of the ZIP.

Into a database that already has records, the package is merged: records are matched by their
natural keys and the rest are added under new ids (see `package_merge`).
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, insert, select, text, update

from chronology import models
from chronology.importers.package_merge import merge_package
from chronology.importers.package_reading import Package, PackageImportError, table_rows
from chronology.interchange.package_tables import DESCRIPTOR, PROVENANCE, TABLES, TABLES_BY_NAME
from chronology.queries.export.provenance import database_identity

_CHUNK = 1000
# Tables whose rows are reached only through a package table of another shape.
_SKIPPED = {"records"}
# Tables with their own id sequences (record tables share record_id_seq).
_SERIAL_TABLES = ("archival_references", "publications", "relations")
_CHECKED_EMPTY = ("persons", "bodies", "documents", "decisions", "events", "publications", "archival_references")


@dataclass
class PackageImportResult:
    """How many rows of each table were written."""

    counts: dict[str, int] = field(default_factory=dict)
    matched: dict[str, int] = field(default_factory=dict)  # merging: rows already there, by natural key

    def summary(self) -> str:
        """Say what was imported, one table a line, and what was found already there."""
        lines = [f"{name}: {count}" for name, count in self.counts.items() if count]
        lines += [f"{name} already present: {count}" for name, count in self.matched.items() if count]
        return "\n".join(lines)


def _check_descriptor(connection: Connection, package: Package) -> dict[str, Any]:
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
    provenance = descriptor.get(PROVENANCE)
    _check_revision(connection, provenance)
    return provenance if isinstance(provenance, dict) else {}


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


def _empty(connection: Connection) -> bool:
    for name in _CHECKED_EMPTY:
        table = models.Document.metadata.tables[name]
        if connection.execute(select(func.count()).select_from(table)).scalar_one():
            return False
    return True


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


def _load_bodies(connection: Connection, package: Package) -> int:
    """Insert bodies without parents first, then set the parents: a parent may come later."""
    table = models.Document.metadata.tables["bodies"]
    parents: list[tuple[int, int]] = []

    def without_parent() -> Iterator[dict[str, Any]]:
        for row in table_rows(package, TABLES_BY_NAME["bodies"]):
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
        package = Package(path)
    except zipfile.BadZipFile:
        raise PackageImportError(f"{path} is neither a directory nor a ZIP file") from None
    result = PackageImportResult()
    try:
        provenance = _check_descriptor(connection, package)
        connection.execute(text("SELECT set_config('chronology.actor', 'datapackage import', true)"))
        if not _empty(connection):
            ours = database_identity(connection)
            same = ours is not None and provenance.get("database") == ours
            result.counts, result.matched = merge_package(connection, package, same_database=same)
            return result
        metadata = models.Document.metadata
        for table in TABLES:
            if table.name in _SKIPPED:
                continue
            if table.name == "bodies":
                result.counts["bodies"] = _load_bodies(connection, package)
                continue
            result.counts[table.name] = _insert(connection, metadata.tables[table.name], table_rows(package, table))
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


__all__ = ["PackageImportError", "PackageImportResult", "import_package"]
