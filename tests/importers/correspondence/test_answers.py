"""Printed replies linked to what they answer: same sheet, a cited number, or the next word back."""

from __future__ import annotations

import pytest

from chronology.archives.parsing import parse_reference
from chronology.dates.fuzzy import parse_date
from chronology.importers.correspondence.answers import cited_number, link_replies
from chronology.importers.records import Copy, Document, Party, PartyRole, Transmission


def _doc(
    key: str,
    authors: list[str],
    recipients: list[str],
    date: str | None,
    reference: str | None = None,
    *,
    body: str = "",
    numbers: Transmission | None = None,
    line: int = 1,
) -> Document:
    parties = [Party(name, PartyRole.AUTHOR, i) for i, name in enumerate(authors)]
    parties += [Party(name, PartyRole.RECIPIENT, i) for i, name in enumerate(recipients)]
    return Document(
        key=key,
        kind="cipher_telegram",
        title=f"{', '.join(authors)} to {', '.join(recipients)}",
        date=parse_date(date) if date else None,
        line=line,
        parties=parties,
        copies=[Copy(parse_reference(reference), "original")] if reference else [],
        body=body,
        transmission=numbers,
    )


def _pairs(*documents: Document) -> list[tuple[str, str, str]]:
    links, _ = link_replies(list(documents))
    return [(link.source_key, link.target_key, link.certainty) for link in links]


@pytest.mark.parametrize(
    ("incoming", "reply"),
    [
        ("RGASPI F. 558. Op. 11. D. 93. L. 8", "RGASPI F. 558. Op. 11. D. 93. L. 6"),  # two leaves apart
        ("RGASPI F. 558. Op. 11. D. 93. L. 83", "RGASPI F. 558. Op. 11. D. 93. L. 83"),  # one sheet
        ("RGASPI F. 558. Op. 11. D. 93. L. 32–33", "RGASPI F. 558. Op. 11. D. 93. L. 34"),  # next to a range
        ("RGASPI F. 558. Op. 11. D. 93. L. 55", "RGASPI F. 558. Op. 11. D. 93. L. 55ob."),  # the verso
        ("RGASPI, f. 558, op. 11, d. 93, l. 20", "RGASPI. F. 558. Op. 11. D. 93. L. 21"),  # printed two ways
    ],
)
def test_a_reply_on_the_same_sheet_answers_for_certain(incoming: str, reply: str) -> None:
    letter = _doc("in", ["Kaganovich", "Ordzhonikidze"], ["Stalin"], "August 16, 1936", incoming, line=10)
    answer = _doc("out", ["Stalin"], ["Kaganovich", "Ordzhonikidze"], "August 16, 1936", reply, line=20)
    assert _pairs(letter, answer) == [("out", "in", "certain")]
    links, _ = link_replies([letter, answer])
    assert "same sheet" in links[0].summary
    assert "line 20" in links[0].provenance


def test_the_reply_may_answer_some_of_the_authors() -> None:
    letter = _doc(
        "in", ["Kaganovich", "Zhdanov", "Yezhov"], ["Stalin"], "August 24, 1936", "F. 558. Op. 11. D. 93. L. 83"
    )
    answer = _doc("out", ["I. Stalin"], ["L. M. Kaganovich"], "August 24, 1936", "F. 558. Op. 11. D. 93. L. 83", line=9)
    assert _pairs(letter, answer) == [("out", "in", "certain")]


@pytest.mark.parametrize(
    "reply_reference",
    [
        "RGASPI F. 558. Op. 11. D. 94. L. 8",  # another file
        "RGASPI F. 558. Op. 2. D. 93. L. 8",  # another inventory
        "RGASPI F. 17. Op. 11. D. 93. L. 8",  # another fond
    ],
)
def test_another_file_is_no_sheet_evidence_and_a_later_day_only_probable(reply_reference: str) -> None:
    letter = _doc("in", ["Kaganovich"], ["Stalin"], "August 16, 1936", "RGASPI F. 558. Op. 11. D. 93. L. 8")
    answer = _doc("out", ["Stalin"], ["Kaganovich"], "August 17, 1936", reply_reference, line=2)
    assert _pairs(letter, answer) == [("out", "in", "probable")]


def test_far_folios_and_a_week_later_are_no_evidence() -> None:
    letter = _doc("in", ["Kaganovich"], ["Stalin"], "August 16, 1936", "RGASPI F. 558. Op. 11. D. 93. L. 8")
    answer = _doc("out", ["Stalin"], ["Kaganovich"], "August 23, 1936", "RGASPI F. 558. Op. 11. D. 93. L. 30", line=2)
    assert _pairs(letter, answer) == []


