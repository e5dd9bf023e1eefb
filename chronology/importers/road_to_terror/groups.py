"""A source the editors state once for a whole series of documents, applied where a note is lost.

The Road to Terror says once, in a note, that no archival version of a plenum's stenographic
report was available and that the report is cited from its serialisation in a journal. The
speeches of that plenum whose own notes the scan lost are then given that journal, marked as
inferred, but only where the nearest speeches of the same plenum on either side whose notes
survive cite the same journal.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import replace

from chronology.archives.reference import ArchivalReference
from chronology.importers.records import Copy, Document, ParsedSource, ReviewItem

_STATEMENT = re.compile(
    r"[Rr]epor\S{0,3}?of\s*the\s*(?P<plenum>[A-Z][a-z]+-[A-Z][a-z]+)\b.{0,400}?"
    r"serialized\s+in\s+the\s+journal\s+(?P<journal>Voprosy istorii)",
    re.DOTALL,
)
_JOURNAL_CITED = {"Voprosy istorii": re.compile(r"^Voprosy istorii\b")}


def apply_series_sources(text: str, parsed: ParsedSource) -> None:
    """Give the plenum's journal to its speeches whose notes are lost, as an inferred source."""
    statement = _STATEMENT.search(text)
    if statement is None:
        return
    plenum, journal = statement.group("plenum"), statement.group("journal")
    line = text.count("\n", 0, statement.start()) + 1
    speeches = [d for d in parsed.documents if d.kind == "speech" and _of_plenum(d, plenum)]
    for position, document in enumerate(speeches):
        if document.copies or document.published_source or document.footnotes:
            continue
        before = _nearest_cited(reversed(speeches[:position]))
        after = _nearest_cited(speeches[position + 1 :])
        if not (_cites(before, journal) and _cites(after, journal)):
            continue
        document.published_source = (
            f"{journal} (the serialized stenographic report of the {plenum} plenum;"
            " issue and pages not known: inferred, the document's own note being lost)"
        )
        parsed.review.append(
            ReviewItem(
                document.line,
                f"note lost in the scan; printed source inferred from the editors' statement that"
                f" the {plenum} plenum is cited from {journal}, as the neighbouring speeches are",
                document.title,
                f"statement at line {line}",
            )
        )


def _of_plenum(document: Document, plenum: str) -> bool:
    return plenum.replace("-", "").lower() in re.sub(r"[\s-]", "", document.title).lower()


def _nearest_cited(documents: Iterable[Document]) -> Document | None:
    for document in documents:
        if document.copies or document.published_source:
            return document
    return None


def _cites(document: Document | None, journal: str) -> bool:
    return (
        document is not None
        and document.published_source is not None
        and _JOURNAL_CITED[journal].match(document.published_source) is not None
    )


# --- archival files inferred from the neighbours of a document whose own note is lost ---------

_BODIES = (
    (re.compile(r"\bPolitburo"), "Politburo"),
    (re.compile(r"\bOrgburo"), "Orgburo"),
    (re.compile(r"\bSecretariat"), "Secretariat"),
    (re.compile(r"\bPlenum of the CC"), "Central Committee plenum"),
    (re.compile(r"\b[Bb]ur[o0]\b.{0,20}Azov-Black Sea"), "Azov-Black Sea Territorial Committee buro"),
    (re.compile(r"\bplenum of the Azov-Black Sea"), "Azov-Black Sea Territorial Committee plenum"),
)
_PROTOCOL_OF = re.compile(
    r"Protocol\s*#\s*\S+(?:\s*\([^)\n]{0,30}\))?\s+of\s+(?:the\s+)?(?:meeting\s+of\s+the\s+)?(?P<body>.{3,60})"
)
# The body named before the word: "Politburo Protocol #27", "PB Protocol #36".
_BODY_PROTOCOL = re.compile(r"\b(?:Politburo|PB)\s+Protocol\s*#")
INFERRED = "inferred"


def protocol_series(header: str) -> str | None:
    """Name the body whose numbered protocols a header cites from ("Politburo", "... buro")."""
    match = _PROTOCOL_OF.search(header)
    if match is not None:
        for pattern, body in _BODIES:
            if pattern.match(match.group("body")) or pattern.search(match.group("body")[:40]):
                return body
    return "Politburo" if _BODY_PROTOCOL.search(header) else None


def apply_neighbour_files(parsed: ParsedSource, series: dict[str, tuple[str, int]]) -> None:
    """Give a document whose note is lost the archival file its closest neighbours share, as inferred.

    Two cases, each only where the neighbours agree on one file: a speech of a plenum session
    whose other speeches of that day are all cited from one file (the session's stenogram),
    and a protocol of a body whose nearest protocols before and after, by number and date,
    are cited from one file (that body's protocols of the period, filed together).
    `series` maps a document key to the body and number of the protocol it is taken from.
    """
    for document in parsed.documents:
        if document.copies or document.published_source:
            continue
        found = _same_session(document, parsed.documents) or _between_protocols(document, parsed.documents, series)
        if found is None:
            continue
        reference, reason = found
        document.copies.append(Copy(reference=reference, form="", note=reason))
        parsed.review.append(ReviewItem(document.line, reason, document.title, reference.normalised()))


