"""One ranked search across documents, decisions, events and persons."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Text,
    case,
    func,
    literal,
    null,
    select,
    union_all,
)

from chronology import models
from chronology.queries.documents import relevance, text_query
from chronology.queries.persons import person_matches

documents = models.Document.__table__
decisions = models.Decision.__table__
events = models.Event.__table__
variants = models.NameVariant.__table__

# ts_rank_cd's normalisation flag 32 divides a rank by itself plus one, which puts
# full-text ranks on the same 0..1 scale as trigram similarity.
RANK_TO_UNIT = 32
HEADLINE_OPTIONS = "MaxFragments=2, MaxWords=30, MinWords=10"
SEARCH_TYPES = ("document", "decision", "event", "person")


def decision_vector() -> Any:
    """Return the tsvector of a decision's title, summary and text (a stored, GIN-indexed column)."""
    return decisions.c.search


def event_vector() -> Any:
    """Return the tsvector of an event's title and description (a stored, GIN-indexed column)."""
    return events.c.search


def decision_matches(text: str) -> ColumnElement[bool]:
    """Return the condition that a decision matches a search phrase."""
    condition: ColumnElement[bool] = decision_vector().op("@@")(text_query(text))
    return condition


def event_matches(text: str) -> ColumnElement[bool]:
    """Return the condition that an event matches a search phrase."""
    condition: ColumnElement[bool] = event_vector().op("@@")(text_query(text))
    return condition


def _ranked(kind: str, pk: Any, score: Any, condition: Any, limit: int) -> Select[Any]:
    return (
        select(
            pk.label("id"),
            literal(kind, Text).label("type"),
            score.label("score"),
        )
        .where(condition)
        .order_by(score.desc(), pk)
        .limit(limit)
    )


def search_statement(text: str, types: Sequence[str], limit: int) -> Select[Any]:
    """Return the best LIMIT hits for TEXT among TYPES (not empty): id, type, score (0..1), snippet."""
    assert types, "a search needs at least one type"
    query = text_query(text)
    branches: list[Select[Any]] = []
    if "document" in types:
        branches.append(
            _ranked(
                "document",
                documents.c.id,
                relevance(text),
                documents.c.search.op("@@")(query),
                limit,
            )
        )
    if "decision" in types:
        rank = func.ts_rank_cd(decision_vector(), query, RANK_TO_UNIT)
        branches.append(_ranked("decision", decisions.c.id, rank, decision_matches(text), limit))
    if "event" in types:
        rank = func.ts_rank_cd(event_vector(), query, RANK_TO_UNIT)
        branches.append(_ranked("event", events.c.id, rank, event_matches(text), limit))
    if "person" in types:
        found = person_matches(text)[0].subquery()
        branches.append(
            select(
                found.c.id.label("id"),
                literal("person", Text).label("type"),
                found.c.score.label("score"),
            )
            .order_by(found.c.score.desc(), found.c.id)
            .limit(limit)
        )
    top = union_all(*(branch.subquery().select() for branch in branches)).subquery("top")
    ranked = select(top).order_by(top.c.score.desc(), top.c.type, top.c.id).limit(limit).subquery()
    return (
        select(ranked.c.id, ranked.c.type, ranked.c.score, _snippet(ranked, query, text))
        .outerjoin(documents, (ranked.c.type == "document") & (documents.c.id == ranked.c.id))
        .outerjoin(decisions, (ranked.c.type == "decision") & (decisions.c.id == ranked.c.id))
        .outerjoin(events, (ranked.c.type == "event") & (events.c.id == ranked.c.id))
        .order_by(ranked.c.score.desc(), ranked.c.type, ranked.c.id)
    )


def _snippet(ranked: Any, query: Any, text: str) -> Any:
    # Headlines are costly, so they are made only for the rows that survive the limit.
    def headline(*parts: Any) -> Any:
        # Every searched part, so that words found only in a title are marked too.
        return func.ts_headline("english", func.concat_ws(" … ", *parts), query, HEADLINE_OPTIONS)

    best_variant = (
        select(variants.c.name)
        .where(variants.c.person_id == ranked.c.id)
        .order_by(func.similarity(func.lower(variants.c.name), text.lower()).desc(), variants.c.name)
        .limit(1)
        .scalar_subquery()
    )
    return case(
        (
            ranked.c.type == "document",
            headline(documents.c.title, documents.c.summary, documents.c.full_text),
        ),
        (
            ranked.c.type == "decision",
            headline(decisions.c.title, decisions.c.summary, decisions.c.full_text),
        ),
        (ranked.c.type == "event", headline(events.c.title, events.c.description)),
        (ranked.c.type == "person", best_variant),
        else_=null(),
    ).label("snippet")
