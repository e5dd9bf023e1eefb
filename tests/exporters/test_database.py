"""The database reader: the same records back, the filters, closure, and flat memory."""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, func, insert, select

from chronology import models
from chronology.exporters import EXPORTERS, ExportOptions
from chronology.exporters.datapackage import members
from chronology.importers.datapackage import PackageImportError, import_package
from chronology.queries.documents import DocumentCriteria
from chronology.queries.export.filters import ExportFilter, ExportFilterError, build_criteria
from chronology.queries.export.reader import ExportReader
from chronology.queries.export.snapshot import export_chunks, export_transaction
from chronology.storage.migrations import head_revision
from tests.exporters.conftest import write_package
from tests.exporters.golden import GOLDEN, zip_members


def _export(
    engine: Engine, name: str, criteria: DocumentCriteria | None = None, options: ExportOptions | None = None
) -> bytes:
    writer = EXPORTERS[name].writer
    given = options or ExportOptions()
    chunks = export_chunks(engine, criteria or DocumentCriteria(), lambda reader: writer(reader, given))
    return b"".join(chunks)


# A package for restoring: it says which schema revision its tables fit.
RESTORABLE = ExportOptions(schema_revision=head_revision())


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_the_database_gives_back_the_golden_exports(seeded_engine: Engine, name: str) -> None:
    data = _export(seeded_engine, name)
    if name == "datapackage":
        for member, content in zip_members(data).items():
            assert content.decode() == (GOLDEN / "datapackage" / member).read_text(), member
    else:
        assert data.decode() == (GOLDEN / f"export{EXPORTERS[name].extension}").read_text()


def test_round_trip_is_lossless(seeded_engine: Engine, another_database: str, tmp_path: Path) -> None:
    first = _export(seeded_engine, "datapackage", options=RESTORABLE)
    package = tmp_path / "first.zip"
    package.write_bytes(first)
    target = create_engine(another_database)
    try:
        with target.begin() as connection:
            result = import_package(connection, package)
        assert result.counts["documents"] == 5
        assert result.counts["relations"] == 6
        second = _export(target, "datapackage", options=RESTORABLE)
        assert zip_members(second) == zip_members(first)
        # New rows after the import get fresh ids instead of colliding with imported ones.
        with target.begin() as connection:
            new = connection.execute(
                insert(models.Person)
                .values(canonical_name="New", sort_name="New")
                .returning(models.Person.__table__.c.id)
            ).scalar_one()
        assert new > 401
    finally:
        target.dispose()


def test_import_into_a_database_with_records_merges_instead_of_refusing(seeded_engine: Engine, tmp_path: Path) -> None:
    with seeded_engine.connect() as connection:
        transaction = connection.begin()
        try:
            result = import_package(connection, write_package(tmp_path / "again"))
        finally:
            transaction.rollback()  # the seeded database is shared by the module's tests
    # The fixed set's one telegram with a natural key and its keyed persons and bodies are matched.
    assert result.matched["documents"] == 1
    assert result.matched["persons"] == 4
    assert result.matched["bodies"] == 2


def test_import_refuses_what_is_not_a_package(fresh_database: str, tmp_path: Path) -> None:
    engine = create_engine(fresh_database)
    (tmp_path / "x.zip").write_bytes(b"not a zip")
    try:
        with engine.begin() as connection:
            with pytest.raises(PackageImportError, match="neither"):
                import_package(connection, tmp_path / "x.zip")
            with pytest.raises(PackageImportError, match=r"no datapackage\.json"):
                import_package(connection, tmp_path)
    finally:
        engine.dispose()


def _criteria(engine: Engine, **given: object) -> DocumentCriteria:
    with engine.connect() as connection:
        return build_criteria(connection, ExportFilter(**given))  # type: ignore[arg-type]


def _package(engine: Engine, criteria: DocumentCriteria) -> dict[str, list[dict[str, str]]]:
    files = zip_members(_export(engine, "datapackage", criteria))
    return {
        name: list(csv.DictReader(io.StringIO(content.decode())))
        for name, content in files.items()
        if name.endswith(".csv")
    }


def _ids(rows: list[dict[str, str]]) -> list[str]:
    return [row["id"] for row in rows]


