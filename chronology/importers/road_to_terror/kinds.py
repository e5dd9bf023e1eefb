"""Road to Terror document titles: the note marker, the trailing date, the kind, the parties."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from chronology.importers.road_to_terror.pages import repair_number

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# OCR misreads of capitals in month names seen in this scan ("Tanuary", "Seotember").
_MONTH_FIXES = {
    "Tanuary": "January",
    "Fehruary": "February",
    "Seotember": "September",
    "Seutember": "September",
    "luly": "July",
    "Febmary": "February",
}
_JUNK = "'\"*^~=+`‘’“”"
# The fourth digit of a year printed as a letter: "193Z", "193S", "193V", "193W".
_YEAR_DIGIT = {
    "S": "5",
    "s": "5",
    "Z": "2",
    "z": "2",
    "V": "5",
    "W": "6",
    "P": "5",
    "o": "0",
    "g": "9",
}
_YEAR_TAIL = re.compile(r"19\s?([1-5])\s?([0-9SsZzVWPog])(\S*)$")
_DATE_WORD = (
    rf"(?:\d{{1,2}}|{_MONTHS}|Spring|Summer|Fall|Autumn|Winter|end|late|early|mid|of|to|c\."
    r"|\[\?\]|\?|and|-|,|\[|\()"
)
_TRAILING_DATE = re.compile(rf"(?:{_DATE_WORD}\s*)*$")
_GLUED_NOTE = re.compile(r"(?<=[A-Za-z\]\)\.])([0-9][0-9]?)$")


@dataclass(frozen=True)
class TitleParts:
    """A title split into its wording, its trailing date and its note number."""

    title: str
    date_text: str | None
    note: int | None
    year_repaired: bool  # a letter in the year had to be read as a digit
    marker_text: str = ""  # the marks after the title the note number was read from


def fix_months(text: str) -> str:
    """Mend the OCR misreadings of month names this scan makes (``Seotember``)."""
    for wrong, right in _MONTH_FIXES.items():
        text = text.replace(wrong, right)
    return text


def _split_year(text: str) -> tuple[str, str, bool] | None:
    """Split ``... 193658`` into ``... 1936`` and the note token ``58``."""
    match = _YEAR_TAIL.search(text)
    if match is None:
        return None
    fourth = match.group(2)
    repaired = not fourth.isdigit()
    year = "19" + match.group(1) + (_YEAR_DIGIT.get(fourth, fourth) if repaired else fourth)
    rest = match.group(3)
    head = text[: match.start()]
    # An editorial bracket closed after the year reads as "]" , "1" or "I" before the note.
    if "[" in head[head.rfind("]") + 1 :] and rest[:1] in ("]", "1", "I", "l"):
        year += "]"
        rest = rest[1:]
    return head + year, rest, repaired


def _marker_candidates(token: str) -> list[tuple[int, int]]:
    """Read a note marker glued to a word: ``58``, ``'6`` (16), ``S9`` (59), ``6O`` (60)."""
    found: list[tuple[int, int]] = []
    for size in range(1, min(len(token), 3) + 1):
        tail = token[-size:]
        for reading in {tail, tail.replace("'", "1"), tail.lstrip("'\"")}:
            # "zs" is 25: letters no English word ends with are read as digits too.
            mangled = re.search(r"[zZjg]", reading) is not None
            number = repair_number(reading, letters_only=mangled) if reading else None
            if number is not None and number > 0:
                found.append((size, number))
    return found


def _pick(candidates: list[tuple[int, int]], known: Collection[int], expected: int | None) -> tuple[int, int] | None:
    present = [c for c in candidates if c[1] in known]
    if not present:
        return None
    if expected is not None:
        return min(present, key=lambda c: (abs(c[1] - expected), -c[0]))
    return max(present)


