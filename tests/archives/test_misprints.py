"""Misprints by one principle at every level: confusable glyphs against what is known, kept as printed."""

from __future__ import annotations

import pytest

from chronology.archives.misprints import confusable, likely_reading
from chronology.archives.parsing import parse_reference
from chronology.importers.correspondence.review import check_neighbours
from chronology.importers.records import Copy, Document, ReviewItem


@pytest.mark.parametrize(
    ("printed", "known"),
    [
        ("77", "17"),  # 7 for 1
        ("17", "11"),
        ("163", "168"),  # 3 for 8
        ("90", "60"),  # 0/6/9
        ("906", "900"),
        ("P", "11"),  # one glyph for two digits
        ("П", "11"),
        ("I", "11"),
        ("1I", "11"),  # a letter for a digit
        ("g3", "93"),
        ("124", "125"),  # one digit apart
    ],
)
def test_values_that_print_and_scans_confuse(printed: str, known: str) -> None:
    assert confusable(printed, known) is not None


@pytest.mark.parametrize(
    ("printed", "known"), [("93", "93"), ("1", "11"), ("163", "3"), ("12", "45"), ("558", "17"), ("7", "2")]
)
def test_values_that_are_simply_different(printed: str, known: str) -> None:
    assert confusable(printed, known) is None


def test_two_known_values_that_fit_give_no_likely_reading() -> None:
    assert likely_reading("161", {"162", "163"}) is None
    assert likely_reading("161", {"162", "3"}) == ("162", "one digit apart (1 for 2)")


@pytest.mark.parametrize(
    ("printed", "level", "likely"),
    [
        ("RGASPI F. 77. Op. 163. D. 1092. L. 70", "fond", "17"),  # a Politburo inventory outside fond 17
        ("RGASPI F. 71. Op. 162. D. 20. L. 5", "fond", "17"),
        ("RGASPI F. 558. Op. P. D. 93. L. 55", "opis", "11"),
        ("RGASPI F. 558. Op. 17. D. 93. L. 55", "opis", "11"),  # 7 for 1
        ("RGASPI F. 17. Op. 8. D. 974. L. 70", "opis", "3"),  # 8 for 3
        ("RGASPI F. 17. Op. 129. D. 106. L. 5", "opis", "120"),
        ("RGASPI F. 17. Op. 43. D. 759. L. 2", "opis", "42"),  # one digit apart
    ],
)
def test_a_misprint_is_kept_flagged_and_given_its_likely_reading(printed: str, level: str, likely: str) -> None:
    reference = parse_reference(printed)
    assert reference.verbatim == printed
    assert reference.doubtful
    assert reference.likely is not None
    assert getattr(reference.likely, level) == likely
    [repair] = [r for r in reference.repairs if r.kind == "misprint"]
    assert (repair.level, repair.reading) == (level, likely)
    assert getattr(reference, level) != likely  # the printed value stays


@pytest.mark.parametrize(
    "printed",
    ["RGASPI F. 17. Op. 3. D. 974. L. 48", "RGASPI F. 558. Op. 11. D. 93. L. 5", "RGASPI F. 81. Op. 3. D. 101. L. 78"],
)
def test_known_values_are_not_misprints(printed: str) -> None:
    assert not parse_reference(printed).doubtful


def _documents(*references: str) -> list[Document]:
    return [
        Document(key=str(i), kind="letter", title="", date=None, line=i, copies=[Copy(parse_reference(r), "")])
        for i, r in enumerate(references, 1)
    ]


@pytest.mark.parametrize(
    ("first", "middle", "last", "suggestion"),
    [
        # a fond with no inventories listed: only the neighbours know it
        ("F. 82. Op. 2. D. 5. L. 1", "F. 32. Op. 2. D. 5. L. 2", "F. 82. Op. 2. D. 5. L. 3", "F. 82"),
        ("F. 82. Op. 21. D. 5. L. 1", "F. 82. Op. 27. D. 5. L. 2", "F. 82. Op. 21. D. 5. L. 3", "Op. 21"),
        ("F. 558. Op. 11. D. 93. L. 10", "F. 558. Op. 11. D. 98. L. 20", "F. 558. Op. 11. D. 93. L. 30", "D. 93"),
        ("F. 558. Op. 11. D. 93. L. 10", "F. 558. Op. 11. D. 63. L. 20", "F. 558. Op. 11. D. 93. L. 30", "D. 93"),
    ],
)
def test_neighbours_citing_the_same_file_reveal_a_misprint_at_any_level(
    first: str, middle: str, last: str, suggestion: str
) -> None:
    review: list[ReviewItem] = []
    check_neighbours(_documents(*(f"RGASPI {r}" for r in (first, middle, last))), review)
    assert [(item.line, item.suggestion) for item in review] == [(2, suggestion)]


@pytest.mark.parametrize(
    "middle",
    [
        "RGASPI F. 558. Op. 11. D. 94. L. 56",  # the next file, its folios not between the neighbours'
        "RGASPI F. 558. Op. 11. D. 743. L. 20",  # another file altogether
        "RGASPI F. 17. Op. 3. D. 974. L. 20",
    ],
)
def test_neighbours_do_not_flag_a_different_file(middle: str) -> None:
    review: list[ReviewItem] = []
    documents = _documents("RGASPI F. 558. Op. 11. D. 93. L. 10", middle, "RGASPI F. 558. Op. 11. D. 93. L. 30")
    check_neighbours(documents, review)
    assert review == []
