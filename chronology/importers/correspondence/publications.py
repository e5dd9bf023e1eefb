"""Newspapers a note says printed a document's matter: an article record, linked to the document."""

from __future__ import annotations

import re

from chronology.dates.fuzzy import FuzzyDate
from chronology.importers.correspondence.facts import published_in
from chronology.importers.correspondence.statements import NoteReading, date_for, document_label, provenance
from chronology.importers.records import Document, Footnote, Link, Party, PartyRole


def publication_in(
    note: Footnote, sentence: str, start: int, dates: list[tuple[int, FuzzyDate]], context: NoteReading
) -> None:
    """Record the article a note says printed the document's matter, and link the two."""
    found = published_in(sentence)
    if found is None:
        return
    paper, position = found
    date = date_for(start + position, start, sentence, dates, context)
    doc = context.doc
    edtf = date.edtf if date else "undated"
    slug = re.sub(r"\W+", "-", paper.lower()).strip("-")
    key = f"{edtf}:{slug}:article"
    article = next((d for d in context.result.documents if d.key == key), None)
    if article is None:
        when = date.display() if date else "undated"
        article = Document(key=key, kind="article", title=f"{paper}, {when}", date=date, line=note.line)
        if paper[0].isupper():
            article.parties.append(Party(paper, PartyRole.AUTHOR, 1, True))
        context.result.documents.append(article)
    certainty = "probable" if paper[0].isupper() else "possible"
    link_type, summary = "published_as", f"matter of {document_label(doc)} printed in {paper}"
    if date is not None and doc.date is not None and date.upper < doc.date.lower:
        link_type, summary = "mentions", f"{document_label(doc)} refers to what {paper} had printed"
    context.result.links.append(
        Link(link_type, doc.key, article.key, certainty, provenance(note, doc), summary, note.line)
    )