def split_title(raw: str, known_notes: Collection[int] = (), expected: int | None = None) -> TitleParts:
    """Separate a printed title from its trailing date and the footnote marker glued to it."""
    text = fix_months(re.sub(r"\b1 9 3 (\S)", r"193\1", raw.strip()))
    text = text.replace("[?I", "[?]").replace("[ ?I", "[?]")
    # An opening bracket read as a capital I: "Ic. February", "Iend of".
    text = re.sub(r"\sI(?=c\.|end of|late |early )", " [", text)
    year_split = _split_year(text.rstrip(_JUNK + " "))
    spaced = re.search(r"\b1 9 3 \S", raw) is not None
    note: int | None = None
    token = ""
    repaired = spaced
    if year_split is not None:
        text, token, year_fixed = year_split
        repaired = repaired or year_fixed
        token = token.strip(_JUNK)
        picked = _pick(_marker_candidates(token), known_notes, expected) if token else None
        if picked is not None:
            note = picked[1]
        elif token.isdigit():
            note = int(token)
    else:
        stripped = text.rstrip(" ")
        tail = re.search(r"[0-9'\"*^~=+`lIiozZsSgBjJqO]{1,4}$", stripped)
        token = tail.group(0) if tail else ""
        picked = _pick(_marker_candidates(token), known_notes, expected) if token else None
        if picked is not None:
            note = picked[1]
            text = stripped[: len(stripped) - picked[0]]
        else:
            glued = _GLUED_NOTE.search(stripped.rstrip(_JUNK))
            if glued is not None:
                note = int(glued.group(1))
                text = stripped.rstrip(_JUNK)[: glued.start()]
    text = text.rstrip(_JUNK + " ")
    date_text: str | None = None
    if year_split is not None:
        cut = 5 if text.endswith("]") else 4
        date_match = _TRAILING_DATE.search(text[:-cut])
        start = date_match.start() if date_match else len(text) - cut
        date_text = re.sub(r"^(?:of|,)\s+", "", text[start:].strip(" ,."))
        if "[" in date_text and "]" not in date_text:
            date_text += "]"
        text = text[:start]
    title = text.strip().rstrip(",.;: ").strip()
    title = re.sub(r"\bversion l\b", "version 1", title)
    return TitleParts(re.sub(r"\s{2,}", " ", title), date_text, note, repaired, token)


# Kinds, tried in order; the first pattern found in the lower-cased title wins.
_KIND_RULES: tuple[tuple[str, str], ...] = (
    ("suicide note", "note"),
    (r"explanatory (?:statement|note)", "note"),
    (r"\bvote on\b", "protocol_extract"),
    (r"tele\w{0,2}am", "telegram"),
    (r"\bspeech|exchange at|discussion at the plenum|report to the .*plenum", "speech"),
    (r"report to a conference|report to .*plenum|'s report to", "speech"),
    (r"\bprotocol\b", "protocol_extract"),
    (r"\bdecree\b|\blaw of\b", "decree"),
    (r"\bcircular\b", "circular"),
    (r"\border\b", "order"),
    (r"\bresolution\b|\bproposal\b", "resolution"),
    (r"\bletter\b|\bstatement\b", "letter"),
    (r"\bmemo(?:randum)?\b", "memorandum"),
    (r"\breport\b|\binformation\b|r.sum.", "report"),
    (r"\bdecision\b|\bappointment\b|\bestablishment\b|\bformation\b", "protocol_extract"),
)

_BODIES = (
    ("Orgburo", "Orgburo"),
    ("Secretariat", "Secretariat"),
    ("Politburo", "Politburo"),
    ("buro", "Azov-Black Sea Territorial Committee buro"),
    ("Plenum of the CC", "Central Committee"),
    ("plenum of the CC", "Central Committee"),
)


# The document's own opening says it is an extract, whatever word the editors' title uses.
_EXTRACT = re.compile(r"^\W*(?:(?:An?\s+)?(?:Extract|Excerpt)\s+from|From)\s+(?:the\s+)?Protocol\b", re.I | re.M)


def classify(title: str, header: str) -> str:
    """Name the kind of document from the lines that head it, else from the editors' title."""
    if _EXTRACT.search(header):
        return "protocol_extract"
    lowered = title.lower()
    for pattern, kind in _KIND_RULES:
        if re.search(pattern, lowered):
            if kind in {"resolution", "order"} and _has_protocol(header) and "decision" in lowered:
                return "protocol_extract"
            return kind
    if _has_protocol(header):
        return "protocol_extract"
    if re.search(r"\bdecree\b", header, re.IGNORECASE):
        return "decree"
    return "report"


def _has_protocol(header: str) -> bool:
    return re.search(r"Protocol\s*#|protocol of the", header) is not None


def deciding_body(title: str, header: str) -> str | None:
    """Return the body whose protocol or resolution a document is (Politburo, Orgburo...)."""
    match = re.search(r"[Pp]rotocol[^.]{0,40}?of\s*the\s*(?:meeting of the\s+)?(\w+)", header)
    if match is not None:
        word = match.group(1)
        for key, body in _BODIES:
            if word.startswith(key) or word == key:
                return body
        if word in {"Plenum", "plenum"}:
            return "Central Committee"
        if match.group(0)[0] == "p" or header[: match.start()].strip().lower().endswith("extract from"):
            return None  # another body's protocol: the title's "CC" is what it discussed, not who decided
    for key, body in _BODIES:
        if key in title or key in header[:200]:
            return body
    if re.search(r"\bCC\b|Central Committee", title):
        return "Central Committee"
    return None


