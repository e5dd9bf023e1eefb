"""Documents start where the edition's structure says: headers by any date form, and archive labels."""

from __future__ import annotations

import pytest

from chronology.importers import correspondence
from chronology.importers.correspondence.headers import read_header
from chronology.importers.records import ParsedSource

_LABEL = "Archive: RGASPI F. 558. Op. 11. D. 93. L. {}. Autograph."


@pytest.mark.parametrize(
    ("line", "authors", "recipients", "edtf"),
    [
        ("Stalin to Kaganovich 20.VIII.36", "Stalin", "Kaganovich", "1936-08-20"),
        ("Stalin - Kaganovich [20 August 1936]", "Stalin", "Kaganovich", "1936-08-20"),
        ("Kaganovich, Chubar – Stalin 17 August [1936]", "Kaganovich, Chubar", "Stalin", "1936-08-17"),
        ("Kaganovich, Yezhov - to Stalin on August 22, 1936", "Kaganovich, Yezhov", "Stalin", "1936-08-22"),
        ("Molotov to Stalin August 17 1936" + _LABEL.format(4), "Molotov", "Stalin", "1936-08-17"),
        (
            "Central Committee of the CPSU (b) to Stalin 3 September 1936",
            "Central Committee of the CPSU (b)",
            "Stalin",
            "1936-09-03",
        ),
        ("Stalin to Kaganovich [end of August 1936]", "Stalin", "Kaganovich", "[1936-08-21..1936-08-31]"),
        ("Stalin to Kaganovich c. 1 September 1936", "Stalin", "Kaganovich", "1936-09-01~"),
        ("Kaganovich to Stalin 4 [?] September 1936", "Kaganovich", "Stalin", "1936-09-04?"),
        ("Kaganovich to Stalin 2/IX.1936 1", "Kaganovich", "Stalin", "1936-09-02"),
    ],
)
def test_a_header_takes_any_date_the_date_module_reads(line: str, authors: str, recipients: str, edtf: str) -> None:
    header = read_header(line)
    assert header is not None, line
    assert (header.authors, header.recipients, header.date.edtf) == (authors, recipients, edtf)


@pytest.mark.parametrize(
    "line",
    [
        "I ask the Central Committee to approve the order on 17 August 1936",
        "Stalin to Kaganovich. Agreed, 17 August 1936.",
        "Kaganovich to Stalin",
        "1) to send Comrade Zimin to the road on 20 August 1936",
    ],
)
def test_prose_and_bare_names_are_not_headers(line: str) -> None:
    assert read_header(line) is None


def _edition(*documents: str) -> str:
    return "\n".join(["An editors' paragraph about the railways, with no document in it.", *documents]) + "\n"


def _parse(text: str) -> ParsedSource:
    return correspondence.parse(text, source_name="invented.txt")


_FIRST = "Kaganovich to Stalin August 20, 1936" + _LABEL.format(40) + "\nThe harvest report is on its way.\nKaganovich."


@pytest.mark.parametrize(
    "damaged",
    [
        "Stalin to Kaganovich 21 Augnst 1936",  # OCR damage in the month
        "Stalin to Kaganovich 21 VIII 36 r.",  # a form the grammar does not read
        "Stalin and Kaganovich, 21-VIII",  # no separator and no year
        "Page 12",  # page furniture instead of a header
    ],
)
def test_a_label_no_header_claims_starts_a_document_on_review(damaged: str) -> None:
    glued = _edition(_FIRST, damaged + _LABEL.format(47), "Agreed. Stalin.")
    alone = _edition(_FIRST, damaged, _LABEL.format(47), "Agreed. Stalin.")
    for text in (glued, alone):
        parsed = _parse(text)
        assert len(parsed.documents) == 2
        first, second = parsed.documents
        assert "Agreed" not in first.body
        assert "Augnst" not in first.body
        assert second.body == "Agreed. Stalin."
        assert second.needs_review
        assert [c.reference.normalised() for c in second.copies] == ["RGASPI, f. 558, op. 11, d. 93, l. 47"]
        flagged = [r for r in parsed.review if "header was not recognised" in r.reason]
        assert [(r.line, r.verbatim) for r in flagged] == [(5, damaged)]


def test_a_recognised_part_of_a_damaged_header_is_kept() -> None:
    parsed = _parse(_edition(_FIRST, "Stalin to Kaganovich, Chubar 21 Augnst 1936" + _LABEL.format(47), "Agreed."))
    second = parsed.documents[1]
    assert [p.name for p in second.parties] == ["Stalin", "Kaganovich", "Chubar"]
    assert second.date is not None
    assert second.date.edtf == "1936"


def test_a_label_inside_the_notes_splits_there() -> None:
    text = _edition(
        _FIRST,
        "______________",
        "1 The report went by cipher.",
        "Stalin to Kaganovich 2I August 1936 Archive: RGASPI F. 558. Op. 11. D. 93. L. 50. Autograph.",
        "Agreed. Stalin.",
    )
    parsed = _parse(text)
    assert len(parsed.documents) == 2
    assert all("Agreed" not in note.text for note in parsed.documents[0].footnotes)
    assert parsed.documents[1].body == "Agreed. Stalin."


def test_a_header_without_a_year_takes_the_previous_year_on_review() -> None:
    parsed = _parse(_edition(_FIRST, "Stalin to Kaganovich August 21" + _LABEL.format(47), "Agreed. Stalin."))
    second = parsed.documents[1]
    assert second.date is not None
    assert second.date.edtf == "1936-08-21"
    assert any("has no year" in r.reason for r in parsed.review)
    assert not second.needs_review


def test_a_header_shape_left_unread_is_reported() -> None:
    parsed = _parse(_edition(_FIRST, "Stalin to Kaganovich 21 Augnst 1936", "Agreed. Stalin."))
    shaped = [r for r in parsed.review if "header's shape" in r.reason]
    assert [r.line for r in shaped] == [5]


def test_clean_files_raise_no_boundary_review() -> None:
    second = "Stalin to Kaganovich August 21, 1936\n" + _LABEL.format(47) + "\nAgreed. Stalin."
    parsed = _parse(_edition(_FIRST, second))
    assert len(parsed.documents) == 2
    assert not [r for r in parsed.review if "label" in r.reason or "shape" in r.reason]


def test_a_yearless_header_needs_a_label_to_start_a_document() -> None:
    parsed = _parse(_edition(_FIRST, "Molotov to Kalinin August 21", "He asked for the figures."))
    assert len(parsed.documents) == 1
    assert "Molotov to Kalinin August 21" in parsed.documents[0].body
    alone = _parse(_edition(_FIRST, "Molotov to Kalinin August 21", _LABEL.format(47), "Agreed. Stalin."))
    assert len(alone.documents) == 2
