"""Notes into decisions, votes and links, on our own sample and on invented note texts."""

from __future__ import annotations

import pytest

from chronology.importers import correspondence
from chronology.importers.correspondence.facts import annotation_for, published_in, votes_in
from chronology.importers.correspondence.notes import find_markers, split_notes
from chronology.importers.reading.sentences import quoted_spans, sentences
from chronology.importers.records import Decision, ParsedSource
from tests.paths import EDITION_FIXTURES


@pytest.fixture(scope="module")
def sample() -> ParsedSource:
    text = (EDITION_FIXTURES / "correspondence_sample.txt").read_text(encoding="utf-8")
    return correspondence.parse(text, source_name="correspondence_sample.txt")


def _key(parsed: ParsedSource, line: int) -> str:
    return next(d.key for d in parsed.documents if d.line == line)


def _decision(parsed: ParsedSource, edtf: str) -> Decision:
    return next(d for d in parsed.decisions if d.date is not None and d.date.edtf == edtf)


def test_same_day_decision_takes_the_document_date(sample: ParsedSource) -> None:
    decision = _decision(sample, "1936-01-15")
    assert decision.body == "Politburo"
    assert decision.outcome == "approved"
    assert decision.reference is not None
    assert decision.reference.normalised() == "RGASPI, f. 17, op. 3, d. 974, l. 48"
    assert decision.summary is not None
    assert "granted" not in decision.summary


def test_cipher_marks_and_secretary_record_become_votes(sample: ParsedSource) -> None:
    decision = _decision(sample, "1936-01-15")
    votes = [(v.person, v.position, v.recorded_in) for v in sample.votes if v.decision_key == decision.key]
    assert votes == [
        ("I.St[alin]", "for", "cipher_marks"),
        ("K.Voroshilov", "for", "cipher_marks"),
        ("V. Molotov", "for", "cipher_marks"),
        ("Zhdanov", "for", "cipher_marks"),
        ("V.Chybar", "for", "cipher_marks"),
        ("Mikoyan", "for", "secretary_note"),
        ("Andreev", "for", "secretary_note"),
    ]
    assert decision.procedure == "poll"
    link = next(lk for lk in sample.links if lk.type == "vote_on" and lk.target_key == decision.key)
    assert link.source_key == _key(sample, 4)
    assert link.certainty == "certain"
    assert link.provenance == f"footnote 1, {_key(sample, 4)}"


def test_consent_noted_by_the_secretary_is_agreed(sample: ParsedSource) -> None:
    decision = _decision(sample, "1936-01-24")
    agreed = [v.person for v in sample.votes if v.decision_key == decision.key and v.position == "agreed"]
    assert agreed == ["Kosior", "Mikoyan"]
    assert all(v.recorded_in == "secretary_note" for v in sample.votes if v.person in agreed)


def test_decision_that_takes_up_proposals_is_a_proposes_link(sample: ParsedSource) -> None:
    decision = _decision(sample, "1936-01-24")
    link = next(lk for lk in sample.links if lk.target_key == decision.key and lk.type != "vote_on")
    assert (link.type, link.source_key, link.certainty) == ("proposes", _key(sample, 16), "certain")


def test_formalised_as_a_decision_of_the_pb(sample: ParsedSource) -> None:
    decision = _decision(sample, "1936-08-18")
    assert decision.special_file  # op. 162 is the special folder
    link = next(lk for lk in sample.links if lk.target_key == decision.key)
    assert (link.type, link.source_key) == ("formalised_as", _key(sample, 34))


def test_publication_in_pravda_becomes_an_article(sample: ParsedSource) -> None:
    article = next(d for d in sample.documents if d.kind == "article")
    assert article.title == "Pravda, 23 August [1936]"  # the note gives no year
    assert article.date is not None
    assert article.date.edtf == "1936-08-23"
    link = next(lk for lk in sample.links if lk.type == "published_as")
    assert (link.source_key, link.target_key) == (_key(sample, 34), article.key)


def test_reply_found_by_its_reference_in_the_file(sample: ParsedSource) -> None:
    link = next(lk for lk in sample.links if lk.type == "replies_to")
    assert link.source_key == _key(sample, 53)
    assert link.target_key == _key(sample, 45)
    assert link.certainty == "certain"


def test_every_link_cites_its_footnote(sample: ParsedSource) -> None:
    # Printed replies are linked by the documents themselves (sheet, number, order), not by a note.
    from_notes = [lk for lk in sample.links if not lk.provenance.startswith("printed reply ")]
    assert from_notes
    assert all(lk.provenance.startswith("footnote ") for lk in from_notes)
    by_documents = [lk for lk in sample.links if lk not in from_notes]
    assert all(lk.type == "replies_to" and lk.summary for lk in by_documents)


def test_ibid_is_resolved_against_the_document_copy(sample: ParsedSource) -> None:
    # "(Ibid. L. 23)" in the Stalin reply's note keeps fond 558, op. P, d. 93 of its first copy.
    reply = next(d for d in sample.documents if d.line == 26)
    assert reply.footnotes[0].text.endswith("(Ibid. L. 23).")
    assert reply.kind == "cipher_telegram"


