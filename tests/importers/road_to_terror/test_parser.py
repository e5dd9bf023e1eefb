"""The Road to Terror OCR parser: invented fixture text first, then the real scan."""

from __future__ import annotations

import time

import pytest

from chronology.importers.records import Document, ParsedSource
from chronology.importers.road_to_terror.kinds import split_title
from chronology.importers.road_to_terror.pages import join_hyphenated, read_heading, repair_number
from chronology.importers.road_to_terror.parser import FORMAT, parse
from tests.paths import CORPUS, EDITION_FIXTURES

FIXTURE = EDITION_FIXTURES / "rtt_sample.txt"
CORPUS_FILE = CORPUS / "road-to-terror-ocr.txt"


@pytest.fixture(scope="module")
def sample() -> ParsedSource:
    return parse(FIXTURE.read_text(encoding="utf-8"), source_name="rtt_sample.txt")


def _by_key(parsed: ParsedSource, key: str) -> Document:
    return next(document for document in parsed.documents if document.key == key)


# --- pieces -------------------------------------------------------------------------------


@pytest.mark.parametrize(("token", "number"), [("igo", 190), ("go", 90), ("z", 2), ("ioz", 102), ("lo", 10)])
def test_heading_numbers_survive_ocr_letters(token: str, number: int) -> None:
    assert read_heading(f"Document {token} ") == (number, "")


def test_running_header_is_not_a_heading() -> None:
    assert read_heading("Document 51 continued ") is None
    assert read_heading("Document 148(b) ") == (148, "b")


def test_words_are_not_numbers() -> None:
    assert repair_number("is") is None
    assert repair_number("rr", letters_only=True) == 11


def test_year_and_note_glued_together_are_split() -> None:
    parts = split_title("Politburo resolution expelling Petrov. 2 May 193613", {13}, 13)
    assert (parts.title, parts.date_text, parts.note) == (
        "Politburo resolution expelling Petrov",
        "2 May 1936",
        13,
    )


def test_note_of_lookalike_letters_is_read_when_the_page_has_it() -> None:
    parts = split_title("Letter from Orlov to Lebedevs4", {54}, 54)
    assert (parts.title, parts.note) == ("Letter from Orlov to Lebedev", 54)


def test_editorial_bracket_read_as_digit_before_the_note() -> None:
    parts = split_title("Report on the timber trust [end of 1935123", {23}, 23)
    assert (parts.date_text, parts.note) == ("[end of 1935]", 23)


def test_hyphenated_line_breaks_are_joined_but_compounds_kept() -> None:
    assert join_hyphenated(["to be expel-", "ling him", "in February-", "March"]) == (
        "to be expelling him in February-March"
    )


# --- the invented sample --------------------------------------------------------------------


def test_sample_documents_and_format(sample: ParsedSource) -> None:
    assert sample.format == FORMAT
    assert [d.key for d in sample.documents] == [f"rtt:{n}" for n in range(7, 14)]
    assert sample.unparsed == []


def test_protocol_extract_title_date_protocol_and_item(sample: ParsedSource) -> None:
    document = _by_key(sample, "rtt:7")
    assert document.title == "Politburo resolution removing Ivanov from the timber trust"
    assert document.date is not None
    assert document.date.edtf == "1935-03-04"
    assert (document.protocol_number, document.protocol_item) == ("41", "22/6")
    assert [(p.name, p.is_body) for p in document.parties] == [("Politburo", True)]
    assert document.edition is not None
    assert document.edition.document_number == "7"
    assert document.edition.pages == "312"


def test_noisy_reference_is_repaired_and_kept_verbatim(sample: ParsedSource) -> None:
    document = _by_key(sample, "rtt:7")
    reference = document.copies[0].reference
    assert reference.repository == "RGASPI"
    assert (reference.fond, reference.opis, reference.delo) == ("17", "2", "960")
    assert reference.doubtful
    assert reference.confidence < 1
    assert "op. z" in reference.verbatim
    assert any(item.verbatim == reference.verbatim for item in sample.review)
    assert [note.number for note in document.footnotes] == [12]


def test_body_is_joined_and_narrative_and_furniture_left_out(sample: ParsedSource) -> None:
    body = _by_key(sample, "rtt:7").body
    assert "transferred to other work" in body
    assert "handing over of the accounts" in body  # the page break does not end the body
    assert "The Terror" not in body
    assert "RTsKhlDNI" not in body
    assert "narrower measure" not in body


