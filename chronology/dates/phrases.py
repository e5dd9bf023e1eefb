"""Phrases for part of a year or month ("end of 1935", "early August 1936") as EDTF sets."""

from __future__ import annotations

from chronology.dates.edtf import DateParseError, OneOf, Point, Precision, month_end

# Months a phrase gives within a year: "beginning of" and "end of" are read as a quarter,
# "early", "mid-" and "late" as a third, so each phrase keeps its own EDTF value.
YEAR_PHRASES = {
    "beginning of": (1, 3),
    "early": (1, 4),
    "mid-": (5, 8),
    "middle of": (5, 8),
    "late": (9, 12),
    "end of": (10, 12),
}
# Days a phrase gives within a month; 31 stands for the month's last day.
MONTH_PHRASES = {
    "beginning of": (1, 10),
    "early": (1, 10),
    "mid-": (11, 20),
    "middle of": (11, 20),
    "late": (21, 31),
    "end of": (21, 31),
}


def one_of(point: Point, phrase: str) -> OneOf:
    """Turn a phrase about a year or month into the run of dates it allows."""
    year, month, flag = point.year, point.month, point.uncertain
    if point.precision is Precision.YEAR:
        first, last = YEAR_PHRASES[phrase]
        return OneOf(Point(year, first, uncertain=flag), Point(year, last, uncertain=flag))
    if month is not None and point.precision is Precision.MONTH:
        first, last = MONTH_PHRASES[phrase]
        last = min(last, month_end(year, month).day)
        return OneOf(Point(year, month, first, uncertain=flag), Point(year, month, last, uncertain=flag))
    raise DateParseError(f"{phrase!r} takes a year or a month, not a {point.precision}")


def phrase_of(value: OneOf) -> str | None:
    """Return the usual words for a one-of date ("end of", "early"), or None if none fit."""
    first, last = value.first, value.last
    if first.year != last.year or first.precision != last.precision or first.month is None:
        return None
    if (first.uncertain, first.approximate) != (last.uncertain, last.approximate):
        return None
    if first.precision is Precision.MONTH and last.month is not None:
        wanted = (first.month, last.month)
        return next((p for p, span in YEAR_PHRASES.items() if span == wanted), None)
    if first.day is None or last.day is None or first.month != last.month:
        return None
    end = 31 if last.day == month_end(first.year, first.month).day else last.day
    return next((p for p, span in MONTH_PHRASES.items() if span == (first.day, end)), None)
