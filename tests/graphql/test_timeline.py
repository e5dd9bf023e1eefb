"""The timeline and its histogram: fuzzy spans over a window, filters, caps and buckets."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from sqlalchemy.orm import Session

from chronology import models
from chronology.dates.fuzzy import from_edtf
from chronology.graphql.runtime.ids import encode_id
from chronology.queries.timeline import Bucket, bucket_count
from tests import factories
from tests.graphql.conftest import GraphQLClient

TIMELINE = """
query ($from: Date!, $to: Date!, $filter: TimelineFilter, $limit: Int) {
  timeline(from: $from, to: $to, filter: $filter, limit: $limit) {
    truncated
    items { id type label start end precision qualifiers displayDate kind group }
  }
}"""

HISTOGRAM = """
query ($from: Date!, $to: Date!, $bucket: HistogramBucket!, $filter: TimelineFilter) {
  timelineHistogram(from: $from, to: $to, bucket: $bucket, filter: $filter) {
    start end count documents decisions events
  }
}"""


def dated(edtf: str, verbatim: str | None = None, *, supplied: bool | None = None) -> dict[str, Any]:
    """Return fuzzy-date column values for an EDTF date."""
    parsed = from_edtf(edtf, verbatim, supplied=supplied)
    return {
        "date_verbatim": verbatim or edtf,
        "date_edtf": parsed.edtf,
        "date_lower": parsed.lower,
        "date_upper": parsed.upper,
        "date_precision": parsed.precision.value,
        "date_qualifiers": sorted(q.value for q in parsed.qualifiers),
    }


def event(db: Session, title: str, edtf: str, kind: str = "trial") -> models.Event:
    """Add an event."""
    row = models.Event(type=kind, title=title, **dated(edtf))
    db.add(row)
    db.flush()
    return row


def timeline(client: GraphQLClient, start: str, end: str, **variables: Any) -> dict[str, Any]:
    """Return the timeline of a window."""
    data = client.data(TIMELINE, {"from": start, "to": end, **variables})
    result: dict[str, Any] = data["timeline"]
    return result


def labels(result: dict[str, Any]) -> list[str]:
    """Return the labels of a timeline's items, in order."""
    return [item["label"] for item in result["items"]]


def test_items_overlapping_the_window_in_order_with_display_dates(db: Session, client: GraphQLClient) -> None:
    kaganovich = factories.person(db, "Lazar Kaganovich", short_name="Kaganovich")
    politburo = factories.body(db, short_name="PB")
    telegram = factories.document(
        db, "Telegram on the grain plan", **dated("1936-08-17", "August 17 [1936]", supplied=True)
    )
    db.add(models.DocumentParty(document_id=telegram.id, role="author", position=1, person_id=kaganovich.id))
    decision = factories.decision(db, title="On the grain plan", body_id=politburo.id, **factories.day("1936-08-17"))
    trial = event(db, "The August trial", "1936-08-19/1936-08-24")
    factories.document(db, "A letter of the whole year", kind="letter", **dated("1936"))
    factories.document(db, "A note of early autumn", kind="note", **factories.day("1936-09-01"))
    factories.document(
        db,
        "An undated draft",
        date_verbatim=None,
        date_edtf=None,
        date_lower=None,
        date_upper=None,
        date_precision=None,
    )
    db.commit()

    result = timeline(client, "1936-08-01", "1936-08-31")

    assert not result["truncated"]
    assert labels(result) == [
        "A letter of the whole year",
        "Telegram on the grain plan",
        "On the grain plan",
        "The August trial",
    ]
    year, document, decided, happened = result["items"]
    assert (year["start"], year["end"], year["precision"]) == ("1936-01-01", "1936-12-31", "YEAR")
    assert year["group"] is None
    assert document == {
        "id": encode_id("Document", telegram.id),
        "type": "DOCUMENT",
        "label": "Telegram on the grain plan",
        "start": "1936-08-17",
        "end": "1936-08-17",
        "precision": "DAY",
        "qualifiers": ["SUPPLIED"],
        "displayDate": "17 August [1936]",
        "kind": "cipher_telegram",
        "group": "Kaganovich",
    }
    assert decided["id"] == encode_id("Decision", decision.id)
    assert (decided["type"], decided["kind"], decided["group"]) == ("DECISION", "PB", "PB")
    assert happened["id"] == encode_id("Event", trial.id)
    assert (happened["type"], happened["kind"], happened["group"]) == ("EVENT", "trial", None)
    assert (happened["start"], happened["end"]) == ("1936-08-19", "1936-08-24")


def test_a_month_date_meets_a_window_inside_its_month(db: Session, client: GraphQLClient) -> None:
    factories.document(db, "A memorandum of about December", kind="memorandum", **dated("1935-12~", "c. December 1935"))
    db.commit()

    [item] = timeline(client, "1935-12-20", "1935-12-31")["items"]

    assert item["displayDate"] == "c. December 1935"
    assert (item["start"], item["end"], item["precision"]) == ("1935-12-01", "1935-12-31", "MONTH")
    assert item["qualifiers"] == ["APPROXIMATE"]
    assert timeline(client, "1936-01-01", "1936-01-31")["items"] == []


