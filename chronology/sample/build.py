"""Build the shipped sample from the corpus: parsed facts kept, the editions' texts left out.

The corpus is other people's editions. The sample keeps what they establish —
parties, dates, archival references, decisions, votes and links — and replaces
every passage of their prose with a line we write ourselves.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from chronology.importers import correspondence, road_to_terror, sda
from chronology.importers.records import Annotation, Document, Edition, ParsedSource, PartyRole
from chronology.sample.codec import encode

# The corpus files the sample is made from, and the parser for each.
SOURCES = {
    "stalin-kaganovich-1936-jan-aug.txt": correspondence.parse,
    "kaganovich-stalin-1936-09-14.txt": correspondence.parse,
    "sda-kaganovich-yezhov-1936-08-20.txt": sda.parse,
    "road-to-terror-ocr.txt": road_to_terror.parse,
}
DATA = Path(__file__).resolve().parent / "data"
# Headings longer than this are shortened: a label, not the edition's wording.
TITLE_WORDS = 9

KIND_LABELS = {
    "cipher_telegram": "Cipher telegram",
    "telegram": "Telegram",
    "ticker_tape": "Ticker-tape message",
    "letter": "Letter",
    "memorandum": "Memorandum",
    "protocol_extract": "Protocol extract",
    "decree": "Decree",
    "resolution": "Resolution",
    "circular": "Circular",
    "order": "Order",
    "speech": "Speech",
    "report": "Report",
    "note": "Note",
    "article": "Newspaper article",
    "transcript": "Transcript",
}


def summary(document: Document) -> str:
    """Write our own one-line description of a document from its facts."""
    if document.summary:
        # The importer's own wording (e.g. for a reply known only from a note), ours as well.
        return document.summary
    authors = [p.name for p in document.parties if p.role is PartyRole.AUTHOR]
    recipients = [p.name for p in document.parties if p.role is PartyRole.RECIPIENT]
    parts = [KIND_LABELS.get(document.kind, "Document")]
    if authors:
        parts.append("from " + ", ".join(authors))
    if recipients:
        parts.append("to " + ", ".join(recipients))
    text = " ".join(parts)
    if document.date is not None:
        text += f", {document.date.display()}"
    if document.copies:
        text += f". Kept at {document.copies[0].reference.normalised()}"
    return text + "."


def _title(title: str) -> str:
    words = title.split()
    return title if len(words) <= TITLE_WORDS else " ".join(words[:TITLE_WORDS]) + " …"


def _annotation(annotation: Annotation) -> Annotation:
    who = f" by {annotation.author}" if annotation.author else ""
    label = annotation.kind.replace("_", " ")
    return dataclasses.replace(annotation, text=f"A {label}{who} (text not included in the sample).")


def _edition(edition: Edition | None) -> Edition | None:
    return None if edition is None else dataclasses.replace(edition, text=None)


def strip(parsed: ParsedSource) -> ParsedSource:
    """Keep the facts of a parsed source and drop the editions' prose."""
    documents = [
        dataclasses.replace(
            document,
            title=_title(document.title),
            published_source=_title(document.published_source) if document.published_source else None,
            body="",
            footnotes=[],
            annotations=[_annotation(a) for a in document.annotations],
            edition=_edition(document.edition),
            transmission=(
                dataclasses.replace(document.transmission, sent=None, received=None)
                if document.transmission is not None
                else None
            ),
        )
        for document in parsed.documents
    ]
    return ParsedSource(
        format=parsed.format,
        documents=documents,
        decisions=[dataclasses.replace(d, title=_title(d.title)) for d in parsed.decisions],
        votes=list(parsed.votes),
        links=list(parsed.links),
    )


def build(corpus: Path, out: Path = DATA) -> list[Path]:
    """Parse each corpus file, strip it and write it as JSON under OUT."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, parse in SOURCES.items():
        parsed = strip(parse((corpus / name).read_text(encoding="utf-8"), source_name=name))
        payload = {"source": name, "summaries": {d.key: summary(d) for d in parsed.documents}}
        payload["parsed"] = encode(parsed)
        target = out / (Path(name).stem + ".json")
        target.write_text(json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        written.append(target)
    return written
