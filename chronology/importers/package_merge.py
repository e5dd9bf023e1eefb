"""Merge a data package into a database that already has records: match by natural key, add the rest.

A record of the package that the database already holds — a person or body by authority key
(or Wikidata id, or a body's name), a publication by title and year, an archival reference by
its printed and normalised forms, a document, decision or event by its natural key — is the
database's: it is kept as it is, and the package's rows that point at it are pointed at it. Every
other record is added under a new id, and every id that points at it is remapped. The parts of a
record (parties, copies, editions, annotations, tallies, participants) come with records that are
added; for records already there only what is missing is added (name forms, editions, votes,
participants, links), never a second copy of what is there.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Table, and_, insert, literal, select, update
from sqlalchemy.dialects.postgresql import insert as upsert

from chronology import models
from chronology.importers.package_reading import Package, PackageImportError, table_rows
from chronology.interchange.package_tables import TABLES_BY_NAME

# The natural keys of the tables whose rows have ids, tried in order; a null key matches nothing.
NATURAL_KEYS: dict[str, tuple[tuple[str, ...], ...]] = {
    "persons": (("authority_key",), ("wikidata_qid",), ("canonical_name", "sort_name")),
    "bodies": (("authority_key",), ("name",)),
    "archival_references": (("verbatim", "normalised"),),
    "publications": (("title", "year"),),
    "documents": (("natural_key",),),
    "decisions": (("natural_key",),),
    "events": (("natural_key",),),
    "votes": (("decision_id", "person_id"),),
    "relations": (("type", "source_id", "target_id"),),
}
# The columns of each table that hold ids, and the table whose ids they are ("*": any record).
POINTERS: dict[str, dict[str, str]] = {
    "name_variants": {"person_id": "persons"},
    "bodies": {"parent_id": "bodies"},
    "documents": {},
    "document_parties": {"document_id": "documents", "person_id": "persons", "body_id": "bodies"},
    "copies": {"document_id": "documents", "archival_reference_id": "archival_references"},
    "editions": {"document_id": "documents", "publication_id": "publications"},
    "annotations": {"document_id": "documents", "author_person_id": "persons"},
    "decisions": {"body_id": "bodies", "archival_reference_id": "archival_references"},
    "tallies": {"decision_id": "decisions"},
    "votes": {"decision_id": "decisions", "person_id": "persons", "source_document_id": "documents"},
    "event_participants": {"event_id": "events", "person_id": "persons"},
    "relations": {"source_id": "*", "target_id": "*", "provenance_publication_id": "publications"},
}
# Parts that come only with a record the merge adds: the database's own record keeps its parts.
OWNED_BY = {
    "document_parties": "document_id",
    "copies": "document_id",
    "annotations": "document_id",
    "tallies": "decision_id",
}
# Parts that are added to a record already there where missing (their unique key says which).
ADDED_WHERE_MISSING = ("name_variants", "editions", "event_participants")
ORDER = (
    "persons",
    "name_variants",
    "bodies",
    "archival_references",
    "publications",
    "documents",
    "document_parties",
    "copies",
    "editions",
    "annotations",
    "decisions",
    "tallies",
    "votes",
    "events",
    "event_participants",
    "relations",
)
RECORD_TABLES = ("persons", "bodies", "documents", "decisions", "votes", "events")


class _Ids:
    """The package's ids and the database's, table by table; which records the merge added."""

    def __init__(self, same_database: bool = False) -> None:
        self.same_database = same_database
        self.maps: dict[str, dict[int, int]] = {name: {} for name in ORDER}
        self.added: dict[str, set[int]] = {name: set() for name in ORDER}

    def get(self, table: str, package_id: int, where: str) -> int:
        if table == "*":
            for name in RECORD_TABLES:
                if package_id in self.maps[name]:
                    return self.maps[name][package_id]
            raise PackageImportError(f"{where}: record {package_id} is not in the package")
        try:
            return self.maps[table][package_id]
        except KeyError:
            raise PackageImportError(f"{where}: {table} {package_id} is not in the package") from None


def _remapped(row: dict[str, Any], name: str, ids: _Ids, line: int) -> dict[str, Any]:
    where = f"{name}.csv, row {line}"
    out = dict(row)
    for column, target in POINTERS.get(name, {}).items():
        if out.get(column) is not None and not (name == "bodies" and column == "parent_id"):
            out[column] = ids.get(target, out[column], where)
    return out


def _existing(connection: Connection, table: Table, name: str, row: dict[str, Any], ids: _Ids) -> int | None:
    if ids.same_database and row.get("id") is not None:
        found = connection.execute(select(table.c.id).where(table.c.id == row["id"])).scalar_one_or_none()
        if found is not None:
            return int(found)
    for key in NATURAL_KEYS.get(name, ()):
        values = [row.get(column) for column in key]
        if any(value is None for value in values):
            continue
        condition = and_(*(table.c[column] == value for column, value in zip(key, values, strict=True)))
        # Names and printed references may repeat: the oldest row is the one the others were matched to.
        found = connection.execute(select(table.c.id).where(condition).order_by(table.c.id).limit(1)).scalar()
        if found is not None:
            return int(found)
    return None


def _merge_records(connection: Connection, name: str, rows: Iterator[dict[str, Any]], ids: _Ids) -> tuple[int, int]:
    table = models.Document.metadata.tables[name]
    added = matched = 0
    for line, row in enumerate(rows, start=2):
        package_id = row["id"]
        fields = _remapped(row, name, ids, line)
        found = _existing(connection, table, name, fields, ids)
        if found is not None:
            ids.maps[name][package_id] = found
            matched += 1
            continue
        values = {k: v for k, v in fields.items() if k != "id"}
        if name == "bodies":
            values["parent_id"] = None  # set once every body has its id: a parent may come later
        new_id = connection.execute(insert(table).values(values).returning(table.c.id)).scalar_one()
        ids.maps[name][package_id] = int(new_id)
        ids.added[name].add(int(new_id))
        added += 1
    return added, matched


def _merge_parts(connection: Connection, name: str, rows: Iterator[dict[str, Any]], ids: _Ids) -> tuple[int, int]:
    table = models.Document.metadata.tables[name]
    owner = OWNED_BY.get(name)
    owner_table = POINTERS[name].get(owner or "", "")
    added = skipped = 0
    for line, row in enumerate(rows, start=2):
        fields = _remapped(row, name, ids, line)
        if owner is not None and fields[owner] not in ids.added[owner_table]:
            skipped += 1  # a part of a record the database already had
            continue
        statement = upsert(table).values(fields).on_conflict_do_nothing().returning(literal(1))
        written = connection.execute(statement).first() is not None
        added += written
        skipped += not written
    return added, skipped


def _set_parents(connection: Connection, package: Package, ids: _Ids) -> None:
    table = models.Document.metadata.tables["bodies"]
    for line, row in enumerate(table_rows(package, TABLES_BY_NAME["bodies"]), start=2):
        new_id = ids.maps["bodies"][row["id"]]
        if row["parent_id"] is not None and new_id in ids.added["bodies"]:
            parent = ids.get("bodies", row["parent_id"], f"bodies.csv, row {line}")
            connection.execute(update(table).where(table.c.id == new_id).values(parent_id=parent))


def merge_package(
    connection: Connection, package: Package, *, same_database: bool = False
) -> tuple[dict[str, int], dict[str, int]]:
    """Merge the package into the database's records; return rows added and rows found already there.

    A package exported from this very database (`same_database`) is matched by id first: a record
    made through the API has no natural key, but it has the id the package was written with.
    """
    ids = _Ids(same_database)
    added: dict[str, int] = {}
    matched: dict[str, int] = {}
    for name in ORDER:
        rows = table_rows(package, TABLES_BY_NAME[name])
        merge = _merge_records if name in NATURAL_KEYS else _merge_parts
        added[name], matched[name] = merge(connection, name, rows, ids)
        if name == "bodies":
            _set_parents(connection, package, ids)
    return added, matched
