"""The correspondence parser on our own sample, and on the real edition when it is present."""

from __future__ import annotations

import pytest

from chronology.importers import correspondence
from chronology.importers.correspondence.parser import EDITION_TITLE
from chronology.importers.correspondence.replies import REPLY_KEY_PREFIX
from chronology.importers.records import Document, ParsedSource, PartyRole
from tests.paths import CORPUS, EDITION_FIXTURES


@pytest.fixture(scope="module")
def sample() -> ParsedSource:
    text = (EDITION_FIXTURES / "correspondence_sample.txt").read_text(encoding="utf-8")
    return correspondence.parse(text, source_name="correspondence_sample.txt")


def _letters(parsed: ParsedSource) -> list[Document]:
    """Return the documents the edition prints: not articles or replies known only from notes."""
    return [d for d in parsed.documents if d.kind != "article" and not d.key.startswith(REPLY_KEY_PREFIX)]


def _at(parsed: ParsedSource, line: int) -> Document:
    return next(d for d in parsed.documents if d.line == line)


def test_sample_documents_start_at_headers_and_skip_the_narrative(sample: ParsedSource) -> None:
    assert [d.line for d in _letters(sample)] == [4, 16, 26, 34, 45, 53]
    assert sample.unparsed == []


def test_header_alone_takes_the_archive_from_the_next_line(sample: ParsedSource) -> None:
    doc = _at(sample, 4)
    assert doc.date is not None
    assert doc.date.edtf == "1936-01-15"
    assert [c.reference.normalised() for c in doc.copies] == ["RGASPI, f. 17, op. 163, d. 1091, l. 59"]
    assert doc.copies[0].form == "original, typescript"
    assert doc.kind == "cipher_telegram"
    assert doc.place == "Usyat"
    assert doc.signatures == ["Kaganovich"]


def test_transmission_lines_are_read(sample: ParsedSource) -> None:
    first = _at(sample, 4).transmission
    assert first is not None
    assert first.sent == "Sent 9-00 15.1.1936"
    assert first.sent_time == "09:00"
    assert first.received_date is not None
    assert first.received_date.edtf == "1936-01-15"
    assert first.received_time == "15:55"
    assert first.incoming_number == "37/sh"
    fifth = _at(sample, 45).transmission
    assert fifth is not None
    assert fifth.sent_date is not None
    assert fifth.sent_date.edtf == "1936-08-21"
    assert fifth.sent_time == "00:12"
    assert fifth.incoming_number == "5"
    assert fifth.outgoing_number == "HP 5"


def test_parties_keep_order_bodies_and_intermediaries(sample: ParsedSource) -> None:
    doc = _at(sample, 4)
    recipients = [(p.name, p.is_body) for p in doc.parties if p.role is PartyRole.RECIPIENT]
    assert recipients == [("Stalin", False), ("Central Committee of the CPSU (b)", True)]
    telegram = _at(sample, 45)
    authors = [p.name for p in telegram.parties if p.role is PartyRole.AUTHOR]
    assert authors == ["Kaganovich", "Ordzhonikidze"]
    assert [p.name for p in telegram.parties if p.role is PartyRole.INTERMEDIARY] == ["Pauker"]
    reply = _at(sample, 26)
    assert [p.name for p in reply.parties if p.role is PartyRole.RECIPIENT] == [
        "Kaganovich",
        "Chubar",
    ]


def test_several_copies_each_with_form_and_note(sample: ParsedSource) -> None:
    telegram = _at(sample, 45)
    assert [(c.form, c.note) for c in telegram.copies] == [
        ("original, typescript", None),
        ("autograph", "Autograph of Kaganovich"),
    ]
    reply = _at(sample, 26)
    assert [c.reference.fond for c in reply.copies] == ["558", "81"]
    assert reply.copies[1].form == "typewritten copy"


def test_editorial_year_is_kept_as_supplied(sample: ParsedSource) -> None:
    letter = _at(sample, 34)
    assert letter.date is not None
    assert letter.date.edtf == "1936-08-17"
    assert "supplied" in {q.value for q in letter.date.qualifiers}
    assert letter.kind == "letter"
    assert letter.place == "Kislovodsk"
    assert letter.signatures == ["L. Kaganovich"]


def test_secretary_number_and_marks(sample: ParsedSource) -> None:
    reply = _at(sample, 26)
    assert reply.transmission is not None
    assert reply.transmission.secretary_number == "3"
    marks = [a.text for a in reply.annotations if a.kind == "secretary_mark"]
    assert "No. 3" in marks
    assert reply.signatures == ["Stalin"]
    assert reply.place == "Sochi"


def test_misprints_are_kept_verbatim_and_reviewed(sample: ParsedSource) -> None:
    fond_77 = _at(sample, 16).copies[0].reference
    assert fond_77.fond == "77"  # as printed
    reasons = {(r.line, r.suggestion) for r in sample.review}
    assert (16, "RGASPI, f. 17, op. 163, d. 1092, l. 23") in reasons
    assert (26, "RGASPI, f. 558, op. 11, d. 93, l. 24") in reasons
    assert _at(sample, 26).copies[0].reference.opis == "P"


def test_december_received_date_for_a_january_telegram_is_flagged(sample: ParsedSource) -> None:
    doc = _at(sample, 16)
    assert doc.transmission is not None
    assert doc.transmission.received_date is not None
    assert doc.transmission.received_date.edtf == "1936-12-23"  # kept as printed
    flagged = [r for r in sample.review if r.line == 18]
    assert [r.suggestion for r in flagged] == ["January 23, 1936"]


