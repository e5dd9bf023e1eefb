"""The four corpus files imported into one database: votes, chains, one document in two editions."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, func, select, text

from chronology import models
from chronology.importers.report import ImportReport, total
from chronology.importers.run import import_paths
from tests.conftest import RUN, create_database, drop_database
from tests.paths import CORPUS

FILES = (
    "stalin-kaganovich-1936-jan-aug.txt",
    "kaganovich-stalin-1936-09-14.txt",
    "sda-kaganovich-yezhov-1936-08-20.txt",
    "road-to-terror-ocr.txt",
)

pytestmark = pytest.mark.skipif(
    not all((CORPUS / name).is_file() for name in FILES),
    reason=f"the reference corpus is not at {CORPUS}",
)


class Imported:
    """A database holding the whole corpus, with the reports of both imports."""

    def __init__(self, engine: Engine, first: ImportReport, second: ImportReport, seconds: float):
        self.engine = engine
        self.first = first
        self.second = second
        self.seconds = seconds


@pytest.fixture(scope="module")
def imported(server_url: str, template_database: str) -> Iterator[Imported]:
    name = f"chronology_test_{RUN}_{uuid.uuid4().hex[:8]}_corpus"
    url = create_database(server_url, name, template=template_database)
    engine = create_engine(url)
    try:
        paths = [CORPUS / name for name in FILES]
        started = time.perf_counter()
        first = import_paths(engine, paths)
        seconds = time.perf_counter() - started
        with engine.connect() as connection:
            audit_before = connection.execute(select(func.count()).select_from(models.AuditEntry)).scalar_one()
        second = import_paths(engine, paths)
        with engine.connect() as connection:
            audit_after = connection.execute(select(func.count()).select_from(models.AuditEntry)).scalar_one()
        assert audit_after == audit_before, "the second import wrote to the audit trail"
        yield Imported(engine, first, second, seconds)
    finally:
        engine.dispose()
        drop_database(server_url, name)


def test_every_file_imports_without_error(imported: Imported) -> None:
    assert imported.first.ok, [f.error for f in imported.first.files]
    formats = [f.format for f in imported.first.files]
    assert formats == ["correspondence", "correspondence", "sda", "road-to-terror"]
    documents = {f.format: f.counts["documents"]["created"] for f in imported.first.files if f.format != "sda"}
    assert documents["correspondence"] >= 1
    assert documents["road-to-terror"] >= 190


def test_the_import_takes_seconds_not_minutes(imported: Imported) -> None:
    assert imported.seconds < 60, f"the corpus took {imported.seconds:.1f} s"
    terror = next(f for f in imported.first.files if f.format == "road-to-terror")
    assert terror.seconds < 20, f"Road to Terror took {terror.seconds:.1f} s"


def test_second_import_changes_nothing(imported: Imported) -> None:
    for report in imported.second.files:
        assert total(report.counts, "created") == 0, (report.path, report.counts)
        assert total(report.counts, "updated") == 0, (report.path, report.counts)
        assert total(report.counts, "deleted") == 0, (report.path, report.counts)
    assert total(imported.second.authority, "created") == 0
    assert total(imported.second.authority, "updated") == 0


_TELEGRAM = text(
    """
    SELECT d.id FROM documents d
      JOIN copies c ON c.document_id = d.id
      JOIN archival_references r ON r.id = c.archival_reference_id
     WHERE r.normalised = :reference AND d.date_edtf = :date
    """
)


def _document(engine: Engine, reference: str, date: str) -> int:
    with engine.connect() as connection:
        ids = connection.execute(_TELEGRAM, {"reference": reference, "date": date}).scalars().all()
    assert len(set(ids)) == 1, ids
    return int(ids[0])


def test_the_15_january_telegram_carries_eight_votes_for(imported: Imported) -> None:
    telegram = _document(imported.engine, "RGASPI, f. 17, op. 163, d. 1091, l. 59", "1936-01-15")
    query = text(
        """
        SELECT p.authority_key, v.position, v.recorded_in, v.name_as_printed, dec.id AS decision,
               b.authority_key AS body, r.normalised AS reference, dec.date_edtf
          FROM votes v
          JOIN persons p ON p.id = v.person_id
          JOIN decisions dec ON dec.id = v.decision_id
          JOIN bodies b ON b.id = dec.body_id
          JOIN archival_references r ON r.id = dec.archival_reference_id
         WHERE v.source_document_id = :telegram
        """
    )
    with imported.engine.connect() as connection:
        votes = connection.execute(query, {"telegram": telegram}).mappings().all()
        relation = connection.execute(
            text("SELECT type FROM relations WHERE source_id = :doc AND target_id = :decision"),
            {"doc": telegram, "decision": votes[0]["decision"]},
        ).scalars()
        types = set(relation)
    voters = {v["authority_key"] for v in votes}
    assert voters == {"stalin", "molotov", "voroshilov", "kalinin", "zhdanov", "chubar", "andreev", "mikoyan"}
    assert {v["position"] for v in votes} == {"for"}
    assert {v["recorded_in"] for v in votes} == {"cipher_marks", "secretary_note"}
    assert {v["decision"] for v in votes} == {votes[0]["decision"]}
    decision = votes[0]
    assert decision["body"] == "politburo"
    assert decision["reference"] == "RGASPI, f. 17, op. 3, d. 974, l. 48"
    assert decision["date_edtf"] == "1936-01-15"
    assert "vote_on" in types or "proposes" in types


def test_the_sda_page_and_the_letter_are_one_document_with_two_editions(imported: Imported) -> None:
    document = _document(imported.engine, "RGASPI, f. 558, op. 11, d. 93, ll. 42–46", "1936-08-20")
    query = text(
        """
        SELECT p.title, e.document_number, e.pages FROM editions e
          JOIN publications p ON p.id = e.publication_id
         WHERE e.document_id = :doc ORDER BY p.title
        """
    )
    with imported.engine.connect() as connection:
        editions = connection.execute(query, {"doc": document}).all()
    assert len(editions) == 2
    assert any(number == "136" for _, number, _ in editions)
    sda = next(f for f in imported.first.files if f.format == "sda")
    assert sda.counts["documents"]["matched"] == 1
    assert sda.counts["documents"]["created"] == 0


def test_every_relation_has_provenance(imported: Imported) -> None:
    query = text(
        """
        SELECT count(*) FILTER (WHERE provenance_publication_id IS NULL OR provenance_locator IS NULL
                                   OR provenance_summary IS NULL), count(*)
          FROM relations
        """
    )
    with imported.engine.connect() as connection:
        missing, count = connection.execute(query).one()
    assert count >= 50
    assert missing == 0


def test_party_names_link_to_authority_persons(imported: Imported) -> None:
    query = text(
        """
        SELECT p.authority_key, count(*) FROM document_parties dp JOIN persons p ON p.id = dp.person_id
         WHERE dp.role = 'author' GROUP BY p.authority_key
        """
    )
    with imported.engine.connect() as connection:
        authors = {str(key): int(count) for key, count in connection.execute(query)}
        unlisted = connection.execute(
            text("SELECT count(*) FROM persons WHERE authority_key IS NULL AND NOT needs_review")
        ).scalar_one()
    assert authors["kaganovich"] >= 30
    assert unlisted == 0
    review = [item for f in imported.first.files for item in f.review]
    assert any("no person of the authority list" in item.reason for item in review)


@pytest.mark.parametrize(
    ("reply", "answered", "date"),
    [
        ("RGASPI, f. 558, op. 11, d. 93, l. 6", "RGASPI, f. 558, op. 11, d. 93, l. 8", "1936-08-16"),
        ("RGASPI, f. 558, op. 11, d. 93, l. 83", "RGASPI, f. 558, op. 11, d. 93, l. 83", "1936-08-24"),
    ],
)
def test_the_chain_from_stalins_printed_reply_reaches_the_telegram_it_answers(
    imported: Imported, reply: str, answered: str, date: str
) -> None:
    import asyncio

    from chronology.queries.chains import Direction, walk

    with imported.engine.connect() as connection:
        ids = connection.execute(
            text(
                """SELECT d.id, d.title FROM documents d
                     JOIN copies c ON c.document_id = d.id
                     JOIN archival_references r ON r.id = c.archival_reference_id
                    WHERE r.normalised IN (:reply, :answered) AND d.date_edtf = :date"""
            ),
            {"reply": reply, "answered": answered, "date": date},
        ).all()
        stalin = next(row.id for row in ids if row.title.startswith("Stalin"))
        telegram = next(row.id for row in ids if not row.title.startswith("Stalin"))

        async def rows(statement: Any, parameters: dict[str, Any]) -> Any:
            return connection.execute(statement, parameters).all()

        reached = asyncio.run(walk(rows, stalin, direction=Direction.BOTH, types=None, max_depth=3, max_records=200))
    assert telegram in reached.depths
    (step,) = [s for s in reached.steps if s.type == "replies_to" and s.source_id == stalin]
    assert (step.target_id, step.certainty) == (telegram, "certain")
