"""A source the editors state once for a whole series of documents, applied where a note is lost.

The Road to Terror says once, in a note, that no archival version of a plenum's stenographic
report was available and that the report is cited from its serialisation in a journal. The
speeches of that plenum whose own notes the scan lost are then given that journal, marked as
inferred, but only where the nearest speeches of the same plenum on either side whose notes
survive cite the same journal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from chronology.importers.records import Document, ParsedSource, ReviewItem

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
