"""Timeline items and density counts: documents, decisions and events over a window."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    TIMESTAMP,
    ColumnElement,
    Select,
    Text,
    case,
    cast,
    exists,
    false,
    func,
    literal,
    null,
    select,
    text,
    union_all,
)

from chronology import models
from chronology.models.records import DATE_REACHES, reach_predicate
from chronology.queries.cross_search import decision_matches, event_matches
from chronology.queries.documents import text_query
from chronology.queries.windows import DateMatch, window_condition

documents = models.Document.__table__
decisions = models.Decision.__table__
events = models.Event.__table__
parties = models.DocumentParty.__table__
participants = models.EventParticipant.__table__
votes = models.Vote.__table__
persons = models.Person.__table__
bodies = models.Body.__table__

_TIMESTAMP = TIMESTAMP()
ITEM_TYPES = ("document", "decision", "event")
# The order in which items sharing a first day are listed: what was written, then
# what was decided on it, then what it was part of.
_TYPE_ORDER = {"document": 1, "decision": 2, "event": 3}


class Bucket(StrEnum):
    """The width of a histogram bar."""

    YEAR = "year"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"


@dataclass(frozen=True)
class TimelineCriteria:
    """What a client asked of the timeline, already checked."""

    start: datetime.date
    end: datetime.date
    types: tuple[str, ...] = ITEM_TYPES
    document_kinds: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    person_id: int | None = None
    body_id: int | None = None
    text: str | None = None


def _body_name(short: Any, full: Any) -> Any:
    return func.coalesce(short, full)


def _first_author(document_id: Any) -> Any:
    """Return the name of a document's first author, person or body, for its lane."""
    return (
        select(func.coalesce(persons.c.short_name, persons.c.canonical_name, bodies.c.short_name, bodies.c.name))
        .select_from(parties)
        .outerjoin(persons, persons.c.id == parties.c.person_id)
        .outerjoin(bodies, bodies.c.id == parties.c.body_id)
        .where(parties.c.document_id == document_id, parties.c.role == "author")
        .order_by(parties.c.position)
        .limit(1)
        .scalar_subquery()
    )


def _dated(table: Any, criteria: TimelineCriteria) -> ColumnElement[bool]:
    return window_condition(table.c.date_span, criteria.start, criteria.end, DateMatch.OVERLAPS)


def _document_conditions(criteria: TimelineCriteria) -> list[Any]:
    conditions: list[Any] = []
    if criteria.document_kinds:
        conditions.append(documents.c.kind.in_(criteria.document_kinds))
    if criteria.person_id is not None:
        conditions.append(
            exists().where(parties.c.document_id == documents.c.id, parties.c.person_id == criteria.person_id)
        )
    if criteria.body_id is not None:
        conditions.append(
            exists().where(parties.c.document_id == documents.c.id, parties.c.body_id == criteria.body_id)
        )
    if criteria.text:
        conditions.append(documents.c.search.op("@@")(text_query(criteria.text)))
    return conditions


def _decision_conditions(criteria: TimelineCriteria) -> list[Any]:
    conditions: list[Any] = []
    if criteria.person_id is not None:
        conditions.append(
            exists().where(votes.c.decision_id == decisions.c.id, votes.c.person_id == criteria.person_id)
        )
    if criteria.body_id is not None:
        conditions.append(decisions.c.body_id == criteria.body_id)
    if criteria.text:
        conditions.append(decision_matches(criteria.text))
    return conditions


def _event_conditions(criteria: TimelineCriteria) -> list[Any]:
    conditions: list[Any] = []
    if criteria.event_types:
        conditions.append(events.c.type.in_(criteria.event_types))
    if criteria.person_id is not None:
        conditions.append(
            exists().where(
                participants.c.event_id == events.c.id,
                participants.c.person_id == criteria.person_id,
            )
        )
    if criteria.body_id is not None:
        # Events have no deciding or writing body, so none belongs to one.
        conditions.append(false())
    if criteria.text:
        conditions.append(event_matches(criteria.text))
    return conditions


def _date_columns(table: Any) -> list[Any]:
    return [
        table.c.date_verbatim,
        table.c.date_edtf,
        table.c.date_lower,
        table.c.date_upper,
        table.c.date_precision,
        table.c.date_qualifiers,
    ]


