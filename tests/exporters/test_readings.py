"""Marks of how sure a reading is, on invented references of several shapes."""

from __future__ import annotations

import pytest

from chronology.exporters import readings
from chronology.interchange.records import ExportArchivalReference


def reference(
    verbatim: str, normalised: str, *, note: str | None = None, doubtful: bool = False, confidence: float = 1.0
) -> ExportArchivalReference:
    """Return an archival reference in RGASPI read from NORMALISED's parts."""
    return ExportArchivalReference(
        1, "RGASPI", "RGASPI", "558", None, None, None, verbatim, normalised, doubtful, note, confidence
    )


@pytest.mark.parametrize(
    ("note", "normalised", "marked"),
    [
        (
            "Op. P is probably a misprint for Op. 11 (an inventory is numbered)",
            "RGASPI, f. 558, op. P, d. 94, l. 12",
            "f. 558, op. P [sic; likely 11], d. 94, l. 12",
        ),
        (  # the editors' abbreviation with its full stop
            "Op. L. is probably a misprint for Op. 11",
            "RGASPI, f. 558, op. L, d. 94",
            "f. 558, op. L [sic; likely 11], d. 94",
        ),
        (  # a fond, beside an OCR repair
            "D. '9З' read as '93' (OCR); F. 558 is probably a misprint for F. 17 (op. 162 is fond 17's)",
            "RGASPI, f. 558, op. 162, d. 93",
            "f. 558 [sic; likely 17], op. 162, d. 93",
        ),
        (  # two misprints in one reference
            "F. 558 is probably a misprint for F. 17; Op. P is probably a misprint for Op. 11",
            "RGASPI, f. 558, op. P, d. 5",
            "f. 558 [sic; likely 17], op. P [sic; likely 11], d. 5",
        ),
    ],
)
def test_a_misprint_is_cited_as_printed_with_its_likely_reading(note: str, normalised: str, marked: str) -> None:
    found = reference("as printed", normalised, note=note, doubtful=True, confidence=0.5)
    assert readings.marked_location(found) == marked
    assert readings.doubtful(found)
    assert "probably a misprint" in (readings.reading_note(found) or "")


@pytest.mark.parametrize(
    ("verbatim", "note"),
    [
        ("", "inferred: the neighbouring speeches cite this file"),
        ("   ", None),  # nothing printed, whatever the note says
        ("", "inferred from the bracketing protocols"),
        ("RGASPI F. 17. Op. 3. D. 970", "inferred: the run of files the narrative cites"),
    ],
)
def test_an_inferred_reference_is_marked_as_inferred(verbatim: str, note: str | None) -> None:
    found = reference(verbatim, "RGASPI, f. 17, op. 3, d. 970", note=note, doubtful=True, confidence=0.3)
    assert readings.inferred(found)
    assert readings.marked_citation(found) == "RGASPI, f. 17, op. 3, d. 970 [inferred]"
    assert readings.certainty(found) == "low"
    assert "inferred by Chronology, not printed in the source (confidence 0.3)" in (readings.reading_note(found) or "")


def test_a_reference_as_printed_has_no_marks() -> None:
    plain = reference("RGASPI F. 558. Op. 11. D. 93. L. 42", "RGASPI, f. 558, op. 11, d. 93, l. 42")
    assert not readings.doubtful(plain)
    assert readings.marked_citation(plain) == "RGASPI, f. 558, op. 11, d. 93, l. 42"
    assert readings.reading_note(plain) is None
    assert readings.certainty(plain) == "high"


def test_a_doubt_without_a_likely_reading_is_a_question_mark() -> None:
    doubted = reference("RGASPI F. 558. D. 9?", "RGASPI, f. 558, d. 9", note="D. '9?' unreadable", doubtful=True)
    assert readings.marked_location(doubted) == "f. 558, d. 9 [?]"
    assert (
        readings.reading_note(doubted)
        == "Archival reference printed as “RGASPI F. 558. D. 9?”; D. '9?' unreadable (confidence 1)."
    )
