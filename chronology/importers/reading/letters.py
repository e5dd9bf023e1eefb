"""The parts of a letter or telegram around its text: dispatch lines, marks, signature."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from chronology.dates.fuzzy import DateParseError, FuzzyDate, parse_date
from chronology.importers.reading.keys import surname
from chronology.importers.records import Annotation, ReviewItem

MONTHS = (
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
MONTH_RE = "|".join(MONTHS)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}
_ROMAN |= {"X": 10, "XI": 11, "XII": 12}

# A printed name: optional initials, a capitalised word, perhaps an editor's [completion].
NAME = r"(?:[A-Z]\.\s?){0,3}[A-Z][\w’'\-]*(?:\[[^\]]*\][\w’']*)?"
_NAME_RE = re.compile(NAME)
_NAME_LINE = re.compile(rf"(?:{NAME}[\s,.]*)+")
# A footnote marker standing before punctuation or at the end of a line: "Kaganovich 2 ."
_MARKER = re.compile(r"(?<=[^\s\d])\s?\d{1,2}(?=\s?[.,;:!?]|\s*$)")

_KIND = re.compile(
    r"^(Encryption|Encrypted|Cipher(?:ed)?(?:[- ]telegram)?|Telegram|Ticker[- ]tape)\s*\.?\s*$",
    re.I,
)
_KIND_NAMES = {"encrypted": "encryption", "ciphered": "cipher", "ticker tape": "ticker-tape"}
_CLASS_WORDS = (
    r"Copy|Top secret|S\. secret|Strictly secret|Secret|Strictly confidential|Confidential|"
    r"Special (?:file|folder)|Personal(?:ly)?"
)
_CLASSIFICATION = re.compile(rf"^(?:(?:{_CLASS_WORDS})\s*[.,]?\s*)+$", re.I)
_CLASS_WORD = re.compile(_CLASS_WORDS, re.I)
_VIA = re.compile(r"^\((via [^)]+)\)\s*$")
_IN_NO = re.compile(r"^In\.\s*No\.\s*(?P<num>[\w/]+?)\.?$")
_SECRETARY_NO = re.compile(r"^(?:No\.|#)\s*(?P<num>\d+(?:\s+and\s+\d+)?)\s*\.?$")
_SENT = re.compile(
    r"^Sent\s+(?P<h>\d{1,2})[-–:.](?P<m>\d{2})\s+(?P<d>\d{1,2})[./](?P<mo>\d{1,2})[./](?P<y>\d{2,4})\.?$"
)
_DEPARTED = re.compile(
    r"^Departed from (?P<place>[A-Z][\w-]+)\s+on\s+(?P<h>\d{1,2})[-–:](?P<m>\d{2})\s+"
    r"(?P<d>\d{1,2})/(?P<mo>\d{1,2})\.(?P<y>\d{2,4})\.?$"
)
_RECEIVED = re.compile(
    rf"^(?:Entered|Received)\b.*?\s(?:on\s+)?(?:(?P<long>(?:{MONTH_RE})\s+\d{{1,2}},\s*\d{{4}})|"
    r"(?P<d>\d{1,2})[./](?P<mo>\d{1,2})[./](?P<y>\d{2,4}))[,\s]+(?P<h>\d{1,2})[-–:](?P<m>\d{2})\.?$"
)
_FROM = re.compile(
    r"^From (?P<place>[A-Z][a-z]+)(?:\s+on)?\s+"
    r"(?P<d>\d{1,2})\s*[/.]\s*(?P<mo>[IVXHT]{1,5}|\d{1,2})\s*[-–./]?\s*(?P<y>\d{2,4})"
    r"(?:\s+at\s+(?P<h>\d{1,2})(?::\d{2})?(?:\s*o'clock)?\.?\s*(?P<m>\d{1,2})\s*min(?:utes|\.)?)?"
    r"\.?(?:\s*In\.\s*No\.\s*(?P<num>[\w/]+?)\.?)?\s*$"
)
_TELEGRAM = re.compile(
    r"^(?:From (?P<p1>[A-Z][a-z]+)\s*\.\s*)?Telegram(?:\s+number)?(?:\s+(?P<num>(?:HP\s*)?\d+))?"
    r"(?:\s+from\s+(?P<p2>[A-Z][a-z]+))?\s*\.?(?:\s*Nr\s*(?P<nr>\d+))?\s*\.?$"
)
_TRANSMITTED = re.compile(
    rf"^Transmitted\s+(?P<long>(?:{MONTH_RE})\s+\d{{1,2}},\s*\d{{4}})\s+(?P<h>\d{{1,2}})\s*hours?\.?"
    r"\s*(?P<m>\d{1,2})\s*min"
)
_MARK_DATE = re.compile(
    r"^(?P<d>\d{1,2})\s*[/.]\s*(?P<mo>[IVXHT]{1,5}|\d{1,2})(?:\s*[./]\s*|\s*[-–]\s*)?(?P<y>\d{4}|\d{2})?"
    r"\s*(?:years?)?\.?(?:\s*(?P<h>\d{1,2})\s*(?:hours?|o'clock)\.?\s*(?P<m>\d{1,2})\s*min(?:utes)?\.?)?"
    r"(?:\s+\d{1,2})?\s*\.?$"
)
_MARK_TIME = re.compile(
    r"^(?:(?P<h>\d{1,2})\s*(?:hours?|o'clock)\.?\s*(?P<m>\d{1,2})\s*min(?:utes)?\.?|"
    r"(?P<h2>\d{1,2})[–-](?P<m2>\d{2}))(?:\s+\d{1,2})?\s*\.?$"
)
_PLACE_LINE = re.compile(r"^(?P<place>[A-Z][a-z]{3,})\s*\.$")
_OUTGOING = re.compile(r"(?:^|(?<=\s))(HP\s*\d+|No\.\s*\d+/sh|Nr\s*\d+(?:,\s*\d+)*|No\.\s*\d+)\s*\.?(?=\s|$)")
_CLOSING = re.compile(rf"\b(?:[Yy]ours?)\s+(?P<names>{NAME})\s*\.?$")
_BODY_WORDS = re.compile(
    r"\b(Committee|Politburo|PB|Council|Commissariat|Bureau|Presidium|Secretariat|Orgburo|CC|"
    r"International|Government|NKVD|NKPS|TASS)\b"
)


@dataclass
class LetterFacts:
    """What the lines around a letter's text say about its sending, receipt and marks."""

    kinds: list[str] = field(default_factory=list)
    sent: str | None = None
    sent_date: FuzzyDate | None = None
    sent_time: str | None = None
    sent_line: int | None = None
    received: str | None = None
    received_date: FuzzyDate | None = None
    received_time: str | None = None
    received_line: int | None = None
    incoming_number: str | None = None
    outgoing_number: str | None = None
    secretary_number: str | None = None
    classification: list[str] = field(default_factory=list)
    place: str | None = None
    date_line: FuzzyDate | None = None
    annotations: list[Annotation] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)


