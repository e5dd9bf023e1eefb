"""The front matter of a letter or telegram, read in any order until its text begins.

The archive line, the kind line (`Telegram.`, `Cipher telegram.`), sending and receiving
lines, classification and other markings may come in any order. A short line nobody knows
("Out of turn.", "PERSONAL") is kept verbatim as a marking and reading goes on, when more
front matter or the address follows it, or it is set in capitals (otherwise it is the text:
"I agree."); page
furniture and labels ("Page 12", "Text:") are kept as unparsed front matter on review and
never reach the parties. The front matter ends at the first line of the text or address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronology.importers.reading import letters
from chronology.importers.reading.letters import LetterFacts
from chronology.importers.records import ReviewItem, Unparsed

ARCHIVE_LINE = re.compile(r"^\s*Archive\s*[:;]\s*(?P<archive>.*)$")
_FURNITURE = re.compile(
    r"^(?:(?:Page|P\.|p\.)\s*\d{1,4}|[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}|Document\s+(?:No\.\s*)?\d{1,4}\w?|"
    r"\(?continued\)?|[A-Z][A-Za-z ]{1,30}:)\s*\.?$",
    re.I,
)
# An address or salutation starts the text: "To Comrade Stalin.", "Moscow. CC.", "Hello, ...!"
_ADDRESS = re.compile(r"\bTo\s+(?:Comrade\s+|Tov\.\s*)?[A-Z]|\b(?:Comrade|Tov|Dear|Hello)\b|[!?]")
# The address that opens the text: "Sochi. To Comrade Stalin.", "Moscow. CC VKP(b). Tov. Stalin."
_ADDRESS_START = re.compile(r"^(?:[A-Z][a-z]+\.\s+)*(?:To\s+[A-Z]|Comrade\s|Tov\.|Central Committee|CC\b)")
_WORDS = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_MARKING_WORDS = 6
_MARKING_LENGTH = 50


@dataclass
class FrontMatter:
    """What the front matter held beside the facts: the archive line and the markings."""

    archive: str | None = None
    archive_line: int | None = None
    markings: list[str] | None = None


def read_front_matter(
    doc_lines: list[tuple[int, str]],
    facts: LetterFacts,
    year: int | None,
    party_names: set[str],
    review: list[ReviewItem],
    unparsed: list[Unparsed],
    *,
    archive_known: bool,
) -> tuple[list[tuple[int, str]], FrontMatter]:
    """Consume the front matter from the start of a document's lines; return the rest and what it held."""
    found = FrontMatter(markings=[])
    rest = list(doc_lines)
    while rest:
        line, text = rest[0]
        if not archive_known and found.archive is None and (m := ARCHIVE_LINE.match(text)):
            found.archive, found.archive_line = m["archive"], line
        elif letters.read_front_line(text, line, facts, year):
            pass
        elif _FURNITURE.match(text) and not _ADDRESS.search(text):
            unparsed.append(Unparsed(line, text, "page furniture or a label in the front matter"))
            review.append(ReviewItem(line, "front matter line kept unparsed: page furniture or a label", text))
        elif is_marking(text, party_names) and (text.isupper() or _front_follows(rest[1:], year)):
            assert found.markings is not None
            found.markings.append(text.rstrip(" ."))
            review.append(ReviewItem(line, "unknown front matter line kept verbatim as a marking", text))
        else:
            break
        rest = rest[1:]
    return rest, found


_LOOKAHEAD = 3


def _front_follows(rest: list[tuple[int, str]], year: int | None) -> bool:
    """Tell whether front matter goes on after a line: then an unknown line cannot be the text."""
    for line, text in rest[:_LOOKAHEAD]:
        if ARCHIVE_LINE.match(text) or letters.read_front_line(text, line, LetterFacts(), year):
            return True
    # Or the address comes next: the text starts there, so the line before it is still front matter.
    return bool(rest) and _ADDRESS_START.match(rest[0][1]) is not None


def is_marking(text: str, party_names: set[str]) -> bool:
    """Tell whether a short line is a marking nobody knows rather than an address or the text."""
    bare = letters.strip_markers(text).strip()
    words = _WORDS.findall(bare)
    if not words or len(words) > _MARKING_WORDS or len(bare) > _MARKING_LENGTH:
        return False
    if _ADDRESS.search(bare) or _ADDRESS_START.match(bare) or any(w.lower() in party_names for w in words):
        return False
    if re.search(r"\d", bare):
        return False  # numbers and dates belong to the dispatch lines, read or not
    if len(words) == 1:
        # One capitalised word may be a name or a place ("Sochi."); only capitals mark it.
        return words[0].isupper() and len(words[0]) > 2
    return bare.isupper() or any(w.islower() for w in words[1:])
