"""The `timeline` and `timelineHistogram` queries: a period laid out for a timeline widget."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable
from enum import Enum
from typing import Annotated, Any

import strawberry

from chronology.dates.fuzzy import DateParseError, from_edtf
from chronology.graphql.compiled.timeline_items import timeline_items
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.errors import validation
from chronology.graphql.runtime.ids import TYPE_OF_KIND, decode_id, encode_id
from chronology.graphql.types.date.vocabulary import DatePrecision, DateQualifier
from chronology.graphql.types.describe import describe
from chronology.graphql.types.document.vocabulary import DocumentKind
from chronology.graphql.types.event.vocabulary import EventType
from chronology.graphql.types.node.interface import Node
from chronology.graphql.types.relation.link import load_node
from chronology.queries.histogram import histogram_statement
from chronology.queries.timeline import (
    ITEM_TYPES,
    Bucket,
    TimelineCriteria,
    bucket_count,
    timeline_statement,
)

MAX_ITEMS = 2_000
MAX_BUCKETS = 5_000
MAX_TEXT = 500


@strawberry.enum(description="The kinds of record a timeline shows.")
class TimelineItemType(Enum):
    DOCUMENT = "document"
    DECISION = "decision"
    EVENT = "event"


describe(
    TimelineItemType,
    {
        "DOCUMENT": "A document: a letter, a telegram, a decree …",
        "DECISION": "A decision of a party or state body.",
        "EVENT": "An event: a trial, a plenum, a journey …",
    },
)


@strawberry.enum(description="The width of one bar of a timeline histogram.")
class HistogramBucket(Enum):
    YEAR = "year"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"


describe(
    HistogramBucket,
    {
        "YEAR": "Calendar years.",
        "MONTH": "Calendar months.",
        "WEEK": "Weeks from Monday to Sunday.",
        "DAY": "Single days.",
    },
)


@strawberry.input(description="Which records a timeline shows.")
class TimelineFilter:
    types: list[TimelineItemType] | None = strawberry.field(
        default=None, description="Only these kinds of record (all three if omitted)."
    )
    document_kinds: list[DocumentKind] | None = strawberry.field(
        default=None,
        description="Only documents of these kinds (decisions and events are not affected).",
    )
    event_types: list[EventType] | None = strawberry.field(
        default=None,
        description="Only events of these types (documents and decisions are not affected).",
    )
    person: strawberry.ID | None = strawberry.field(
        default=None,
        description="Only records of this Person: documents they are a party to, events they "
        "took part in, decisions they voted on.",
    )
    body: strawberry.ID | None = strawberry.field(
        default=None,
        description="Only records of this Body: documents it is a party to, decisions it took "
        "(events have no body, so none are shown).",
    )
    text: str | None = strawberry.field(
        default=None,
        description="Only records containing these words (web-search syntax): in a document's "
        "or a decision's title, summary or text, in an event's title or description.",
    )


@strawberry.type(description="One record placed on a timeline: a bar from its first to its last possible day.")
class TimelineItem:
    # A window holds thousands of items: each field is read from the row only when asked.
    row: strawberry.Private[Any]

    @strawberry.field(description="The record's global id.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_id(TYPE_OF_KIND[self.row.type], self.row.id))

    @strawberry.field(description="What kind of record it is.")
    def type(self) -> TimelineItemType:
        return TimelineItemType(self.row.type)

    @strawberry.field(description="What to write on the bar: the record's title.")
    def label(self) -> str:
        label: str = self.row.label
        return label

    @strawberry.field(description="The first day the record's date may mean.")
    def start(self) -> datetime.date:
        start: datetime.date = self.row.date_lower
        return start

    @strawberry.field(description="The last day it may mean (the same as `start` for a date known to the day).")
    def end(self) -> datetime.date:
        end: datetime.date = self.row.date_upper
        return end

    @strawberry.field(description="How finely the date is known.")
    def precision(self) -> DatePrecision:
        return DatePrecision(self.row.date_precision)

    @strawberry.field(description="Doubt, approximation, editorial supply.")
    def qualifiers(self) -> list[DateQualifier]:
        return [DateQualifier(q) for q in self.row.date_qualifiers or []]

    @strawberry.field(description="The date for display: `17 August [1936]`, `c. December 1935`.")
    def display_date(self) -> str:
        supplied = DateQualifier.SUPPLIED.value in (self.row.date_qualifiers or [])
        return _display(self.row.date_edtf, self.row.date_verbatim, supplied)

    @strawberry.field(
        description="A short class for styling: a document's kind (`cipher_telegram`), an "
        "event's type (`trial`), a decision's body (`PB`)."
    )
    def kind(self) -> str:
        kind: str = self.row.kind
        return kind

    @strawberry.field(
        description="A lane to put the bar in: a document's first author, a decision's body; none for events."
    )
    def group(self) -> str | None:
        group: str | None = self.row.lane
        return group

    @strawberry.field(description="The record itself, for its details.")
    async def node(self, info: Info) -> Node | None:
        return await load_node(info, self.row.id, self.row.type)

    @classmethod
    def from_row(cls, row: Any) -> TimelineItem:
        """Build from a row of the timeline statement."""
        return cls(row=row)


@functools.lru_cache(maxsize=4096)
def _display(edtf: str, verbatim: str | None, supplied: bool) -> str:
    try:
        return from_edtf(edtf, verbatim, supplied=supplied).display()
    except (DateParseError, ValueError):
        return verbatim or edtf


@strawberry.type(description="The records of a period, ready for a timeline widget.")
class Timeline:
    items: list[TimelineItem] = strawberry.field(
        description="Every record whose possible days overlap the window, by first day."
    )
    truncated: bool = strawberry.field(
        description="More records matched than `limit`; the latest ones were left out. Narrow the window or the filter."
    )


@strawberry.type(description="One bar of a timeline histogram: how many records touch a span of days.")
class HistogramBar:
    start: datetime.date = strawberry.field(
        description="The bar's first day (the window's first day for the first bar)."
    )
    end: datetime.date = strawberry.field(description="The bar's last day (the window's last day for the last bar).")
    count: int = strawberry.field(description="Records touching the bar, of every kind.")
    documents: int = strawberry.field(description="Documents touching the bar.")
    decisions: int = strawberry.field(description="Decisions touching the bar.")
    events: int = strawberry.field(description="Events touching the bar.")


From = Annotated[datetime.date, strawberry.argument(name="from", description="The first day of the window.")]
To = Annotated[datetime.date, strawberry.argument(name="to", description="The last day of the window.")]
Filter = Annotated[TimelineFilter | None, strawberry.argument(description="Which records to show.")]


def _values(members: Iterable[Enum]) -> tuple[str, ...]:
    return tuple(member.value for member in members)


def timeline_criteria(start: datetime.date, end: datetime.date, filter: TimelineFilter | None) -> TimelineCriteria:
    """Turn the window and the GraphQL filter into checked criteria."""
    if start > end:
        raise validation("the window's `from` is after its `to`", field="from")
    if filter is None:
        return TimelineCriteria(start=start, end=end)
    text = filter.text.strip() if filter.text else None
    if text is not None and len(text) > MAX_TEXT:
        raise validation(f"the search text is longer than {MAX_TEXT} characters", field="filter.text")
    person = decode_id(str(filter.person), field="filter.person", expect="Person")[1] if filter.person else None
    body = decode_id(str(filter.body), field="filter.body", expect="Body")[1] if filter.body else None
    return TimelineCriteria(
        start=start,
        end=end,
        types=_values(filter.types) if filter.types is not None else ITEM_TYPES,
        document_kinds=_values(filter.document_kinds or ()),
        event_types=_values(filter.event_types or ()),
        person_id=person,
        body_id=body,
        text=text or None,
    )


@strawberry.type
class TimelineQuery:
    @strawberry.field(
        description="The documents, decisions and events of a period, for a timeline widget: "
        "each record whose possible days overlap the window (a document dated only `December "
        "1935` appears in a window of 20–31 December), by first day."
    )
    async def timeline(
        self,
        info: Info,
        start: From,
        end: To,
        filter: Filter = None,
        limit: Annotated[
            int, strawberry.argument(description=f"At most this many items (1 to {MAX_ITEMS}).")
        ] = MAX_ITEMS,
    ) -> Timeline:
        info.context.require_read()
        criteria = timeline_criteria(start, end, filter)
        if not 1 <= limit <= MAX_ITEMS:
            raise validation(f"`limit` must be between 1 and {MAX_ITEMS}", field="limit")
        statement = timeline_statement(criteria, limit + 1)
        if statement is None:
            return Timeline(items=[], truncated=False)
        compiled = await timeline_items(info, statement, limit)
        if compiled is not None:
            items, shown, truncated = compiled
            info.context.budget.spend(shown)
            return Timeline(items=items, truncated=truncated)  # type: ignore[arg-type] # JSON built in SQL
        rows = list(await info.context.database.rows(statement))
        truncated = len(rows) > limit
        rows = rows[:limit]
        info.context.budget.spend(len(rows))
        return Timeline(items=[TimelineItem.from_row(r) for r in rows], truncated=truncated)

    @strawberry.field(
        description="How many records touch each calendar year, month, week or day of a window, "
        "for density bars. A record counts in every bar its possible days touch: a document "
        "dated only `December 1935` counts in each of December's days, so the bars may add up "
        "to more than the records. Bars are calendar-aligned and clipped to the window; "
        f"at most {MAX_BUCKETS} bars. Read from counts kept up to date with every change, so even "
        "decades answer at once; a `person`, `body` or `text` filter needs the records themselves "
        "and is slower over long windows."
    )
    async def timeline_histogram(
        self,
        info: Info,
        start: From,
        end: To,
        bucket: Annotated[HistogramBucket, strawberry.argument(description="The width of a bar.")],
        filter: Filter = None,
    ) -> list[HistogramBar]:
        info.context.require_read()
        criteria = timeline_criteria(start, end, filter)
        width = Bucket(bucket.value)
        bars = bucket_count(start, end, width)
        if bars > MAX_BUCKETS:
            raise validation(
                f"the window holds {bars} bars of a {width.value}; ask for at most {MAX_BUCKETS} "
                "(a wider bar or a shorter window)",
                field="bucket",
            )
        info.context.budget.spend(bars)
        rows = await info.context.database.rows(histogram_statement(criteria, width))
        return [
            HistogramBar(
                start=r.start,
                end=r.end,
                count=r.total,
                documents=r.documents,
                decisions=r.decisions,
                events=r.events,
            )
            for r in rows
        ]