def strip_markers(text: str) -> str:
    """Remove footnote markers such as the `2` in `Kaganovich 2 .`."""
    return _MARKER.sub("", text)


def is_body(name: str) -> bool:
    """Tell whether a printed party is an institution rather than a person."""
    return bool(_BODY_WORDS.search(name))


def split_names(text: str) -> list[str]:
    """Split a header's party list (`Kaganovich, Ordzhonikidze and Chubar`) into names."""
    parts = re.split(r",\s*|\s+and\s+", strip_markers(text))
    return [p.strip(" .") for p in parts if p.strip(" .")]


def hhmm(hours: str | None, minutes: str | None) -> str | None:
    """Format an hour and minute as `21:52`."""
    if hours is None or minutes is None:
        return None
    return f"{int(hours):02d}:{int(minutes):02d}"


def month_number(token: str) -> tuple[int, bool] | None:
    """Read an Arabic or Roman month; the flag says an OCR misreading (`VHI`) was repaired."""
    if token.isdigit():
        value = int(token)
        return (value, False) if 1 <= value <= 12 else None
    repaired = token.upper().replace("H", "II").replace("T", "I")
    roman = _ROMAN.get(repaired)
    if roman is None:
        return None
    return roman, repaired != token.upper()


def day_date(day: str, month: int, year: str | None, default_year: int | None, verbatim: str = "") -> FuzzyDate | None:
    """Build a day-precision date from numeric parts; two-digit years are in the 1900s."""
    if year is not None:
        full = int(year) + 1900 if len(year) == 2 else int(year)
    elif default_year is not None:
        full = default_year
    else:
        return None
    try:
        date = parse_date(f"{MONTHS[month - 1]} {int(day)}, {full}")
    except DateParseError:
        return None
    # The printed form stays the verbatim even though we read it through a spelled-out one.
    return replace(date, verbatim=verbatim) if verbatim else date


def safe_date(text: str, default_year: int | None = None) -> FuzzyDate | None:
    """Parse a printed date, or give None when it cannot be read."""
    try:
        return parse_date(text, default_year=default_year)
    except DateParseError:
        return None


def _numeric(match: re.Match[str], line: int, facts: LetterFacts, default_year: int | None) -> FuzzyDate | None:
    month = month_number(match["mo"])
    if month is None:
        facts.review.append(ReviewItem(line, "month cannot be read", match.group(0)))
        return None
    if month[1]:
        facts.review.append(ReviewItem(line, "Roman month misprinted; read as month " + str(month[0]), match.group(0)))
    return day_date(match["d"], month[0], match["y"], default_year, _date_text(match))


def _date_text(match: re.Match[str]) -> str:
    start, end = match.start("d"), match.end("y") if match["y"] else match.end("mo")
    return match.string[start:end]


