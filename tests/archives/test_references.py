"""Archival references: every printed form, Ibid., OCR repairs, misprints, citations, errors."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronology.archives.parsing import ReferenceParseError, find_references, parse_reference, parse_references
from chronology.archives.reference import ArchivalReference, CitationStyle, FolioSpan
from chronology.archives.repositories import REPOSITORIES, find_repository
from chronology.archives.syntax import readings
from tests.paths import CORPUS


def fields(ref: ArchivalReference) -> tuple[object, ...]:
    return (ref.repository, ref.fond, ref.opis, ref.delo, ref.folios)


# --- repositories -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "code"),
    [
        ("RGASPI", "RGASPI"),
        ("RTsKhIDNI", "RGASPI"),
        ("RTsKhlDNI", "RGASPI"),
        ("RTsKhIDNl", "RGASPI"),
        ("RTsKhIDN1", "RGASPI"),
        ("RTrKhIDNI", "RGASPI"),
        ("TsPA IML", "RGASPI"),
        ("GARF", "GARF"),
        ("AP RF", "APRF"),
        ("APRF", "APRF"),
        ("TsKhSD", "RGANI"),
        ("TsA FSB", "TsA FSB"),
        ("RGAE", "RGAE"),
        ("RGVA", "RGVA"),
    ],
)
def test_find_repository_reads_current_former_and_noisy_names(printed: str, code: str) -> None:
    found = find_repository(printed)
    assert found is not None
    assert found.code == code


@pytest.mark.parametrize("printed", ["", "Moscow", "GAR", "Pravda"])
def test_find_repository_rejects_other_words(printed: str) -> None:
    assert find_repository(printed) is None


def test_repositories_are_keyed_by_their_code() -> None:
    assert all(code == repository.code for code, repository in REPOSITORIES.items())
    assert "RTsKhIDNI" in REPOSITORIES["RGASPI"].former_codes
    assert REPOSITORIES["GARF"].place == "Moscow"


# --- clean forms ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "normalised"),
    [
        ("RGASPI F. 558. Op. 11. D. 93. L. 42–46", "RGASPI, f. 558, op. 11, d. 93, ll. 42–46"),
        ("RGASPI F. 558 Op. 11. D. 93. L. 6", "RGASPI, f. 558, op. 11, d. 93, l. 6"),
        ("RGASPI. F. 17. Op. 3. D. 974. L. 57", "RGASPI, f. 17, op. 3, d. 974, l. 57"),
        ("RGASPI. F. 558. Op. 11 D. 93. L. 98", "RGASPI, f. 558, op. 11, d. 93, l. 98"),
        ("RGASPI F. 558. Op. 11. D. 93. L. 54–55", "RGASPI, f. 558, op. 11, d. 93, ll. 54–55"),
        ("RGASPI F. 558. Op. 11. D. 93. L. 55, 55v", "RGASPI, f. 558, op. 11, d. 93, l. 55, 55v"),
        (
            "RGASPI F. 558. Op. 11. D. 93. L. 110 - 110 rev.",
            "RGASPI, f. 558, op. 11, d. 93, l. 110–110v",
        ),
        ("RGASPI F. 17. Op. 3. D. 980. L .69", "RGASPI, f. 17, op. 3, d. 980, l. 69"),
        ("RGASPI F. 17. Op. 162. D. 20. L. 60 ", "RGASPI, f. 17, op. 162, d. 20, l. 60"),
        ("f. 17, op. 120, d. 8, ll. 17, 76, 86, 104", "f. 17, op. 120, d. 8, ll. 17, 76, 86, 104"),
        ("f.558, op.11, d.93, ll.42-46", "f. 558, op. 11, d. 93, ll. 42–46"),
        ("F. 558. Op. 11. D. 743. L. 56-63", "f. 558, op. 11, d. 743, ll. 56–63"),
        ("RTsKhIDNI, f. 17, op. 3, d. 573, l. 16", "RGASPI, f. 17, op. 3, d. 573, l. 16"),
        ("GARF, f. R-5446, op. 1, d. 487", "GARF, f. R-5446, op. 1, d. 487"),
        (
            "GARF. F. R-5446. Op. 1. D. 487. L. 109, 111, 113",
            "GARF, f. R-5446, op. 1, d. 487, ll. 109, 111, 113",
        ),
        ("APRF, f. 3, op. 24, d. 260, ll. 1-5", "APRF, f. 3, op. 24, d. 260, ll. 1–5"),
        ("AP RF. F. 3. Op. 22. D. 150. L. 129", "APRF, f. 3, op. 22, d. 150, l. 129"),
        ("TsA FSB, f. 3, op. 4, d. 12", "TsA FSB, f. 3, op. 4, d. 12"),
        ("GARF, f. 5446, op. 22a, d. 339, ll. 5-11", "GARF, f. 5446, op. 22a, d. 339, ll. 5–11"),
        ("RGASPI, f. 17, op. 2, d. 511, ll. 168-78", "RGASPI, f. 17, op. 2, d. 511, ll. 168–178"),
        (
            "RGASPI, f. 17, op. 120, d. 106, ll. 56, 56ob.",
            "RGASPI, f. 17, op. 120, d. 106, l. 56, 56v",
        ),
        ("(RGASPI. F. 17. Op. 3. D. 974. L. 48).", "RGASPI, f. 17, op. 3, d. 974, l. 48"),
    ],
)
def test_parse_reference_reads_clean_forms(printed: str, normalised: str) -> None:
    ref = parse_reference(printed)
    assert ref.normalised() == normalised
    assert ref.cite() == normalised
    assert not ref.doubtful
    assert ref.confidence == 1.0
    assert ref.note is None


def test_structured_fields_and_verbatim() -> None:
    ref = parse_reference("RTsKhIDNI, f. 17, op. 3, d. 573, l. 16")
    assert ref.verbatim == "RTsKhIDNI, f. 17, op. 3, d. 573, l. 16"
    assert ref.repository == "RGASPI"
    assert ref.repository_as_printed == "RTsKhIDNI"
    assert (ref.fond, ref.opis, ref.delo) == ("17", "3", "573")
    assert ref.folios == (FolioSpan("16", False, None, False),)


def test_folios_keep_verso_and_ranges() -> None:
    ref = parse_reference("RGASPI F. 558. Op. 11. D. 93. L. 110 - 110 rev.")
    assert ref.folios == (FolioSpan("110", False, "110", True),)
    assert str(ref.folios[0]) == "110–110v"
    assert parse_reference("F. 558. Op. 11. D. 93. L. 55, 55v").folio_text == "55, 55v"
    assert parse_reference("f. 17, op. 3, d. 8, ll. 17, 76, 86, 104").folio_text == "17, 76, 86, 104"
    assert parse_reference("F. 1. Op. 2. D. 3. L. 42–46").folio_text == "42–46"


def test_default_repository_fills_an_unstated_one() -> None:
    ref = parse_reference("f.558, op.11, d.93, ll.42-46", default_repository="RGASPI")
    assert ref.repository == "RGASPI"
    assert ref.repository_as_printed is None
    assert parse_reference("F. 1. Op. 2. D. 3").repository is None
    assert parse_reference("F. 1. Op. 2", default_repository="RTsKhIDNI").repository == "RGASPI"


# --- OCR repairs ------------------------------------------------------------------------


def test_ocr_noise_is_repaired_flagged_and_kept_verbatim() -> None:
    printed = "RTsKhlDNI, f. 17, op. z, d. 573 , l . 16"
    ref = parse_reference(printed)
    assert ref.verbatim == printed
    assert ref.repository == "RGASPI"
    assert ref.repository_as_printed == "RTsKhlDNI"
    # The OCR puts z for 2: op. z runs with the plenum files of op. 2 in that edition.
    assert (ref.fond, ref.opis, ref.delo) == ("17", "2", "573")
    assert ref.folio_text == "16"
    assert ref.doubtful
    assert 0 < ref.confidence < 1
    assert ref.note is not None
    assert "'z' as 2" in ref.note
    assert "RTsKhlDNI" in ref.note
    assert ref.likely is None
    assert {repair.level for repair in ref.repairs} == {"repository", "opis"}


@pytest.mark.parametrize(
    ("printed", "normalised", "repaired"),
    [
        (
            "RTsKhIDNl, f. 17, op. 3, d. 961, l. 1O",
            "RGASPI, f. 17, op. 3, d. 961, l. 10",
            "'O' as 0",
        ),
        (
            "RTsKhIDNI, f. 17, op. IZO, d. 106, ll. 56-57",
            "RGASPI, f. 17, op. 120, d. 106, ll. 56–57",
            "'Z' as 2",
        ),
        (
            "RTsKhIDNI, f. 17, op. j, d. 874, l. 15",
            "RGASPI, f. 17, op. 3, d. 874, l. 15",
            "'j' as 3",
        ),
        (
            "RTsKhIDNI, f. 17, op. 2, d. 5 1 1, ll. 12-14",
            "RGASPI, f. 17, op. 2, d. 511, ll. 12–14",
            "stray spaces",
        ),
        ("RTsKhIDNI, f. 17, op. 3, d. 939, l. I", "RGASPI, f. 17, op. 3, d. 939, l. 1", "'I' as 1"),
        (
            "GARF, f. 5446, op. zza, d. 339,Il. 5-11",
            "GARF, f. 5446, op. 22a, d. 339, ll. 5–11",
            "'z' as 2",
        ),
        (
            "RTsKhIDNlf. 17,op. z,d. 5 1 1 , l l .  137",
            "RGASPI, f. 17, op. 2, d. 511, l. 137",
            "stray spaces",
        ),
        (
            "RTrKhIDNI, f. 17, op. 3, d. 965, Il. 30, 63-64",
            "RGASPI, f. 17, op. 3, d. 965, ll. 30, 63–64",
            "RTrKhIDNI",
        ),
    ],
)
def test_ocr_repairs(printed: str, normalised: str, repaired: str) -> None:
    ref = parse_reference(printed)
    assert ref.normalised() == normalised
    assert ref.doubtful
    assert ref.confidence < 1
    assert ref.note is not None
    assert repaired in ref.note


def test_unreadable_value_is_kept_and_flagged() -> None:
    ref = parse_reference("RGASPI, f. 17, op. 3, d. 940, ll. 27-20")
    assert ref.folio_text == "27–20"
    assert ref.doubtful
    assert ref.note is not None
    assert "ends before it starts" in ref.note


# --- misprints --------------------------------------------------------------------------


@pytest.mark.parametrize("letter", ["P", "L", "I"])
def test_letter_opis_in_fond_558_is_kept_and_a_likely_reading_offered(letter: str) -> None:
    printed = f"RGASPI F. 558. Op. {letter}. D. 93. L. 55, 55v"
    ref = parse_reference(printed)
    assert ref.opis == letter
    assert ref.verbatim == printed
    assert ref.doubtful
    assert ref.confidence < 1
    assert ref.note is not None
    assert f"Op. {letter} is probably a misprint for Op. 11" in ref.note
    assert ref.normalised() == f"RGASPI, f. 558, op. {letter}, d. 93, l. 55, 55v"
    assert ref.likely is not None
    assert ref.likely.opis == "11"
    assert ref.likely.normalised() == "RGASPI, f. 558, op. 11, d. 93, l. 55, 55v"


def test_politburo_inventory_outside_fond_17_is_flagged() -> None:
    ref = parse_reference("RGASPI F. 77. Op. 163. D. 1092. L. 70")
    assert ref.fond == "77"
    assert ref.doubtful
    assert ref.likely is not None
    assert ref.likely.fond == "17"
    assert not parse_reference("RGASPI F. 17. Op. 163. D. 1092. L. 70").doubtful


def test_a_numbered_opis_in_fond_558_is_not_a_misprint() -> None:
    assert not parse_reference("RGASPI F. 558. Op. 1. D. 93").doubtful


# --- Ibid. ------------------------------------------------------------------------------

PREVIOUS = "RGASPI. F. 17. Op. 3. D. 974. L. 57"


@pytest.mark.parametrize(
    ("printed", "verbatim", "normalised"),
    [
        ("(Ibid. L. 13)", "Ibid. L. 13", "RGASPI, f. 17, op. 3, d. 974, l. 13"),
        ("Ibid. D. 93. L. 20", "Ibid. D. 93. L. 20", "RGASPI, f. 17, op. 3, d. 93, l. 20"),
        ("Ibid. D. 93", "Ibid. D. 93", "RGASPI, f. 17, op. 3, d. 93"),
        (
            "Ibid. Op. 163. D. 1092. L. 3–6.",
            "Ibid. Op. 163. D. 1092. L. 3–6",
            "RGASPI, f. 17, op. 163, d. 1092, ll. 3–6",
        ),
        (
            "Ibid. F. 558. Op. 11. D. 93. L. 6v",
            "Ibid. F. 558. Op. 11. D. 93. L. 6v",
            "RGASPI, f. 558, op. 11, d. 93, l. 6v",
        ),
        ("(Ibid.)", "Ibid.", "RGASPI, f. 17, op. 3, d. 974, l. 57"),
    ],
)
def test_ibid_changes_only_what_it_names(printed: str, verbatim: str, normalised: str) -> None:
    ref = parse_reference(printed, previous=parse_reference(PREVIOUS))
    assert ref.normalised() == normalised
    assert ref.verbatim == verbatim
    assert ref.via_ibid


def test_ibid_carries_the_previous_doubts_only_where_it_keeps_them() -> None:
    noisy = parse_reference("RTsKhIDNI, f. 17, op. z, d. 573, l. 1O")
    same_file = parse_reference("Ibid. L. 17", previous=noisy)
    assert same_file.doubtful  # op. z is still in the reading
    assert all(repair.level != "folios" for repair in same_file.repairs)
    other_inventory = parse_reference("Ibid. Op. 3. D. 900. L. 2", previous=noisy)
    assert {repair.level for repair in other_inventory.repairs} == set()
    misprint = parse_reference("RGASPI F. 558. Op. P. D. 93. L. 55")
    follows = parse_reference("Ibid. L. 60", previous=misprint)
    assert follows.likely is not None
    assert follows.likely.normalised() == "RGASPI, f. 558, op. 11, d. 93, l. 60"


# --- citation styles --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "chicago", "gost"),
    [
        (
            "RGASPI F. 558. Op. 11. D. 93. L. 42–46",
            "RGASPI, f. 558, op. 11, d. 93, ll. 42–46",
            "RGASPI. F. 558. Op. 11. D. 93. L. 42–46.",
        ),
        (
            "RGASPI F. 558. Op. 11. D. 93. L. 110 - 110 rev.",
            "RGASPI, f. 558, op. 11, d. 93, l. 110–110v",
            "RGASPI. F. 558. Op. 11. D. 93. L. 110–110 ob.",
        ),
        (
            "GARF, f. R-5446, op. 1, d. 487",
            "GARF, f. R-5446, op. 1, d. 487",
            "GARF. F. R-5446. Op. 1. D. 487.",
        ),
        ("f. 3, op. 24, d. 260, l. 1", "f. 3, op. 24, d. 260, l. 1", "F. 3. Op. 24. D. 260. L. 1."),
    ],
)
def test_cite_in_both_styles(printed: str, chicago: str, gost: str) -> None:
    ref = parse_reference(printed)
    assert ref.cite(CitationStyle.CHICAGO) == chicago
    assert ref.cite(CitationStyle.GOST) == gost
    assert fields(parse_reference(gost)) == fields(parse_reference(chicago))


def test_normalised_does_not_depend_on_the_printing() -> None:
    printings = [
        "RTsKhIDNI, f. 17, op. 3, d. 573, l. 16",
        "RGASPI. F. 17. Op. 3. D. 573. L. 16.",
        "RGASPI F. 17 Op. 3. D. 573. L. 16",
        "RTsKhlDNI, f. 17, op. 3, d. 573 , l . 16",
    ]
    assert {parse_reference(p).normalised() for p in printings} == {"RGASPI, f. 17, op. 3, d. 573, l. 16"}


# --- errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("Op. 11. D. 93. L. 5", "no fond"),
        ("RGASPI Op. 11. D. 93", "no fond"),
        ("Ibid. L. 4", "previous"),
        ("Pravdafoo, f. 17, op. 3", "unknown repository"),
        ("RGASPI F. 558. Op. 11. D. 93. L. 5. Autograph.", "parse_references"),
    ],
)
def test_parse_errors_say_why(printed: str, message: str) -> None:
    with pytest.raises(ReferenceParseError, match=message):
        parse_reference(printed)


def test_parse_error_is_a_value_error() -> None:
    assert issubclass(ReferenceParseError, ValueError)


# --- Archive: fields --------------------------------------------------------------------


def test_parse_references_splits_copies_and_carries_the_repository() -> None:
    field = "Archive: RGASPI F. 558 Op. 11. D. 93. L. 6. Autograph; F. 81. Op. 3. D. 101. L. 78. Typewritten copy."
    (first, first_form), (second, second_form) = parse_references(field)
    assert first.normalised() == "RGASPI, f. 558, op. 11, d. 93, l. 6"
    assert first_form == "Autograph"
    assert second.normalised() == "RGASPI, f. 81, op. 3, d. 101, l. 78"
    assert second.repository_as_printed is None
    assert second_form == "Typewritten copy."


def test_parse_references_keeps_multi_sentence_forms() -> None:
    [(ref, form)] = parse_references("RGASPI F. 558. Op. 11. D. 93. L. 42–46. Original. Typescript.")
    assert ref.verbatim == "RGASPI F. 558. Op. 11. D. 93. L. 42–46"
    assert form == "Original. Typescript."


def test_parse_references_uses_the_default_repository() -> None:
    [(ref, form)] = parse_references("F. 558. Op. 11. D. 743. L. 56-63. Autograph.", default_repository="RGASPI")
    assert ref.repository == "RGASPI"
    assert form == "Autograph."


def test_parse_references_rejects_an_empty_field_and_a_copy_without_fond() -> None:
    with pytest.raises(ReferenceParseError, match="empty"):
        parse_references("Archive: ")
    with pytest.raises(ReferenceParseError, match="no fond"):
        parse_references("RGASPI F. 558. Op. 11. D. 93. L. 4. Autograph; Op. 3. D. 1. Copy.")


# --- references in prose ----------------------------------------------------------------


def test_find_references_in_a_footnote_resolves_ibid() -> None:
    note = (
        "3 The commissar's order went out that week (RGASPI. F. 17. Op. 3. D. 974. L. 57); "
        "for the draft see: Ibid. Op. 163. D. 1092. L. 3–6. A reply came (Ibid. L. 9)."
    )
    found = find_references(note)
    assert [ref.normalised() for _, _, ref in found] == [
        "RGASPI, f. 17, op. 3, d. 974, l. 57",
        "RGASPI, f. 17, op. 163, d. 1092, ll. 3–6",
        "RGASPI, f. 17, op. 163, d. 1092, l. 9",
    ]
    assert [note[start:end] for start, end, _ in found] == [
        "RGASPI. F. 17. Op. 3. D. 974. L. 57",
        "Ibid. Op. 163. D. 1092. L. 3–6",
        "Ibid. L. 9",
    ]
    assert all(ref.verbatim == note[s:e] for s, e, ref in found)


def test_find_references_uses_the_given_previous_and_skips_orphan_ibid() -> None:
    assert find_references("as before (Ibid. L. 2).") == []
    previous = parse_reference("GARF, f. R-5446, op. 1, d. 487, l. 100")
    [(_, _, ref)] = find_references("as before (Ibid. L. 2).", previous=previous)
    assert ref.normalised() == "GARF, f. R-5446, op. 1, d. 487, l. 2"


def test_find_references_reads_ocr_footnotes() -> None:
    notes = "57. RTsKhIDNI, f. 17, op. 2, d. 568, l. 3.\n58. RTsKhlDNI, f. 17, op. z, d. 573 , l . 16.\n"
    found = find_references(notes)
    assert [ref.normalised() for _, _, ref in found] == [
        "RGASPI, f. 17, op. 2, d. 568, l. 3",
        "RGASPI, f. 17, op. 2, d. 573, l. 16",
    ]
    assert [ref.doubtful for _, _, ref in found] == [False, True]


def test_find_references_ignores_prose_without_references() -> None:
    previous = parse_reference(PREVIOUS)
    prose = "The plenum met in f. 5 of the building; ibid., p. 12."
    assert find_references(prose, previous=previous) == []


def test_find_references_carries_the_archive_along_a_line_only() -> None:
    text = "RGASPI F. 558. Op. 11. D. 93. L. 40. Copy; F. 81. Op. 3. D. 101. L. 4.\nF. 9. Op. 1. D. 2."
    repositories = [ref.repository for _, _, ref in find_references(text)]
    assert repositories == ["RGASPI", "RGASPI", None]


# --- round trip -------------------------------------------------------------------------

_numbers = st.integers(min_value=1, max_value=9999).map(str)


@st.composite
def folio_spans(draw: st.DrawFn) -> FolioSpan:
    start = draw(st.integers(min_value=1, max_value=999))
    end = draw(st.none() | st.integers(min_value=start + 1, max_value=start + 50))
    return FolioSpan(
        str(start),
        draw(st.booleans()),
        None if end is None else str(end),
        end is not None and draw(st.booleans()),
    )


@st.composite
def references(draw: st.DrawFn) -> ArchivalReference:
    opis = draw(st.none() | _numbers | _numbers.map(lambda n: n + "a"))
    delo = draw(st.none() | _numbers)
    folios = tuple(draw(st.lists(folio_spans(), max_size=4))) if delo or opis else ()
    return ArchivalReference(
        verbatim="",
        repository=draw(st.none() | st.sampled_from(sorted(REPOSITORIES))),
        repository_as_printed=None,
        fond=draw(_numbers | _numbers.map(lambda n: "R-" + n)),
        opis=opis,
        delo=delo,
        folios=folios,
    )


@given(references(), st.sampled_from(list(CitationStyle)))
def test_a_citation_parses_back_to_the_same_fields(ref: ArchivalReference, style: CitationStyle) -> None:
    assert fields(parse_reference(ref.cite(style))) == fields(ref)


# --- the corpus -------------------------------------------------------------------------


def test_every_archive_field_of_the_correspondence_parses() -> None:
    source = CORPUS / "stalin-kaganovich-1936-jan-aug.txt"
    if not source.exists():
        pytest.skip(f"the reference corpus is not at {CORPUS}")
    archive_fields = [line[line.index("Archive:") :] for line in source.read_text().splitlines() if "Archive:" in line]
    assert len(archive_fields) >= 40
    copies = [copy for field in archive_fields for copy in parse_references(field)]
    assert len(copies) > len(archive_fields)
    assert all(ref.repository == "RGASPI" for ref, _ in copies)
    assert all(ref.folios and form for ref, form in copies)
    doubtful = {ref.normalised() for ref, _ in copies if ref.doubtful}
    assert "RGASPI, f. 558, op. P, d. 93, l. 55, 55v" in doubtful
    assert "RGASPI, f. 77, op. 163, d. 1092, l. 70" in doubtful
    assert all(ref.likely is not None for ref, _ in copies if ref.doubtful)


# --- look-alike letters that stand for more than one digit ---------------------------------------


@pytest.mark.parametrize(
    ("printed", "normalised", "repaired"),
    [
        ("RTsKhlDNI, f. 17, op. t, d. 573, l. 33", "RGASPI, f. 17, op. 2, d. 573, l. 33", "'t' as 2"),
        ("RTsKhlDNI, f. 17, op. a, d. 575, ll. 94-97", "RGASPI, f. 17, op. 2, d. 575, ll. 94–97", "'a' as 2"),
        ("RTsKhlDN1,f. 17,op. t r , d . 2196, ll. 10-13", "RGASPI, f. 17, op. 21, d. 2196, ll. 10–13", "'r' as 1"),
        ("RTsKhlDNI, f. 17, op. 1x0, d. 272, ll. 24-39", "RGASPI, f. 17, op. 120, d. 272, ll. 24–39", "'x' as 2"),
        ("RTsKhIDNI, f. 17, op. Irq , d. 627, l. 17", "RGASPI, f. 17, op. 114, d. 627, l. 17", "'q' as 4"),
        ("RTsKhIDNI, f. 17, op. Ira, d. 178, l. 7", "RGASPI, f. 17, op. 120, d. 178, l. 7", "'a' as 0"),
        ("RTsKhIDNI, f. 17, op. 2, d. S r r , ll. 117-19", "RGASPI, f. 17, op. 2, d. 511, ll. 117–119", "'S' as 5"),
    ],
)
def test_ambiguous_letters_are_read_as_an_inventory_the_fond_has(printed: str, normalised: str, repaired: str) -> None:
    ref = parse_reference(printed)
    assert ref.normalised() == normalised
    assert ref.verbatim == printed
    assert ref.doubtful
    assert 0 < ref.confidence < 0.9
    assert ref.note is not None
    assert repaired in ref.note


def test_an_inventory_chosen_among_readings_says_so() -> None:
    ref = parse_reference("RTsKhlDNI, f. 17, ap. r, d. 573, l. 23")
    assert ref.opis == "2"
    assert ref.note is not None
    assert "only 2 is a known value" in ref.note
    # Elsewhere no inventories are listed: the letter keeps its usual reading.
    assert parse_reference("RTsKhIDNI, f. 85, op. r, d. 93, l. 12").opis == "1"


def test_clean_digits_are_never_changed_by_the_inventory_list() -> None:
    ref = parse_reference("RTsKhlDNI, f. 17, op. 1, d. 573, l. 36")
    assert ref.opis == "1"
    assert "op" not in (ref.note or "")


def test_opis_without_its_dot_before_a_lone_letter_in_fond_558() -> None:
    ref = parse_reference("RTsKhlDNI, f. 558, op I , d. 5023, ll. 1-17")
    assert (ref.fond, ref.opis, ref.delo) == ("558", "I", "5023")
    assert ref.likely is not None
    assert ref.likely.opis == "11"


# --- shapes the scan leaves of numbers: spaced out, lost digits, glued marks --------------------


@pytest.mark.parametrize(
    ("printed", "normalised", "repaired"),
    [
        # A run of lone letters and digits the scan spaced apart is one number.
        ("RTsKhIDNI, f. 17, op. 3, d. r o o j , ll. 12-13", "RGASPI, f. 17, op. 3, d. 1003, ll. 12–13", "'j' as 3"),
        ("RTsKhIDNI, f. 17, op. 3, d. 961, ll. 41, 4 s", "RGASPI, f. 17, op. 3, d. 961, ll. 41, 45", "'s' as 5"),
        # Two strokes run together into a quotation mark: 11; the folios after it are kept.
        ('RTsKhIDNI, f. 17, op. 2, d. 6". ll. 40-47', "RGASPI, f. 17, op. 2, d. 611, ll. 40–47", "as 11"),
        # The folio mark ran into the file number: d. 9621. 30 is d. 962, l. 30.
        ("RTsKhIDNI, f. 17, op. 3, d. 9621. 30.", "RGASPI, f. 17, op. 3, d. 962, l. 30", "ran into the file number"),
        ("RTsKhIDNI, f. 17, op. 120, d. 21311. 5-9.", "RGASPI, f. 17, op. 120, d. 213, ll. 5–9", "ll. 5-9"),
        # A list of folios after a comma may open with letters, and a stop may stand for a comma.
        ("RTsKhIDNI, f. 17, op. 2, d. 577, ll. 4-6,zo-z4", "RGASPI, f. 17, op. 2, d. 577, ll. 4–6, 20–24", "'z' as 2"),
    ],
)
def test_numbers_the_scan_broke_apart(printed: str, normalised: str, repaired: str) -> None:
    ref = find_references(printed)[0][2]
    assert ref.normalised() == normalised
    assert ref.doubtful
    assert repaired in (ref.note or "")


def test_a_stop_between_ranges_stands_for_a_comma() -> None:
    ref = find_references("RTsKhIDNI, f. 17, op. 2, d. 577, ll. 4-6. 9-12. Typescript")[0][2]
    assert ref.folio_text == "4–6, 9–12"


def test_a_stop_before_a_lone_number_does_not_extend_the_folios() -> None:
    ref = find_references("RTsKhIDNI, f. 17, op. 3, d. 962, l. 30. 1935 was")[0][2]
    assert ref.folio_text == "30"


def test_a_range_end_of_ambiguous_letters_is_read_to_lie_beyond_its_start() -> None:
    ref = parse_reference("RTsKhIDNI, f. 17, op. 2, d. 577, ll. 13-rz")
    assert ref.folio_text == "13–22"  # r is 1 or 2; 13-12 would run backwards
    assert ref.note is not None
    assert "only 22 keeps the folios in order" in ref.note
    assert ref.confidence < 0.5


def test_a_lost_digit_between_ranges_is_read_from_their_order() -> None:
    ref = parse_reference("RTsKhIDNI, f. 17, op. 2, d. 577, ll. 4-6, zo-~z, jr-jj")
    assert ref.folio_text == "4–6, 20–22, 31–33"
    assert ref.note is not None
    assert "'~z' allows" in ref.note


def test_a_lost_digit_that_order_cannot_settle_stays_unknown_and_flagged() -> None:
    ref = parse_reference("RTsKhIDNI, f. 78, op. 1, d. 50, ll. I Z S - Z ~ O ~")
    assert ref.folio_text == "125–2?0?"
    assert ref.note is not None
    assert "could not be read" in ref.note
    assert any(repair.kind == "unreadable" for repair in ref.repairs)


def test_a_file_with_a_lost_digit_is_left_absent_and_its_shape_noted() -> None:
    ref = parse_reference("RTsKhIDNI, f. 17, op. 3, d. ~ o o z , l. 7")
    assert ref.delo is None
    assert ref.folio_text == "7"
    assert ref.note is not None
    assert "reads ?002" in ref.note
    assert ref.verbatim.startswith("RTsKhIDNI")


def test_a_smudged_file_mark_is_read_by_its_place() -> None:
    ref = parse_reference("RTsKhIDNI, f. 17, op. 21, ~ . 2r40, ll. 7-8")
    assert (ref.opis, ref.delo) == ("21", "2140")
    assert ref.note is not None
    assert "smudge" in ref.note
    assert ref.confidence < 0.5


def test_readings_list_what_look_alike_letters_allow() -> None:
    assert readings("9r2") == ["912", "922"]
    assert readings("412") == ["412"]
    assert readings("~05")[:2] == ["105", "205"]
    assert "005" not in readings("~05")
    assert readings("word") == []