def cited_file(document: Document) -> ArchivalReference | None:
    """Return the reference of a document's own note (its first copy not inferred), if any."""
    own = [copy for copy in document.copies if not (copy.note or "").startswith(INFERRED)]
    return own[0].reference if own else None


def _file_key(reference: ArchivalReference) -> tuple[str | None, str, str | None, str | None]:
    return reference.repository, reference.fond, reference.opis, reference.delo


def inferred_reference(source: ArchivalReference, confidence: float, reason: str) -> ArchivalReference:
    """Return the file of a neighbour's reference, folios dropped, as an inference."""
    # The folios are not inherited, and neither are the doubts about how they were read.
    kept = tuple(repair for repair in source.repairs if repair.level != "folios")
    trust = math.prod((repair.confidence for repair in kept), start=1.0)
    return replace(
        source,
        verbatim="",  # nothing was printed for this document
        inferred=True,
        folios=(),
        doubtful=True,
        likely=None,
        via_ibid=False,
        repairs=kept,
        confidence=round(trust * confidence, 3),
        note="; ".join([reason, *(repair.describe() for repair in kept)]),
    )


_SESSION_CONFIDENCE = 0.5
_BRACKET_CONFIDENCE = 0.6
_SLACK_DAYS = 31


def plenum_key(title: str) -> str | None:
    """Return a key for the plenum a speech's title names ("ccplenum", "jointplenumoftheccandccc")."""
    lowered = title.lower()
    at = lowered.find("plenum")
    if at < 0:
        return None
    start = max(lowered.rfind(" to ", 0, at), lowered.rfind(" at ", 0, at))
    phrase = lowered[start + 4 :] if start >= 0 else lowered[at:]
    phrase = re.split(r"\s*of\s*the\s*vkp|\d", phrase)[0]
    key = re.sub(r"[^a-z]", "", phrase)
    return re.sub(r"^(?:the|a)", "", key) or None


def _same_session(document: Document, documents: list[Document]) -> tuple[ArchivalReference, str] | None:
    plenum = plenum_key(document.title)
    if document.kind != "speech" or plenum is None or document.date is None:
        return None
    session = [
        other
        for other in documents
        if other is not document
        and other.kind == "speech"
        and other.date is not None
        and other.date.edtf == document.date.edtf
        and plenum_key(other.title) == plenum
    ]
    cited = [(other, reference) for other in session if (reference := cited_file(other)) is not None]
    if not cited or len({_file_key(reference) for _, reference in cited}) != 1:
        return None
    if any(other.published_source and cited_file(other) is None for other in session):
        return None  # part of the session is cited from print: the file is not the only witness
    source = cited[0][1]
    names = ", ".join(other.key.removeprefix("rtt:") for other, _ in cited)
    which = f"document {names} is" if len(cited) == 1 else f"documents {names} are all"
    reason = (
        f"{INFERRED}: the document's own note is lost; of the other speeches of the same session"
        f" ({document.date.edtf}), {which} cited from this file; folios not known"
    )
    return inferred_reference(source, _SESSION_CONFIDENCE, reason), reason


def _between_protocols(
    document: Document, documents: list[Document], series: dict[str, tuple[str, int]]
) -> tuple[ArchivalReference, str] | None:
    if document.key not in series:
        return None
    body, number = series[document.key]
    lower = document.date.lower if document.date is not None else None
    before: list[tuple[int, Document, ArchivalReference]] = []
    after: list[tuple[int, Document, ArchivalReference]] = []
    for other in documents:
        reference = cited_file(other)
        if other.key not in series or reference is None or series[other.key][0] != body:
            continue
        other_number = series[other.key][1]
        other_lower = other.date.lower if other.date is not None else None
        # Numbers run with dates within one series: a number out of step is a misprint, not evidence.
        # A title may date what the protocol reports rather than the meeting: a month's slack.
        gap = (other_lower - lower).days if lower is not None and other_lower is not None else 0
        if other_number < number and gap <= _SLACK_DAYS:
            before.append((other_number, other, reference))
        elif other_number > number and gap >= -_SLACK_DAYS:
            after.append((other_number, other, reference))
    if not before or not after:
        return None
    low = max(before, key=lambda item: item[0])
    high = min(after, key=lambda item: item[0])
    if _file_key(low[2]) != _file_key(high[2]) or low[2].delo is None:
        return None
    reason = (
        f"{INFERRED}: the document's own note is lost; protocols #{low[0]} (document"
        f" {low[1].key.removeprefix('rtt:')}) and #{high[0]} (document {high[1].key.removeprefix('rtt:')})"
        f" of the same body, before and after this #{number}, are both cited from this file; folios not known"
    )
    return inferred_reference(low[2], _BRACKET_CONFIDENCE, reason), reason
