"""Front matter in any order: archive, kind, sending lines, classification and unknown markings."""

from __future__ import annotations

import itertools

import pytest

from chronology.importers import correspondence
from chronology.importers.records import Document, ParsedSource

_HEADER = "Molotov to Stalin 3 September 1936"
_ARCHIVE = "Archive: RGASPI F. 558. Op. 11. D. 94. L. 3. Original. Typescript."
_TEXT = [
    "Sochi. To Comrade Stalin.",
    "The grain plan for the region is ready; we ask your consent to publish it.",
    "Molotov.",
]


def _parse(front: list[str]) -> tuple[Document, ParsedSource]:
    text = "\n".join(["An editors' paragraph with no document in it.", _HEADER, *front, *_TEXT]) + "\n"
    parsed = correspondence.parse(text, source_name="invented.txt")
    assert len(parsed.documents) == 1, [d.title for d in parsed.documents]
    return parsed.documents[0], parsed


@pytest.mark.parametrize(
    ("kind_line", "kind"),
    [
        ("Cipher telegram.", "cipher_telegram"),
        ("Ciphered telegram", "cipher_telegram"),
        ("Cipher-telegram.", "cipher_telegram"),
        ("Encryption.", "cipher_telegram"),
        ("Telegram.", "telegram"),
    ],
)
@pytest.mark.parametrize(
    "sending",
    [
        "From Moscow 3.IX.36 at 14 o'clock. 20 min.",
        "From Moscow 3/IX - 36 at 14 o'clock. 20 min.",
        "From Moscow 3/9 - 36 at 14 o'clock. 20 min.",
        "From Moscow 3.9.1936 at 14 o'clock. 20 min.",
    ],
)
def test_kind_and_sending_lines_are_read_whatever_precedes_them(kind_line: str, kind: str, sending: str) -> None:
    document, _ = _parse(["Out of turn.", _ARCHIVE, kind_line, sending, "Strictly secret."])
    assert document.kind == kind
    assert document.transmission is not None
    assert document.transmission.sent_date is not None
    assert document.transmission.sent_date.edtf == "1936-09-03"
    assert document.transmission.sent_time == "14:20"
    assert document.copies


@pytest.mark.parametrize(
    "order",
    list(itertools.permutations(["Out of turn.", _ARCHIVE, "Telegram.", "Top secret."])),
)
def test_front_lines_come_in_any_order(order: tuple[str, ...]) -> None:
    document, parsed = _parse(list(order))
    assert document.kind == "telegram"
    assert [c.reference.normalised() for c in document.copies] == ["RGASPI, f. 558, op. 11, d. 94, l. 3"]
    assert document.classification is not None
    assert "Out of turn" in document.classification
    assert "Top secret" in document.classification
    assert document.body.startswith("Sochi. To Comrade Stalin.")
    assert any(r.verbatim == "Out of turn." and "marking" in r.reason for r in parsed.review)


@pytest.mark.parametrize(
    "marking", ["VERY URGENT", "For members of the PB only.", "Out of turn", "To be deciphered at once."]
)
def test_an_unknown_short_line_is_a_marking_and_front_matter_goes_on(marking: str) -> None:
    document, _ = _parse([marking, "Telegram.", _ARCHIVE])
    assert document.kind == "telegram"
    assert document.classification is not None
    assert marking.rstrip(" .") in document.classification
    assert document.copies


@pytest.mark.parametrize("furniture", ["Page 14", "- 215 -", "Text:", "Document No. 745", "(continued)"])
def test_page_furniture_and_labels_are_unparsed_on_review_never_parties(furniture: str) -> None:
    document, parsed = _parse([_ARCHIVE, furniture, "Telegram."])
    assert document.kind == "telegram"
    names = [p.name for p in document.parties]
    assert names == ["Molotov", "Stalin"]
    assert furniture not in document.body
    assert [u.text for u in parsed.unparsed] == [furniture]
    assert any(r.verbatim == furniture for r in parsed.review)


def test_a_short_text_is_not_taken_for_a_marking() -> None:
    document, _ = _parse([_ARCHIVE, "Telegram.", "I agree.", "Stalin."])
    assert document.body.startswith("I agree.")
    assert document.classification is None
