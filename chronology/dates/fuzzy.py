"""Fuzzy historical dates: what the source says, what it means, and how to show it.

A `FuzzyDate` keeps the source's words (`verbatim`), the EDTF value (`edtf`), the first and
last day it can mean (`lower`, `upper`), the unit it is stated in and its qualifiers.

Choices worth knowing:
- EDTF has no mark for an editor's supplied date, so `Qualifier.SUPPLIED` is not in `edtf`;
  `from_edtf(d.edtf, d.verbatim)` recovers it from the verbatim text's brackets.
- Phrases ("[end of 1935]", "early August 1936") are one unknown date from a run, written as
  an EDTF set: "end of" a year is October–December, "beginning of" January–March, "early"
  January–April, "mid-" May–August, "late" September–December; in a month "early" is days
  1–10, "mid-" 11–20, "late"/"end of" 21 to the last. Only true intervals (`A/B`) are ranges.
- Seasons are meteorological: spring March–May, …, winter December to February next year.
- Qualifiers do not widen the bounds: "c. December 1935" is still 1–31 December 1935.
- "between A and B" is one unknown date in the span, an EDTF set `[A..B]`, not a range.
- Termini are open on one side in EDTF ("not earlier than 17 August 1936" is `1936-08-17/..`,
  "not later than", "before" `../1936-08-17`); "before" is read inclusively, like "not later
  than". Search bounds stop at an editorial horizon, the rest of the terminus's year:
  `1936-08-17/..` is searched as 17 August – 31 December 1936, `../1936-08-17` as 1 January –
  17 August 1936. `open_side` says which side the source leaves open.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from enum import StrEnum

from chronology.dates import printed
from chronology.dates.edtf import (
    MONTH_NAMES,
    SEASON_NAMES,
    DateParseError,
    Interval,
    OneOf,
    Point,
    Precision,
    Terminus,
    Value,
    month_end,
    parse_edtf,
)
from chronology.dates.grammar import TERMINI
from chronology.dates.phrases import phrase_of

__all__ = [
    "DateParseError",
    "FuzzyDate",
    "Precision",
    "Qualifier",
    "find_dates",
    "from_bounds",
    "from_edtf",
    "parse_date",
    "parse_date_prefix",
]

# An editorial bracket holds something other than a lone question mark.
_EDITORIAL_BRACKET = re.compile(r"\[(?!\s*\?\s*\])[^\]]*\]")


class Qualifier(StrEnum):
    """What the source or its editors say about how sure a date is."""

    UNCERTAIN = "uncertain"  # "4 [?] December 1936" -> EDTF "?"
    APPROXIMATE = "approximate"  # "c. December 1935" -> EDTF "~"
    SUPPLIED = "supplied"  # editors' brackets: "August 17 [1936]", "[end of 1935]"


@dataclass(frozen=True)
class FuzzyDate:
    """A historical date as the source states it and as a span of days."""

    verbatim: str
    edtf: str
    lower: datetime.date
    upper: datetime.date
    precision: Precision
    qualifiers: frozenset[Qualifier]

    def __post_init__(self) -> None:
        for bound in (self.lower, self.upper):
            if type(bound) is not datetime.date:
                raise TypeError(f"bounds of a historical date are days, not {type(bound)}")
        if self.lower > self.upper:
            raise ValueError(f"{self.verbatim!r}: lower {self.lower} is after upper {self.upper}")

    @property
    def is_range(self) -> bool:
        """Tell whether this is an interval of time such as 7–12 January 1933."""
        return "/" in self.edtf

    @property
    def open_side(self) -> str | None:
        """Say which side a terminus leaves open ("start" or "end"), or None for a bounded date."""
        if self.edtf.endswith("/.."):
            return "end"
        return "start" if self.edtf.startswith("../") else None

    @property
    def sort_key(self) -> tuple[datetime.date, datetime.date]:
        """Return a key that orders dates on a timeline."""
        return self.lower, self.upper

    def overlaps(self, other: FuzzyDate) -> bool:
        """Tell whether the two dates can share a day."""
        return self.lower <= other.upper and other.lower <= self.upper

    def display(self) -> str:
        """Return the date in English, day first, as the timeline and exports show it."""
        value = parse_edtf(self.edtf)
        supplied, phrase = _style(self, value)
        brackets_year = supplied == "year"
        if isinstance(value, Point):
            text = _point_text(value, brackets_year)
        elif isinstance(value, Interval):
            text = _interval_text(value, brackets_year)
        elif isinstance(value, Terminus):
            text = _terminus_text(value, phrase, brackets_year)
        else:
            text = _one_of_text(value, phrase, brackets_year)
        return f"[{text}]" if supplied == "all" else text


def _style(date: FuzzyDate, value: Value) -> tuple[printed.Supplied | None, str | None]:
    """Find how the source wrote the date: which part is bracketed, and any phrase."""
    try:
        reading = printed.read_date(date.verbatim, default_year=date.lower.year)
    except DateParseError:
        reading = None
    same = reading is not None and reading.value.format() == value.format()
    supplied = reading.supplied if same and reading is not None else None
    if Qualifier.SUPPLIED not in date.qualifiers:
        supplied = None
    elif supplied is None:
        supplied = "year"
    return supplied, reading.phrase if same and reading is not None else None


def _year_text(point: Point, brackets_year: bool) -> str:
    text = f"{point.year}s" if point.decade else str(point.year)
    return f"[{text}]" if brackets_year else text


def _point_text(point: Point, brackets_year: bool, *, year: bool = True, flags: bool = True) -> str:
    words = []
    if point.day is not None:
        words.append(str(point.day))
    if point.month is not None:
        words.append(MONTH_NAMES[point.month - 1])
    if point.season is not None:
        words.append(SEASON_NAMES[point.season])
    if year or not words:
        words.append(_year_text(point, brackets_year))
    if flags and point.uncertain:
        words[0] += " [?]"
    text = " ".join(words)
    return f"c. {text}" if flags and point.approximate else text


def _interval_text(value: Interval, brackets_year: bool) -> str:
    start, end = value.start, value.end
    same_flags = (start.uncertain, start.approximate) == (end.uncertain, end.approximate)
    if not same_flags:
        return f"{_point_text(start, brackets_year)} – {_point_text(end, brackets_year)}"
    year = _year_text(end, brackets_year)
    shared = start.year == end.year and not start.decade and not end.decade
    both = {start.precision, end.precision}
    if shared and both == {Precision.DAY} and start.month == end.month:
        text = f"{start.day}–{_point_text(end, brackets_year, flags=False)}"
    elif shared and len(both) == 1 and both != {Precision.YEAR}:
        first = _point_text(start, brackets_year, year=False, flags=False)
        last = _point_text(end, brackets_year, year=False, flags=False)
        gap = " – " if start.day is not None else "–"
        text = f"{first}{gap}{last} {year}"
    elif both == {Precision.YEAR}:
        text = f"{_year_text(start, brackets_year)}–{year}"
    else:
        first = _point_text(start, brackets_year, flags=False)
        text = f"{first} – {_point_text(end, brackets_year, flags=False)}"
    if start.uncertain:
        text += " [?]"
    return f"c. {text}" if start.approximate else text


def _terminus_text(value: Terminus, phrase: str | None, brackets_year: bool) -> str:
    side = "after" if value.open_end else "before"
    words = phrase if phrase is not None and TERMINI.get(phrase) == side else None
    words = words or ("not earlier than" if value.open_end else "not later than")
    return f"{words} {_point_text(value.point, brackets_year)}"


def _one_of_text(value: OneOf, phrase: str | None, brackets_year: bool) -> str:
    phrase = phrase or phrase_of(value)
    first = value.first
    if phrase is None:
        last = _point_text(value.last, brackets_year)
        return f"between {_point_text(first, brackets_year)} and {last}"
    whole = Point(first.year, first.month if first.day else None, uncertain=first.uncertain)
    text = _point_text(whole, brackets_year)
    return f"{phrase}{text}" if phrase.endswith("-") else f"{phrase} {text}"


def _build(verbatim: str, value: Value, supplied: bool) -> FuzzyDate:
    points = value.points()
    qualifiers = {
        flag
        for flag, present in (
            (Qualifier.UNCERTAIN, any(p.uncertain for p in points)),
            (Qualifier.APPROXIMATE, any(p.approximate for p in points)),
            (Qualifier.SUPPLIED, supplied),
        )
        if present
    }
    lower, upper = value.bounds()
    return FuzzyDate(verbatim, value.format(), lower, upper, value.precision, frozenset(qualifiers))


def _is_supplied(verbatim: str, value: Value) -> bool:
    """Tell whether editors supplied the date, judging by how the verbatim text reads."""
    try:
        parse_edtf(verbatim)
    except DateParseError:
        pass
    else:
        return False  # EDTF's own "[A..B]" is not an editor's bracket
    try:
        reading = printed.read_date(verbatim, default_year=value.bounds()[0].year)
    except DateParseError:
        reading = None
    if reading is not None and reading.value.format() == value.format():
        return reading.supplied is not None
    return _EDITORIAL_BRACKET.search(verbatim) is not None


def _reading_date(text: str, reading: printed.Reading) -> FuzzyDate:
    verbatim = text[reading.start : reading.end]
    return _build(verbatim, reading.value, reading.supplied is not None)


def parse_date(text: str, *, default_year: int | None = None) -> FuzzyDate:
    """Read a date as a source writes it; a year taken from `default_year` counts as supplied."""
    try:
        reading = printed.read_date(text, default_year=default_year)
    except DateParseError as error:
        try:
            value = parse_edtf(text.strip())  # EDTF typed by a user is a date too
        except DateParseError:
            raise error from None  # the complaint about the source's form is the useful one
        return _build(text, value, supplied=False)
    return _build(text, reading.value, reading.supplied is not None)


def parse_date_prefix(text: str, *, default_year: int | None = None) -> tuple[FuzzyDate, str] | None:
    """Read the date that opens a text and return it with the rest, or None if none opens it."""
    reading = printed.read_prefix(text, default_year=default_year)
    if reading is None:
        return None
    return _reading_date(text, reading), text[reading.end :]


def find_dates(text: str, *, default_year: int | None = None) -> list[tuple[int, int, FuzzyDate]]:
    """Find the dates in prose, as (start, end, date) with text[start:end] the verbatim."""
    return [
        (reading.start, reading.end, _reading_date(text, reading))
        for reading in printed.scan(text, default_year=default_year)
    ]


def from_edtf(edtf: str, verbatim: str | None = None, *, supplied: bool | None = None) -> FuzzyDate:
    """Build a date from EDTF; SUPPLIED comes from `supplied` or else the verbatim's brackets."""
    try:
        value = parse_edtf(edtf)
    except DateParseError as error:
        raise DateParseError(f"cannot read EDTF {edtf!r}: {error}") from None
    if verbatim is None:
        return _build(edtf, value, bool(supplied))
    if supplied is None:
        supplied = _is_supplied(verbatim, value)
    return _build(verbatim, value, supplied)