_PROTOCOL_NUMBER = re.compile(r"Protocol\s*#\s*([0-9IlOoz][0-9IlOozS]{0,3}[A-Z]?)")
_ITEM = re.compile(
    r"^(?:\.\s*)*(?:(\d{1,3}/\d{1,3})\s|Item\s*#\s*(\d{1,3})\b|#\s?(\d{1,3})[.:]\s|(\d{1,3})\.\s+(?:Re|RE|On)\b)"
)


def protocol_number(header: str) -> str | None:
    """Return the protocol number a header names, repairing OCR (``#I40`` is 140)."""
    match = _PROTOCOL_NUMBER.search(header)
    if match is None:
        return None
    token = match.group(1)
    letter = token[-1] if token[-1] == "A" else ""
    number = repair_number(token.rstrip("A"))
    return f"{number}{letter}" if number is not None else None


def protocol_item(lines: Collection[str]) -> str | None:
    """Return the item number of a protocol extract (``17/10``, ``#54``, ``Item #305``)."""
    for line in lines:
        match = _ITEM.search(line.strip())
        if match is not None:
            return next(group for group in match.groups() if group)
    return None


_BODY_WORDS = re.compile(
    r"Committee|\bCC\b|Politburo|Orgburo|NKVD|SNK|Procuracy|Commission|organization|aktiv"
    r"|Secretariat|Plenum|Court|Collegium|Army"
)
_FROM_TO = re.compile(
    r"^(?:Letter|Memo|Memorandum|Telegram|Letter by|Letter of)\s+(?:from|by|of)\s+(?:the\s+)?"
    r"(?P<author>.+?)\s+to\s+(?:the\s+)?(?P<recipient>.+?)(?:\s+on\b.*|,.*|\s+\[.*)?$"
)
_POSSESSIVE = re.compile(r"^(?:From\s+(?:a\s+speech\s+by\s+)?)?(?P<author>[A-Z][\w. -]+?)'s\s")
_NAMED_KIND = re.compile(
    r"^(?P<author>[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,3})\s+(?:telegram|letter|memo|resolution)"
    r"(?:\s+to\s+(?P<recipient>[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?))?"
)


def title_parties(title: str) -> list[tuple[str, str, bool]]:
    """Return ``(name, role, is_body)`` for the authors and recipients a title names."""
    match = _FROM_TO.match(title)
    if match is not None:
        author, recipient = match.group("author"), match.group("recipient")
        return [_party(author, "author"), _party(recipient, "recipient")]
    possessive = _POSSESSIVE.match(title)
    if possessive is not None:
        parties = [_party(possessive.group("author"), "author")]
        recipient = re.search(r"'s (?:letter|statement)\w* (?:\w+ )?to (?:the )?([A-Z][\w. ]+)", title)
        if recipient is not None:
            parties.append(_party(recipient.group(1), "recipient"))
        return parties
    named = _NAMED_KIND.match(title)
    if named is not None:
        parties = [_party(named.group("author"), "author")]
        if named.group("recipient"):
            parties.append(_party(named.group("recipient"), "recipient"))
        return parties
    decree = re.match(r"^(?P<bodies>[\w/ ]+?)\s+(?:decree|circular|report|memo)\b", title)
    if decree is not None:
        names = [n for part in re.split(r"\s*/\s*(?=[A-Z])|\s+and\s+", decree.group("bodies")) for n in _slashes(part)]
        return [_party(name, "author") for name in names if name]
    return []


def _slashes(text: str) -> list[str]:
    """Split bodies joined by a slash the scan read as "I" or "l" ("CCISNK", "NKVDlProcuracy")."""
    for match in re.finditer(r"(?<=\w)\s?[Il]\s?(?=[A-Z])", text):
        left, right = text[: match.start()], text[match.end() :]
        # Both sides must be bodies: the "l" of "Central Control" joins no two bodies.
        if _BODY_WORDS.fullmatch(left.split()[-1]) and _BODY_WORDS.match(right):
            return [left, *_slashes(right)]
    return [text]


def _party(name: str, role: str) -> tuple[str, str, bool]:
    cleaned = name.strip(" ,.")
    if cleaned == "CC":
        cleaned = "Central Committee"
    return cleaned, role, _BODY_WORDS.search(cleaned) is not None
