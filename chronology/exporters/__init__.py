"""Exporters: a registry of pure, streaming writers shared by the CLI and the web.

Each writer takes an `ExportSource` (records in a stable order) and `ExportOptions`, and
yields bytes; none touches the database, so each is tested on records built in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from chronology.exporters import bibtex, csl, datapackage, gexf, jsonld, ris, tei, timelinejs
from chronology.interchange.options import ExportOptions
from chronology.interchange.records import ExportSource

Writer = Callable[[ExportSource, ExportOptions], Iterator[bytes]]


@dataclass(frozen=True)
class Exporter:
    """A format: its name, media type, file extension and writer."""

    name: str
    media_type: str
    extension: str
    writer: Writer
    description: str

    def filename(self, stem: str = "chronology") -> str:
        """Return the file name an export of this format is saved under."""
        return f"{stem}{self.extension}"


EXPORTERS: dict[str, Exporter] = {
    exporter.name: exporter
    for exporter in (
        Exporter(
            "datapackage",
            "application/zip",
            ".datapackage.zip",
            datapackage.write,
            "Frictionless Data Package: one CSV per record type and datapackage.json",
        ),
        Exporter("tei", "application/tei+xml", ".tei.xml", tei.write, "TEI P5 with CMIF correspondence metadata"),
        Exporter("jsonld", "application/ld+json", ".jsonld", jsonld.write, "JSON-LD with schema.org types"),
        Exporter("timelinejs", "application/json", ".timeline.json", timelinejs.write, "TimelineJS 3 JSON"),
        Exporter("csl", "application/vnd.citationstyles.csl+json", ".csl.json", csl.write, "CSL-JSON citations"),
        Exporter("bibtex", "application/x-bibtex", ".bib", bibtex.write, "BibTeX citations"),
        Exporter("ris", "application/x-research-info-systems", ".ris", ris.write, "RIS citations"),
        Exporter("gexf", "application/gexf+xml", ".gexf", gexf.write, "GEXF network of persons and documents"),
    )
}


def get_exporter(name: str) -> Exporter:
    """Return the exporter called NAME, or raise KeyError naming the formats there are."""
    try:
        return EXPORTERS[name]
    except KeyError:
        raise KeyError(f"unknown export format {name!r}; choose one of {', '.join(EXPORTERS)}") from None


__all__ = ["EXPORTERS", "ExportOptions", "ExportSource", "Exporter", "Writer", "get_exporter"]
