"""Road to Terror notes: the note sequence, printed sources, and which note is a document's."""

from __future__ import annotations

from dataclasses import replace

import pytest

from chronology.archives.reference import ArchivalReference
from chronology.dates.fuzzy import parse_date
from chronology.importers.records import Copy, Document, ParsedSource
from chronology.importers.road_to_terror.assign import Markers, choose_note, note_for_title, part_notes
from chronology.importers.road_to_terror.groups import apply_neighbour_files, protocol_series
from chronology.importers.road_to_terror.notes import collect_notes, renumber, variants
from chronology.importers.road_to_terror.pages import Heading, Note
from chronology.importers.road_to_terror.parser import parse
from chronology.importers.road_to_terror.segments import Segment
from chronology.importers.road_to_terror.sources import mend_from_neighbours, note_references, printed_source
from tests.paths import EDITION_FIXTURES

FIXTURE = EDITION_FIXTURES / "rtt_notes_sample.txt"


def _note(number: int, line: int, text: str = "RTsKhIDNI, f. 17, op. 3, d. 900, l. 1.") -> Note:
    return Note(number, text, line, line)


# --- the sequence of notes ------------------------------------------------------------------


def test_variants_are_one_confused_digit_or_a_lost_tens_digit() -> None:
    assert {11, 22} <= variants(12)
    assert 15 in variants(55)
    assert {15, 25} <= variants(5)
    assert 12 not in variants(12)


def test_a_run_of_misread_numbers_is_mended_as_a_run() -> None:
    printed = [20, 11, 12, 13, 24, 15]
    notes = [_note(number, 100 * position + 50) for position, number in enumerate(printed)]
    # Alone, the fewest misreadings win; the markers after three titles tip the whole run.
    assert [note.number for note in renumber(notes)] == [10, 11, 12, 13, 14, 15]
    mended = renumber(notes, [(110, 21), (210, 22), (310, 23), (330, None)])
    assert [note.number for note in mended] == [20, 21, 22, 23, 24, 25]
    assert [note.printed for note in mended] == [None, "11", "12", "13", None, "15"]


def test_a_new_chapter_restarts_the_count_and_a_list_item_stays_outside() -> None:
    notes = renumber([_note(66, 1), _note(67, 2), _note(1, 50), _note(2, 51), _note(45, 60), _note(3, 70)])
    assert [note.number for note in notes] == [66, 67, 1, 2, 45, 3]
    assert [note.in_sequence for note in notes] == [True, True, True, True, False, True]


def test_a_title_marker_decides_between_readings() -> None:
    # After 16, a printed 13 may be a misread 18 or 23: a title printing 23 just before says which.
    assert renumber([_note(16, 10), _note(13, 100)])[1].number == 18
    supported = renumber([_note(16, 10), _note(13, 100)], [(40, 23)])
    assert (supported[1].number, supported[1].printed) == (23, "13")


def test_run_on_notes_loose_openings_and_damaged_numbers_are_separated() -> None:
    lines = [
        "56. RTsKhIDNI, f. 17, op. 3, d. 974, l. 137. 57. Parents of the pupils were asked.",
        "58. V. P. Ivanov and N. A. Petrov, eds., An invented collection of papers,",
        "Moscow, 1989, 4-5.",
        "",
        '5" RTsKhIDNI, f. 17, op. 3, d. 975, l. 2.',
    ]
    notes, occupied = collect_notes(lines)
    assert [(note.number, note.line) for note in notes] == [(56, 1), (57, 1), (58, 2), (50, 5)]
    assert notes[0].text.endswith("l. 137.")
    assert notes[2].text.endswith("4-5.")
    assert notes[3].printed == '5"'
    assert occupied == {0, 1, 2, 4}
    assert renumber(notes)[3].number == 59


# --- printed sources -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "citation"),
    [
        ("Irvestila TrK KPSS, no. 8, 1989, Ioo-IrS. Printed.", "Izvestiia TsK KPSS, no. 8, 1989, 100-115"),
        ("Vopmsy isforii, no. I, 1994, 12-13.", "Voprosy istorii, no. 1, 1994, 12-13"),
        ("Voprosy istorii, no. lo, 1992, r j - 2 5 , 3 5 - 3 6 .", "Voprosy istorii, no. 10, 1992, 13-25, 35-36"),
        ("Trud, no. 88, June 4, 1992, r, 4.", "Trud, no. 88, June 4, 1992, 1, 4"),
        ("Modovrkie novosti, no. 25, June 2r, 1992, 19.", "Moskovskie novosti, no. 25, June 21, 1992, 19"),
        ("Irtochnik, no. 3, 1994, 73. The word is underlined.", "Istochnik, no. 3, 1994, 73"),
    ],
)
def test_printed_sources_are_read_through_ocr_noise(text: str, citation: str) -> None:
    source = printed_source(text)
    assert source is not None
    assert source.citation == citation
    assert source.verbatim == text
    assert source.repaired


