"""What a Road to Terror document is: its own opening line outranks the word in the editors' title."""

from __future__ import annotations

import pytest

from chronology.importers.road_to_terror.kinds import classify, deciding_body
from chronology.importers.road_to_terror.parser import parse
from tests.paths import CORPUS

CORPUS_FILE = CORPUS / "road-to-terror-ocr.txt"


@pytest.mark.parametrize(
    ("title", "header", "body"),
    [
        (
            "Politburo order of 2 May 1933 on the grain quota",
            "From Protocol #12 of the Politburo of 2 May 1933",
            "Politburo",
        ),
        ("Orgburo order on party cells", "From protocol # 7 of the Orgburo of the CC", "Orgburo"),
        ("Politburo resolution on the trial", "Extract from Protocol #40 ofthePolitburo of theCC", "Politburo"),
        ("Decision expelling Ivanov", "An excerpt from the protocol of the Plenum of the CC", "Central Committee"),
        (
            "Resolution on the CC letter",
            "Extract from protocol #8 of the meeting of the Kursk Regional Committee",
            None,
        ),
        ("Stalin telegram on kulaks", ". From Protocol #51 of the Politburo", "Politburo"),
    ],
)
def test_an_opening_from_a_protocol_makes_a_protocol_extract(title: str, header: str, body: str | None) -> None:
    assert classify(title, header) == "protocol_extract"
    assert deciding_body(title, header) == body


@pytest.mark.parametrize(
    ("title", "header", "kind"),
    [
        ("Politburo order of 2 May 1933 on the grain quota", "STRICTLY SECRET", "order"),
        ("Yezhov's letter to Stalin", "He spoke from the protocol he held", "letter"),
        ("Circular on the purge", "", "circular"),
    ],
)
def test_without_a_protocol_opening_the_title_decides(title: str, header: str, kind: str) -> None:
    assert classify(title, header) == kind


@pytest.mark.skipif(not CORPUS_FILE.exists(), reason="the reference corpus is not beside the project")
def test_corpus_document_17_is_a_politburo_protocol_extract_with_its_meeting_decision() -> None:
    parsed = parse(CORPUS_FILE.read_text(encoding="utf-8"), source_name=CORPUS_FILE.name)
    document = next(d for d in parsed.documents if d.edition is not None and d.edition.document_number == "17")
    assert document.kind == "protocol_extract"
    assert [(p.name, p.role.value) for p in document.parties if p.is_body] == [("Politburo", "author")]
    decision = next(d for d in parsed.decisions if d.key == "rtt:decision:17")
    assert (decision.body, decision.procedure) == ("Politburo", "meeting")
    assert (decision.protocol_number, decision.protocol_item) == ("93", "17/10")
    assert decision.date is not None
    assert decision.date.edtf == "1932-03-23"
