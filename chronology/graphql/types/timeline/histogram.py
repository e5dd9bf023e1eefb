"""The `timelineHistogram` query: how many records touch each year, month, week or day of a window."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Annotated

import strawberry

from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.errors import validation
from chronology.graphql.runtime.naming import with_person_named
from chronology.graphql.types.describe import describe
from chronology.graphql.types.timeline.filter import Filter, From, To, timeline_criteria
from chronology.queries.histogram import histogram_statement
from chronology.queries.timeline import Bucket, bucket_count

MAX_BUCKETS = 5_000


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


@strawberry.type
class HistogramQuery:
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
        filter = await with_person_named(info.context, filter, field="filter.person")
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
