"""Tell which edition format a text is in, so the right parser reads it."""

from __future__ import annotations

import re

from chronology.importers.correspondence.headers import is_header

_DOCUMENT_LINE = re.compile(r"^\s*Document \d{1,3}\s*$", re.M)
# Road to Terror cites the archive by its 1990s name, or in lower case, in its page notes.
_TERROR_CITATION = re.compile(r"\b(?:RTsKhIDNI|TsKhSD|GARF|RGASPI),\s*f\.\s*\S+,\s*op\.", re.I)
_SDA_MARKS = ("Stalin Digital Archive", "Document Details")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class FormatError(ValueError):
    """The text is in no format the importers know."""


def detect_format(text: str) -> str:
    """Return "correspondence", "sda" or "road-to-terror"; raise FormatError for anything else."""
    if not text.strip():
        raise FormatError("the text is empty: there is nothing to import")
    sample = text[:20000]
    noise = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    if noise > max(3, len(sample) // 1000):
        raise FormatError("the text has control characters: it looks binary, not an edition's text")
    if all(mark in text for mark in _SDA_MARKS) and _DOCUMENT_LINE.search(text):
        return "sda"
    if len(_DOCUMENT_LINE.findall(text)) >= 3 and _TERROR_CITATION.search(text):
        return "road-to-terror"
    if any(is_header(line) for line in text.splitlines()):
        return "correspondence"
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    raise FormatError(
        "no known edition layout: expected a correspondence header such as "
        "'Kaganovich to Stalin January 15, 1936', an SDA page or Road to Terror; "
        f"the text begins {first[:60]!r}"
    )