def test_poll_by_telegram_becomes_one_decision_with_votes(sample: ParsedSource) -> None:
    decision = next(d for d in sample.decisions if d.key == "rtt:decision:8")
    assert (decision.body, decision.procedure, decision.outcome) == (
        "Central Committee",
        "poll",
        "approved",
    )
    assert decision.date is not None
    assert decision.date.edtf == "1936-05-01/1936-05-02"
    votes = [(v.person, v.position, v.recorded_in, v.source_document_key) for v in sample.votes]
    assert votes == [
        ("Sidorov", "for", "own_telegram", "rtt:9"),
        ("Kuznetsov", "for", "own_telegram", "rtt:10"),
    ]
    links = {(link.type, link.source_key, link.target_key) for link in sample.links}
    assert ("decided_by", "rtt:8", "rtt:decision:8") in links
    assert {("vote_on", f"rtt:{n}", "rtt:decision:8") for n in (9, 10, 11)} <= links
    assert ("version_of", "rtt:11", "rtt:10") in links


def test_two_versions_of_one_vote_share_a_decision(sample: ParsedSource) -> None:
    links = {(link.type, link.source_key, link.target_key, link.certainty) for link in sample.links}
    assert ("version_of", "rtt:13", "rtt:12", "certain") in links
    assert ("decided_by", "rtt:12", "rtt:decision:12", "certain") in links
    assert ("decided_by", "rtt:13", "rtt:decision:12", "certain") in links
    decision = next(d for d in sample.decisions if d.key == "rtt:decision:12")
    assert decision.procedure == "plenum_vote"
    assert decision.title == "CC vote on the Orlov affair"
    assert decision.summary is not None
    assert "Several" in decision.summary
    assert "unanimously" in decision.summary


def test_signatures_of_telegrams(sample: ParsedSource) -> None:
    assert _by_key(sample, "rtt:9").signatures == ["Sidorov"]


# --- the real scan ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus() -> ParsedSource:
    if not CORPUS_FILE.exists():
        pytest.skip(f"corpus file absent: {CORPUS_FILE}")
    return parse(CORPUS_FILE.read_text(encoding="utf-8"), source_name=CORPUS_FILE.name)


def test_whole_book_parses_quickly() -> None:
    if not CORPUS_FILE.exists():
        pytest.skip(f"corpus file absent: {CORPUS_FILE}")
    text = CORPUS_FILE.read_text(encoding="utf-8")
    started = time.perf_counter()
    parse(text, source_name=CORPUS_FILE.name)
    assert time.perf_counter() - started < 5


def test_corpus_document_counts(corpus: ParsedSource) -> None:
    keys = [document.key for document in corpus.documents]
    assert len(keys) == len(set(keys)) == 199
    assert "rtt:180" not in keys  # only its running headers survive the scan
    assert all(document.kind and document.title for document in corpus.documents)
    dated = [d for d in corpus.documents if d.date is not None]
    assert len(dated) >= 198
    assert any("Document 180" in item.verbatim for item in corpus.review)


def _inferred(document: Document) -> bool:
    return document.published_source is not None and "inferred" in document.published_source


def _inferred_file(document: Document) -> bool:
    return bool(document.copies) and all((copy.note or "").startswith("inferred") for copy in document.copies)


# Documents whose own note the scan lost and for which nothing in the book names a source.
NO_SOURCE = {
    "rtt:76",  # note 22 lost; a private letter
    "rtt:79",  # note 34 lost; an NKVD memorandum
    "rtt:102",  # note 2 lost; buro protocol #216, 33 after the last one cited from op. 42, a series of shared files
    "rtt:110",  # note 13 lost; a letter
    "rtt:159",  # note 47 lost; CC plenum protocol of June 1937
    "rtt:164",  # note 58 lost
    "rtt:165",  # note 59 lost
    "rtt:193",  # note 55 lost; Politburo protocol #66, but no protocol above it is cited to bracket its file
    "rtt:195",  # notes 63 and 64 lost
}


def test_corpus_references_archival_printed_and_inferred(corpus: ParsedSource) -> None:
    documents = corpus.documents
    archival = [d for d in documents if d.copies and not _inferred_file(d)]
    inferred_file = [d for d in documents if _inferred_file(d)]
    printed = [d for d in documents if not d.copies and d.published_source and not _inferred(d)]
    inferred = [d for d in documents if not d.copies and _inferred(d)]
    missing = {d.key for d in documents if not d.copies and not d.published_source}
    assert (len(archival), len(inferred_file), len(printed), len(inferred)) == (139, 13, 24, 14)
    # Speeches of the February-March 1937 plenum whose notes the scan lost.
    assert {d.key for d in inferred} >= {f"rtt:{n}" for n in range(122, 132)}
    assert {d.key for d in inferred_file} == {f"rtt:{n}" for n in (2, 38, 40, 46, 78, *range(104, 110), 111, 176)}
    assert missing == NO_SOURCE
    assert len(archival) + len(printed) == 163  # from the document's own note
    assert len(documents) - len(missing) == 190  # with the inferences
    assert not any(d.copies and d.published_source for d in documents)