def read_front_line(text: str, line: int, facts: LetterFacts, default_year: int | None) -> bool:
    """Record one line that precedes a letter's text; False when the line is the text itself."""
    if m := _KIND.match(text):
        kind = re.sub(r"[- ]telegram$", " telegram", m[1].lower())
        kind = re.sub(r"^ciphered\b", "cipher", kind)
        facts.kinds.append(_KIND_NAMES.get(kind, kind))
    elif _CLASSIFICATION.match(text):
        facts.classification.extend(w.capitalize() for w in _CLASS_WORD.findall(text))
    elif m := _VIA.match(text):
        facts.annotations.append(Annotation("secretary_mark", m[1], line=line))
    elif m := _IN_NO.match(text):
        facts.incoming_number = m["num"]
    elif m := _SECRETARY_NO.match(text):
        facts.secretary_number = m["num"]
    elif m := _SENT.match(text):
        _set_sent(
            facts,
            text,
            line,
            day_date(m["d"], int(m["mo"]), m["y"], default_year, _date_text(m)),
            m,
        )
    elif m := _DEPARTED.match(text):
        facts.place = facts.place or m["place"]
        _set_sent(
            facts,
            text,
            line,
            day_date(m["d"], int(m["mo"]), m["y"], default_year, _date_text(m)),
            m,
        )
    elif m := _FROM.match(text):
        facts.place = facts.place or m["place"]
        _set_sent(facts, text, line, _numeric(m, line, facts, default_year), m)
        if m["num"]:
            facts.incoming_number = m["num"]
    elif m := _TELEGRAM.match(text):
        facts.kinds.append("telegram")
        facts.place = facts.place or m["p1"] or m["p2"]
        number = m["nr"] or m["num"]
        if number:
            facts.outgoing_number = facts.outgoing_number or number
    elif m := _RECEIVED.match(text):
        date = safe_date(m["long"]) if m["long"] else _numeric(m, line, facts, default_year)
        facts.received, facts.received_date = text, date
        facts.received_time, facts.received_line = hhmm(m["h"], m["m"]), line
    elif m := _TRANSMITTED.match(text):
        _set_sent(facts, text, line, safe_date(m["long"]), m)
    else:
        return False
    return True


def read_back_line(text: str, line: int, facts: LetterFacts, default_year: int | None, names: set[str]) -> bool:
    """Record one mark after a letter's text (dates, times, numbers, place); False for text."""
    bare = text.strip()
    if m := _SECRETARY_NO.match(bare):
        facts.secretary_number = m["num"]
        facts.annotations.append(Annotation("secretary_mark", bare, line=line))
    elif m := _TRANSMITTED.match(bare):
        _set_sent(facts, bare, line, safe_date(m["long"]), m)
    elif m := _MARK_DATE.match(bare):
        facts.annotations.append(Annotation("secretary_mark", bare, line=line))
        if facts.sent is None:
            _set_sent(facts, bare, line, _numeric(m, line, facts, default_year), m)
    elif m := _MARK_TIME.match(bare):
        facts.annotations.append(Annotation("secretary_mark", bare, line=line))
        if facts.sent_line is not None and facts.sent_time is None:
            facts.sent_time = hhmm(m["h"] or m["h2"], m["m"] or m["m2"])
    elif (m := _PLACE_LINE.match(bare)) and m["place"].lower() not in names:
        facts.place = m["place"]
    else:
        return False
    return True


def _set_sent(facts: LetterFacts, text: str, line: int, date: FuzzyDate | None, match: re.Match[str]) -> None:
    if facts.sent is not None:
        facts.annotations.append(Annotation("secretary_mark", text, line=line))
        return
    facts.sent, facts.sent_date, facts.sent_line = text, date, line
    groups = match.groupdict()
    facts.sent_time = hhmm(groups.get("h"), groups.get("m"))


def outgoing_number(lines: list[str]) -> str | None:
    """Find the sender's number (`HP 2`, `No. 1132/sh`, `Nr 22, 23`) at the end of the text."""
    for text in reversed(lines[-3:]):
        found = _OUTGOING.findall(text)
        if found:
            return str(found[-1]).strip()
    return None


def _known(name: str, authors: set[str]) -> bool:
    key = surname(name).lower()
    if len(key) < 4:
        return key in authors
    # Printed spellings differ between header and signature (Yezhov / Ezhov).
    return any(key == a or key.endswith(a[1:]) or a.endswith(key[1:]) for a in authors)


def _names(text: str) -> list[str]:
    return [n.strip() for n in _NAME_RE.findall(text)]


def find_signature(lines: list[str], author_names: list[str]) -> tuple[int, list[str]] | None:
    """Find the signature among the text lines, last first: the line index and the names signed."""
    authors = {surname(a).lower() for a in author_names}
    for index in range(len(lines) - 1, -1, -1):
        text = strip_markers(lines[index]).strip()
        if m := _CLOSING.search(text):
            return index, _names(m["names"])
        if _NAME_LINE.fullmatch(text) and any(_known(n, authors) for n in _names(text)):
            return index, _names(text)
        signed: list[str] = []
        for sentence in reversed(re.split(r"(?<=[.!?])\s+", text)):
            names = _names(sentence)
            if not _NAME_LINE.fullmatch(sentence.strip()) or not all(_known(n, authors) for n in names):
                break
            signed = names + signed
        if signed:
            return index, signed
    return None
