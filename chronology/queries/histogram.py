"""Timeline histograms: how many records touch each calendar bucket of a window.

Read from `timeline_counts` (records counted by type, kind and span of possible days)
when the filter allows; a person, body or text filter needs the records themselves.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    TIMESTAMP,
    ColumnElement,
    Date,
    Integer,
    Select,
    Text,
    and_,
    cast,
    false,
    func,
    literal,
    literal_column,
    null,
    or_,
    select,
    true,
    union_all,
)

from chronology import models
from chronology.queries.timeline import Bucket, TimelineCriteria, branches
from chronology.storage.span_counts import ALL_KINDS

counts = models.TimelineCount.__table__

_TIMESTAMP = TIMESTAMP()


def served_by_counts(criteria: TimelineCriteria) -> bool:
    """Tell whether the pre-aggregated counts can answer CRITERIA (no person, body or text)."""
    return criteria.person_id is None and criteria.body_id is None and not criteria.text


def _counted_spans(criteria: TimelineCriteria) -> Any:
    """Return (type, date_lower, date_upper, n) from the counts, for the wanted types and kinds."""
    wanted = []
    for record_type in criteria.types:
        kinds = {"document": criteria.document_kinds, "event": criteria.event_types}.get(record_type, ())
        kind_condition = counts.c.kind.in_(kinds) if kinds else counts.c.kind == ALL_KINDS
        wanted.append(and_(counts.c.record_type == record_type, kind_condition))
    return (
        select(
            counts.c.record_type.label("type"),
            counts.c.date_lower,
            counts.c.date_upper,
            counts.c.records.label("n"),
        )
        .where(or_(*wanted) if wanted else false())
        .where(counts.c.date_lower <= criteria.end, counts.c.date_upper >= criteria.start)
    )


def _live_spans(criteria: TimelineCriteria) -> Any:
    """Return (type, date_lower, date_upper, n) from the record tables themselves."""
    selects = branches(criteria, full=False)
    if not selects:
        return select(
            cast(null(), Text).label("type"),
            cast(null(), Date).label("date_lower"),
            cast(null(), Date).label("date_upper"),
            literal(0).label("n"),
        ).where(false())
    records = union_all(*selects).subquery("records")
    return select(records.c.type, records.c.date_lower, records.c.date_upper, func.count().label("n")).group_by(
        records.c.type, records.c.date_lower, records.c.date_upper
    )


def histogram_statement(criteria: TimelineCriteria, bucket: Bucket) -> Select[Any]:
    """Return one row per calendar bucket of the window: start, end, total and counts by type.

    A record counts in every bucket its span touches inside the window, so a record
    known only to the month counts in each day of that month.
    """
    step: ColumnElement[Any] = literal_column(f"interval '1 {bucket.value}'")
    start = literal(criteria.start, Date)
    end = literal(criteria.end, Date)

    def first_day(day: Any) -> Any:
        return func.date_trunc(bucket.value, cast(day, _TIMESTAMP))

    spans_query = _counted_spans(criteria) if served_by_counts(criteria) else _live_spans(criteria)
    spans = spans_query.subquery("spans")
    # Spans meeting the same buckets are merged first, so each group is expanded once.
    first = cast(first_day(func.greatest(spans.c.date_lower, start)), Date)
    last = cast(first_day(func.least(spans.c.date_upper, end)), Date)
    grouped = (
        select(spans.c.type, first.label("first"), last.label("last"), func.sum(spans.c.n).label("n"))
        .group_by(spans.c.type, first, last)
        .subquery("grouped")
    )
    touched = (
        func.generate_series(cast(grouped.c.first, _TIMESTAMP), cast(grouped.c.last, _TIMESTAMP), step)
        .table_valued("touched")
        .lateral("touched")
    )
    hits = (
        select(cast(touched.c.touched, Date).label("first"), grouped.c.type, grouped.c.n)
        .select_from(grouped.join(touched, true()))
        .subquery("hits")
    )
    grid_first = func.generate_series(first_day(start), cast(end, _TIMESTAMP), step).column_valued("grid_first")
    grid = select(cast(grid_first, Date).label("first")).subquery("grid")

    def counted(kind: str | None) -> Any:
        total = func.sum(hits.c.n) if kind is None else func.sum(hits.c.n).filter(hits.c.type == kind)
        return cast(func.coalesce(total, 0), Integer)

    last_day = cast(grid.c.first + step - literal_column("interval '1 day'"), Date)
    return (
        select(
            func.greatest(grid.c.first, start).label("start"),
            func.least(last_day, end).label("end"),
            counted(None).label("total"),
            counted("document").label("documents"),
            counted("decision").label("decisions"),
            counted("event").label("events"),
        )
        .select_from(grid)
        .outerjoin(hits, hits.c.first == grid.c.first)
        .group_by(grid.c.first)
        .order_by(grid.c.first)
    )
