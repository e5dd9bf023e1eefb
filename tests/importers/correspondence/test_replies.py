"""Stalin's replies known only from the notes: documents with their own reference and a replies_to link."""

from __future__ import annotations

import pytest

from chronology.importers import correspondence
from chronology.importers.correspondence.replies import REPLY_KEY_PREFIX, reply_kind, sending_time
from chronology.importers.records import Document, ParsedSource, PartyRole
from tests.paths import CORPUS

LETTERS = CORPUS / "stalin-kaganovich-1936-jan-aug.txt"

# Our own wording, in the edition's layout: two telegrams answered by one cipher, one by letter.
TEXT = (
    "Kaganovich, Chubar to Stalin May 4, 1936"
    "Archive: RGASPI F. 558. Op. 11. D. 91. L. 12. Autograph.\n"
    "Tov. Stalin.\nWe ask about the grain loan 1 .\nKaganovich, Chubar.\n"
    "_____\n"
    "1 On the same day Stalin consented by cipher from Sochi at 9 p.m. 5 min. (Ibid. L. 11).\n"
    "Kaganovich, Yezhov to Stalin May 4, 1936"
    "Archive: RGASPI F. 558. Op. 11. D. 91. L. 14. Autograph.\n"
    "Tov. Stalin.\nWe ask about the cadres 1 .\nKaganovich, Yezhov.\n"
    "_____\n"
    "1 Stalin agreed the same day in code (Ibid. L. 11).\n"
    "Kaganovich to Stalin May 9, 1936"
    "Archive: RGASPI F. 558. Op. 11. D. 91. L. 20. Autograph.\n"
    "Tov. Stalin.\nA question about the harbour 1 .\nKaganovich.\n"
    "_____\n"
    "1 Stalin replied by letter on May 12 (RGASPI. F. 558. Op. 11. D. 91. L. 31).\n"
    "Kaganovich to Stalin May 10, 1936"
    "Archive: RGASPI F. 558. Op. 11. D. 91. L. 40. Autograph.\n"
    "Tov. Stalin.\nA question about the rails 1 .\nKaganovich.\n"
    "_____\n"
    "1 Stalin agreed, as the next note of the editors shows.\n"
)


@pytest.fixture(scope="module")
def parsed() -> ParsedSource:
    return correspondence.parse(TEXT, source_name="replies.txt")


def _replies(parsed: ParsedSource) -> list[Document]:
    return [d for d in parsed.documents if d.key.startswith(REPLY_KEY_PREFIX)]


def test_one_cipher_answering_two_telegrams_is_one_document(parsed: ParsedSource) -> None:
    cipher = _replies(parsed)[0]
    assert cipher.key == "stalin-reply:RGASPI, f. 558, op. 11, d. 91, l. 11"
    assert cipher.kind == "cipher_telegram"
    assert cipher.date is not None
    assert cipher.date.edtf == "1936-05-04"
    assert cipher.place == "Sochi"
    assert cipher.transmission is not None
    assert cipher.transmission.sent_time == "21:05"
    assert [(p.name, p.role) for p in cipher.parties] == [
        ("Stalin", PartyRole.AUTHOR),
        ("Kaganovich", PartyRole.RECIPIENT),
        ("Chubar", PartyRole.RECIPIENT),
        ("Yezhov", PartyRole.RECIPIENT),
    ]
    assert cipher.copies[0].reference.verbatim == "Ibid. L. 11"
    assert cipher.summary is not None
    assert cipher.summary.startswith("Stalin's reply to Kaganovich and Chubar's")
    assert not cipher.needs_review
    links = [lk for lk in parsed.links if lk.type == "replies_to" and lk.source_key == cipher.key]
    assert [lk.target_key for lk in links] == [parsed.documents[0].key, parsed.documents[1].key]
    assert {lk.certainty for lk in links} == {"certain"}
    assert links[0].provenance == f"footnote 1, {parsed.documents[0].key}"


def test_a_reply_by_letter_has_the_date_the_note_gives(parsed: ParsedSource) -> None:
    letter = _replies(parsed)[1]
    assert (letter.kind, letter.title) == ("letter", "Stalin to Kaganovich")
    assert letter.date is not None
    assert letter.date.edtf == "1936-05-12"
    assert letter.copies[0].reference.normalised() == "RGASPI, f. 558, op. 11, d. 91, l. 31"


def test_a_reply_without_a_reference_stays_in_review(parsed: ParsedSource) -> None:
    assert len(_replies(parsed)) == 2
    flagged = [r for r in parsed.review if "neither prints it nor gives its reference" in r.reason]
    assert len(flagged) == 1


def test_parsing_twice_gives_the_same_keys() -> None:
    first = correspondence.parse(TEXT, source_name="replies.txt")
    second = correspondence.parse(TEXT, source_name="replies.txt")
    assert [d.key for d in _replies(first)] == [d.key for d in _replies(second)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("sent at 18:00. 42 min. from the south", ("at 18:00. 42 min.", "18:42")),
        ("at 12 noon. 48 min.", ("at 12 noon. 48 min.", "12:48")),
        ("at 11 p.m. 30 minutes.", ("at 11 p.m. 30 minutes.", "23:30")),
        ("at 3 p.m. 47 min.", ("at 3 p.m. 47 min.", "15:47")),
        ("at 21:00", ("at 21:00", "21:00")),
        ("at 5 o'clock", None),
    ],
)
def test_sending_time_is_read_from_the_note(sentence: str, expected: tuple[str, str] | None) -> None:
    assert sending_time(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [("agreed in code", "cipher_telegram"), ("answered by letter", "letter"), ("wired a telegram", "telegram")],
)
def test_reply_kind_follows_the_note(sentence: str, kind: str) -> None:
    assert reply_kind(sentence) == kind


@pytest.mark.skipif(not LETTERS.is_file(), reason=f"the reference corpus is not at {LETTERS}")
def test_the_1936_letters_yield_eight_replies_answering_nine_documents() -> None:
    edition = correspondence.parse(LETTERS.read_text(encoding="utf-8"), source_name=LETTERS.name)
    replies = {d.key: d for d in _replies(edition)}
    assert len(replies) == 8
    assert all(d.date is not None and d.kind == "cipher_telegram" for d in replies.values())
    links = [lk for lk in edition.links if lk.type == "replies_to" and lk.source_key in replies]
    assert len(links) == 9
    first = replies["stalin-reply:RGASPI, f. 558, op. 11, d. 93, l. 20"]
    assert first.date is not None
    assert first.date.edtf == "1936-08-18"
    assert first.transmission is not None
    assert first.transmission.sent_time == "18:42"
    # One cipher of 27 August answers two telegrams of that day.
    shared = replies["stalin-reply:RGASPI, f. 558, op. 11, d. 93, l. 101"]
    assert sum(lk.source_key == shared.key for lk in links) == 2
    late = replies["stalin-reply:RGASPI, f. 558, op. 11, d. 94, l. 55"]
    assert late.date is not None
    assert late.date.edtf == "1936-09-06"
    assert not [r for r in edition.review if "Stalin's answer" in r.reason or "Stalin's reply" in r.reason]
