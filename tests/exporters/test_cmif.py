"""The CMIF rules a harvester such as correspSearch applies, checked on the TEI export's structure.

The TEI Correspondence SIG's Schematron needs an XSLT 2 processor; these are its rules as checks.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from chronology.exporters import ExportOptions, get_exporter
from chronology.interchange.links import Links
from chronology.interchange.options import PublicationStatement
from tests.exporters.inferred import with_inferred

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
OPTIONS = ExportOptions(
    title="Letters of the 1930s",
    links=Links("https://chronology.example.org"),
    format_name="tei",
    filters=(("from", "1935"), ("to", "1936")),
    created="2026-12-07T21:00:00Z",
    statement=PublicationStatement(
        publisher="Chronology project",
        editor="A. Historian",
        editor_email="historian@example.org",
        licence="https://creativecommons.org/licenses/by/4.0/",
    ),
)
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
URL = re.compile(r"^https?://\S+$")


def _cmif(options: ExportOptions = OPTIONS) -> Any:
    return etree.fromstring(b"".join(get_exporter("tei").writer(with_inferred(), options)))


def test_the_publication_statement_is_harvestable() -> None:
    header = _cmif().find("tei:teiHeader/tei:fileDesc", NS)
    assert header.find("tei:titleStmt/tei:title", NS).text == "Letters of the 1930s"
    editor = header.find("tei:titleStmt/tei:editor", NS)
    assert editor.text == "A. Historian"
    assert editor.find("tei:email", NS).text == "historian@example.org"
    statement = header.find("tei:publicationStmt", NS)
    assert statement.find("tei:publisher", NS).text == "Chronology project"
    # The file's own URL, the same that serves it over HTTP, with the filter it was made with.
    url = statement.find("tei:idno[@type='url']", NS).text
    assert url == "https://chronology.example.org/export/tei?from=1935&to=1936"
    assert statement.find("tei:date", NS).get("when") == "2026-12-07T21:00:00Z"
    licence = statement.find("tei:availability/tei:licence", NS)
    assert licence.get("target") == "https://creativecommons.org/licenses/by/4.0/"


def test_the_source_description_lists_the_printed_editions_and_each_letter_points_at_one() -> None:
    root = _cmif()
    source = root.find("tei:teiHeader/tei:fileDesc/tei:sourceDesc", NS)
    assert all(etree.QName(child).localname == "bibl" for child in source)  # CMIF: bibl only
    bibls = {b.get(XML_ID): b for b in source}
    assert all(b.get("type") in {"print", "online", "hybrid"} for b in bibls.values())
    printed = bibls["publication-30"]
    assert printed.get("type") == "print"
    assert printed.find("tei:title", NS).text == "The Stalin-Kaganovich Correspondence, 1931-36"
    letters = root.findall(".//tei:correspDesc", NS)
    assert len(letters) == 4  # three letters and telegrams of the fixed set and the invented letter
    sources = {}
    for letter in letters:
        assert URL.match(letter.get("ref")), letter.get("ref")
        pointers = letter.get("source").split()
        assert pointers
        assert all(p.startswith("#") and p[1:] in bibls for p in pointers)
        sources[letter.get("ref")] = pointers
    assert sources[Links("https://chronology.example.org").record("document", 100)] == ["#publication-30"]


def test_corresp_actions_dates_and_names_follow_the_rules() -> None:
    for action in _cmif().iterfind(".//tei:correspAction", NS):
        assert action.get("type") in {"sent", "received", "forwarded", "redirected", "transmitted"}
        for name in action.iterfind("tei:persName", NS):
            assert name.get("ref") is None or URL.match(name.get("ref"))
            assert name.text
        for date in action.iterfind("tei:date", NS):
            allowed = {"when", "notBefore", "notAfter", "from", "to", "cert", "evidence"}
            assert set(date.attrib) <= allowed, date.attrib
            assert {"when", "notBefore", "notAfter", "from", "to"} & set(date.attrib)
            for name in ("when", "notBefore", "notAfter", "from", "to"):
                assert date.get(name) is None or ISO.match(date.get(name)), date.attrib
            assert date.get("cert") in {None, "high", "medium", "low", "unknown"}
            assert date.get("evidence") in {None, "internal", "external", "conjecture"}


def test_a_span_and_a_supplied_date_keep_their_doubt() -> None:
    letters = {c.get("ref"): c for c in _cmif().iterfind(".//tei:correspDesc", NS)}
    trial = letters["https://chronology.example.org/documents/RG9jdW1lbnQ6MTIx"]
    assert trial.find(".//tei:date", NS).attrib == {"notBefore": "1936-08-19", "notAfter": "1936-08-24"}
    supplied = letters["https://chronology.example.org/documents/RG9jdW1lbnQ6MTAx"].find(".//tei:date", NS)
    assert supplied.get("evidence") == "conjecture"


def test_the_text_is_empty_in_cmif_and_full_in_the_full_flavour() -> None:
    body = _cmif().find("tei:text/tei:body", NS)
    assert [etree.QName(c).localname for c in body] == ["p"]
    assert len(body[0]) == 0
    assert not (body[0].text or "").strip()
    full = _cmif(ExportOptions(links=OPTIONS.links, format_name="tei", flavour="full"))
    assert full.find("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno", NS).text.endswith("?flavour=full")
    assert len(full.findall("tei:text/tei:body/tei:div", NS)) == 7


def test_the_full_flavour_keeps_decisions_votes_events_links_and_doubtful_copies() -> None:
    links = Links("https://chronology.example.org")
    root = _cmif(ExportOptions(links=links, format_name="tei", flavour="full"))
    events = root.findall("tei:standOff/tei:listEvent/tei:event", NS)
    assert {e.get("type") for e in events} == {"decision", "trial", "vacation"}
    relations = root.findall("tei:standOff/tei:listRelation/tei:relation", NS)
    votes = [r for r in relations if r.get("type") == "vote"]
    assert len(votes) == 3
    assert {(v.get("active"), v.get("name")) for v in votes} >= {(links.record("person", 1, "stalin"), "for")}
    proposes = next(r for r in relations if r.get("name") == "proposes")
    assert (proposes.get("active"), proposes.get("passive")) == (
        links.record("document", 100),
        links.record("decision", 200),
    )
    assert proposes.get("cert") == "high"
    inferred = root.find(".//tei:msDesc[@corresp='#document-120']", NS)
    assert (inferred.get("cert"), inferred.get("evidence")) == ("low", "conjecture")
    assert inferred.find("tei:msIdentifier/tei:altIdentifier/tei:idno[@type='asPrinted']", NS) is None
    cited = inferred.find("tei:msIdentifier/tei:altIdentifier/tei:idno[@type='citation']", NS)
    assert cited.text == "RGASPI, f. 17, op. 2, d. 612 [inferred]"
    misprint = root.find(".//tei:msDesc[@corresp='#document-101']", NS)
    assert misprint.get("cert") == "medium"
    assert "probably a misprint for 11" in misprint.find(".//tei:note", NS).text


def test_a_person_known_to_viaf_only_is_named_by_the_viaf_uri() -> None:
    import dataclasses

    from tests.exporters.dataset import MOLOTOV

    records = with_inferred()
    molotov = dataclasses.replace(MOLOTOV, viaf_id="12345")
    persons = tuple(molotov if p.id == MOLOTOV.id else p for p in records.person_list)
    root = etree.fromstring(
        b"".join(get_exporter("tei").writer(dataclasses.replace(records, person_list=persons), OPTIONS))
    )
    names = {p.text: p.get("ref") for p in root.iterfind(".//tei:persName", NS)}
    assert names["Viacheslav Mikhailovich Molotov"] == "https://viaf.org/viaf/12345"
    assert names["Iosif Vissarionovich Stalin"] == "http://www.wikidata.org/entity/Q855"
