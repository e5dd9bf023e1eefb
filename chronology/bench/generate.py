"""Load the synthetic dataset into its own database with COPY, then build indexes and ANALYZE.

Bulk loads bypass the audit trail on purpose: the triggers that register records and
write `audit_log` are switched off for the load transaction (the `records` rows are
copied directly), and the counts are checked afterwards instead.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import psycopg
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from chronology.bench.rows import Counts, Dataset
from chronology.storage.migrations import upgrade
from chronology.storage.triggers import RECORD_TABLES

SEED = 19_360_817
CHUNK = 1 << 20  # bytes per COPY write

# (table, columns) in load order: what is referenced comes first.
COLUMNS = {
    "records": "id, kind",
    "persons": "id, canonical_name, sort_name, short_name",
    "name_variants": "person_id, name, kind",
    "bodies": "id, name, short_name, kind",
    "publications": "id, title, year",
    "archival_references": "id, repository, repository_as_printed, fond, opis, delo, folios, verbatim, normalised",
    "documents": "id, kind, title, place, classification, language, summary, full_text, date_verbatim, "
    "date_edtf, date_lower, date_upper, date_precision, date_qualifiers, sent_verbatim, incoming_number, "
    "secretary_number",
    "document_parties": "document_id, role, position, person_id, body_id, name_as_printed",
    "copies": "document_id, position, archival_reference_id, forms",
    "decisions": "id, body_id, procedure, protocol_number, protocol_item, title, summary, outcome, "
    "archival_reference_id, special_file, date_verbatim, date_edtf, date_lower, date_upper, date_precision, "
    "date_qualifiers",
    "votes": "id, decision_id, person_id, position, recorded_in, source_document_id, name_as_printed",
    "events": "id, type, title, places, description, date_verbatim, date_edtf, date_lower, date_upper, "
    "date_precision, date_qualifiers",
    "event_participants": "event_id, person_id, role",
    "relations": "type, source_id, target_id, certainty, provenance_publication_id, provenance_locator",
}
PUBLICATIONS = ["1\tThe Benchmark Correspondence\t1999\n", "2\tThe Benchmark Road\t1999\n"]


def scale_label(scale: float) -> str:
    """Return the scale as it appears in a database name: 1, 10, 100, 0_1."""
    return f"{scale:g}".replace(".", "_")


def database_name(scale: float) -> str:
    """Return the name of the benchmark database of SCALE (never the user's main database)."""
    return f"chronology_bench_{scale_label(scale)}"


def libpq_url(url: str) -> str:
    """Turn a SQLAlchemy URL into one psycopg and libpq understand."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def create_database(server_url: str, name: str) -> str:
    """Drop and create database NAME on the server of SERVER_URL; return its SQLAlchemy URL."""
    admin = create_engine(make_url(server_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


@dataclass
class LoadReport:
    """What a load wrote and how long each phase took."""

    scale: float
    database: str
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total_rows(self) -> int:
        """Return the rows written to every table."""
        return sum(self.rows.values())

    @property
    def records(self) -> int:
        """Return the records (persons, bodies, documents, decisions, votes, events)."""
        return self.rows.get("records", 0)

    def throughput(self) -> float:
        """Return rows per second over the whole load: COPY, indexes and ANALYZE."""
        return self.total_rows / max(sum(self.seconds.values()), 1e-9)


def _chunks(lines: Iterable[str]) -> Iterator[str]:
    batch: list[str] = []
    size = 0
    for item in lines:
        batch.append(item)
        size += len(item)
        if size >= CHUNK:
            yield "".join(batch)
            batch, size = [], 0
    if batch:
        yield "".join(batch)


def _copy(cursor: psycopg.Cursor[Any], table: str, lines: Iterable[str]) -> int:
    count = 0

    def counted() -> Iterator[str]:
        nonlocal count
        for item in lines:
            count += 1
            yield item

    with cursor.copy(f"COPY {table} ({COLUMNS[table]}) FROM STDIN (FREEZE)") as copy:
        for chunk in _chunks(counted()):
            copy.write(chunk)
    return count


def _secondary_indexes(cursor: psycopg.Cursor[Any]) -> list[tuple[str, str]]:
    """Return (name, definition) of every index that backs no constraint, on the loaded tables."""
    cursor.execute(
        """
        SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
          FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
         WHERE t.relname = ANY(%s) AND t.relnamespace = 'public'::regnamespace
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        """,
        (list(COLUMNS),),
    )
    return [(str(name), str(definition)) for name, definition in cursor.fetchall()]


def load(url: str, scale: float, *, seed: int = SEED) -> LoadReport:
    """Fill the migrated, empty database at URL with the dataset of SCALE."""
    report = LoadReport(scale=scale, database=make_url(url).database or "")
    data = Dataset(scale, seed)
    started = time.perf_counter()
    with psycopg.connect(libpq_url(url)) as connection, connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '512MB'")
        cursor.execute("SET synchronous_commit = off")
        # Skips the record, audit and foreign-key triggers for this transaction only.
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(f"TRUNCATE {', '.join(COLUMNS)} CASCADE")  # COPY FREEZE needs it in this transaction
        indexes = _secondary_indexes(cursor)
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {name}")
        parties: list[str] = []
        copies: list[str] = []
        references: list[str] = []
        participants: list[str] = []
        rows = report.rows
        rows["persons"] = _copy(cursor, "persons", data.persons())
        rows["name_variants"] = _copy(cursor, "name_variants", data.name_variants())
        rows["bodies"] = _copy(cursor, "bodies", data.bodies())
        rows["publications"] = _copy(cursor, "publications", PUBLICATIONS)
        rows["documents"] = _copy(cursor, "documents", data.documents(parties, copies, references))
        rows["decisions"] = _copy(cursor, "decisions", data.decisions(references))
        rows["archival_references"] = _copy(cursor, "archival_references", references)
        del references
        rows["document_parties"] = _copy(cursor, "document_parties", parties)
        rows["copies"] = _copy(cursor, "copies", copies)
        del parties, copies
        rows["votes"] = _copy(cursor, "votes", data.votes())
        rows["events"] = _copy(cursor, "events", data.events(participants))
        rows["event_participants"] = _copy(cursor, "event_participants", participants)
        rows["relations"] = _copy(cursor, "relations", data.relations())
        rows["records"] = _copy(cursor, "records", [*data.records(), *data.vote_records()])
        for table in ("archival_references", "name_variants", "document_parties", "copies", "relations"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT coalesce(max(id), 1) FROM {table}))"  # noqa: S608
            )
        cursor.execute("SELECT setval('record_id_seq', (SELECT max(id) FROM records))")
        report.seconds["copy"] = time.perf_counter() - started
        started = time.perf_counter()
        for _, definition in indexes:
            cursor.execute(definition)
        report.seconds["indexes"] = time.perf_counter() - started
        _check_counts(cursor, data.counts, data.votes_made)
        started = time.perf_counter()
        # The counting triggers were off with the others: rebuild the histogram counts.
        cursor.execute("SELECT chronology_refresh_timeline_counts()")
        report.seconds["counts"] = time.perf_counter() - started
    started = time.perf_counter()
    with psycopg.connect(libpq_url(url), autocommit=True) as connection:
        connection.execute("ANALYZE")
    report.seconds["analyze"] = time.perf_counter() - started
    return report


def _check_counts(cursor: psycopg.Cursor[Any], counts: Counts, votes: int) -> None:
    """Fail the load when the registry and the record tables disagree (triggers were off)."""
    expected = counts.persons + counts.bodies + counts.documents + counts.decisions + counts.events + votes
    union = " UNION ALL ".join(f"SELECT count(*) AS n FROM {table}" for table in RECORD_TABLES)  # noqa: S608
    cursor.execute(f"SELECT (SELECT count(*) FROM records), (SELECT sum(n) FROM ({union}) t)")  # noqa: S608
    registered, recorded = cursor.fetchone() or (0, 0)
    if not registered == recorded == expected:
        raise RuntimeError(f"load is inconsistent: {registered} records, {recorded} rows, {expected} expected")


def generate(server_url: str, scale: float, *, seed: int = SEED) -> LoadReport:
    """Create `chronology_bench_<scale>` on SERVER_URL's server, migrate it and load the dataset."""
    name = database_name(scale)
    url = create_database(server_url, name)
    upgrade(url)
    return load(url, scale, seed=seed)
