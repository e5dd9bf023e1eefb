"""A data package restores what it holds: empty verbatim strings, provenance, and the schema it fits."""

from __future__ import annotations

import json
from pathlib import Path

import frictionless
import pytest
from sqlalchemy import create_engine, text

from chronology.exporters import ExportOptions
from chronology.exporters.datapackage import descriptor, members
from chronology.importers.datapackage import PackageImportError, import_package
from chronology.interchange.links import Links
from chronology.storage.migrations import head_revision
from tests.exporters.conftest import write_package
from tests.exporters.inferred import with_inferred


def _write(directory: Path, options: ExportOptions) -> Path:
    directory.mkdir(parents=True)
    for name, chunks in members(with_inferred(), options):
        (directory / name).write_bytes(b"".join(chunks))
    return directory


def test_an_empty_verbatim_survives_the_round_trip(another_database: str, tmp_path: Path) -> None:
    package = _write(tmp_path / "p", ExportOptions(schema_revision=head_revision()))
    assert frictionless.validate(str(package / "datapackage.json")).valid
    engine = create_engine(another_database)
    try:
        with engine.begin() as connection:
            import_package(connection, package)
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT id, verbatim, note FROM archival_references ORDER BY id")).all()
    finally:
        engine.dispose()
    verbatim = {row.id: row.verbatim for row in rows}
    assert verbatim[90] == ""  # not NULL: the inferred reference printed nothing
    assert verbatim[22] == "RGASPI F. 558. Op. P. D. 94. L. 12, 12v"
    assert {row.id: row.note for row in rows}[20] is None  # a null stays null


def test_the_descriptor_records_its_provenance() -> None:
    options = ExportOptions(
        links=Links("https://chronology.example.org"),
        format_name="datapackage",
        filters=(("from", "1936"), ("kind", "letter")),
        created="2026-12-07T21:00:00Z",
        version="1.2.3",
        schema_revision="0006",
    )
    value = descriptor(options, with_inferred().publications())
    assert value["created"] == "2026-12-07T21:00:00Z"
    assert value["version"] == "1.2.3"
    assert value["id"].startswith("urn:uuid:")
    assert value["id"] != descriptor(ExportOptions(schema_revision="0006"))["id"]  # one id per export
    assert value["sources"][0] == {
        "title": "Chronology",
        "path": "https://chronology.example.org/export/datapackage?from=1936&kind=letter",
    }
    assert value["sources"][1]["title"] == "The Stalin-Kaganovich Correspondence, 1931-36"
    assert value["chronology"]["filter"] == [["from", "1936"], ["kind", "letter"]]
    assert value["chronology"]["schemaRevision"] == "0006"


@pytest.mark.parametrize(
    ("revision", "message"),
    [(None, "does not say which schema revision"), ("0002", "made at schema revision 0002")],
)
def test_a_package_of_another_schema_is_refused_by_name(
    another_database: str, tmp_path: Path, revision: str | None, message: str
) -> None:
    package = _write(tmp_path / "p", ExportOptions(schema_revision=revision))
    engine = create_engine(another_database)
    try:
        with engine.begin() as connection, pytest.raises(PackageImportError, match=message):
            import_package(connection, package)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM documents")).scalar_one() == 0
    finally:
        engine.dispose()


def test_the_fixture_package_says_its_revision(tmp_path: Path) -> None:
    descriptor_file = write_package(tmp_path / "p") / "datapackage.json"
    assert json.loads(descriptor_file.read_text())["chronology"]["schemaRevision"] == head_revision()
