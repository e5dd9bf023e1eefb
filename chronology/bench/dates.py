"""Invented fuzzy dates, weighted as an edition of the 1930s is, as the date_* columns store them.

Pure: no database, no I/O.
"""

from __future__ import annotations

import datetime
import itertools
import random
from dataclasses import dataclass


@dataclass(frozen=True)
class SyntheticDate:
    """One fuzzy date, as the date_* columns store it."""

    verbatim: str
    edtf: str
    lower: datetime.date
    upper: datetime.date
    precision: str
    qualifiers: tuple[str, ...]


_MONTHS = [
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
]
_SEASONS = {21: ("Spring", 3, 5), 22: ("Summer", 6, 8), 23: ("Autumn", 9, 11)}
# Years weighted as an edition of the 1930s is: thin before 1929, thick 1931–1938.
YEARS = tuple(range(1917, 1954))
_YEAR_WEIGHTS = tuple(
    itertools.accumulate(8.0 if 1931 <= y <= 1938 else 4.0 if 1929 <= y <= 1941 else 0.6 for y in YEARS)
)


def _month_end(year: int, month: int) -> datetime.date:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def fuzzy_date(rng: random.Random) -> SyntheticDate:
    """Draw a date: about 60% to the day, 25% to the month, 15% to the year or a season span."""
    year = rng.choices(YEARS, cum_weights=_YEAR_WEIGHTS)[0]
    roll = rng.random()
    qualifier = rng.random()
    mark = "?" if qualifier < 0.03 else "~" if qualifier < 0.05 else ""
    qualifiers = ("uncertain",) if mark == "?" else ("approximate",) if mark == "~" else ()
    supplied = not mark and qualifier < 0.15
    if supplied:
        qualifiers = ("supplied",)
    if roll < 0.60:
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        value = datetime.date(year, month, day)
        shown = f"{_MONTHS[month - 1]} {day} [{year}]" if supplied else f"{day} {_MONTHS[month - 1]} {year}"
        return SyntheticDate(shown, value.isoformat() + mark, value, value, "day", qualifiers)
    if roll < 0.85:
        month = rng.randint(1, 12)
        shown = f"[{_MONTHS[month - 1]} {year}]" if supplied else f"{_MONTHS[month - 1]} {year}"
        lower, upper = datetime.date(year, month, 1), _month_end(year, month)
        return SyntheticDate(shown, f"{year}-{month:02d}{mark}", lower, upper, "month", qualifiers)
    if roll < 0.95:
        shown = f"[{year}]" if supplied else str(year)
        lower, upper = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        return SyntheticDate(shown, f"{year}{mark}", lower, upper, "year", qualifiers)
    first = rng.choice((21, 22))
    last = first + rng.randint(0, 1)
    lower = datetime.date(year, _SEASONS[first][1], 1)
    upper = _month_end(year, _SEASONS[last][2])
    if first == last:
        return SyntheticDate(f"[{_SEASONS[first][0]} {year}]", f"{year}-{first}", lower, upper, "season", ())
    shown = f"[{_SEASONS[first][0]}-{_SEASONS[last][0]} {year}]"
    return SyntheticDate(shown, f"{year}-{first}/{year}-{last}", lower, upper, "season", ())