def _point_for(lower: datetime.date, upper: datetime.date) -> Point | None:
    """Return the single day, month, season, year or decade spanning exactly these days."""
    year = lower.year
    candidates = [Point(year, lower.month, lower.day), Point(year, lower.month), Point(year)]
    candidates += [Point(year, season=s) for s in (21, 22, 23, 24)]
    if year % 10 == 0 and year + 9 <= datetime.MAXYEAR:
        candidates.append(Point(year, decade=True))
    return next((p for p in candidates if p.bounds() == (lower, upper)), None)


def from_bounds(lower: datetime.date, upper: datetime.date, verbatim: str) -> FuzzyDate:
    """Build the tightest EDTF date for a first and last day."""
    if lower > upper:
        raise DateParseError(f"cannot date {verbatim!r}: {lower} is after {upper}")
    value: Value | None = _point_for(lower, upper)
    if value is None:
        whole_years = (lower.month, lower.day, upper.month, upper.day) == (1, 1, 12, 31)
        whole_months = lower.day == 1 and upper == month_end(upper.year, upper.month)
        if whole_years:
            value = Interval(Point(lower.year), Point(upper.year))
        elif whole_months:
            value = Interval(Point(lower.year, lower.month), Point(upper.year, upper.month))
        else:
            start = Point(lower.year, lower.month, lower.day)
            value = Interval(start, Point(upper.year, upper.month, upper.day))
    return _build(verbatim, value, _is_supplied(verbatim, value))
