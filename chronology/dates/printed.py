"""Dates as the sources print them, read from text: "August 17 [1936]", "18/VIII.36", "[end of 1935]"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from chronology.dates.edtf import DateParseError, Interval, OneOf, Point, Terminus, Value
from chronology.dates.grammar import TERMINI, Core, Parser
from chronology.dates.phrases import one_of

Supplied = Literal["year", "all"]

_LEAD_WORDS = ("on", "dated", "the")


@dataclass(frozen=True)
class Reading:
    """A date found in text: its EDTF value, where it stands and how the source wrote it."""

    value: Value
    start: int
    end: int
    supplied: Supplied | None = None  # which part editors supplied: the year, or all of it
    phrase: str | None = None  # the words of a one-of date or terminus: "end of", "mid-", "not later than"


def _expression(parser: Parser, default_year: int | None) -> Reading | None:
    """Read one date at the parser's place; raise DateParseError if its shape holds impossible values."""
    if parser.pos >= len(parser.tokens):
        return None
    first = parser.tokens[parser.pos]
    found = parser.date()
    if found is None:
        return None
    core, whole = found
    value, supplied = _finish(core, default_year)
    end = parser.tokens[parser.pos - 1].end
    return Reading(value, first.start, end, "all" if whole else supplied, core.terminus or core.phrase)


def _finish(core: Core, default_year: int | None) -> tuple[Value, Supplied | None]:
    """Turn a parsed date into its EDTF value, and say which part editors supplied."""
    supplied: Supplied | None = None
    points = []
    for part in core.parts:
        year = part.year
        if year is None:
            if default_year is None:
                raise DateParseError("no year is given and no default year was supplied")
            year, supplied = default_year, "year"
        if part.year_bracketed:
            supplied = "year"
        points.append(
            Point(
                year,
                part.month,
                part.day,
                part.season,
                part.decade,
                part.uncertain,
                core.approximate,
            )
        )
    if core.terminus is not None:
        return Terminus(points[0], open_end=TERMINI[core.terminus] == "after"), supplied
    if core.between:
        return OneOf(points[0], points[1]), supplied
    if core.phrase is not None:
        if core.approximate or len(points) != 1:
            raise DateParseError(f"{core.phrase!r} takes one plain year or month")
        return one_of(points[0], core.phrase), supplied
    if len(points) == 2:
        return Interval(points[0], points[1]), supplied
    return points[0], supplied


def read_date(text: str, *, default_year: int | None = None) -> Reading:
    """Read a whole text as one date, or raise DateParseError naming the text and the reason."""
    if not text.strip():
        raise DateParseError(f"cannot read date {text!r}: the text is empty")
    parser = Parser(text, lenient=True)
    while parser.take(*_LEAD_WORDS, kind="word"):
        pass
    try:
        reading = _expression(parser, default_year)
    except DateParseError as error:
        raise DateParseError(f"cannot read date {text!r}: {error}") from None
    if reading is None:
        raise DateParseError(f"cannot read date {text!r}: no date form recognised")
    while parser.take("."):
        pass
    if (rest := parser.peek()) is not None:
        raise DateParseError(f"cannot read date {text!r}: unexpected {text[rest.start :]!r}")
    return reading


def read_prefix(text: str, *, default_year: int | None = None) -> Reading | None:
    """Read the date that opens a text ("on" may precede it), or None if there is none."""
    parser = Parser(text, lenient=False)
    while parser.take("on", "dated", kind="word"):
        pass
    try:
        return _expression(parser, default_year)
    except DateParseError:
        return None


def scan(text: str, *, default_year: int | None = None) -> list[Reading]:
    """Find every date in a text, left to right, without overlaps (termini only in whole dates)."""
    parser = Parser(text, lenient=False, termini=False)
    found: list[Reading] = []
    index = 0
    while index < len(parser.tokens):
        parser.pos = index
        try:
            reading = _expression(parser, default_year)
        except DateParseError:
            reading = None
        if reading is None:
            index += 1
        else:
            found.append(reading)
            index = parser.pos
    return found
