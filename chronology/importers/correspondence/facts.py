"""Small facts an edition's note states about its document: votes, marks, publication."""

from __future__ import annotations

import re

from chronology.importers.reading.letters import NAME
from chronology.importers.records import Annotation

_NAME = re.compile(NAME)
# Marks on a cipher listing who voted for, in a quotation opening with "For."; the edition
# sometimes leaves the quotation unclosed, so it also ends at the end of the note.
_MARKS = re.compile(
    r"(?:encryption marks|encrypted (?:notes|marks)|cipher marks|there is a note)[^“\"]{0,60}?"
    r"[“\"]\s*For\s*\.?\s*(?P<names>[^”\"\n]*)",
    re.I,
)
_SECRETARY = re.compile(
    r"(?:record|note|mark)s? (?:of|from|by) the "
    r"(?:Secretary of the PB|PB secretary|secretary of the PB)\s+(?:about|on)\s+"
    r"(?P<what>voting\s*[“\"]?(?:for|against)[”\"]?|the consent of|the agreement of)"
    r"\s*(?P<names>[^.;()\n]*)",
    re.I,
)
_PAPER = re.compile(
    r"\b(?:published|appeared|printed)\s+(?:[^.]{0,40}?\s)?in\s+"
    r"(?P<paper>Pravda|Izvestiya|Izvestia|Soviet newspapers|the newspapers|the press|newspapers)\b"
)
_NOT_PUBLISHED = re.compile(r"\bnot (?:been )?published\b")
_ANNOTATION_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "resolution",
        re.compile(r"[A-Z][a-z]+(?:'s|’s) resolution|resolution in|wrote his answer|note of his consent"),
    ),
    ("telegraph_tape", re.compile(r"telegraph(?:ic)? tape", re.I)),
    ("crossed_out", re.compile(r"crossed out|was originally", re.I)),
    (
        "secretary_mark",
        re.compile(r"secretary's (?:mark|note)|entered by the secretary|marks? of the secretary", re.I),
    ),
    (
        "marginalia",
        re.compile(
            r"\b(?:corrected|inserted|replaced|made (?:numerous )?notes|an edit by|postscript|"
            r"upper (?:left )?(?:corner|margin)|on the first sheet|"
            r"at the bottom of the document)\b",
            re.I,
        ),
    ),
)
_AUTHOR = re.compile(
    r"\b(?P<name>[A-Z][a-z]{3,})(?:'s|’s)?\s+(?:resolution|corrected|inserted|crossed out|replaced|"
    r"wrote|made)\b|\b(?:edit|note|postscript[^.]*?)\s+by\s+(?P<name2>[A-Z][a-z]{3,})"
)


def votes_in(text: str) -> list[tuple[str, str, str]]:
    """Return (person as printed, position, where recorded) for each vote a note records."""
    votes: list[tuple[str, str, str]] = []
    for m in _MARKS.finditer(text):
        for name in _NAME.findall(m["names"]):
            votes.append((name.strip(), "for", "cipher_marks"))
    for m in _SECRETARY.finditer(text):
        what = m["what"].lower()
        position = "against" if "against" in what else "for" if "voting" in what else "agreed"
        for name in re.split(r",\s*|\s+and\s+", m["names"]):
            if _NAME.fullmatch(name.strip()):
                votes.append((name.strip(), position, "secretary_note"))
    return votes


def published_in(sentence: str) -> tuple[str, int] | None:
    """Return the paper a note says something was published in, and where it says so."""
    if _NOT_PUBLISHED.search(sentence):
        return None
    m = _PAPER.search(sentence)
    if m is None:
        return None
    paper = m["paper"]
    return ("the newspapers" if paper.lower().endswith("newspapers") and paper[0] != "S" else paper), m.start()


def annotation_for(sentence: str, line: int) -> Annotation | None:
    """Return the annotation a note's sentence describes on the document, if it describes one."""
    for kind, pattern in _ANNOTATION_KINDS:
        if pattern.search(sentence):
            m = _AUTHOR.search(sentence)
            author = (m["name"] or m["name2"]) if m else None
            author = None if author in {"Further", "There", "According"} else author
            return Annotation(kind, sentence.strip(), author, line)
    return None