def test_corpus_inferred_files_are_doubtful_without_folios_and_reviewed(corpus: ParsedSource) -> None:
    for key, normalised in (
        ("rtt:38", "RGASPI, f. 17, op. 2, d. 542 [inferred]"),  # the session's other speeches, 37 and 39
        ("rtt:106", "RGASPI, f. 17, op. 21, d. 2196 [inferred]"),  # the session's report, 103
        ("rtt:111", "RGASPI, f. 17, op. 21, d. 2214 [inferred]"),  # buro protocols #220 and #224
        ("rtt:78", "RGASPI, f. 17, op. 42, d. 759 [inferred]"),  # buro protocols #122 and #183
        ("rtt:176", "RGASPI, f. 17, op. 120, d. 327–329 [inferred]"),  # the run of files the narrative's note 9 names
        ("rtt:46", "RGASPI, f. 17, op. 3, d. 970 [inferred]"),  # Politburo protocols #27 (d. 965) and #36 (d. 974)
    ):
        document = _by_key(corpus, key)
        assert document.footnotes == []
        [copy] = document.copies
        assert copy.reference.normalised() == normalised  # the citation says it is inferred
        assert copy.reference.inferred
        assert copy.reference.verbatim == ""
        assert copy.reference.doubtful
        assert copy.reference.folios == ()
        assert copy.reference.confidence <= 0.6
        assert copy.note is not None
        assert copy.note.startswith("inferred")
        assert any(item.verbatim == document.title and item.suggestion == normalised for item in corpus.review)


def test_corpus_protocol_file_bracketed_by_the_protocols_either_side(corpus: ParsedSource) -> None:
    # Protocol #32 of 31 August 1935: #27 is cited from d. 965 and #36 from d. 974, both 938 apart.
    [copy] = _by_key(corpus, "rtt:46").copies
    assert copy.reference.confidence <= 0.4
    assert copy.note is not None
    for evidence in ("#27 (document 45", "#36 (document 48", "same 938"):
        assert evidence in copy.note
    # Document 36 prints #32 with d. 961 but is dated before #27; document 47 prints d. 374 for #36.
    set_aside = copy.note.split("set aside: ")[1]
    assert "document 36 (#32, d. 961" in set_aside
    assert "document 47 (#36, d. 374" in set_aside
    # Protocol #66 has protocol #65 below it but none cited above: no file is inferred.
    assert _by_key(corpus, "rtt:193").copies == []


def test_corpus_notes_found_despite_the_scan(corpus: ParsedSource) -> None:
    # A marker "'=" unreadable, but the titles before print 13 and 14: the note is the 15th.
    assert _by_key(corpus, "rtt:112").copies[0].reference.normalised() == "RGASPI, f. 17, op. 21, d. 2214, l. 114v"
    # Note printed '" 5' (its tens lost); file "rr96" read as the 2196 of the note two above.
    balashova = _by_key(corpus, "rtt:154")
    assert [note.number for note in balashova.footnotes] == [25]
    assert balashova.copies[0].reference.normalised() == "RGASPI, f. 17, op. 21, d. 2196, ll. 313–314"
    assert "rr96" in balashova.copies[0].reference.verbatim
    # Inventory "n o" has no digit; the next note on the page cites op. 120, d. 183.
    suicide = _by_key(corpus, "rtt:62")
    assert suicide.copies[0].reference.normalised() == "RGASPI, f. 17, op. 120, d. 182, ll. 93–94"
    assert suicide.copies[0].reference.doubtful
    # A note opening with a newspaper's name.
    assert _by_key(corpus, "rtt:189").published_source == "Moskovskie novosti, 11 June 1992, 19"


def test_corpus_composite_document_has_a_copy_per_part(corpus: ParsedSource) -> None:
    document = _by_key(corpus, "rtt:71")
    assert [note.number for note in document.footnotes] == [15, 17, 19, 20, 21]
    assert [copy.reference.delo for copy in document.copies] == ["571", "572", "572", "568", "568"]
    assert [copy.note[:8] if copy.note else None for copy in document.copies] == [
        f"part [{label}]" for label in "ABCDE"
    ]


