"""The vocabularies of historical dates as GraphQL enums: precision, qualifiers, how a date meets a window."""

from __future__ import annotations

from enum import Enum

import strawberry

from chronology.graphql.types.describe import describe


@strawberry.enum(description="How finely a historical date is known.")
class DatePrecision(Enum):
    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"


describe(
    DatePrecision,
    {
        "DAY": "To the day.",
        "MONTH": "To the month.",
        "SEASON": "To the season.",
        "YEAR": "To the year.",
        "DECADE": "To the decade.",
    },
)


@strawberry.enum(description="What the source or its editors say about how sure a date is.")
class DateQualifier(Enum):
    UNCERTAIN = "uncertain"
    APPROXIMATE = "approximate"
    SUPPLIED = "supplied"


describe(
    DateQualifier,
    {
        "UNCERTAIN": "Marked doubtful: `4 [?] December 1936`.",
        "APPROXIMATE": "Approximate: `c. December 1935`.",
        "SUPPLIED": "Supplied by the editors, in square brackets: `August 17 [1936]`.",
    },
)


@strawberry.enum(description="How a record's fuzzy date must relate to a window of time.")
class DateMatch(Enum):
    OVERLAPS = "overlaps"
    CERTAINLY_WITHIN = "certainly_within"
    POSSIBLY_WITHIN = "possibly_within"


describe(
    DateMatch,
    {
        "OVERLAPS": "Some day the record may fall on (or, for a period, lasted) lies in the window.",
        "CERTAINLY_WITHIN": "Every day the record may fall on lies in the window.",
        "POSSIBLY_WITHIN": "The record may fall in the window but may also fall outside it: it overlaps the "
        "window without lying certainly within it (the doubtful fringe).",
    },
)


@strawberry.enum(description="The side a terminus leaves open: the source gives one bound only.")
class DateOpenSide(Enum):
    START = "start"
    END = "end"


describe(
    DateOpenSide,
    {
        "START": "Open towards earlier days: `not later than 17 August 1936`, EDTF `../1936-08-17`.",
        "END": "Open towards later days: `not earlier than 17 August 1936`, EDTF `1936-08-17/..`.",
    },
)
