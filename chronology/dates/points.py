"""Single printed dates: the pieces of a date and the forms of one day, month, season or year."""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronology.dates.cursor import TokenCursor
from chronology.dates.edtf import MONTH_NAMES

_MONTHS = (
    {name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)}
    | {name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, 1)}
    | {"sept": 9}
)
_SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
APPROXIMATE = ("c", "ca", "circa", "about", "approx", "approximately")
ABBREVIATED = ("c", "ca", "circa")
_ORDINALS = ("st", "nd", "rd", "th")
_ROMAN = re.compile(r"[IVX]+")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
# In prose a bare number is taken for a year only in this range (folio and file numbers abound).
_PROSE_YEARS = range(1800, 2100)


@dataclass
class Part:
    """One date as parsed so far: the fields the source gives, and how it marks them."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: int | None = None
    decade: bool = False
    uncertain: bool = False
    year_bracketed: bool = False


def _roman(text: str) -> int:
    values = [_ROMAN_VALUES[letter] for letter in text]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


class PointGrammar(TokenCursor):
    """The rules for one date; each returns None and rewinds when it fails."""

    def __init__(self, text: str, *, lenient: bool, termini: bool = True) -> None:
        super().__init__(text)
        self.lenient = lenient  # the whole text is meant as a date, so bare forms are allowed
        # In running prose "before" and "between" are too often plain words ("before 1935 he…").
        self.termini = termini

    # Pieces of a date.
    def qmark(self) -> bool:
        # In prose a bare "?" ends a question ("in 1935?"); only "[?]" doubts the date there.
        if self.lenient and self.take("?"):
            return True
        return self.attempt(lambda: self.take("[") and self.take("?") and self.take("]")) is not None

    def day(self) -> Part | None:
        value = self.number(1, 2)
        if value is None:
            return None
        if self.glued():
            self.take(*_ORDINALS)
        return Part(day=value, uncertain=self.qmark())

    def month(self) -> int | None:
        token = self.take(*_MONTHS, kind="word")
        if token is None:
            return None
        if self.glued():
            self.take(".")
        return _MONTHS[token.text.lower()]

    def season(self) -> int | None:
        token = self.take(*_SEASONS, kind="word")
        return None if token is None else _SEASONS[token.text.lower()]

    def year(self) -> tuple[int, bool] | None:
        if (value := self.number(4)) is not None:
            return value, False
        return self.attempt(self.bracketed_year)

    def bracketed_year(self) -> tuple[int, bool] | None:
        if not self.take("["):
            return None
        value = self.number(4)
        return None if value is None or not self.take("]") else (value, True)

    def comma_year(self) -> tuple[int, bool] | None:
        self.take(",")
        return self.year()

    def shared_year(self, parts: list[Part], *, required: bool = False) -> list[Part] | None:
        found = self.attempt(self.comma_year)
        if found is None:
            return None if required else parts
        for part in parts:
            part.year, part.year_bracketed = found
        return parts

    # Single dates.
    def p_numeric(self) -> list[Part] | None:
        day = self.number(1, 2)
        if day is None or not (self.take("/", ".") or self.dash()):
            return None
        token = self.peek()
        if token is not None and token.kind == "num" and len(token.text) <= 2:
            month, roman = int(token.text), False
        elif token is not None and _ROMAN.fullmatch(token.text):
            month, roman = _roman(token.text), True
        else:
            return None
        self.pos += 1
        year = self.attempt(self.numeric_year)
        if year is None and not roman:
            return None  # "17/10" is a protocol item, "9-00" a time; only "14 / IX" is a date
        return [Part(year=year, month=month, day=day, uncertain=self.qmark())]

    def numeric_year(self) -> int | None:
        if not (self.take("/", ".") or self.dash()):
            return None
        token = self.peek()
        if token is None or token.kind != "num" or len(token.text) not in (2, 4):
            return None
        self.pos += 1
        if len(token.text) == 4:
            return int(token.text)
        after = self.peek()
        if after is not None and after.start == token.end and after.text in "-–—:":
            return None  # "16/VIII. 23–40" ends in a time of day, not a year
        return 1900 + int(token.text)

    def p_iso(self) -> list[Part] | None:
        year = self.number(4)
        if year is None or not (self.glued() and self.dash() and self.glued()):
            return None
        month = self.number(2)
        if month is None:
            return None
        day = self.attempt(lambda: self.number(2) if self.glued() and self.dash() else None)
        return [Part(year=year, month=month, day=day, uncertain=self.qmark())]

    def p_day_month(self) -> list[Part] | None:
        part = self.day()
        if part is None or (month := self.month()) is None:
            return None
        part.month = month
        part.uncertain |= self.qmark()
        return self.shared_year([part])

    def p_month_day(self) -> list[Part] | None:
        month = self.month()
        if month is None or (part := self.day()) is None:
            return None
        part.month = month
        return self.shared_year([part])

    def p_year_month_day(self) -> list[Part] | None:
        year = self.year()
        if year is None or (month := self.month()) is None:
            return None
        part = self.attempt(self.day) or Part()
        part.year, part.year_bracketed, part.month = *year, month
        return [part]

    def p_month_year(self) -> list[Part] | None:
        month = self.month()
        if month is None:
            return None
        part = Part(month=month, uncertain=self.qmark())
        self.take("of")
        return self.shared_year([part], required=not self.lenient)

    def p_season(self) -> list[Part] | None:
        season = self.season()
        if season is None:
            return None
        part = Part(season=season, uncertain=self.qmark())
        self.take("of")
        return self.shared_year([part], required=True)

    def p_decade(self) -> list[Part] | None:
        year = self.number(4)
        if year is None or year % 10 or not self.glued():
            return None
        self.take("'", "’")
        return [Part(year=year, decade=True)] if self.take("s") else None

    def p_year(self) -> list[Part] | None:
        found = self.year()
        if found is None:
            return None
        year, bracketed = found
        prose = not self.lenient and not bracketed
        if prose and (year not in _PROSE_YEARS or (self.glued() and self.take("/"))):
            return None
        return [Part(year=year, year_bracketed=bracketed, uncertain=self.qmark())]

    def point(self) -> list[Part] | None:
        return self.longest(
            [
                self.p_iso,
                self.p_numeric,
                self.p_day_month,
                self.p_month_day,
                self.p_year_month_day,
                self.p_month_year,
                self.p_season,
                self.p_decade,
                self.p_year,
            ]
        )
