"""Folio lists as printed: spans, abbreviated ends, and look-alike letters read by the order of the leaves."""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronology.archives.syntax import UNREADABLE, VERSO, Fix, SpanReading, read_value, readings

# Items are separated by commas, and sometimes by a full stop the scan put for one ("77-78. 87-92").
_ITEMS = re.compile(r"\s*,\s*|(?<=[0-9])\.\s(?=[1-9])")
_DASH = re.compile(r"\s*[-–—]\s*")
_ITEM = re.compile(rf"\s*(?P<number>.+?)(?P<verso>{VERSO})?\s*")
# How much less a reading is trusted when the order of the leaves chose it among look-alikes.
_ORDERED = 0.8


@dataclass
class _Value:
    """One printed folio number: its first reading, the readings its letters allow, and the repair."""

    printed: str
    reading: str
    verso: bool
    options: list[str]
    fix: Fix | None

    @property
    def settled(self) -> bool:
        return len(self.options) <= 1 and UNREADABLE not in self.printed


def _read(printed: str) -> _Value:
    match = _ITEM.fullmatch(printed)
    assert match is not None  # the REFERENCE pattern only lets numbers through
    number = match.group("number")
    reading, fix = read_value(number)
    options = readings(number) if fix is not None else [reading]
    return _Value(number.strip(), reading, match.group("verso") is not None, options, fix)


def _expand(start: str, end: str) -> str:
    """Expand an abbreviated range end: 168-78 is 168–178."""
    if start.isdigit() and end.isdigit() and len(end) < len(start):
        full = start[: len(start) - len(end)] + end
        if int(full) > int(start):
            return full
    return end


def _floor(value: _Value) -> int | None:
    numbers = [int(option) for option in value.options if option.isdigit()]
    return min(numbers) if numbers else None


def _settle(value: _Value, low: int | None, high: int | None, start: str | None) -> None:
    """Choose among a value's readings the one that keeps the leaves in order, if only one does.

    `low` is the leaf before (an end must lie beyond its own start), `high` the next span's
    first leaf; `start` is the span's start, against which an abbreviated end is expanded.
    """
    if value.settled:
        return
    strict = start is not None

    def fits(option: str) -> bool:
        number = int(_expand(start, option) if start is not None else option)
        above = low is None or (number > low if strict else number >= low)
        return above and (high is None or number <= high)

    fitting = [option for option in value.options if fits(option)]
    if UNREADABLE not in value.printed and value.reading in fitting:
        return
    if len(fitting) != 1:
        return
    chosen = fitting[0]
    base = value.fix.confidence if value.fix is not None else 1.0
    trust = base / 0.3 if UNREADABLE in value.printed else base  # undo the unreadable discount
    reason = (
        f"OCR: {value.printed!r} allows {', '.join(value.options[:6])}{'…' if len(value.options) > 6 else ''};"
        f" only {chosen} keeps the folios in order"
    )
    value.reading = chosen
    value.fix = Fix(
        value.printed, chosen, reason, round(trust * _ORDERED * (0.6 if UNREADABLE in value.printed else 1), 3)
    )


def read_folios(printed: str) -> tuple[list[SpanReading], list[Fix]]:
    """Read a folio list: "42–46", "55, 55v", "110 - 110 rev.", "17, 76, 86, 104", "14-16,zo-~z"."""
    spans = [[_read(end) for end in _DASH.split(item.strip(), maxsplit=1)] for item in _ITEMS.split(printed.strip())]
    previous: int | None = None
    for index, ends in enumerate(spans):
        following = spans[index + 1][0] if index + 1 < len(spans) else None
        high = _floor(following) if following is not None else None
        _settle(ends[0], previous, high, None)
        first = int(ends[0].reading) if ends[0].reading.isdigit() else _floor(ends[0])
        if len(ends) == 2:
            start = ends[0].reading if ends[0].reading.isdigit() else None
            _settle(ends[1], first, high, start)
        last = ends[-1].reading if len(ends) == 1 else _expand(ends[0].reading, ends[1].reading)
        previous = int(last) if last.isdigit() else first
    readings_: list[SpanReading] = []
    fixes: list[Fix] = []
    for ends in spans:
        fixes += [value.fix for value in ends if value.fix is not None]
        opening = ends[0]
        if len(ends) == 1:
            readings_.append(SpanReading(opening.reading, opening.verso, None, False))
            continue
        end = _expand(opening.reading, ends[1].reading)
        if opening.reading.isdigit() and end.isdigit() and int(end) < int(opening.reading):
            text = f"{opening.printed}-{ends[1].printed}"
            fixes.append(Fix(text, None, "the range ends before it starts", 0.5, "unreadable"))
        readings_.append(SpanReading(opening.reading, opening.verso, end, ends[1].verso))
    return readings_, fixes
