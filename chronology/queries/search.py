"""Highlighted snippets for text search."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select

from chronology import models
from chronology.queries.documents import text_query

documents = models.Document.__table__


def snippet_statement(document_id: int, text: str) -> Select[Any]:
    """Return the statement giving the passage where the search words occur, marked up."""
    source = func.coalesce(documents.c.full_text, documents.c.summary, documents.c.title)
    headline = func.ts_headline(
        "english", source, text_query(text), "MaxFragments=2, MaxWords=30, MinWords=10"
    )
    return select(headline).where(documents.c.id == document_id)
