"""Decision statements in notes, in the passive voice and with every synonym of a poll."""

from __future__ import annotations

import pytest

from chronology.importers import correspondence
from chronology.importers.records import ParsedSource
from tests.paths import CORPUS


def _letter(note: str) -> ParsedSource:
    """A letter of our own with one note: the statement under test."""
    text = (
        "Chubar to Stalin September 9, 1936"
        "Archive: RGASPI F. 558. Op. 11. D. 94. L. 12. Autograph.\n"
        "Tov. Stalin.\nAbout the comrade from the Urals 1 .\nChubar.\n"
        "_____\n"
        f"1 {note}\n"
    )
    return correspondence.parse(text, source_name="invented.txt")


@pytest.mark.parametrize(
    ("note", "body"),
    [
        (
            "On September 10, 1936, Sidorkin was struck off: he was expelled from its ranks by a poll of all the "
            "members of the Central Committee.",
            "Central Committee",
        ),
        (
            "On September 10, 1936, Sidorkin was expelled from the CC plenum list by poll of the members of the "
            "Politburo.",
            "Politburo",
        ),
        ("On September 10, 1936, the proposal was approved by a survey of members of the PB.", "Politburo"),
        ("On September 10, 1936, the draft was adopted by questioning of the members of the Politburo.", "Politburo"),
        (
            "On September 10, 1936, Sidorkin was removed from his post by a canvass of the members of the Politburo.",
            "Politburo",
        ),
        ("On September 10, 1936, the decree were issued by polling the members of the PB.", "Politburo"),
        ("On September 10, 1936, Sidorkin was appointed, oprosom, by the Politburo.", "Politburo"),
    ],
)
def test_a_passive_statement_by_poll_yields_a_poll_decision(note: str, body: str) -> None:
    parsed = _letter(note)
    (decision,) = parsed.decisions
    assert decision.procedure == "poll"
    assert decision.body == body
    assert decision.date is not None
    assert decision.date.edtf == "1936-09-10"


@pytest.mark.parametrize(
    "note",
    [
        "On September 10, 1936, the order was adopted by the Politburo.",
        "On September 10, 1936, the draft was approved by the PB with amendments.",
        "On September 10, 1936, the resolution was then issued by the Politburo.",
    ],
)
def test_a_passive_statement_at_a_meeting_yields_a_meeting_decision(note: str) -> None:
    (decision,) = _letter(note).decisions
    assert decision.procedure == "meeting"
    assert decision.body == "Politburo"


@pytest.mark.parametrize(
    "note",
    [
        "On September 10, 1936, the survey of kolkhozes was discussed in the press.",
        "On September 10, 1936, Sidorkin was expelled by the regional committee.",
        "The poll tax was mentioned by Chubar.",
    ],
)
def test_a_passive_without_a_deciding_body_is_no_decision(note: str) -> None:
    assert _letter(note).decisions == []


LETTERS = CORPUS / "stalin-kaganovich-1936-jan-aug.txt"


@pytest.mark.skipif(not LETTERS.is_file(), reason=f"the reference corpus is not at {LETTERS}")
def test_the_open_corpus_passive_poll_yields_a_central_committee_poll_decision() -> None:
    parsed = correspondence.parse(LETTERS.read_text(encoding="utf-8"), source_name=LETTERS.name)
    polls = [d for d in parsed.decisions if d.body == "Central Committee" and d.procedure == "poll"]
    assert [d.date.edtf for d in polls if d.date is not None] == ["1936-09-10/1936-09-11"]


@pytest.mark.parametrize(
    "note",
    [
        "In reply to an appeal dated August 2, 1936, the PB approved the proposal on September 10, 1936.",
        "Having read the letter dated 2 August 1936, the Politburo adopted the decree on September 10, 1936.",
        "The PB approved on September 10, 1936 the request sent on August 2, 1936.",
    ],
)
def test_a_date_governed_by_another_noun_is_not_the_decisions(note: str) -> None:
    (decision,) = _letter(note).decisions
    assert decision.date is not None
    assert decision.date.edtf == "1936-09-10"


def _two_notes(second: str) -> ParsedSource:
    text = (
        "Chubar to Stalin September 9, 1936"
        "Archive: RGASPI F. 558. Op. 11. D. 94. L. 12. Autograph.\n"
        "Tov. Stalin.\nAbout coal 1 and about grain 2 .\nChubar.\n"
        "_____\n"
        "1 Stalin had written about coal on September 1, 1936 (Ibid. L. 3).\n"
        f"2 {second}\n"
    )
    return correspondence.parse(text, source_name="invented.txt")


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("The same day the PB approved the grain proposal.", "1936-09-09"),
        ("On the same day the Politburo adopted the proposal.", "1936-09-09"),
        ("The next day the PB approved the grain proposal.", "1936-09-10"),
        ("Stalin agreed on September 12, 1936; the same day the PB approved the proposal.", "1936-09-12"),
    ],
)
def test_the_same_day_and_the_next_day_mean_this_notes_date_or_its_documents(second: str, expected: str) -> None:
    decisions = [d for d in _two_notes(second).decisions if d.line == _two_notes(second).documents[0].footnotes[1].line]
    (decision,) = decisions
    assert decision.date is not None
    assert decision.date.edtf == expected
