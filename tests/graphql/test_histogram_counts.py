"""The pre-aggregated timeline counts: kept right by writes of every kind, and equal to counting live."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from sqlalchemy import create_engine, delete, text, update
from sqlalchemy.orm import Session

from chronology import models
from chronology.importers.run import import_paths
from chronology.queries import histogram
from chronology.queries.timeline import Bucket, TimelineCriteria
from chronology.storage.span_counts import recount_sql
from tests import factories
from tests.graphql.conftest import GraphQLClient
from tests.graphql.mutation_helpers import gid, issue
from tests.paths import EDITION_FIXTURES

HISTOGRAM = """
query ($from: Date!, $to: Date!, $bucket: HistogramBucket!, $filter: TimelineFilter) {
  timelineHistogram(from: $from, to: $to, bucket: $bucket, filter: $filter) {
    start end count documents decisions events
  }
}"""


def _stored(db: Session) -> list[tuple[Any, ...]]:
    db.rollback()  # a fresh snapshot, so that the app's commits show
    rows = db.execute(
        text("SELECT record_type, kind, date_lower, date_upper, records FROM timeline_counts ORDER BY 1, 2, 3, 4")
    )
    return [tuple(row) for row in rows]


def _recounted(db: Session) -> list[tuple[Any, ...]]:
    """Count the record tables from scratch, as the rebuild does, without touching the table."""
    db.rollback()
    rows = db.execute(text(f"SELECT * FROM ({recount_sql()}) c ORDER BY 1, 2, 3, 4"))
    return [tuple(row) for row in rows]


def _dated(precision: str, lower: str, upper: str, edtf: str) -> dict[str, object]:
    return {
        "date_verbatim": edtf,
        "date_edtf": edtf,
        "date_lower": datetime.date.fromisoformat(lower),
        "date_upper": datetime.date.fromisoformat(upper),
        "date_precision": precision,
    }


def _varied(db: Session) -> None:
    """Documents, decisions and events dated to the day, the month and the year, across bucket edges."""
    factories.document(db, "A telegram", kind="cipher_telegram", **factories.day("1936-01-31"))
    factories.document(db, "Another telegram", kind="cipher_telegram", **factories.day("1936-01-31"))
    factories.document(db, "A letter", kind="letter", **_dated("month", "1936-02-01", "1936-02-29", "1936-02"))
    factories.document(db, "A decree", kind="decree", **_dated("year", "1936-01-01", "1936-12-31", "1936"))
    factories.document(db, "Undated note", kind="memorandum", date_verbatim=None, date_edtf=None, date_lower=None,
                       date_upper=None, date_precision=None)  # fmt: skip
    factories.decision(db, **_dated("month", "1935-12-01", "1935-12-31", "1935-12"))
    factories.decision(db, **factories.day("1936-03-02"))
    trial = _dated("day", "1936-08-19", "1936-08-24", "1936-08-19/1936-08-24")
    db.add(models.Event(type="trial", title="A trial", **trial))
    db.add(models.Event(type="plenum", title="A plenum", **factories.day("1936-06-01")))
    db.commit()


def test_counts_follow_inserts_updates_and_deletes(db: Session) -> None:
    _varied(db)
    assert _stored(db) == _recounted(db)
    assert ("document", "", datetime.date(1936, 1, 31), datetime.date(1936, 1, 31), 2) in _stored(db)

    # Several rows in one statement, a date moved, a kind changed, a date cleared, rows deleted.
    db.execute(
        update(models.Document)
        .where(models.Document.kind == "cipher_telegram")
        .values(kind="letter", date_lower=datetime.date(1936, 2, 1), date_upper=datetime.date(1936, 2, 1),
                date_edtf="1936-02-01")
    )  # fmt: skip
    db.execute(
        update(models.Decision).values(date_verbatim=None, date_edtf=None, date_lower=None, date_upper=None,
                                       date_precision=None)
    )  # fmt: skip
    db.execute(delete(models.Event).where(models.Event.type == "trial"))
    db.commit()
    stored = _stored(db)
    assert stored == _recounted(db)
    assert not [row for row in stored if row[0] == "decision"]
    assert all(row[4] > 0 for row in stored), "spans left without records are removed"

    db.execute(delete(models.Document))
    db.commit()
    assert [row for row in _stored(db) if row[0] == "document"] == []


CRITERIA = [
    TimelineCriteria(start=datetime.date(1935, 11, 15), end=datetime.date(1936, 12, 31)),
    TimelineCriteria(start=datetime.date(1936, 1, 31), end=datetime.date(1936, 2, 15), types=("document",)),
    TimelineCriteria(start=datetime.date(1935, 1, 1), end=datetime.date(1937, 1, 1), document_kinds=("letter",)),
    TimelineCriteria(start=datetime.date(1936, 1, 1), end=datetime.date(1936, 12, 31), event_types=("plenum",)),
    TimelineCriteria(start=datetime.date(1936, 1, 1), end=datetime.date(1936, 12, 31), types=("event", "decision")),
]


@pytest.mark.parametrize("bucket", list(Bucket))
@pytest.mark.parametrize("criteria", CRITERIA)
def test_the_counts_give_the_same_bars_as_counting_the_records(
    db: Session, bucket: Bucket, criteria: TimelineCriteria, monkeypatch: pytest.MonkeyPatch
) -> None:
    _varied(db)
    assert histogram.served_by_counts(criteria)
    counted = [tuple(row) for row in db.execute(histogram.histogram_statement(criteria, bucket))]
    monkeypatch.setattr(histogram, "served_by_counts", lambda _criteria: False)
    live = [tuple(row) for row in db.execute(histogram.histogram_statement(criteria, bucket))]
    assert counted == live
    assert sum(row[2] for row in counted) > 0 or criteria.event_types


def test_a_person_filter_counts_the_records_themselves(db: Session, client: GraphQLClient) -> None:
    stalin = factories.person(db, "Stalin")
    letter = factories.document(db, "Stalin to Kaganovich", kind="letter", **factories.day("1936-01-20"))
    factories.document(db, "Kaganovich to Molotov", kind="letter", **factories.day("1936-01-21"))
    db.add(models.DocumentParty(document_id=letter.id, role="author", position=1, person_id=stalin.id))
    db.commit()
    variables = {"from": "1936-01-01", "to": "1936-01-31", "bucket": "MONTH"}
    assert client.data(HISTOGRAM, variables)["timelineHistogram"][0]["documents"] == 2
    mine = client.data(HISTOGRAM, {**variables, "filter": {"person": gid("Person", stalin.id)}})
    assert mine["timelineHistogram"][0]["documents"] == 1


def test_the_histogram_follows_mutations(db: Session, client: GraphQLClient) -> None:
    client.token = issue(db, "editor", "ada")
    variables = {"from": "1936-08-01", "to": "1936-09-30", "bucket": "MONTH"}

    def documents() -> list[int]:
        return [bar["documents"] for bar in client.data(HISTOGRAM, variables)["timelineHistogram"]]

    assert documents() == [0, 0]
    created = client.data(
        'mutation { createDocument(input: {kind: LETTER, title: "Kaganovich to Stalin", date: "August 17 [1936]"})'
        " { id version } }"
    )["createDocument"]
    assert documents() == [1, 0]
    client.data(
        'mutation($id: ID!) { updateDocument(id: $id, expectedVersion: 1, input: {date: "1936-09-02"}) { id } }',
        {"id": created["id"]},
    )
    assert documents() == [0, 1]
    client.data("mutation($id: ID!) { deleteDocument(id: $id, expectedVersion: 2) }", {"id": created["id"]})
    assert documents() == [0, 0]
    assert _stored(db) == _recounted(db)


def test_an_import_keeps_the_counts(fresh_database: str, db: Session) -> None:
    engine = create_engine(fresh_database)
    try:
        report = import_paths(engine, [EDITION_FIXTURES / "correspondence_sample.txt"])
    finally:
        engine.dispose()
    assert report is not None
    stored = _stored(db)
    assert stored == _recounted(db)
    assert sum(row[4] for row in stored if row[0] == "document" and row[1] == "") > 0