def test_books_are_printed_sources_and_pointers_or_archives_are_not() -> None:
    book = printed_source("A. B. Ivanov and C. D. Petrov, eds., An invented collection, Moscow, 1989, 4-5.")
    assert book is not None
    assert book.citation.endswith("Moscow, 1989, 4-5")
    assert printed_source("See Voprosy istorii, no. 3, 1995, 5.") is None
    assert printed_source("Izvestiia TsK KPSS, no. 9, 1989, 36; RTsKhIDNI, f. 85, op. 1, d. 136, l. 4.") is None
    assert printed_source("Literally, the word means a sweeping-Trans.") is None


# --- choosing a document's note ----------------------------------------------------------------


def test_marker_names_its_note_and_sequence_covers_an_unreadable_one() -> None:
    notes = [_note(21, 120), _note(22, 121), _note(23, 122, "See an invented study, Moscow, 1990, 2.")]
    chosen = choose_note(notes, 22, 100, 21, set())
    assert chosen is not None
    assert (chosen.note.number, chosen.evidence) == (22, "marker")
    unreadable = choose_note(notes, None, 100, 20, set())
    assert unreadable is not None
    assert (unreadable.note.number, unreadable.evidence) == (21, "sequence")


def test_a_number_another_marker_claims_is_never_taken() -> None:
    notes = [_note(21, 120), _note(22, 121)]
    assert choose_note(notes, None, 100, 20, set(), [(110, 21)]) is not None
    chosen = choose_note(notes, None, 100, 20, set(), [(110, 21)])
    assert chosen is not None
    assert chosen.note.number == 22


def test_digits_that_name_no_note_accept_only_a_misreading_in_sequence() -> None:
    notes = [_note(19, 120), _note(23, 121)]
    # The title prints 18; note 18 is lost and 19 is no misreading of it.
    assert choose_note(notes, 18, 100, 17, set(), printed_marker=True) is None
    # A marker "5'" shows a 5: note 57 fits it, note 61 would not.
    fitting = [_note(57, 120)]
    chosen = choose_note(fitting, 51, 100, 56, set(), printed_marker=False, marker_text="5'")
    assert chosen is not None
    assert chosen.note.number == 57
    assert choose_note([_note(61, 120)], 51, 100, 59, set(), printed_marker=False, marker_text="5'") is None


def test_a_note_after_a_later_title_is_left_to_it() -> None:
    notes = [_note(35, 150)]
    assert choose_note(notes, None, 100, 34, set(), titles=[100, 130]) is None
    assert choose_note([*notes, _note(36, 151)], None, 100, 34, set(), titles=[100, 130]) is not None


# --- the invented sample ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> ParsedSource:
    return parse(FIXTURE.read_text(encoding="utf-8"), source_name="rtt_notes_sample.txt")


def _by_key(parsed: ParsedSource, key: str) -> Document:
    return next(document for document in parsed.documents if document.key == key)


def test_sample_misread_note_numbers_still_reach_their_documents(sample: ParsedSource) -> None:
    orlov, sokolov = _by_key(sample, "rtt:30"), _by_key(sample, "rtt:31")
    assert [note.number for note in orlov.footnotes] == [21]
    assert orlov.copies[0].reference.normalised() == "RGASPI, f. 17, op. 2, d. 511, ll. 40–44"
    assert [note.number for note in sokolov.footnotes] == [22]
    assert any("printed as '11'" in item.reason for item in sample.review)


def test_sample_narrative_markers_move_the_count(sample: ParsedSource) -> None:
    decision = _by_key(sample, "rtt:32")
    assert [note.number for note in decision.footnotes] == [26]
    assert decision.copies[0].reference.normalised() == "RGASPI, f. 17, op. 3, d. 940, l. 12"


