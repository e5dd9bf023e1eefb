"""Invented records whose readings are not simply as printed: inferred files, misprints, ranges."""

from __future__ import annotations

import datetime

from chronology.interchange.records import ExportArchivalReference, ExportCopy, ExportDate, ExportDocument, ExportSet
from tests.exporters.dataset import dataset

D = datetime.date

# A file the importer took from the neighbouring speeches: nothing was printed for this document.
INFERRED_FILE = ExportArchivalReference(
    90,
    "RGASPI",
    None,
    "17",
    "2",
    "612",
    None,
    "",
    "RGASPI, f. 17, op. 2, d. 612",
    doubtful=True,
    note="inferred: the document's own note is lost; the neighbouring speeches cite this file",
    confidence=0.3,
)
SPAN = ExportDate("[end of 1935]", "[1935-10..1935-12]", D(1935, 10, 1), D(1935, 12, 31), "month", ("supplied",))
PLENUM_SPEECH = ExportDocument(
    120,
    "speech",
    "Speech at the plenum",
    date=SPAN,
    copies=(ExportCopy(1, INFERRED_FILE, ()),),
)
TRIAL_LETTER = ExportDocument(
    121,
    "letter",
    "Letter during the trial",
    date=ExportDate("19–24 August 1936", "1936-08-19/1936-08-24", D(1936, 8, 19), D(1936, 8, 24), "day"),
    copies=(ExportCopy(1, INFERRED_FILE, ()),),
)


def with_inferred() -> ExportSet:
    """Return the fixed set with two documents whose only reference is inferred."""
    fixed = dataset()
    return ExportSet(
        document_list=(*fixed.document_list, PLENUM_SPEECH, TRIAL_LETTER),
        person_list=fixed.person_list,
        body_list=fixed.body_list,
        decision_list=fixed.decision_list,
        vote_list=fixed.vote_list,
        event_list=fixed.event_list,
        relation_list=fixed.relation_list,
        publication_list=fixed.publication_list,
        reference_list=(*fixed.reference_list, INFERRED_FILE),
    )
