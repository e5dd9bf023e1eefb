"""The grammar of printed dates: rules over a token cursor that parse a date's parts."""

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
_APPROXIMATE = ("c", "ca", "circa", "about", "approx", "approximately")
_ABBREVIATED = ("c", "ca", "circa")
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


@dataclass
class Core:
    """A parsed date before it is a value: one part or a range's two, with its qualifiers."""

    parts: list[Part]
    approximate: bool
    phrase: str | None


def _roman(text: str) -> int:
    values = [_ROMAN_VALUES[letter] for letter in text]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


class Parser(TokenCursor):
    """The grammar of source dates; each rule returns None and rewinds when it fails."""

    def __init__(self, text: str, *, lenient: bool) -> None:
        super().__init__(text)
        self.lenient = lenient  # the whole text is meant as a date, so bare forms are allowed

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

    # Ranges.
    def r_days_month(self) -> list[Part] | None:
        first = self.day()
        if first is None or not self.dash() or (last := self.day()) is None:
            return None
        if (month := self.month()) is None:
            return None
        first.month = last.month = month
        return self.shared_year([first, last])

    def r_month_days(self) -> list[Part] | None:
        month = self.month()
        if month is None or (first := self.day()) is None or not self.dash():
            return None
        if (last := self.day()) is None:
            return None
        first.month = last.month = month
        return self.shared_year([first, last])

    def r_day_months(self) -> list[Part] | None:
        first = self.day()
        if first is None or (first_month := self.month()) is None or not self.dash():
            return None
        last = self.day()
        if last is None or (last_month := self.month()) is None:
            return None
        first.month, last.month = first_month, last_month
        return self.shared_year([first, last])

    def r_month_day_months(self) -> list[Part] | None:
        first_month = self.month()
        if first_month is None or (first := self.day()) is None or not self.dash():
            return None
        last_month = self.month()
        if last_month is None or (last := self.day()) is None:
            return None
        first.month, last.month = first_month, last_month
        return self.shared_year([first, last])

    def r_months(self) -> list[Part] | None:
        first = self.month()
        if first is None or not self.dash() or (last := self.month()) is None:
            return None
        return self.shared_year([Part(month=first), Part(month=last)], required=True)

    def r_seasons(self) -> list[Part] | None:
        first = self.season()
        if first is None or not self.dash() or (last := self.season()) is None:
            return None
        self.take("of")
        parts = self.shared_year([Part(season=first), Part(season=last)], required=True)
        if parts and first == 24 and last != 24 and parts[0].year is not None:
            parts[0].year -= 1  # "winter–spring 1933" starts in December 1932
        return parts

    def r_points(self) -> list[Part] | None:
        first = self.point()
        if first is None or first[0].year is None or not self.dash():
            return None
        last = self.point()
        return None if last is None or last[0].year is None else first + last

    def core(self) -> Core | None:
        # In prose "about" is too often just a preposition ("what about 1934").
        approximate = self.take(*(_APPROXIMATE if self.lenient else _ABBREVIATED), kind="word")
        if approximate is not None and approximate.text.lower() in ("c", "ca", "approx"):
            self.take(".")
        phrase = self.attempt(self.phrase)
        parts = self.longest(
            [
                self.r_days_month,
                self.r_month_days,
                self.r_day_months,
                self.r_month_day_months,
                self.r_months,
                self.r_seasons,
                self.r_points,
                self.point,
            ]
        )
        if parts is None:
            return None
        # A question mark closing a range doubts all of it, like one after a single date.
        last = [t.text for t in self.tokens[max(self.pos - 3, 0) : self.pos]]
        closing = last[-1:] == ["?"] or last == ["[", "?", "]"]
        if self.qmark() or (closing and parts[-1].uncertain):
            for part in parts:
                part.uncertain = True
        return Core(parts, approximate is not None, phrase)

    def phrase(self) -> str | None:
        token = self.take("early", "mid", "late", "end", "beginning", "middle", kind="word")
        if token is None:
            return None
        word = token.text.lower()
        if word in ("end", "beginning", "middle"):
            return f"{word} of" if self.take("of") else None
        if word == "mid":
            self.dash()
            return "mid-"
        self.take("in")
        return word

    def bracketed_core(self) -> Core | None:
        if not self.take("["):
            return None
        core = self.core()
        return core if core is not None and self.take("]") else None

    def date(self) -> tuple[Core, bool] | None:
        """Parse one date here, and tell whether brackets enclose all of it (editors supplied it)."""
        core = self.attempt(self.bracketed_core)
        if core is not None:
            return core, True
        core = self.core()
        return None if core is None else (core, False)
