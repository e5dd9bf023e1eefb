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
    "s": ("5", 0.6),  # "5 s" for 55 in a folio list, "Lebedevs4" for note 54
    "g": ("9", 0.7),
    # Weaker shapes, each seen for more than one digit in the same scan ("5x1" for 511, "1x0"
    # for 120; "op. t" and "op. a" for 2): read with little trust, and see _ALTERNATIVES.
    "q": ("4", 0.6),
    "x": ("1", 0.5),
    "t": ("2", 0.5),
    "a": ("0", 0.4),
    # Cyrillic look-alikes where a scan or a typist mixed scripts: "9З" for 93, "4О" for 40.
    "З": ("3", 0.8),
    "О": ("0", 0.9),
    "о": ("0", 0.9),
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
# What the scan leaves of a digit it could not make out at all ("d. ~ o o z", "zo-~z").
UNREADABLE = "~"
# Two thin strokes the scan ran together into a quotation mark: "d. 5\"" for 511, "11. \"-19".
PAIR = '"'
_LETTERS = re.escape("".join(_OCR_DIGITS))
_OC = "[0-9" + _LETTERS + "]"
_OCU = "[0-9" + _LETTERS + UNREADABLE + "]"
# A stray space inside a number ("5 1 1") is joined only before a lone digit, so "d. 93 1. 5"
# keeps its folio marker. Letters the scan spaced out ("op. t r ,", "d. r a o j ,", "I Z S - Z")
# are joined only in a run of lone characters that ends the value: a comma, a stop or a dash.
_LONE = rf"[0-9{_LETTERS}{UNREADABLE}](?![\w.{UNREADABLE}])"
_JOIN = rf"\x20(?=[0-9](?![\w.])|{_LONE}(?:\x20{_LONE})*\s*(?:[,.;:)]|[-–—]|$))"
_SUFFIX = r"(?:[a-e]|sch)"  # op. 22a, f. 8131sch
_PAIRED = rf"(?<=[0-9]){PAIR}"
_VALUE = (
    rf"(?:[A-ZА-Я]{{1,2}}-\s?)?{_OCU}(?:{_OCU}|{_PAIRED}|{_JOIN})*{_SUFFIX}?(?![\w])"
    r"|[A-ZА-Я](?=\s?\.)"  # a lone capital, as in the misprint "Op. P."
)
VERSO = r"(?:\s?(?:rev|ob|об)\.?|\s?verso|v)(?![\w])"
_FIRST_NUMBER = rf"{_OCU}(?:{_OCU}|{_PAIRED}|{_JOIN})*(?:{VERSO}|(?![\w]))"
_NUMBER = rf"[0-9](?:{_OCU}|{_PAIRED}|{_JOIN})*(?:{VERSO}|(?![\w]))"
_DASH = r"\s*[-–—]\s*"
# After a comma, an item that opens with a letter is taken only as a range ("zo-~z", "jr-jj"):
# a lone word there is prose. After a full stop, only a range of plain digits ("77-78. 87-92").
_FOLIO_ITEM = rf"(?:{_NUMBER}(?:{_DASH}{_FIRST_NUMBER})?|{_FIRST_NUMBER}{_DASH}{_FIRST_NUMBER})"
_STOPPED_RANGE = r"[1-9][0-9]*\s*[-–—]\s*[0-9]+(?![\w])"
_FOLIOS = (
    rf"{_FIRST_NUMBER}(?:{_DASH}{_FIRST_NUMBER})?"
    rf"(?:\s*,\s*{_FOLIO_ITEM}|\.\s{_STOPPED_RANGE})*"
)