@pytest.mark.parametrize(
    ("key", "normalised"),
    [
        ("rtt:89", "RGASPI, f. 17, op. 2, d. 573, l. 33"),  # op. t
        ("rtt:96", "RGASPI, f. 17, op. 2, d. 575, ll. 94–97, 100–104"),  # op. a
        ("rtt:70", "RGASPI, f. 17, op. 120, d. 272, ll. 24–39"),  # op. 1x0
        ("rtt:150", "RGASPI, f. 17, op. 114, d. 627, ll. 17, 76, 86, 104"),  # op. Irq
        ("rtt:85", "RGASPI, f. 17, op. 2, d. 573, l. 23"),  # marker 5' and the sequence
        ("rtt:13", "RGASPI, f. 17, op. 2, d. 511, ll. 117–119"),  # note printed rr for 21, d. S r r
    ],
)
def test_corpus_repaired_references(corpus: ParsedSource, key: str, normalised: str) -> None:
    reference = _by_key(corpus, key).copies[0].reference
    assert reference.normalised() == normalised
    assert reference.doubtful
    assert reference.verbatim in _by_key(corpus, key).footnotes[0].text


def test_corpus_printed_sources(corpus: ParsedSource) -> None:
    assert _by_key(corpus, "rtt:28").published_source == "Izvestiia TsK KPSS, no. 8, 1989, 95-115"
    assert _by_key(corpus, "rtt:169").published_source == "Trud, no. 88, June 4, 1992, 1"
    assert _by_key(corpus, "rtt:142").published_source == "Voprosy istorii, no. 1, 1994, 12-13"


def test_corpus_notes_the_scan_lost_stay_unattached(corpus: ParsedSource) -> None:
    # The note of 165 is lost; the note on its page belongs to 166, whose title prints its number.
    lost = _by_key(corpus, "rtt:165")
    assert (lost.footnotes, lost.copies, lost.published_source) == ([], [], None)
    assert [note.number for note in _by_key(corpus, "rtt:166").footnotes] == [60]
    # 2 prints marker 18; only the narrative note 19 survives on its page.
    assert _by_key(corpus, "rtt:2").footnotes == []


def test_corpus_recovers_titles_whose_heading_was_lost(corpus: ParsedSource) -> None:
    document = _by_key(corpus, "rtt:95")
    assert document.kind == "speech"
    assert document.date is not None
    assert document.date.edtf == "1936-12-04"


def test_corpus_piatakov_title_date_and_note(corpus: ParsedSource) -> None:
    document = _by_key(corpus, "rtt:86")
    assert document.title == "Politburo resolution expelling Piatakov"
    assert document.date is not None
    assert document.date.edtf == "1936-09-11"
    assert [note.number for note in document.footnotes] == [58]
    reference = document.copies[0].reference
    # archives.py reads "op. z" as 2 (the plenum files of fond 17), flagged as doubtful.
    assert (reference.fond, reference.opis, reference.delo) == ("17", "2", "573")
    assert reference.doubtful
    assert "op. z" in reference.verbatim


def test_corpus_piatakov_poll(corpus: ParsedSource) -> None:
    decision = next(d for d in corpus.decisions if d.key == "rtt:decision:86")
    assert (decision.body, decision.procedure, decision.outcome) == (
        "Central Committee",
        "poll",
        "approved",
    )
    assert decision.date is not None
    assert decision.date.edtf == "1936-09-10/1936-09-11"
    votes = {(v.person, v.position, v.source_document_key) for v in corpus.votes}
    assert ("Zhukov", "for", "rtt:87") in votes
    assert ("Ordzhonikidze", "for", "rtt:89") in votes
    links = {(link.type, link.source_key, link.target_key) for link in corpus.links}
    assert ("vote_on", "rtt:88", "rtt:decision:86") in links
    assert ("version_of", "rtt:88", "rtt:87") in links
    # Piatakov's own telegram (document 85) votes on Sokolnikov, a different poll.
    assert ("Piatakov", "for", "rtt:85") in votes
    assert ("vote_on", "rtt:85", "rtt:decision:86") not in links