def _selects(criteria: TimelineCriteria, *, full: bool) -> list[tuple[Any, Select[Any]]]:
    """Return each wanted record type's table and SELECT, with the item columns or only the span, undated."""
    found: list[tuple[Any, Select[Any]]] = []
    if "document" in criteria.types:
        columns = (
            [
                documents.c.title.label("label"),
                *_date_columns(documents),
                documents.c.kind.label("kind"),
                # Filled in after the limit: the lane costs a lookup per document.
                cast(null(), Text).label("lane"),
            ]
            if full
            else [documents.c.date_lower, documents.c.date_upper]
        )
        found.append(
            (
                documents,
                select(literal("document", Text).label("type"), documents.c.id.label("id"), *columns).where(
                    *_document_conditions(criteria)
                ),
            )
        )
    if "decision" in criteria.types:
        body = _body_name(bodies.c.short_name, bodies.c.name)
        columns = (
            [
                decisions.c.title.label("label"),
                *_date_columns(decisions),
                body.label("kind"),
                body.label("lane"),
            ]
            if full
            else [decisions.c.date_lower, decisions.c.date_upper]
        )
        query = select(literal("decision", Text).label("type"), decisions.c.id.label("id"), *columns).where(
            *_decision_conditions(criteria)
        )
        if full:
            query = query.join_from(decisions, bodies, bodies.c.id == decisions.c.body_id)
        found.append((decisions, query))
    if "event" in criteria.types:
        columns = (
            [
                events.c.title.label("label"),
                *_date_columns(events),
                events.c.type.label("kind"),
                cast(null(), Text).label("lane"),
            ]
            if full
            else [events.c.date_lower, events.c.date_upper]
        )
        found.append(
            (
                events,
                select(literal("event", Text).label("type"), events.c.id.label("id"), *columns).where(
                    *_event_conditions(criteria)
                ),
            )
        )
    return found


def branches(criteria: TimelineCriteria, *, full: bool) -> list[Select[Any]]:
    """Return one SELECT per wanted record type overlapping the window, with the item columns or only the span."""
    return [query.where(_dated(table, criteria)) for table, query in _selects(criteria, full=full)]


def _earliest_first_day(start: datetime.date, reach: int) -> datetime.date:
    """Return the earliest first day of a record of at most REACH days that still touches START."""
    try:
        return start - datetime.timedelta(days=reach)
    except OverflowError:
        return datetime.date.min


def _first_by_reach(table: Any, query: Select[Any], criteria: TimelineCriteria, limit: int) -> list[Select[Any]]:
    """Return QUERY's first LIMIT records overlapping the window, one SELECT per reach, each in date order.

    Each SELECT repeats its reach's index predicate word for word so that PostgreSQL reads that
    partial index in order and stops at LIMIT instead of sorting every overlapping record.
    """
    found = []
    for _, shortest, longest in DATE_REACHES:
        # The partial index's own predicate, as text: its constants must stay constants, not parameters.
        of_reach = text(reach_predicate(shortest, longest))
        conditions = [of_reach, table.c.date_lower <= criteria.end, table.c.date_upper >= criteria.start]
        if longest is not None:
            conditions.append(table.c.date_lower >= _earliest_first_day(criteria.start, longest))
        found.append(query.where(*conditions).order_by(table.c.date_lower, table.c.id).limit(limit))
    return found


def timeline_statement(criteria: TimelineCriteria, limit: int) -> Select[Any] | None:
    """Return up to LIMIT items whose span overlaps the window, by first day; None if no types."""
    if criteria.text:
        # A phrase is tested on each record's stored vector: read in date order, every record of the
        # window would be fetched to test it, once per reach. One branch per type instead lets
        # PostgreSQL combine the text index with the span index.
        selects = branches(criteria, full=True)
    else:
        selects = [
            first
            for table, query in _selects(criteria, full=True)
            for first in _first_by_reach(table, query, criteria, limit)
        ]
    if not selects:
        return None
    items = union_all(*selects).subquery("items")
    order = type_order(items.c.type)
    page = select(items, order.label("type_order")).order_by(items.c.date_lower, order, items.c.id).limit(limit)
    kept = page.subquery("page")
    lane = case((kept.c.type == "document", _first_author(kept.c.id)), else_=kept.c.lane)
    columns = [c for c in kept.c if c.name not in ("lane", "type_order")]
    return select(*columns, lane.label("lane")).order_by(kept.c.date_lower, kept.c.type_order, kept.c.id)


def type_order(item_type: Any) -> Any:
    """Return the rank of an item's type among items sharing a first day (documents, decisions, events)."""
    return case(*((item_type == kind, rank) for kind, rank in _TYPE_ORDER.items()))


def bucket_count(start: datetime.date, end: datetime.date, bucket: Bucket) -> int:
    """Return how many calendar buckets of the given width the window touches."""
    if bucket is Bucket.DAY:
        return (end - start).days + 1
    if bucket is Bucket.WEEK:
        first = start - datetime.timedelta(days=start.weekday())
        last = end - datetime.timedelta(days=end.weekday())
        return (last - first).days // 7 + 1
    if bucket is Bucket.MONTH:
        return (end.year * 12 + end.month) - (start.year * 12 + start.month) + 1
    return end.year - start.year + 1
