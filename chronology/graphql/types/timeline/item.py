"""One record placed on a timeline: the TimelineItem type, read from a row of the window's statement."""

from __future__ import annotations

import datetime
import functools
from enum import Enum
from typing import Any

import strawberry

from chronology.dates.fuzzy import DateParseError, from_edtf
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.ids import TYPE_OF_KIND, encode_id
from chronology.graphql.types.date.vocabulary import DatePrecision, DateQualifier
from chronology.graphql.types.describe import describe
from chronology.graphql.types.node.interface import Node
from chronology.graphql.types.node.loading import load_node


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