def test_sample_printed_source_and_inferred_series_source(sample: ParsedSource) -> None:
    letter = _by_key(sample, "rtt:33")
    assert letter.copies == []
    assert letter.published_source == "Izvestiia TsK KPSS, no. 4, 1990, 71"
    assert _by_key(sample, "rtt:34").published_source == "Voprosy istorii, no. 3, 1993, 12-13"
    inferred = _by_key(sample, "rtt:35")
    assert inferred.footnotes == []
    assert inferred.published_source is not None
    assert inferred.published_source.startswith("Voprosy istorii (")
    assert "inferred" in inferred.published_source
    assert any(item.verbatim == inferred.title and "inferred" in item.reason for item in sample.review)


def test_sample_lost_note_stays_lost_and_damaged_number_is_read(sample: ParsedSource) -> None:
    lost = _by_key(sample, "rtt:37")
    assert (lost.footnotes, lost.copies, lost.published_source) == ([], [], None)
    damaged = _by_key(sample, "rtt:38")
    assert [note.number for note in damaged.footnotes] == [34]
    assert damaged.copies[0].reference.normalised() == "RGASPI, f. 17, op. 114, d. 560, l. 3"


# --- notes the scan damaged, and sources read from the neighbours -----------------------------


def test_a_note_whose_tens_digit_is_lost_is_read_from_the_sequence() -> None:
    lines = [f"{n}. RTsKhIDNI, f. 17, op. 3, d. 975, l. {n}." for n in range(1, 5)]
    lines += ["", '" 5 .  RTsKhIDNI, f. 17, op. 3, d. 976, l. 2.', "", '" 6 .  RTsKhIDNI, f. 17, op. 3, d. 976, l. 3.']
    notes, _ = collect_notes(lines)
    assert [(note.number, note.printed) for note in notes][3:] == [(4, None), (5, '" 5'), (6, '" 6')]
    # After 4 the units alone read as 5 and 6; after 14 they would read as 15 and 16.
    assert [note.number for note in renumber(notes)] == [1, 2, 3, 4, 5, 6]
    later = [Note(n + 10, text, line, line) for n, text, line in ((3, "RTsKhIDNI, f. 17, op. 3, d. 1, l. 1.", 1),)]
    later += [replace(note, line=note.line + 10) for note in notes[4:]]
    assert [note.number for note in renumber(later)] == [13, 15, 16]


def test_a_title_marker_whose_note_is_lost_still_spends_its_number() -> None:
    notes = [_note(6, 50), _note(15, 400)]
    title = "Invented resolution on appeals\"'="
    spent = Markers(titles=[(100, 13), (200, 14), (300, None)], text=[])
    _, chosen = note_for_title(notes, spent, title, 300, 11, set())
    assert chosen is not None
    assert (chosen.note.number, chosen.evidence) == (15, "sequence")
    unread = Markers(titles=[(100, None), (200, None), (300, None)], text=[])
    assert note_for_title(notes, unread, title, 300, 11, set())[1] is None


def test_an_inventory_without_a_digit_is_read_from_the_next_file_of_the_run() -> None:
    neighbour = (10, "RTsKhIDNI, f. 17, op. 120, d. 143, l. 2.")
    mended = mend_from_neighbours("RTsKhIDNI, f. 17, ap. n o , d. r41, I l . 5-6.", None, [neighbour])
    assert mended is not None
    assert mended.normalised() == "RGASPI, f. 17, op. 120, d. 141, ll. 5–6"
    assert mended.doubtful
    assert "line 10" in (mended.note or "")
    assert mended.verbatim.startswith("RTsKhIDNI, f. 17, ap. n o")
    far = (10, "RTsKhIDNI, f. 17, op. 120, d. 900, l. 2.")
    assert mend_from_neighbours("RTsKhIDNI, f. 17, ap. n o , d. r41, l. 5.", None, [far]) is None


def test_a_file_read_from_letters_is_mended_only_where_the_letter_is_ambiguous() -> None:
    def read(text: str) -> ArchivalReference:
        return note_references(text)[0][2]

    lettered = read("RTsKhIDNI, f. 17, op. 21, d. rr57, l. 3.")
    assert lettered.delo == "1157"
    beside = (5, "RTsKhIDNI, f. 17, op. 21, d. zr57, l. 1.")
    mended = mend_from_neighbours(lettered.verbatim, lettered, [beside])
    assert mended is not None
    assert (mended.delo, mended.doubtful) == ("2157", True)
    # A neighbour citing the file as read keeps it; a "z" is never read otherwise.
    same = (6, "RTsKhIDNI, f. 17, op. 21, d. 1157, l. 9.")
    assert mend_from_neighbours(lettered.verbatim, lettered, [beside, same]) is None
    confident = read(beside[1])
    assert mend_from_neighbours(confident.verbatim, confident, [(1, lettered.verbatim)]) is None


