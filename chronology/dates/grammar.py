"""The grammar of printed dates: ranges, spans, termini and qualifiers over the single-date rules."""

from __future__ import annotations

from dataclasses import dataclass

from chronology.dates.points import ABBREVIATED, APPROXIMATE, Part, PointGrammar

# Words that make a date a terminus, and the side they leave open: "after" opens the end.
TERMINI = {
    "not earlier than": "after",
    "no earlier than": "after",
    "not before": "after",
    "after": "after",
    "not later than": "before",
    "no later than": "before",
    "not after": "before",
    "before": "before",
}


@dataclass
class Core:
    """A parsed date before it is a value: one part or a range's two, with its qualifiers."""

    parts: list[Part]
    approximate: bool
    phrase: str | None
    terminus: str | None = None  # the words of a terminus as printed, lower case: "not later than"
    between: bool = False  # "between A and B": one unknown date in the span, not a range


class Parser(PointGrammar):
    """The grammar of source dates; each rule returns None and rewinds when it fails."""

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

    def terminus(self) -> str | None:
        """Read the words of a terminus ("not later than"), longest first."""
        for words in sorted(TERMINI, key=len, reverse=True):
            saved = self.pos
            if all(self.take(word, kind="word") for word in words.split()):
                return words
            self.pos = saved
        return None

    def r_between(self) -> list[Part] | None:
        if not self.take("between", kind="word"):
            return None
        first = self.point() or self.attempt(self.day_list)
        if first is None or not self.take("and", kind="word"):
            return None
        last = self.point() or self.attempt(self.day_with_year)
        if last is None or len(first) != 1 or len(last) != 1:
            return None
        start, end = first[0], last[0]
        if end.month is None and end.day is not None:
            end.month = start.month  # "between August 17 and 20, 1936"
        if start.month is None and start.day is not None:
            start.month = end.month  # "between 17 and 20 August 1936"
        if start.year is None:
            start.year, start.year_bracketed = end.year, end.year_bracketed
        return [start, end] if end.year is not None and (start.day is None) == (end.day is None) else None

    def day_list(self) -> list[Part] | None:
        day = self.day()
        return None if day is None else [day]

    def day_with_year(self) -> list[Part] | None:
        days = self.day_list()
        return None if days is None else self.shared_year(days, required=True)

    def core(self) -> Core | None:
        terminus = self.attempt(self.terminus) if self.termini else None
        core = self.plain_core()
        if core is None or terminus is None:
            return core
        if core.phrase is not None or len(core.parts) != 1:
            return None  # "before the end of 1935" and "after 1–3 May" are not read as termini
        core.terminus = terminus
        return core

    def plain_core(self) -> Core | None:
        # In prose "about" is too often just a preposition ("what about 1934").
        approximate = self.take(*(APPROXIMATE if self.lenient else ABBREVIATED), kind="word")
        if approximate is not None and approximate.text.lower() in ("c", "ca", "approx"):
            self.take(".")
        phrase = self.attempt(self.phrase)
        between = self.attempt(self.r_between) if self.termini and phrase is None else None
        if between is not None:
            return Core(between, approximate is not None, None, between=True)
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

    def terminus_of_bracketed(self) -> Core | None:
        """Read "not later than [17 August 1936]": the editors' words before their date."""
        words = self.terminus()
        core = self.bracketed_core() if words is not None else None
        if core is None or core.phrase is not None or len(core.parts) != 1 or core.terminus is not None:
            return None
        core.terminus = words
        return core

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
        core = self.attempt(self.terminus_of_bracketed) if self.termini else None
        if core is not None:
            return core, True
        core = self.core()
        return None if core is None else (core, False)
