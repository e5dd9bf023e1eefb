"""The Stalin Digital Archive page parser, and its match with the correspondence edition."""

from __future__ import annotations

import pytest

from chronology.importers import correspondence, sda
from chronology.importers.reading.keys import document_key, match_key, surname
from chronology.importers.records import Document, ParsedSource, PartyRole
from tests.paths import CORPUS, EDITION_FIXTURES


@pytest.fixture(scope="module")
def page() -> ParsedSource:
    text = (EDITION_FIXTURES / "sda_sample.txt").read_text(encoding="utf-8")
    return sda.parse(text, source_name="sda_sample.txt")


def _only(parsed: ParsedSource) -> Document:
    assert len(parsed.documents) == 1
    return parsed.documents[0]


def test_page_yields_one_document_with_its_details(page: ParsedSource) -> None:
    doc = _only(page)
    assert doc.title == "Kaganovich to Stalin"
    assert doc.date is not None
    assert doc.date.edtf == "1936-08-21"
    assert doc.copies[0].reference.normalised() == "RGASPI, f. 558, op. 11, d. 93, l. 48"
    assert (doc.copies[0].form, doc.copies[0].note) == (
        "original, typescript",
        "Signed by the author",
    )
    assert doc.kind == "cipher_telegram"
    assert page.unparsed == []


def test_parties_include_the_intermediary_from_the_address(page: ParsedSource) -> None:
    doc = _only(page)
    by_role = {role: [p.name for p in doc.parties if p.role is role] for role in PartyRole}
    assert by_role[PartyRole.AUTHOR] == ["Kaganovich, Lazar Moiseevich"]
    assert by_role[PartyRole.RECIPIENT] == ["Dzhugashvili, Iosif Vissarionovich (Stalin)"]
    assert by_role[PartyRole.INTERMEDIARY] == ["Chechulin"]


def test_edition_number_pages_and_editorial_notes(page: ParsedSource) -> None:
    doc = _only(page)
    assert doc.edition is not None
    assert doc.edition.title == "The Stalin-Kaganovich Correspondence, 1931-36"
    assert doc.edition.document_number == "77"
    assert doc.edition.pages == "180–181"
    notes = [a.text for a in doc.annotations if a.kind == "editorial_note"]
    assert len(notes) == 2
    assert notes[0].startswith("Item “2”")
    assert "Page 180" not in doc.body
    assert "checked off" not in doc.body
    assert "Login Required" not in doc.body
    assert "Table of Contents" not in doc.body
    assert doc.body.startswith("[By cipher] Sochi.")
    assert doc.signatures == ["Kaganovich"]


def test_key_scheme_is_shared_with_the_correspondence_parser(page: ParsedSource) -> None:
    doc = _only(page)
    assert doc.key == document_key(doc)
    sample = (EDITION_FIXTURES / "correspondence_sample.txt").read_text(encoding="utf-8")
    other = correspondence.parse(sample, source_name="correspondence_sample.txt")
    same = [d for d in other.documents if match_key(d) == match_key(doc)]
    assert [d.line for d in same] == [45]
    assert same[0].key == doc.key


def test_page_without_a_document_is_unparsed() -> None:
    parsed = sda.parse("Stalin Digital Archive\nLogin Required\n", source_name="empty.html")
    assert parsed.documents == []
    assert parsed.unparsed


def test_surname_reads_catalogue_and_initialled_forms() -> None:
    assert surname("Kaganovich, Lazar Moiseevich") == "Kaganovich"
    assert surname("L. Kaganovich") == "Kaganovich"
    assert surname("I.St[alin]") == "Stalin"


def test_corpus_page_matches_the_correspondence_document() -> None:
    page_path = CORPUS / "sda-kaganovich-yezhov-1936-08-20.txt"
    edition_path = CORPUS / "stalin-kaganovich-1936-jan-aug.txt"
    if not (page_path.is_file() and edition_path.is_file()):
        pytest.skip(f"the reference corpus is not at {CORPUS}")
    doc = _only(sda.parse(page_path.read_text(encoding="utf-8"), source_name=page_path.name))
    assert doc.edition is not None
    assert (doc.edition.document_number, doc.edition.pages) == ("136", "331–332")
    assert doc.copies[0].reference.normalised() == "RGASPI, f. 558, op. 11, d. 93, ll. 42–46"
    assert [p.name for p in doc.parties if p.role is PartyRole.INTERMEDIARY] == ["Pauker"]
    assert len([a for a in doc.annotations if a.kind == "editorial_note"]) >= 5
    edition = correspondence.parse(edition_path.read_text(encoding="utf-8"), source_name="x")
    same = [d for d in edition.documents if match_key(d) == match_key(doc)]
    assert len(same) == 1
    assert [p.name for p in same[0].parties if p.role is PartyRole.AUTHOR] == [
        "Kaganovich",
        "Yezhov",
    ]
    assert same[0].key == doc.key
