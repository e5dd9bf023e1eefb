"""EDTF (ISO 8601-2) values: the subset historians' dates need, parsed, written and bounded."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from enum import StrEnum


class DateParseError(ValueError):
    """A date text or EDTF string that cannot be read; the message says which and why."""


class Precision(StrEnum):
    """The unit a date is stated in, finest first."""

    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"


MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SEASON_NAMES = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
# Meteorological seasons of the northern hemisphere, as month numbers; winter starts in
# December and runs into the next year (month 14 is February of the year after).
_SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}

_POINT = re.compile(r"(?P<year>\d{4}|\d{3}X)(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?P<qualifier>[?~%])?")
_SET = re.compile(r"\[(?P<first>[^\[\].]+)\.\.(?P<last>[^\[\].]+)\]")


def month_end(year: int, month: int) -> datetime.date:
    """Return the last day of a month; past 9999 the calendar ends at date.max."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    if year > datetime.MAXYEAR:
        return datetime.date.max
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class Point:
    """One EDTF date: a day, month, season, year or decade, maybe uncertain or approximate."""

    year: int
    month: int | None = None
    day: int | None = None
    season: int | None = None
    decade: bool = False
    uncertain: bool = False
    approximate: bool = False

    def __post_init__(self) -> None:
        if self.decade:
            if self.year % 10 or not 0 <= self.year <= 9990:
                raise DateParseError(f"{self.year} does not start a decade")
            if self.month or self.day or self.season:
                raise DateParseError("a decade cannot have a month, day or season")
            return
        if not 1 <= self.year <= datetime.MAXYEAR:
            raise DateParseError(f"year {self.year} is outside 1–9999")
        if self.season is not None and (self.season not in SEASON_NAMES or self.month or self.day):
            raise DateParseError(f"season {self.season} is not one of 21–24 (spring–winter)")
        if self.month is None:
            if self.day is not None:
                raise DateParseError("a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise DateParseError(f"month {self.month} does not exist")
        last = calendar.monthrange(self.year, self.month)[1]
        if self.day is not None and not 1 <= self.day <= last:
            name = MONTH_NAMES[self.month - 1]
            raise DateParseError(f"{name} {self.year} has no day {self.day}")

    @property
    def precision(self) -> Precision:
        """Return the unit this date is stated in."""
        if self.decade:
            return Precision.DECADE
        if self.season is not None:
            return Precision.SEASON
        if self.day is not None:
            return Precision.DAY
        return Precision.YEAR if self.month is None else Precision.MONTH

    def bounds(self) -> tuple[datetime.date, datetime.date]:
        """Return the first and last day this date can mean."""
        year = self.year
        if self.decade:
            return datetime.date(max(year, 1), 1, 1), datetime.date(year + 9, 12, 31)
        if self.season is not None:
            first, last = _SEASON_MONTHS[self.season]
            return datetime.date(year, first, 1), month_end(year, last)
        if self.month is None:
            return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        if self.day is None:
            return datetime.date(year, self.month, 1), month_end(year, self.month)
        day = datetime.date(year, self.month, self.day)
        return day, day

    def format(self) -> str:
        """Return the EDTF string."""
        text = f"{self.year // 10:03d}X" if self.decade else f"{self.year:04d}"
        if self.season is not None:
            text += f"-{self.season}"
        elif self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        if self.uncertain and self.approximate:
            return text + "%"
        if self.uncertain:
            return text + "?"
        return text + "~" if self.approximate else text

    def points(self) -> tuple[Point, ...]:
        """Return the dates this value is made of."""
        return (self,)


def _coarsest(first: Point, last: Point) -> Precision:
    order = list(Precision)
    return max(first.precision, last.precision, key=order.index)


def _check_order(first: Point, last: Point) -> None:
    if first.bounds()[0] > last.bounds()[1]:
        raise DateParseError(f"it ends ({last.format()}) before it starts ({first.format()})")


@dataclass(frozen=True)
class Interval:
    """A span of time from one date to another, both included (EDTF `A/B`)."""

    start: Point
    end: Point

    def __post_init__(self) -> None:
        _check_order(self.start, self.end)

    @property
    def precision(self) -> Precision:
        """Return the coarser unit of the two ends."""
        return _coarsest(self.start, self.end)

    def bounds(self) -> tuple[datetime.date, datetime.date]:
        """Return the first and last day of the span."""
        return self.start.bounds()[0], self.end.bounds()[1]

    def format(self) -> str:
        """Return the EDTF string."""
        return f"{self.start.format()}/{self.end.format()}"

    def points(self) -> tuple[Point, ...]:
        """Return the dates this value is made of."""
        return (self.start, self.end)


@dataclass(frozen=True)
class OneOf:
    """One unknown date from a run of dates, e.g. some month late in 1935 (EDTF `[A..B]`)."""

    first: Point
    last: Point

    def __post_init__(self) -> None:
        _check_order(self.first, self.last)

    @property
    def precision(self) -> Precision:
        """Return the coarser unit of the two ends."""
        return _coarsest(self.first, self.last)

    def bounds(self) -> tuple[datetime.date, datetime.date]:
        """Return the first and last day the date can be."""
        return self.first.bounds()[0], self.last.bounds()[1]

    def format(self) -> str:
        """Return the EDTF string."""
        return f"[{self.first.format()}..{self.last.format()}]"

    def points(self) -> tuple[Point, ...]:
        """Return the dates this value is made of."""
        return (self.first, self.last)


@dataclass(frozen=True)
class Terminus:
    """A date known from one side only: not earlier than (EDTF `A/..`) or not later than (`../A`).

    Search bounds need both ends, so the open side stops at an editorial horizon: the rest
    of the year the terminus falls in (1 January for "not later than", 31 December for
    "not earlier than"). The EDTF string stays open; only `bounds()` uses the horizon.
    """

    point: Point
    open_end: bool  # True: "after" / "not earlier than" (open towards later days)

    @property
    def precision(self) -> Precision:
        """Return the unit the terminus is stated in."""
        return self.point.precision

    def bounds(self) -> tuple[datetime.date, datetime.date]:
        """Return the first and last day, the open side stopped at the year's horizon."""
        first, last = self.point.bounds()
        if self.open_end:
            return first, max(last, datetime.date(first.year, 12, 31))
        return min(first, datetime.date(last.year, 1, 1)), last

    def format(self) -> str:
        """Return the EDTF string, open on one side."""
        return f"{self.point.format()}/.." if self.open_end else f"../{self.point.format()}"

    def points(self) -> tuple[Point, ...]:
        """Return the dates this value is made of."""
        return (self.point,)


Value = Point | Interval | OneOf | Terminus


def _parse_point(text: str) -> Point:
    match = _POINT.fullmatch(text)
    if match is None:
        raise DateParseError(f"{text!r} is not an EDTF date this project reads")
    year, month, day = match["year"], match["month"], match["day"]
    number = int(month) if month else None
    season = number if number is not None and number >= 21 else None
    if season is not None and day:
        raise DateParseError(f"season {season} cannot have a day")
    return Point(
        year=int(year.replace("X", "0")),
        month=None if season else number,
        day=int(day) if day else None,
        season=season,
        decade=year.endswith("X"),
        uncertain=match["qualifier"] in ("?", "%"),
        approximate=match["qualifier"] in ("~", "%"),
    )


def parse_edtf(text: str) -> Value:
    """Read an EDTF string: a date, an interval `A/B`, an open one `A/..` or `../A`, a set `[A..B]`."""
    if match := _SET.fullmatch(text):
        return OneOf(_parse_point(match["first"]), _parse_point(match["last"]))
    if text.endswith("/.."):
        return Terminus(_parse_point(text[:-3]), open_end=True)
    if text.startswith("../"):
        return Terminus(_parse_point(text[3:]), open_end=False)
    if "/" in text:
        start, _, end = text.partition("/")
        return Interval(_parse_point(start), _parse_point(end))
    return _parse_point(text)