_FOND_MARK = r"(?:[Ff]ond\b|[Ff]\s?\.|f(?=\s?\d)|F(?=\s\d)|Ф\.)"
_OPIS_MARK = (
    r"(?:[Oo]pis'?(?![\w])|[OoAa]p\s?\.|OP\.|O[Dd]\.|[Oo]p(?=\s?\d)|[oa]p(?=\s?\d)|[oa]p(?=\s[0-9Il]\s*,)|Оп\.)"
)
_DELO_MARK = r"(?:[Dd]el[oa]\b|[Dd]\s?\.|[Dd](?=\s\d)|Д\.)"
# A file mark the scan left as a smudge ("op. Z I , ~ . zr95"): its place says what it was.
_LOST_DELO_MARK = rf"{UNREADABLE}\s?\.(?=\s*{_OC})"
_FOLIO_MARK = (
    r"(?<![\w])(?:[Ll]isty?\b|[Ll]\s?[Ll]\s?\.|[LlI1][lI1]\s?\.|[LlI1]\s?\.|ll(?=\s?\d)|[Ll]{1,2}(?=\s\d)|Лл?\.)"
)
# Between levels any run of stops, commas, colons or semicolons, or none ("F.558.Op.11", "F. 558: Op. 11").
_SEP = r"[\s.,:;]*"
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
    (?:{_SEP}(?P<dmark>{_DELO_MARK}|{_LOST_DELO_MARK})\s*(?P<delo>{_VALUE}))?
    (?:
        {_SEP}{_FOLIO_MARK}\s*(?P<folios>{_FOLIOS})
        # "d. 9741. 137": the folio mark ran into the file number, its space lost.
      | (?<=[0-9][1lI])\.\s?(?P<glued>{_FOLIOS})
    )?
    """,
    re.VERBOSE,
)

_CLEAN = re.compile(rf"(?:[A-ZА-Я]{{1,2}}-)?[0-9]+{_SUFFIX}?")
_REPAIRABLE = re.compile(rf"((?:[A-ZА-Я]{{1,2}}-)?)((?:{_OCU}|{_PAIRED})+?)({_SUFFIX}?)")
# How much less a reading is trusted when it was chosen among look-alikes by what exists.
_CHOSEN = 0.8
_PAIR_TRUST = 0.5  # '"' for 11 is seen, but the mark may as well be a lost digit of another kind
_MAX_READINGS = 1000


def _options(ch: str) -> tuple[str, ...]:
    """Return the digits one printed character may stand for, the likeliest first."""
    if ch.isdigit():
        return (ch,)
    if ch == UNREADABLE:
        return tuple("0123456789")
    if ch == PAIR:
        return ("11",)
    return (_OCR_DIGITS[ch][0], *_ALTERNATIVES.get(ch, ()))


def _primary(ch: str) -> str:
    return "?" if ch == UNREADABLE else _options(ch)[0]


def readings(printed: str) -> list[str]:
    """List every number a printed value may be, by the shapes the scan confuses (most likely first).

    A clean number has one reading; "gr2" has 912 and 922; "~ooz" has 1002 ... 9002 (a number
    does not start with 0). Empty when the value is not a number or allows too many readings.
    """
    compact = re.sub(r"\s+", "", printed)
    match = _REPAIRABLE.fullmatch(compact)
    if match is None:
        return []
    prefix, body, suffix = match.groups()
    return _spelled(prefix, body, suffix)


def _spelled(prefix: str, body: str, suffix: str) -> list[str]:
    options = [_options(ch) for ch in body]
    if math.prod(len(option) for option in options) > _MAX_READINGS:
        return []
    found = ["".join(digits) for digits in itertools.product(*options)]
    return [prefix + number + suffix for number in found if not number.startswith("0") or len(number) == 1]


def _choose(body: str, known: Collection[str], prefix: str, suffix: str) -> str | None:
    """Return the one reading of look-alike letters that names a known value, if just one does."""
    found = set(_spelled(prefix, body, suffix)) & set(known)
    return found.pop() if len(found) == 1 else None


def _what(ch: str, digit: str) -> str:
    if ch == UNREADABLE:
        return f"{ch!r} a digit the scan lost"
    if ch == PAIR:
        return f"{ch!r} as 11 (two strokes run together)"
    return f"{ch!r} as {digit}"


def _spell(body: str, digits: str) -> list[tuple[str, str]]:
    """Pair each printed character with the digits it was read as in a chosen reading."""
    pairs = []
    for ch in body:
        digit = next(option for option in _options(ch) if digits.startswith(option))
        pairs.append((ch, digit))
        digits = digits[len(digit) :]
    return pairs


def read_value(printed: str, known: Collection[str] = ()) -> tuple[str, Fix | None]:
    """Read a fond, opis, delo or folio number, repairing OCR noise; say what was repaired.

    `known` lists the values that exist at this level (a fond's inventories): where a letter
    may stand for more than one digit, the reading among them is preferred and so marked.
    A digit the scan lost (`~`) is read as `?` and the value marked unreadable, unless `known`
    leaves one reading.
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
    swaps = [(ch, _primary(ch)) for ch in body if not ch.isdigit()]
    reading = prefix + "".join(_primary(ch) for ch in body) + suffix
    trust = [_PAIR_TRUST if ch == PAIR else _OCR_DIGITS[ch][1] for ch, _ in swaps if ch != UNREADABLE]
    confidence = math.prod(trust, start=1.0) * (0.95 if spaces else 1.0)
    chosen = None
    if known and reading not in known:
        chosen = _choose(body, known, prefix, suffix)
        if chosen is None and suffix in _OCR_DIGITS:
            # "Ira": the a may be a digit rather than a suffix.
            body, suffix = body + suffix, ""
            chosen = _choose(body, known, prefix, suffix)
    if chosen is not None:
        pairs = [_what(ch, digit) for ch, digit in _spell(body, chosen[len(prefix) :]) if not ch.isdigit()]
        reason = (
            "OCR: "
            + ", ".join(pairs + spaces)
            + f" (the letters allow several digits; only {chosen} is a known value here)"
        )
        return chosen, Fix(printed, chosen, reason, round(confidence * _CHOSEN, 3))
    reason = "OCR: " + ", ".join([_what(ch, digit) for ch, digit in swaps] + spaces)
    if UNREADABLE in body:
        return reading, Fix(printed, None, f"{reason}; reads {reading}", round(0.3 * confidence, 3), "unreadable")
    return reading, Fix(printed, reading, reason, round(confidence, 3))