def test_corpus_yenukidze_versions(corpus: ParsedSource) -> None:
    links = {(link.type, link.source_key, link.target_key, link.certainty) for link in corpus.links}
    assert ("version_of", "rtt:42", "rtt:41", "certain") in links
    decision = next(d for d in corpus.decisions if d.key == "rtt:decision:41")
    assert decision.date is not None
    assert decision.date.edtf == "1935-06-07"
    assert decision.summary is not None
    assert "Fewer" in decision.summary
    assert ("decided_by", "rtt:42", "rtt:decision:41", "certain") in links


def test_corpus_year_out_of_step_is_flagged_not_changed(corpus: ParsedSource) -> None:
    # Document 8 prints "1 9 3 9" for a plenum of January 1933, like documents 9 to 14.
    document = _by_key(corpus, "rtt:8")
    assert document.date is not None
    assert document.date.edtf == "1939-01-07/1939-01-12"
    flagged = [item for item in corpus.review if "out of step" in item.reason]
    assert [(item.line, item.verbatim) for item in flagged] == [(document.line, "7-12 January 1939")]


def test_corpus_protocol_line_and_item(corpus: ParsedSource) -> None:
    document = _by_key(corpus, "rtt:17")
    assert (document.protocol_number, document.protocol_item) == ("93", "17/10")
    assert document.date is not None
    assert document.date.edtf == "1932-03-23"


@pytest.mark.parametrize(
    ("key", "normalised", "printed"),
    [
        ("rtt:10", "RGASPI, f. 17, op. 2, d. 511, ll. 168–178", 'd. 5"'),  # '"' for 11, the folios after it
        ("rtt:11", "RGASPI, f. 17, op. 2, d. 511, ll. 12–22", "12-rz"),  # 12-12 is no range
        ("rtt:14", "RGASPI, f. 17, op. 2, d. 511, ll. 260–266", "jrr"),  # the session's stenogram
        ("rtt:20", "RGASPI, f. 17, op. 3, d. 922, ll. 50–15", "gr2"),  # between d. 922 and d. 925 by date
        ("rtt:48", "RGASPI, f. 17, op. 3, d. 974, l. 137", "9741. 137"),  # the folio mark ran into the file
        ("rtt:103", "RGASPI, f. 17, op. 21, d. 2196, ll. 10–13, 16–17, 2?–23, 32–40", "jz-qo"),
        ("rtt:173", "RGASPI, f. 78, op. 1, d. 592, ll. 125–2?0?", "I Z S - Z ~ O ~"),
        ("rtt:177", "RGASPI, f. 17, op. 3, d. 994, ll. 51, 55", "5 s"),
        ("rtt:178", "RGASPI, f. 17, op. 2, d. 639, ll. 14–16, 20–22, 31–33", "zo-~z,jr-jj"),
        ("rtt:188", "RGASPI, f. 17, op. 3, d. 1002, l. 37", "~ o o z"),  # between d. 996 and d. 1003 by date
        ("rtt:192", "RGASPI, f. 17, op. 3, d. 1003, ll. 34–35", "r a o j"),
    ],
)
def test_corpus_file_numbers_and_folios_read_through_the_scan(
    corpus: ParsedSource, key: str, normalised: str, printed: str
) -> None:
    document = _by_key(corpus, key)
    reference = document.copies[0].reference
    assert reference.normalised() == normalised
    assert printed in reference.verbatim
    assert reference.doubtful
    assert reference.confidence < 0.7
    assert any(
        item.line in (document.line, document.footnotes[0].line)
        for item in corpus.review
        if item.suggestion == normalised
    )


def test_corpus_composite_part_keeps_its_spaced_out_folios(corpus: ParsedSource) -> None:
    part_e = _by_key(corpus, "rtt:71").copies[4].reference
    assert part_e.normalised() == "RGASPI, f. 17, op. 2, d. 568, ll. 13, 141, 154–155"


def test_corpus_file_with_a_smudged_mark_is_read_and_reviewed(corpus: ParsedSource) -> None:
    reference = _by_key(corpus, "rtt:75").copies[0].reference
    assert (reference.opis, reference.delo) == ("21", "2195")
    assert reference.confidence < 0.3
    assert reference.note is not None
    assert "smudge" in reference.note


def test_corpus_inventory_contradicted_by_another_note_is_kept_with_the_likely_one(corpus: ParsedSource) -> None:
    document = _by_key(corpus, "rtt:1")
    reference = document.copies[0].reference
    assert reference.opis == "1"  # as printed
    assert reference.normalised().endswith("ll. 53–61, 70–74, 77–78, 87–92")
    assert reference.likely is not None
    assert reference.likely.opis == "2"
    assert any(item.suggestion == reference.likely.normalised() for item in corpus.review)
