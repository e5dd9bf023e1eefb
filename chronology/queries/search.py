"""Highlighted snippets for text search."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select

from chronology import models
from chronology.queries.documents import text_query

documents = models.Document.__table__


def snippet_statement(document_id: int, text: str) -> Select[Any]:
    """Return the statement giving the passage where the search words occur, marked up."""
    # Every searched part, so that words found only in the title are marked too.
    source = func.concat_ws(" … ", documents.c.title, documents.c.summary, documents.c.full_text)
    headline = func.ts_headline("english", source, text_query(text), "MaxFragments=2, MaxWords=30, MinWords=10")
    return select(headline).where(documents.c.id == document_id)
