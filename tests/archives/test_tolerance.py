"""References: any punctuation between levels, OCR letters at every level, never dropped, never silently repaired."""

from __future__ import annotations

import dataclasses

import pytest

from chronology.archives.parsing import parse_reference
from chronology.archives.reference import CitationStyle
from chronology.archives.unread import unread_citations

_EXPECTED = "RGASPI, f. 558, op. 11, d. 93, ll. 42–46"


@pytest.mark.parametrize(
    "printed",
    [
        "RGASPI F. 558. Op. 11. D. 93. L. 42–46",
        "RGASPI F 558 Op 11 D 93 L 42-46",  # no stops at all
        "RGASPI f 558 op 11 d 93 ll 42-46",
        "RGASPI. F.558.Op.11.D.93.L.42-46",  # no spaces
        "RGASPI F. 558.. Op. 11.. D. 93.. L. 42-46.",  # doubled stops
        "RGASPI, F. 558, Op. 11, D. 93, L. 42-46",  # commas
        "RGASPI F. 558: Op. 11; D. 93; L. 42-46",  # colon and semicolons
        "RGASPI F. 558 Op. 11. D 93, L. 42 - 46",  # mixed
    ],
)
def test_any_punctuation_between_levels(printed: str) -> None:
    reference = parse_reference(printed)
    assert reference.normalised() == _EXPECTED
    assert reference.verbatim == printed.rstrip(".")
    assert not reference.doubtful


@pytest.mark.parametrize(
    ("printed", "level"),
    [
        ("RGASPI F. 5S8. Op. 11. D. 93. L. 42-46", "fond"),
        ("RGASPI F. 558. Op. 1I. D. 93. L. 42-46", "opis"),
        ("RGASPI F. 558. Op. ll. D. 93. L. 42-46", "opis"),
        ("RGASPI F. 558. Op. 11. D. g3. L. 42-46", "delo"),
        ("RGASPI F. 558. Op. 11. D. 9З. L. 42-46", "delo"),  # a Cyrillic Ze
        ("RGASPI F. 558. Op. 11. D. 93. L. 4z-46", "folios"),
        ("RGASPI F. 558. Op. 11. D. 93. L. 42-4S", "folios"),
    ],
)
def test_ocr_letters_for_digits_at_every_level_are_read_and_flagged(printed: str, level: str) -> None:
    reference = parse_reference(printed)
    expected = _EXPECTED.replace("46", "45") if printed.endswith("4S") else _EXPECTED
    assert reference.normalised() == expected
    assert reference.doubtful  # never a silent repair
    assert [repair.level for repair in reference.repairs] == [level]
    assert reference.verbatim == printed
    assert reference.note is not None


@pytest.mark.parametrize(
    "note",
    [
        "The PB approved it (RGASPI, fund 17, list 3, case 980, sheet 5).",
        "The PB approved it (RGASPI Fnd 17 / 3 / 980).",
        "The PB approved it (RTsKhIDNI, the protocols of 1936, unnumbered).",
        "The PB approved it (GARF collection of the SNK, 1936).",
    ],
)
def test_an_unreadable_citation_naming_an_archive_is_kept_as_printed(note: str) -> None:
    [(start, end, reference)] = unread_citations(note, [])
    assert note[start:end] == reference.verbatim
    assert reference.unread
    assert reference.doubtful
    assert reference.confidence == 0
    assert reference.cite().startswith(reference.verbatim)
    assert reference.cite().endswith("[as printed; not read]")


def test_a_citation_read_elsewhere_or_naming_no_archive_is_not_kept_twice() -> None:
    note = "Approved (RGASPI. F. 17. Op. 3. D. 974. L. 48); see (the editors' introduction, p. 4)."
    assert unread_citations(note, [(10, 42)]) == []


@pytest.mark.parametrize("style", list(CitationStyle))
def test_an_inferred_reference_says_so_in_every_citation(style: CitationStyle) -> None:
    inferred = dataclasses.replace(parse_reference("RGASPI F. 17. Op. 3. D. 970"), verbatim="", inferred=True)
    assert inferred.cite(style).endswith("[inferred]")
    assert "970 [inferred]" in inferred.cite(style).replace(".", "")
    assert not parse_reference("RGASPI F. 17. Op. 3. D. 970").cite(style).endswith("[inferred]")