@pytest.fixture
def linked(db: Session) -> dict[str, Any]:
    """A person and a body each linked to one document; a decision, an event, and strangers."""
    chubar = factories.person(db, "Vlas Chubar", short_name="Chubar")
    other = factories.person(db, "Andrei Zhdanov", short_name="Zhdanov")
    sovnarkom = factories.body(db, "Council of People's Commissars", short_name="SNK")
    politburo = factories.body(db, short_name="PB")
    letter = factories.document(db, "Letter about the railway", kind="letter")
    db.add(models.DocumentParty(document_id=letter.id, role="author", position=1, person_id=chubar.id))
    decree = factories.document(db, "Decree on sowing", kind="decree")
    db.add(models.DocumentParty(document_id=decree.id, role="author", position=1, body_id=sovnarkom.id))
    stranger = factories.document(db, "Telegram from Sochi")
    db.add(models.DocumentParty(document_id=stranger.id, role="author", position=1, person_id=other.id))
    decision = factories.decision(db, title="On sowing", summary="Railway loading is to rise", body_id=sovnarkom.id)
    db.add(models.Vote(decision_id=decision.id, person_id=chubar.id, position="for", recorded_in="cipher_marks"))
    factories.decision(db, title="On the harvest", body_id=politburo.id)
    journey = event(db, "An inspection tour", "1936-01-10/1936-01-20", kind="journey")
    db.add(models.EventParticipant(event_id=journey.id, person_id=chubar.id, role="traveller"))
    event(db, "A railway conference", "1936-01-14", kind="conference")
    db.commit()
    return {
        "person": encode_id("Person", chubar.id),
        "body": encode_id("Body", sovnarkom.id),
    }


@pytest.mark.parametrize(
    ("filter_", "expected"),
    [
        ({"types": ["EVENT"]}, ["An inspection tour", "A railway conference"]),
        ({"types": []}, []),
        (
            {"documentKinds": ["LETTER", "DECREE"], "types": ["DOCUMENT"]},
            ["Letter about the railway", "Decree on sowing"],
        ),
        ({"eventTypes": ["CONFERENCE"], "types": ["EVENT"]}, ["A railway conference"]),
        ("person", ["An inspection tour", "Letter about the railway", "On sowing"]),
        ("body", ["Decree on sowing", "On sowing"]),
        ({"text": "railway"}, ["Letter about the railway", "On sowing", "A railway conference"]),
    ],
)
def test_filters(linked: dict[str, Any], client: GraphQLClient, filter_: Any, expected: list[str]) -> None:
    if isinstance(filter_, str):
        filter_ = {filter_: linked[filter_]}
    result = timeline(client, "1936-01-01", "1936-01-31", filter=filter_)
    assert sorted(labels(result)) == sorted(expected)


def test_limit_marks_the_timeline_truncated(db: Session, client: GraphQLClient) -> None:
    for number in range(1, 4):
        factories.document(db, f"Telegram {number}", **factories.day(f"1936-03-0{number}"))
    db.commit()

    cut = timeline(client, "1936-03-01", "1936-03-31", limit=2)
    whole = timeline(client, "1936-03-01", "1936-03-31", limit=3)

    assert (labels(cut), cut["truncated"]) == (["Telegram 1", "Telegram 2"], True)
    assert (len(whole["items"]), whole["truncated"]) == (3, False)


def test_every_reach_of_date_meets_the_window_from_its_first_day(db: Session, client: GraphQLClient) -> None:
    # The window is read per reach of a date (a day, a month, a year, longer), each from its own
    # index starting that many days before the window: a span ending on the window's first day
    # belongs in it and one ending the day before does not, whatever its reach.
    start = datetime.date(1937, 3, 1)
    reaches = (0, 1, 31, 32, 365, 366, 367, 3652)
    for reach in reaches:
        for ends, title in ((start, "touches"), (start - datetime.timedelta(days=1), "misses")):
            first = ends - datetime.timedelta(days=reach)
            edtf = first.isoformat() if reach == 0 else f"{first.isoformat()}/{ends.isoformat()}"
            factories.document(db, f"Reach {reach} {title}", **dated(edtf))
    db.commit()

    whole = timeline(client, "1937-03-01", "1937-03-31")
    first_three = timeline(client, "1937-03-01", "1937-03-31", limit=3)
    # A search phrase takes the other way (one branch per type, the span's GiST index): the same answer.
    searched = timeline(client, "1937-03-01", "1937-03-31", filter={"text": "touches"})

    touching = [f"Reach {reach} touches" for reach in sorted(reaches, reverse=True)]
    assert (labels(whole), whole["truncated"]) == (touching, False)
    assert (labels(first_three), first_three["truncated"]) == (touching[:3], True)
    assert labels(searched) == touching


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"from": "1936-02-01", "to": "1936-01-01"}, "from"),
        ({"from": "1936-01-01", "to": "1936-02-01", "limit": 0}, "limit"),
        ({"from": "1936-01-01", "to": "1936-02-01", "limit": 2001}, "limit"),
        ({"from": "1936-01-01", "to": "1936-02-01", "filter": {"person": encode_id("Body", 3)}}, "filter.person"),
    ],
)
def test_bad_arguments_are_refused(client: GraphQLClient, variables: dict[str, Any], field: str) -> None:
    body = client(TIMELINE, variables)
    [error] = body["errors"]
    assert error["extensions"] == {"code": "VALIDATION", "field": field}


