"""How archival references are printed: the pattern that finds them, and OCR-tolerant reading."""

from __future__ import annotations

import math
import re
from typing import Literal, NamedTuple

VALUE_PARTS: tuple[Literal["fond", "opis", "delo"], ...] = ("fond", "opis", "delo")


class Fix(NamedTuple):
    """A printed value that could not be taken as printed."""

    as_printed: str
    reading: str | None
    reason: str
    confidence: float
    kind: Literal["repaired", "misprint", "unreadable"] = "repaired"


class SpanReading(NamedTuple):
    """A folio span as read: start and optional end, each maybe a verso."""

    start: str
    start_verso: bool
    end: str | None
    end_verso: bool


# Letters the OCR of a printed page puts in place of digits, and how far to trust the swap.
_OCR_DIGITS: dict[str, tuple[str, float]] = {
    "O": ("0", 0.9),
    "o": ("0", 0.9),
    "I": ("1", 0.9),
    "l": ("1", 0.9),
    "i": ("1", 0.85),
    "|": ("1", 0.85),
    "r": ("1", 0.7),
    "z": ("2", 0.75),
    "Z": ("2", 0.75),
    "j": ("3", 0.6),
    "S": ("5", 0.7),
    "g": ("9", 0.7),
}
_OC = "[0-9" + re.escape("".join(_OCR_DIGITS)) + "]"
# A stray space inside a number ("5 1 1") is joined only before a lone digit, so "d. 93 1. 5"
# keeps its folio marker.
_JOIN = r"\x20(?=[0-9](?![\w.]))"
_SUFFIX = r"(?:[a-e]|sch)"  # op. 22a, f. 8131sch
_VALUE = (
    rf"(?:[A-ZА-Я]{{1,2}}-\s?)?{_OC}(?:{_OC}|{_JOIN})*{_SUFFIX}?(?![\w])"
    r"|[A-ZА-Я](?=\s?\.)"  # a lone capital, as in the misprint "Op. P."
)
_VERSO = r"(?:\s?(?:rev|ob|об)\.?|\s?verso|v)(?![\w])"
_FIRST_NUMBER = rf"{_OC}(?:{_OC}|{_JOIN})*(?:{_VERSO}|(?![\w]))"
_NUMBER = rf"[0-9](?:{_OC}|{_JOIN})*(?:{_VERSO}|(?![\w]))"
_DASH = r"\s*[-–—]\s*"
_FOLIOS = (
    rf"{_FIRST_NUMBER}(?:{_DASH}{_FIRST_NUMBER})?"
    rf"(?:\s*,\s*{_NUMBER}(?:{_DASH}{_FIRST_NUMBER})?)*"
)

_FOND_MARK = r"(?:[Ff]ond\b|[Ff]\s?\.|f(?=\s?\d)|Ф\.)"
_OPIS_MARK = r"(?:[Oo]pis'?(?![\w])|[OoAa]p\s?\.|OP\.|O[Dd]\.|[oa]p(?=\s?\d)|Оп\.)"
_DELO_MARK = r"(?:[Dd]el[oa]\b|[Dd]\s?\.|Д\.)"
_FOLIO_MARK = (
    r"(?<![\w])(?:[Ll]isty?\b|[Ll]\s?[Ll]\s?\.|[LlI1][lI1]\s?\.|[LlI1]\s?\.|ll(?=\s?\d)|Лл?\.)"
)
_SEP = r"[\s.,]*"
_REPOSITORY = r"[A-ZА-Я][A-Za-zА-Яа-я0-9|!]{1,11}(?:\x20(?:RF|FSB|IML|РФ))?"

REFERENCE = re.compile(
    rf"""
    (?:
        (?<![\w])(?P<ibid>[Ii]bid\b\.?)
      | (?:
            (?<![\w])(?P<repo>{_REPOSITORY})(?:\)?[\s.,:]+|(?=[Ff]\s?\.))
          | (?<![\w|])
        )
        (?={_FOND_MARK})
    )
    (?:{_SEP}(?P<fmark>{_FOND_MARK})\s*(?P<fond>{_VALUE}))?
    (?:{_SEP}{_OPIS_MARK}\s*(?P<opis>{_VALUE}))?
    (?:{_SEP}{_DELO_MARK}\s*(?P<delo>{_VALUE}))?
    (?:{_SEP}{_FOLIO_MARK}\s*(?P<folios>{_FOLIOS}))?
    """,
    re.VERBOSE,
)

_CLEAN = re.compile(rf"(?:[A-ZА-Я]{{1,2}}-)?[0-9]+{_SUFFIX}?")
_REPAIRABLE = re.compile(rf"((?:[A-ZА-Я]{{1,2}}-)?)({_OC}+)({_SUFFIX}?)")


def read_value(printed: str) -> tuple[str, Fix | None]:
    """Read a fond, opis, delo or folio number, repairing OCR noise; say what was repaired."""
    printed = printed.strip()
    compact = re.sub(r"\s+", "", printed)
    spaces = ["stray spaces removed"] if compact != printed else []
    if _CLEAN.fullmatch(compact):
        return compact, (Fix(printed, compact, spaces[0], 0.95) if spaces else None)
    match = _REPAIRABLE.fullmatch(compact)
    if match is None:
        return compact, Fix(printed, None, "not a number", 0.3, "unreadable")
    prefix, body, suffix = match.groups()
    swaps = [(ch, *_OCR_DIGITS[ch]) for ch in body if not ch.isdigit()]
    reading = prefix + "".join(ch if ch.isdigit() else _OCR_DIGITS[ch][0] for ch in body) + suffix
    reason = "OCR: " + ", ".join([f"{ch!r} as {digit}" for ch, digit, _ in swaps] + spaces)
    confidence = math.prod((trust for _, _, trust in swaps), start=1.0) * (0.95 if spaces else 1.0)
    return reading, Fix(printed, reading, reason, round(confidence, 3))


_ITEM = re.compile(rf"\s*(?P<number>.+?)(?P<verso>{_VERSO})?\s*")


def _read_item(printed: str) -> tuple[str, bool, Fix | None]:
    match = _ITEM.fullmatch(printed)
    assert match is not None  # the REFERENCE pattern only lets numbers through
    number, fix = read_value(match.group("number"))
    return number, match.group("verso") is not None, fix


def _expand(start: str, end: str) -> str:
    """Expand an abbreviated range end: 168-78 is 168–178."""
    if start.isdigit() and end.isdigit() and len(end) < len(start):
        full = start[: len(start) - len(end)] + end
        if int(full) > int(start):
            return full
    return end


def read_folios(printed: str) -> tuple[list[SpanReading], list[Fix]]:
    """Read a folio list: "42–46", "55, 55v", "110 - 110 rev.", "17, 76, 86, 104"."""
    spans: list[SpanReading] = []
    fixes: list[Fix] = []
    for item in printed.split(","):
        ends = re.split(_DASH, item.strip(), maxsplit=1)
        start, start_verso, fix = _read_item(ends[0])
        fixes += [fix] if fix is not None else []
        if len(ends) == 1:
            spans.append(SpanReading(start, start_verso, None, False))
            continue
        end, end_verso, fix = _read_item(ends[1])
        fixes += [fix] if fix is not None else []
        end = _expand(start, end)
        if start.isdigit() and end.isdigit() and int(end) < int(start):
            fixes.append(
                Fix(item.strip(), None, "the range ends before it starts", 0.5, "unreadable")
            )
        spans.append(SpanReading(start, start_verso, end, end_verso))
    return spans, fixes