def test_notes_tie_to_markers_and_unnumbered_notes_go_by_order(sample: ParsedSource) -> None:
    first = _at(sample, 4)
    assert [(f.number, f.line) for f in first.footnotes] == [(1, 9), (2, 12)]
    second = _at(sample, 16)
    assert [f.number for f in second.footnotes] == [1]
    assert "Encrypted notes" in second.footnotes[0].text  # a further paragraph of note 1
    assert any("without its number" in r.reason for r in sample.review if r.line == 24)


def test_keys_are_unique_and_do_not_depend_on_the_text(sample: ParsedSource) -> None:
    keys = [d.key for d in sample.documents]
    assert len(keys) == len(set(keys))
    text = (EDITION_FIXTURES / "correspondence_sample.txt").read_text(encoding="utf-8")
    edited = correspondence.parse(text.replace("spare boilers", "spare tubes"), source_name="x")
    assert [d.key for d in edited.documents] == keys
    # The misprinted opis is read as its likely value in the key, so fixing it keeps the key.
    fixed = correspondence.parse(text.replace("Op. P. D. 93", "Op. 11. D. 93"), source_name="x")
    assert [d.key for d in fixed.documents] == keys


def test_edition_is_the_russian_edition_in_english(sample: ParsedSource) -> None:
    doc = _at(sample, 4)
    assert doc.edition is not None
    assert doc.edition.title == EDITION_TITLE
    assert doc.edition.year == 2001
    assert doc.edition.document_number is None
    assert doc.edition.text == doc.body
    assert "spare boilers" in doc.body


def test_text_without_headers_is_unparsed() -> None:
    parsed = correspondence.parse("Only a narrative paragraph.\nAnd another.", source_name="x.txt")
    assert parsed.documents == []
    assert parsed.unparsed
    assert "no document header" in parsed.unparsed[0].reason


# --- the real edition ------------------------------------------------------------------------


def _corpus(name: str) -> str:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"the reference corpus is not at {CORPUS}")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def edition() -> ParsedSource:
    text = _corpus("stalin-kaganovich-1936-jan-aug.txt")
    return correspondence.parse(text, source_name="stalin-kaganovich-1936-jan-aug.txt")


def test_corpus_has_fifty_documents_each_complete(edition: ParsedSource) -> None:
    letters = _letters(edition)
    assert len(letters) == 50
    for doc in letters:
        roles = {p.role for p in doc.parties}
        assert PartyRole.AUTHOR in roles, doc.line
        assert PartyRole.RECIPIENT in roles, doc.line
        assert doc.date is not None, doc.line
        assert doc.copies, doc.line
        assert doc.body, doc.line
    assert len({d.key for d in edition.documents}) == len(edition.documents)


def test_corpus_first_telegram_votes_and_decision(edition: ParsedSource) -> None:
    doc = next(d for d in edition.documents if d.date is not None and d.date.edtf == "1936-01-15")
    assert doc.copies[0].reference.normalised() == "RGASPI, f. 17, op. 163, d. 1091, l. 59"
    votes = [v for v in edition.votes if v.source_document_key == doc.key]
    assert [v.person for v in votes] == [
        "I.St[alin]",
        "V. Molotov",
        "K.Voroshilov",
        "M. Kalinin",
        "Zhdanov",
        "V.Chybar",
        "Andreev",
        "Mikoyan",
    ]
    assert {v.position for v in votes} == {"for"}
    assert {v.recorded_in for v in votes[-2:]} == {"secretary_note"}
    decision = next(d for d in edition.decisions if d.key == votes[0].decision_key)
    assert decision.body == "Politburo"
    assert decision.date is not None
    assert decision.date.edtf == "1936-01-15"
    assert decision.reference is not None
    assert decision.reference.normalised() == "RGASPI, f. 17, op. 3, d. 974, l. 48"
    assert decision.procedure == "poll"
    kinds = {(lk.type, lk.target_key) for lk in edition.links if lk.source_key == doc.key}
    assert ("vote_on", decision.key) in kinds


def test_corpus_review_lists_the_known_misprints(edition: ParsedSource) -> None:
    verbatims = [r.verbatim for r in edition.review]
    assert sum("Op. P." in v for v in verbatims) == 3
    assert any("F. 77. Op. 163" in v for v in verbatims)
    assert any("December 23, 1936" in v for v in verbatims)


def test_single_letter_page_reads_the_reference_at_the_end() -> None:
    text = _corpus("kaganovich-stalin-1936-09-14.txt")
    parsed = correspondence.parse(text, source_name="kaganovich-stalin-1936-09-14.txt")
    assert len(parsed.documents) == 1
    doc = parsed.documents[0]
    assert doc.copies[0].reference.normalised() == "RGASPI, f. 558, op. 11, d. 743, ll. 56–63"
    assert doc.copies[0].form == "autograph"
    assert doc.date is not None
    assert doc.date.edtf == "1936-09-14"
    assert "supplied" in {q.value for q in doc.date.qualifiers}
    assert doc.signatures == ["L.Kaganovich"]
    assert "F. 558" not in doc.body


def test_corpus_red_pencil_resolution_of_23_january_is_whole(edition: ParsedSource) -> None:
    telegram = next(d for d in _letters(edition) if d.date is not None and d.date.edtf == "1936-01-23")
    resolutions = [a for a in telegram.annotations if a.kind == "resolution"]
    assert len(resolutions) == 1
    text = resolutions[0].text
    # The quotation has no closing mark: it runs past its first full stop to the signature.
    assert text.count(".") > 2
    assert text.endswith("I. Stalin.")
    assert "the PB approved" not in text
    assert resolutions[0].author == "Stalin"


def test_corpus_structure_counts_agree_with_what_was_made(edition: ParsedSource) -> None:
    counted = [r for r in edition.review if "archive labels" in r.reason or "header's shape" in r.reason]
    assert counted == []
    assert sum(bool(d.copies) for d in _letters(edition)) == 50