def test_each_part_of_a_composite_document_has_its_note() -> None:
    segment = Segment(
        heading=Heading(1, 5, ""),
        title_lines=[(2, "Papers of an invented plenum")],
        lines=[
            (4, "[A1"),
            (5, "[From an invented report at the plenum, 2 May 1936,"),
            (6, "typed copy]3"),
            (7, ""),
            (8, "Speaker: Words of the report."),
            (9, "[Bl"),
            (10, "[From an invented reply, fair"),
            (11, "copy]~5"),
        ],
        end_line=12,
    )
    notes = [_note(3, 20), _note(4, 21, "Literally, a single word-Trans."), _note(5, 22)]
    assert [(part.label, part.note.number) for part in part_notes(segment, notes, set())] == [("A", 3), ("B", 5)]


def _speech(key: str, title: str, day: str, file: str | None = None) -> Document:
    document = Document(key=key, kind="speech", title=title, date=parse_date(day), line=int(key[4:]))
    if file is not None:
        reference = note_references(f"RTsKhIDNI, f. 17, op. 2, d. {file}, ll. 10-12.")[0][2]
        document.copies.append(Copy(reference=reference, form="Typed"))
    return document


def test_a_speech_takes_the_file_its_session_is_cited_from_as_an_inference() -> None:
    plenum = "'s speech to the CC plenum"
    parsed = ParsedSource(format="road-to-terror")
    parsed.documents = [
        _speech("rtt:1", "Ivanov" + plenum, "3 May 1936", "700"),
        _speech("rtt:2", "Petrov" + plenum, "3 May 1936"),
        _speech("rtt:3", "Sidorov" + plenum, "3 May 1936", "700"),
        _speech("rtt:4", "Orlov" + plenum, "4 May 1936"),
    ]
    apply_neighbour_files(parsed, {})
    [copy] = parsed.documents[1].copies
    # An inference is marked wherever it is cited, and has no printed form of its own.
    assert copy.reference.normalised() == "RGASPI, f. 17, op. 2, d. 700 [inferred]"
    assert copy.reference.inferred
    assert copy.reference.verbatim == ""
    assert copy.reference.doubtful
    assert copy.note is not None
    assert copy.note.startswith("inferred")
    assert parsed.documents[3].copies == []  # another day, another session
    assert [item.verbatim for item in parsed.review] == ["Petrov" + plenum]


def test_a_protocol_takes_the_file_of_the_protocols_around_it_only_when_they_agree() -> None:
    parsed = ParsedSource(format="road-to-terror")
    parsed.documents = [
        _speech("rtt:1", "Invented buro extract", "1 March 1937", "800"),
        _speech("rtt:2", "Invented buro extract", "9 March 1937"),
        _speech("rtt:3", "Invented buro extract", "20 March 1937", "800"),
        _speech("rtt:4", "Invented buro extract", "1 April 1937"),
        _speech("rtt:5", "Invented buro extract", "9 April 1937", "801"),
    ]
    for document in parsed.documents:
        document.kind = "protocol_extract"
    body = "Azov-Black Sea Territorial Committee buro"
    series = {f"rtt:{n}": (body, 10 + n) for n in range(1, 6)}
    apply_neighbour_files(parsed, series)
    assert [copy.reference.normalised() for copy in parsed.documents[1].copies] == [
        "RGASPI, f. 17, op. 2, d. 800 [inferred]"
    ]
    assert parsed.documents[3].copies == []  # between files 800 and 801


def test_the_body_whose_protocols_a_header_cites() -> None:
    assert protocol_series("From Protocol #12 of the bur0 of the Azov-Black Sea Territorial Committee") == (
        "Azov-Black Sea Territorial Committee buro"
    )
    assert protocol_series("From Protocol #3 of the Politburo of the CC") == "Politburo"
    assert protocol_series("Decision of the Politburo of 2 May 1936") is None