def test_votes_without_a_stated_decision_assume_a_poll() -> None:
    text = (
        "Kaganovich to Stalin March 3, 1936"
        "Archive: RGASPI F. 558. Op. 11. D. 90. L. 7. Autograph.\n"
        "Tov. Stalin.\nA short request about the depot 1 .\nKaganovich.\n"
        "_____\n"
        "1 On the draft there is a note: “For. M. Kalinin ”(Ibid. L. 8).\n"
    )
    parsed = correspondence.parse(text, source_name="x")
    assert [(v.person, v.recorded_in) for v in parsed.votes] == [("M. Kalinin", "cipher_marks")]
    assert parsed.decisions[0].procedure == "poll"
    assert any("no decision stated" in r.reason for r in parsed.review)


def test_reply_missing_from_the_file_becomes_a_document_of_its_own() -> None:
    text = (
        "Kaganovich to Stalin March 3, 1936"
        "Archive: RGASPI F. 558. Op. 11. D. 90. L. 7. Autograph.\n"
        "Tov. Stalin.\nA question about coal 1 .\nKaganovich.\n"
        "_____\n"
        "1 Stalin agreed the next morning by cipher (Ibid. L. 9).\n"
    )
    parsed = correspondence.parse(text, source_name="x")
    reply = next(d for d in parsed.documents if d.key == "stalin-reply:RGASPI, f. 558, op. 11, d. 90, l. 9")
    assert reply.date is None  # "the next morning" names no day the reader can fix
    assert reply.needs_review
    assert any("states no date" in r.reason for r in parsed.review)
    links = [lk for lk in parsed.links if lk.type == "replies_to"]
    assert [(lk.source_key, lk.target_key) for lk in links] == [(reply.key, parsed.documents[0].key)]


def test_earlier_decision_is_only_mentioned() -> None:
    text = (
        "Kaganovich to Stalin March 3, 1936"
        "Archive: RGASPI F. 558. Op. 11. D. 90. L. 7. Autograph.\n"
        "Tov. Stalin.\nThe old ruling 1 still stands.\nKaganovich.\n"
        "_____\n"
        "1 On February 2, 1936, the PB rejected a similar plan "
        "(RGASPI. F. 17. Op. 3. D. 970. L. 4).\n"
    )
    parsed = correspondence.parse(text, source_name="x")
    assert [(d.outcome, d.date.edtf if d.date else None) for d in parsed.decisions] == [("rejected", "1936-02-02")]
    assert [lk.type for lk in parsed.links] == ["mentions"]


def test_votes_in_reads_names_as_printed() -> None:
    votes = votes_in("Cipher marks: “For. A.Andreev. L. Kaganovich. Kosior” and others.")
    assert votes == [
        ("A.Andreev", "for", "cipher_marks"),
        ("L. Kaganovich", "for", "cipher_marks"),
        ("Kosior", "for", "cipher_marks"),
    ]
    against = votes_in("a note from the PB secretary about voting “against” Rudzutak.")
    assert against == [("Rudzutak", "against", "secretary_note")]


def test_published_in_ignores_what_was_not_published() -> None:
    assert published_in("The draft was not published.") is None
    found = published_in("It was printed in Izvestia the same week.")
    assert found is not None
    assert found[0] == "Izvestia"


def test_annotation_kinds_and_authors() -> None:
    resolution = annotation_for("Across the top, Stalin's resolution in blue: “Agree.”", 5)
    assert resolution is not None
    assert (resolution.kind, resolution.author) == (
        "resolution",
        "Stalin",
    )
    crossed = annotation_for("Two words are crossed out here.", 6)
    assert crossed is not None
    assert crossed.kind == "crossed_out"
    assert annotation_for("Ordzhonikidze was then in Kislovodsk.", 7) is None


def test_sentences_do_not_break_inside_references_or_quotes() -> None:
    text = "He agreed “For. I. Stalin. V. Molotov” at once (RGASPI. F. 17. Op. 3. D. 9. L. 2). Then."
    parts = [text[a:b] for a, b in sentences(text)]
    assert parts == [text[: text.index(" Then")], "Then."]
    # A quotation the edition leaves open still runs on (to the note's end here).
    assert quoted_spans("say “one” and “two") == [(4, 9), (14, 18)]


def test_markers_are_found_in_order_and_not_in_dates() -> None:
    body = "He wrote on May 10, 1936 to me 1 . Then the 2 plan, and more 3 ."
    found = find_markers(body, [1, 2, 3])
    assert body[found[1] :].startswith("1 .")
    assert body[found[2] :].startswith("2 plan")
    assert body[found[3] :].startswith("3 .")


def test_unnumbered_paragraph_joins_the_previous_note_without_a_marker() -> None:
    notes = split_notes([(10, "1 First note."), (11, "A second paragraph.")], "text 1 .")
    assert [(n.number, n.text) for n in notes] == [(1, "First note.\nA second paragraph.")]
    numbered = split_notes([(10, "A note with no number."), (11, "2 Next.")], "a 1 . b 2 .")
    assert [(n.number, n.numbered) for n in numbered] == [(1, False), (2, True)]
