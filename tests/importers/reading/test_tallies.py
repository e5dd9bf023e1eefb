"""Counts of a vote read from records and notes, and several sources' counts merged into one row."""

from __future__ import annotations

import pytest

from chronology.importers import correspondence, road_to_terror
from chronology.importers.reading.tallies import read_tally, tally_columns
from chronology.importers.records import Tally
from tests.paths import CORPUS

TERROR = CORPUS / "road-to-terror-ocr.txt"


def test_questions_and_answers_become_counts() -> None:
    tally = read_tally(
        "The chair: a show of hands. Who is against? None. Who abstains? Two. Carried.",
        source="doc 1",
        line=4,
        document_key="k",
    )
    assert tally == Tally(
        source="doc 1",
        line=4,
        verbatim="Who is against? None; Who abstains? Two",
        votes_against=0,
        abstentions=2,
        source_document_key="k",
    )


def test_an_answer_in_words_is_kept_but_not_counted() -> None:
    tally = read_tally(
        "First motion. Who is against? None. Who abstains? None. Next motion. Who is against? Several.",
        source="doc 2",
        line=1,
    )
    assert tally is not None
    assert (tally.votes_against, tally.abstentions) == (None, None)  # the counts of the last vote only
    assert tally.note is not None
    assert "2 votes" in tally.note
    assert "'Several'" in tally.note


def test_a_note_saying_unanimously_with_one_abstention() -> None:
    tally = read_tally("The PB adopted it unanimously, with one abstention.", source="note", line=9)
    assert tally is not None
    assert (tally.unanimous, tally.abstentions, tally.votes_against) == (True, 1, None)


def test_text_without_counts_has_no_tally() -> None:
    assert read_tally("The PB approved the draft on the same day.", source="note", line=1) is None


def test_two_sources_that_disagree_keep_both_wordings() -> None:
    first = Tally("document 41", 1, "Who is against? Few", votes_against=None, note="not a number")
    second = Tally("document 42", 2, "Those opposed? None; unanimously", votes_against=0, unanimous=True)
    columns = tally_columns([first, second])
    assert columns is not None
    assert columns["votes_against"] is None
    assert columns["unanimous"] is False
    assert columns["verbatim"] == "document 41: Who is against? Few | document 42: Those opposed? None; unanimously"
    assert "disagree on votes against" in columns["note"]
    assert "only document 42 calls the vote unanimous" in columns["note"]


def test_one_source_is_written_as_it_stands() -> None:
    columns = tally_columns([Tally("doc", 1, "unanimously", unanimous=True)])
    assert columns == {
        "votes_for": None,
        "votes_against": None,
        "abstentions": None,
        "unanimous": True,
        "verbatim": "doc: unanimously",
        "note": None,
    }
    assert tally_columns([]) is None


def test_a_footnote_stating_counts_gives_its_decision_a_tally() -> None:
    text = (
        "Kaganovich to Stalin March 3, 1936"
        "Archive: RGASPI F. 558. Op. 11. D. 90. L. 7. Autograph.\n"
        "Tov. Stalin.\nA question about the port 1 .\nKaganovich.\n"
        "_____\n"
        "1 On March 4, 1936, the PB approved the proposal unanimously "
        "(RGASPI. F. 17. Op. 3. D. 975. L. 10).\n"
    )
    parsed = correspondence.parse(text, source_name="x")
    [decision] = parsed.decisions
    assert [(t.unanimous, t.source, t.source_document_key) for t in decision.tallies] == [
        (True, f"footnote 1, {parsed.documents[0].key}", parsed.documents[0].key)
    ]


@pytest.mark.skipif(not TERROR.is_file(), reason=f"the reference corpus is not at {TERROR}")
def test_the_yenukidze_vote_keeps_both_versions_tallies() -> None:
    parsed = road_to_terror.parse(TERROR.read_text(encoding="utf-8"), source_name=TERROR.name)
    decision = next(d for d in parsed.decisions if d.key == "rtt:decision:41")
    assert [t.source_document_key for t in decision.tallies] == ["rtt:41", "rtt:42"]
    original, second = decision.tallies
    assert original.source == "road-to-terror-ocr.txt: document 41"
    assert (original.votes_against, original.unanimous) == (None, False)  # "Fewer" is not a number
    assert original.note is not None
    assert "2 votes" in original.note
    assert (second.votes_against, second.unanimous) == (0, True)
    counted = [d.key for d in parsed.decisions if d.tallies]
    assert counted == ["rtt:decision:41", "rtt:decision:165"]
