"""Any record as its GraphQL type by its global number: loaded from its row, or a bare reference for its id."""

from __future__ import annotations

from typing import Any

from chronology import models
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.loaders import one_by_id, record_kinds, table
from chronology.graphql.types.node.interface import Node

_TABLES = {
    "person": table(models.Person),
    "body": table(models.Body),
    "document": table(models.Document),
    "decision": table(models.Decision),
    "vote": table(models.Vote),
    "event": table(models.Event),
}


async def load_node(info: Info, pk: int, kind: str | None = None) -> Node | None:
    """Load any record by its global number as its GraphQL type."""
    from chronology.graphql.types.decision.record import Decision
    from chronology.graphql.types.decision.vote import Vote
    from chronology.graphql.types.document.record import Document
    from chronology.graphql.types.event.record import Event
    from chronology.graphql.types.person.body import Body
    from chronology.graphql.types.person.record import Person

    kind = kind or await record_kinds(info.context).load(pk)
    if kind is None:
        return None
    row = await one_by_id(info.context, _TABLES[kind]).load(pk)
    if row is None:
        return None
    builders: dict[str, Any] = {
        "person": Person.from_row,
        "body": Body.from_row,
        "document": Document.from_row,
        "decision": Decision.from_row,
        "vote": Vote.from_row,
        "event": Event.from_row,
    }
    node: Node = builders[kind](row)
    return node


def reference(kind: str, pk: int) -> Node:
    """Return the record of KIND numbered PK as its GraphQL type, holding nothing but its number."""
    from chronology.graphql.types.decision.record import Decision
    from chronology.graphql.types.decision.vote import Vote
    from chronology.graphql.types.document.record import Document
    from chronology.graphql.types.event.record import Event
    from chronology.graphql.types.person.body import Body
    from chronology.graphql.types.person.record import Person

    types: dict[str, type[Node]] = {
        "person": Person,
        "body": Body,
        "document": Document,
        "decision": Decision,
        "vote": Vote,
        "event": Event,
    }
    # Every record type answers `id` from `pk` alone; no other field is read (see runtime.asked.asks_only_id).
    node = object.__new__(types[kind])
    node.pk = pk  # type: ignore[attr-defined]
    return node
