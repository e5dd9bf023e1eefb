"""A data package merged into a database that has records: matched by natural key, the rest added."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlalchemy import Engine, create_engine, text

from chronology.exporters import EXPORTERS, ExportOptions
from chronology.exporters.datapackage import members
from chronology.importers.datapackage import import_package
from chronology.interchange.records import ExportRelation, ExportSet
from chronology.queries.documents import DocumentCriteria
from chronology.queries.export.provenance import database_identity
from chronology.queries.export.snapshot import export_chunks
from chronology.storage.migrations import head_revision
from tests.exporters.dataset import dataset
from tests.exporters.inferred import with_inferred

RESTORABLE = ExportOptions(schema_revision=head_revision())


def _keyed(records: ExportSet) -> ExportSet:
    """Return the set with a natural key on every document, decision and event, as an edition's loader gives."""
    documents = tuple(dataclasses.replace(d, natural_key=d.natural_key or f"doc-{d.id}") for d in records.document_list)
    decisions = tuple(dataclasses.replace(d, natural_key=d.natural_key or f"pb-{d.id}") for d in records.decision_list)
    events = tuple(dataclasses.replace(e, natural_key=e.natural_key or f"event-{e.id}") for e in records.event_list)
    return dataclasses.replace(records, document_list=documents, decision_list=decisions, event_list=events)


def _write(directory: Path, records: ExportSet) -> Path:
    directory.mkdir(parents=True)
    for name, chunks in members(records, RESTORABLE):
        (directory / name).write_bytes(b"".join(chunks))
    return directory


def _count(engine: Engine, table: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_a_package_merges_by_natural_key_and_remaps_new_ids(another_database: str, tmp_path: Path) -> None:
    engine = create_engine(another_database)
    richer = _keyed(with_inferred())
    mention = ExportRelation(506, "mentions", 120, "document", 400, "event", "probable")
    richer = dataclasses.replace(richer, relation_list=(*richer.relation_list, mention))
    try:
        with engine.begin() as connection:
            import_package(connection, _write(tmp_path / "first", _keyed(dataset())))
        before = {name: _count(engine, name) for name in ("documents", "persons", "relations", "votes", "copies")}
        with engine.begin() as connection:
            result = import_package(connection, _write(tmp_path / "second", richer))
        assert result.counts["documents"] == 2
        assert result.matched["documents"] == 5
        assert result.counts["persons"] == 0
        assert result.matched["persons"] == 4
        assert result.counts["archival_references"] == 1  # the inferred file; the others are there
        assert result.counts["relations"] == 1
        assert result.counts["decisions"] == result.counts["events"] == 0
        assert _count(engine, "documents") == before["documents"] + 2
        assert _count(engine, "votes") == before["votes"]
        assert _count(engine, "copies") == before["copies"] + 2
        with engine.connect() as connection:
            speech = connection.execute(text("SELECT id FROM documents WHERE natural_key = 'doc-120'")).scalar_one()
            target = connection.execute(
                text("SELECT target_id FROM relations WHERE source_id = :s AND type = 'mentions'"), {"s": speech}
            ).scalar_one()
            verbatim = connection.execute(
                text(
                    "SELECT r.verbatim FROM copies c JOIN archival_references r ON r.id = c.archival_reference_id"
                    " WHERE c.document_id = :d"
                ),
                {"d": speech},
            ).scalar_one()
        assert speech != 120  # a new id, and what pointed at it follows
        assert target == 400  # the trial, already there, keeps its id
        assert verbatim == ""
        # Merging the same package again changes nothing.
        with engine.begin() as connection:
            again = import_package(connection, tmp_path / "second")
        assert not any(again.counts.values()), again.counts
    finally:
        engine.dispose()


def test_a_package_from_the_same_database_is_matched_by_id(seeded_engine: Engine, tmp_path: Path) -> None:
    with seeded_engine.connect() as connection:
        identity = database_identity(connection)
    assert identity is not None
    options = ExportOptions(schema_revision=head_revision(), database=identity)
    writer = EXPORTERS["datapackage"].writer
    data = b"".join(export_chunks(seeded_engine, DocumentCriteria(), lambda reader: writer(reader, options)))
    with seeded_engine.connect() as connection:
        transaction = connection.begin()
        try:
            package = tmp_path / "same.zip"
            package.write_bytes(data)
            result = import_package(connection, package)
        finally:
            transaction.rollback()  # the seeded database is shared by the module's tests
    # Four of the five documents have no natural key: only their ids can match them.
    assert not any(result.counts.values()), result.counts
    assert result.matched["documents"] == 5
    assert result.matched["relations"] == 6