@pytest.mark.parametrize(
    ("authors", "recipients"),
    [
        (["Stalin"], ["Voroshilov"]),  # not back to the authors
        (["Molotov"], ["Kaganovich"]),  # not from the addressee
        (["Stalin"], ["Kaganovich", "Voroshilov"]),  # one addressee never wrote
    ],
)
def test_a_document_not_going_back_answers_nothing(authors: list[str], recipients: list[str]) -> None:
    letter = _doc("in", ["Kaganovich"], ["Stalin"], "August 16, 1936", "RGASPI F. 558. Op. 11. D. 93. L. 8")
    answer = _doc("out", authors, recipients, "August 16, 1936", "RGASPI F. 558. Op. 11. D. 93. L. 7", line=2)
    assert _pairs(letter, answer) == []


def test_the_edition_order_says_which_of_one_days_pair_answers() -> None:
    answer = _doc("a", ["Stalin"], ["Kaganovich"], "August 16, 1936", "F. 558. Op. 11. D. 93. L. 6", line=1)
    letter = _doc("b", ["Kaganovich"], ["Stalin"], "August 16, 1936", "F. 558. Op. 11. D. 93. L. 8", line=2)
    # Kaganovich's, printed second, answers Stalin's: the same sheet, read in the edition's order.
    assert _pairs(answer, letter) == [("b", "a", "certain")]


def test_only_the_next_document_back_is_a_probable_answer() -> None:
    letter = _doc("in", ["Kaganovich"], ["Stalin"], "August 16, 1936", line=1)
    first = _doc("first", ["Stalin"], ["Kaganovich"], "August 17, 1936", line=2)
    second = _doc("second", ["Stalin"], ["Kaganovich"], "August 18, 1936", line=3)
    assert ("first", "in", "probable") in _pairs(letter, first, second)
    assert ("second", "in", "probable") not in _pairs(letter, first, second)


@pytest.mark.parametrize(
    "body",
    [
        "Your No. 37/sh received. Agree.",
        "To your telegram No 37/sh: agree.",
        "Re your cipher No. 37 / sh — do not object.",
        "your # 37/sh: agreed",
        "On your Nr. 37/sh. I agree.",
    ],
)
def test_a_cited_incoming_number_answers_for_certain(body: str) -> None:
    letter = _doc(
        "in",
        ["Kaganovich"],
        ["Stalin"],
        "August 16, 1936",
        "F. 17. Op. 163. D. 1. L. 1",
        numbers=Transmission(incoming_number="37/sh"),
    )
    other = _doc("other", ["Kaganovich"], ["Stalin"], "August 16, 1936", numbers=Transmission(incoming_number="38/sh"))
    answer = _doc(
        "out",
        ["Stalin"],
        ["Kaganovich"],
        "August 17, 1936",
        "F. 558. Op. 11. D. 93. L. 40",
        body=body,
        numbers=Transmission(outgoing_number="No. 112"),
        line=5,
    )
    links, _ = link_replies([letter, other, answer])
    assert [(link.source_key, link.target_key, link.certainty) for link in links] == [("out", "in", "certain")]
    assert "37/sh" in links[0].summary
    assert cited_number(body) == "37/sh"


def test_the_reply_s_own_number_is_not_the_one_it_cites() -> None:
    assert cited_number("No. 112. Stalin.") is None
    assert cited_number("Your number 7 agrees.") is None  # an item of the letter, not its number


def test_a_reply_dated_before_what_it_cites_is_flagged() -> None:
    letter = _doc("in", ["Kaganovich"], ["Stalin"], "August 18, 1936", numbers=Transmission(incoming_number="41"))
    answer = _doc("out", ["Stalin"], ["Kaganovich"], "August 16, 1936", body="Your No. 41: agree.", line=7)
    links, review = link_replies([letter, answer])
    assert [(link.source_key, link.target_key) for link in links] == [("out", "in")]
    (item,) = review
    assert item.line == 7
    assert item.record == "out"
    assert item.kind == "date"
    assert "2 day(s) before" in item.reason


def test_undated_documents_link_only_by_sheet_or_number() -> None:
    letter = _doc("in", ["Kaganovich"], ["Stalin"], None, "F. 558. Op. 11. D. 93. L. 8")
    near = _doc("near", ["Stalin"], ["Kaganovich"], None, "F. 558. Op. 11. D. 93. L. 9", line=2)
    assert _pairs(letter, near) == [("near", "in", "certain")]
    far = _doc("far", ["Stalin"], ["Kaganovich"], None, "F. 558. Op. 11. D. 93. L. 40", line=2)
    assert _pairs(letter, far) == []


def test_a_pair_linked_by_a_note_and_by_the_sheet_keeps_one_link_the_surest() -> None:
    from chronology.importers.correspondence.answers import merge_links
    from chronology.importers.records import Link

    note = Link("replies_to", "out", "in", "probable", "footnote 2", "Stalin's answer", 5)
    sheet = Link("replies_to", "out", "in", "certain", "printed reply at line 9", "kept on the same sheet", 9)
    other = Link("proposes", "in", "decision", "certain", "footnote 1", "the proposal", 4)
    assert merge_links([note, other], [sheet]) == [sheet, other]
    surer_note = Link("replies_to", "out", "in", "certain", "footnote 2", "Stalin's answer", 5)
    assert merge_links([surer_note], [sheet]) == [surer_note]
