"""How archival references are printed: the pattern that finds them, and OCR-tolerant reading."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Collection
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
    # Weaker shapes, each seen for more than one digit in the same scan ("5x1" for 511, "1x0"
    # for 120; "op. t" and "op. a" for 2): read with little trust, and see _ALTERNATIVES.
    "q": ("4", 0.6),
    "x": ("1", 0.5),
    "t": ("2", 0.5),
    "a": ("0", 0.4),
}
# Where a letter stands for more than one digit, the other digits it may be. Tried only
# when the caller knows which readings exist (a fond's inventories), never on clean digits.
_ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "r": ("2",),
    "x": ("2",),
    "t": ("1",),
    "I": ("2",),
    "a": ("2",),
}
_OC = "[0-9" + re.escape("".join(_OCR_DIGITS)) + "]"
# A stray space inside a number ("5 1 1") is joined only before a lone digit, so "d. 93 1. 5"
# keeps its folio marker; a lone look-alike letter is joined only just before the comma that
# ends the value ("op. t r , d.").
_JOIN = r"\x20(?=[0-9](?![\w.])|[rtzIlij](?=(?:\x20[rtzIlij0-9])*\s*,))"
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
_OPIS_MARK = r"(?:[Oo]pis'?(?![\w])|[OoAa]p\s?\.|OP\.|O[Dd]\.|[oa]p(?=\s?\d)|[oa]p(?=\s[0-9Il]\s*,)|Оп\.)"
_DELO_MARK = r"(?:[Dd]el[oa]\b|[Dd]\s?\.|Д\.)"
_FOLIO_MARK = r"(?<![\w])(?:[Ll]isty?\b|[Ll]\s?[Ll]\s?\.|[LlI1][lI1]\s?\.|[LlI1]\s?\.|ll(?=\s?\d)|Лл?\.)"
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
_REPAIRABLE = re.compile(rf"((?:[A-ZА-Я]{{1,2}}-)?)({_OC}+?)({_SUFFIX}?)")
# How much less a reading is trusted when it was chosen among look-alikes by what exists.
_CHOSEN = 0.8


def _choose(body: str, known: Collection[str], prefix: str, suffix: str) -> str | None:
    """Return the one reading of look-alike letters that names a known value, if just one does."""
    options = [(ch,) if ch.isdigit() else (_OCR_DIGITS[ch][0], *_ALTERNATIVES.get(ch, ())) for ch in body]
    readings = {prefix + "".join(digits) + suffix for digits in itertools.product(*options)}
    found = readings & set(known)
    return found.pop() if len(found) == 1 else None


def read_value(printed: str, known: Collection[str] = ()) -> tuple[str, Fix | None]:
    """Read a fond, opis, delo or folio number, repairing OCR noise; say what was repaired.

    `known` lists the values that exist at this level (a fond's inventories): where a letter
    may stand for more than one digit, the reading among them is preferred and so marked.
    """
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
    confidence = math.prod((trust for _, _, trust in swaps), start=1.0) * (0.95 if spaces else 1.0)
    chosen = None
    if known and reading not in known:
        chosen = _choose(body, known, prefix, suffix)
        if chosen is None and suffix in _OCR_DIGITS:
            # "Ira": the a may be a digit rather than a suffix.
            body, suffix = body + suffix, ""
            chosen = _choose(body, known, prefix, suffix)
    if chosen is not None:
        digits = chosen[len(prefix) : len(prefix) + len(body)]
        pairs = [f"{ch!r} as {digit}" for ch, digit in zip(body, digits, strict=True) if not ch.isdigit()]
        reason = (
            "OCR: "
            + ", ".join(pairs + spaces)
            + f" (the letters allow several digits; only {chosen} is a known value here)"
        )
        return chosen, Fix(printed, chosen, reason, round(confidence * _CHOSEN, 3))
    reason = "OCR: " + ", ".join([f"{ch!r} as {digit}" for ch, digit, _ in swaps] + spaces)
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
            fixes.append(Fix(item.strip(), None, "the range ends before it starts", 0.5, "unreadable"))
        spans.append(SpanReading(start, start_verso, end, end_verso))
    return spans, fixes