def test_an_item_brings_its_record(db: Session, client: GraphQLClient) -> None:
    factories.document(db, "Telegram with a place", place="Sochi")
    db.commit()
    data = client.data(
        '{ timeline(from: "1936-01-01", to: "1936-01-31") { items { node { ... on Document { place } } } } }'
    )
    assert data["timeline"]["items"] == [{"node": {"place": "Sochi"}}]


def histogram(client: GraphQLClient, start: str, end: str, bucket: str, **variables: Any) -> list[dict[str, Any]]:
    """Return the histogram bars of a window."""
    data = client.data(HISTOGRAM, {"from": start, "to": end, "bucket": bucket, **variables})
    bars: list[dict[str, Any]] = data["timelineHistogram"]
    return bars


def test_histogram_counts_every_bucket_a_span_touches(db: Session, client: GraphQLClient) -> None:
    factories.document(db, "A January telegram", **factories.day("1936-01-15"))
    factories.document(db, "A February letter", kind="letter", **dated("1936-02"))
    factories.document(db, "A letter of the year", kind="letter", **dated("1936"))
    event(db, "A plenum across two months", "1936-01-30/1936-02-02", kind="plenum")
    factories.decision(db, **factories.day("1936-03-01"))
    factories.document(db, "A later telegram", **factories.day("1936-04-02"))
    db.commit()

    bars = histogram(client, "1936-01-01", "1936-03-31", "MONTH")

    assert bars == [
        {"start": "1936-01-01", "end": "1936-01-31", "count": 3, "documents": 2, "decisions": 0, "events": 1},
        {"start": "1936-02-01", "end": "1936-02-29", "count": 3, "documents": 2, "decisions": 0, "events": 1},
        {"start": "1936-03-01", "end": "1936-03-31", "count": 2, "documents": 1, "decisions": 1, "events": 0},
    ]
    days = histogram(client, "1936-02-27", "1936-03-01", "DAY", filter={"types": ["DOCUMENT"]})
    assert [(bar["start"], bar["count"]) for bar in days] == [
        ("1936-02-27", 2),
        ("1936-02-28", 2),
        ("1936-02-29", 2),
        ("1936-03-01", 1),
    ]


def test_histogram_bars_are_calendar_aligned_and_clipped(client: GraphQLClient) -> None:
    # 1 January 1936 was a Wednesday: the first week bar runs to Sunday the 5th.
    weeks = histogram(client, "1936-01-01", "1936-01-13", "WEEK")
    assert [(bar["start"], bar["end"]) for bar in weeks] == [
        ("1936-01-01", "1936-01-05"),
        ("1936-01-06", "1936-01-12"),
        ("1936-01-13", "1936-01-13"),
    ]
    years = histogram(client, "1935-07-01", "1936-02-10", "YEAR", filter={"types": []})
    assert [(bar["start"], bar["end"], bar["count"]) for bar in years] == [
        ("1935-07-01", "1935-12-31", 0),
        ("1936-01-01", "1936-02-10", 0),
    ]


def test_histogram_refuses_more_than_5000_bars(client: GraphQLClient) -> None:
    body = client(HISTOGRAM, {"from": "1930-01-01", "to": "1945-12-31", "bucket": "DAY"})
    [error] = body["errors"]
    assert error["extensions"] == {"code": "VALIDATION", "field": "bucket"}
    assert len(histogram(client, "1930-01-01", "1945-12-31", "WEEK")) == 836


@pytest.mark.parametrize(
    ("start", "end", "bucket", "expected"),
    [
        ("1936-01-01", "1936-01-01", Bucket.DAY, 1),
        ("1936-02-01", "1936-03-01", Bucket.DAY, 30),
        ("1936-01-01", "1936-01-13", Bucket.WEEK, 3),
        ("1936-01-06", "1936-01-12", Bucket.WEEK, 1),
        ("1935-12-31", "1936-01-01", Bucket.MONTH, 2),
        ("1935-12-31", "1936-01-01", Bucket.YEAR, 2),
        ("1930-01-01", "1939-12-31", Bucket.MONTH, 120),
    ],
)
def test_bucket_count(start: str, end: str, bucket: Bucket, expected: int) -> None:
    first, last = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
    assert bucket_count(first, last, bucket) == expected
