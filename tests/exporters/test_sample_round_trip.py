"""The shipped sample through a data package: restored whole into an empty database, merged into itself."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from chronology.exporters import EXPORTERS, ExportOptions
from chronology.importers.datapackage import import_package
from chronology.queries.documents import DocumentCriteria
from chronology.queries.export.snapshot import export_chunks
from chronology.sample.load import load_sample
from chronology.storage.migrations import head_revision
from tests.exporters.golden import zip_members

OPTIONS = ExportOptions(schema_revision=head_revision())


def _package(url: str) -> bytes:
    engine = create_engine(url)
    writer = EXPORTERS["datapackage"].writer
    try:
        return b"".join(export_chunks(engine, DocumentCriteria(), lambda reader: writer(reader, OPTIONS)))
    finally:
        engine.dispose()


def test_the_sample_restores_and_merges_with_nothing_lost(
    fresh_database: str, another_database: str, tmp_path: Path
) -> None:
    source = create_engine(fresh_database)
    target = create_engine(another_database)
    try:
        assert load_sample(source).ok
        first = _package(fresh_database)
        (tmp_path / "sample.zip").write_bytes(first)
        with target.begin() as connection:
            restored = import_package(connection, tmp_path / "sample.zip")
        assert restored.counts["documents"] > 100
        # Every table, every value, the empty verbatim strings included.
        assert zip_members(_package(another_database)) == zip_members(first)
        with target.connect() as connection:
            empty = connection.execute(text("SELECT count(*) FROM archival_references WHERE verbatim = ''")).scalar()
        with source.connect() as connection:
            assert (
                connection.execute(text("SELECT count(*) FROM archival_references WHERE verbatim = ''")).scalar()
                == empty
            )
        # The package merged into the database it came from (as a foreign package) adds nothing keyed twice.
        with source.begin() as connection:
            merged = import_package(connection, tmp_path / "sample.zip")
        assert merged.counts["persons"] == 0
        assert merged.counts["bodies"] == 0
        assert merged.counts["relations"] == 0
        assert merged.counts["documents"] == 0, merged.counts
    finally:
        source.dispose()
        target.dispose()