def test_a_filtered_package_is_closed_and_validates(seeded_engine: Engine, tmp_path: Path) -> None:
    import frictionless

    criteria = _criteria(seeded_engine, kinds=("cipher_telegram",))
    tables = _package(seeded_engine, criteria)
    assert _ids(tables["documents.csv"]) == ["100"]
    # The telegram reaches decision 200 (it proposes it), the votes on it, and their voters.
    assert _ids(tables["decisions.csv"]) == ["200"]
    assert _ids(tables["votes.csv"]) == ["300", "301", "302"]
    assert sorted(_ids(tables["persons.csv"])) == ["1", "2", "3", "4"]
    # Only relations whose two ends are exported: the proposal, not the reply to it.
    assert _ids(tables["relations.csv"]) == ["500"]
    # The decree the decision was formalised as is not exported, so the relation is left out.
    assert tables["events.csv"] == []
    path = tmp_path / "filtered"
    path.mkdir()
    for name, content in zip_members(_export(seeded_engine, "datapackage", criteria)).items():
        (path / name).write_bytes(content)
    report = frictionless.validate(str(path / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])


def test_a_reference_outside_the_set_is_left_empty(seeded_engine: Engine) -> None:
    # The decree reaches decision 200 (formalised as it), whose vote 300 cites telegram 100;
    # the telegram is not exported, so the vote's source must not dangle.
    criteria = _criteria(seeded_engine, kinds=("decree",))
    tables = _package(seeded_engine, criteria)
    votes = {row["id"]: row for row in tables["votes.csv"]}
    assert votes["300"]["source_document_id"] == ""
    assert sorted(_ids(tables["bodies.csv"])) == ["10", "11"]


def test_filters_choose_documents(seeded_engine: Engine) -> None:
    def ids(**given: object) -> list[str]:
        return _ids(_package(seeded_engine, _criteria(seeded_engine, **given))["documents.csv"])

    assert ids(start="1936-08", end="1936-08") == ["101"]
    assert ids(start="1936") == ["100", "101", "103"]
    assert ids(person="Q855") == ["102", "100", "101"]
    assert ids(person="kaganovich", kinds=("letter",)) == ["101"]
    assert ids(body="CC") == ["103"]
    assert ids(repository="RTsKhIDNI", fond="17") == ["103"]
    assert ids(text="freight") == ["100", "103", "104"]


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"start": "1936-13"}, "from"),
        ({"start": "1937", "end": "1936"}, "to"),
        ({"match": "near"}, "match"),
        ({"kinds": ("poem",)}, "kind"),
        ({"person": "Nobody"}, "person"),
        ({"body": "Nothing"}, "body"),
        ({"text": "x" * 501}, "text"),
    ],
)
def test_bad_filters_name_their_field(seeded_engine: Engine, given: dict[str, object], field: str) -> None:
    with pytest.raises(ExportFilterError) as caught:
        _criteria(seeded_engine, **given)
    assert caught.value.field == field


def test_memory_holds_one_batch_however_many_documents(fresh_database: str) -> None:
    engine = create_engine(fresh_database)
    table = models.Document.__table__
    start = datetime.date(1930, 1, 1)
    rows = [
        {
            "kind": "letter",
            "title": f"Letter {n}",
            "date_edtf": (start + datetime.timedelta(days=n % 3000)).isoformat(),
            "date_lower": start + datetime.timedelta(days=n % 3000),
            "date_upper": start + datetime.timedelta(days=n % 3000),
            "date_precision": "day",
        }
        for n in range(5000)
    ]
    try:
        with engine.begin() as connection:
            connection.execute(insert(models.Document), rows)
        with export_transaction(engine) as connection:
            reader = ExportReader(connection, DocumentCriteria(), batch_size=250)
            batches_at_first_document = None
            count = 0
            for chunk in EXPORTERS["gexf"].writer(reader, ExportOptions()):
                count += 1
                if batches_at_first_document is None and b"/documents/" in chunk:
                    batches_at_first_document = reader.batches
            # The first document leaves before the second batch is read: nothing is gathered first.
            assert batches_at_first_document == 1
            assert reader.largest_batch == 250
            assert reader.batches == 2 * 20  # GEXF reads the documents twice: as nodes, then for edges
            assert count > 5000  # a chunk a node
            total = connection.execute(select(func.count()).select_from(table)).scalar_one()
            assert total == 5000
        # The data package streams too: a ZIP is made from the rows as they are read.
        with export_transaction(engine) as connection:
            reader = ExportReader(connection, DocumentCriteria(), batch_size=500)
            data = b"".join(EXPORTERS["datapackage"].writer(reader, ExportOptions()))
            assert reader.largest_batch == 500
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.read("documents.csv").count(b"\n") == 5001
    finally:
        engine.dispose()


def test_members_list_every_table(seeded_engine: Engine) -> None:
    with export_transaction(seeded_engine) as connection:
        names = [name for name, chunks in members(ExportReader(connection), ExportOptions()) if list(chunks) or True]
    assert names[0] == "datapackage.json"
    assert "relations.csv" in names
    assert "name_variants.csv" in names
