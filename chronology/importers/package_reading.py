"""Reading a data package's files: the descriptor and the tables, cell by cell, as the database's values."""

from __future__ import annotations

import csv
import datetime
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from chronology import models
from chronology.interchange.package_tables import Table as PackageTable

_DROPPED_COLUMNS = {"annotations": {"position"}}  # the order of the rows is the order of the ids


class PackageImportError(Exception):
    """The package cannot be read, or the database is not empty."""


class Package:
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


def cell_value(kind: str, cell: str, *, required: bool = False) -> Any:
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


def table_rows(package: Package, table: PackageTable) -> Iterator[dict[str, Any]]:
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
                    name: cell_value(types[name], cell, required=name in required)
                    for name, cell in record.items()
                    if name not in dropped
                }
            except ValueError as error:
                raise PackageImportError(f"{table.path}, line {line}: {error}") from None
