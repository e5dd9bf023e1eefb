"""The `search` query: one ranked list across documents, decisions, events and persons."""

from __future__ import annotations

import asyncio
from enum import Enum
from typing import Annotated

import strawberry

from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.errors import validation
from chronology.graphql.types.describe import describe
from chronology.graphql.types.node.interface import Node
from chronology.graphql.types.node.loading import load_node
from chronology.queries.cross_search import search_statement

MAX_HITS = 100
MAX_QUERY_LENGTH = 500


@strawberry.enum(description="The kinds of record a search can find.")
class SearchType(Enum):
    DOCUMENT = "document"
    DECISION = "decision"
    EVENT = "event"
    PERSON = "person"


describe(
    SearchType,
    {
        "DOCUMENT": "Documents, by the words of their title, summary and text.",
        "DECISION": "Decisions, by the words of their title, summary and text.",
        "EVENT": "Events, by the words of their title and description.",
        "PERSON": "People, by any form of their name, tolerating misspellings.",
    },
)


@strawberry.type(description="One record a search found, with how well it matched.")
class SearchHit:
    node: Node = strawberry.field(description="The record found.")
    type: SearchType = strawberry.field(description="What kind of record it is.")
    score: float = strawberry.field(
        description="How well it matched, from 0 to 1, comparable across kinds: for documents, "
        "decisions and events the cover-density rank r of the words scaled as r/(r+1) (title "
        "words weigh more than summary words, which weigh more than the text); for people the "
        "trigram similarity of the best-matching form of the name."
    )
    snippet: str | None = strawberry.field(
        description="For documents, decisions and events, the passage where the words occur, "
        "marked with <b>…</b>; for people, the form of the name that matched best."
    )


@strawberry.type
class SearchQuery:
    @strawberry.field(
        description="Search everything at once: documents, decisions and events by their words "
        '(web-search syntax: `railway -Omsk`, `"sheepskin coats"`, `a OR b`), people by name '
        "in any spelling. One list, best match first."
    )
    async def search(
        self,
        info: Info,
        query: Annotated[str, strawberry.argument(description="Words to look for, or a name in any spelling.")],
        types: Annotated[
            list[SearchType] | None,
            strawberry.argument(description="Only these kinds of record (all kinds if omitted)."),
        ] = None,
        first: Annotated[int, strawberry.argument(description=f"How many hits to return (1 to {MAX_HITS}).")] = 20,
    ) -> list[SearchHit]:
        info.context.require_read()
        text = query.strip()
        if not text:
            raise validation("give some words or a name to search for", field="query")
        if len(text) > MAX_QUERY_LENGTH:
            raise validation(f"the search text is longer than {MAX_QUERY_LENGTH} characters", field="query")
        if not 1 <= first <= MAX_HITS:
            raise validation(f"`first` must be between 1 and {MAX_HITS}", field="first")
        wanted = [t.value for t in (types if types is not None else list(SearchType))]
        if not wanted:
            return []
        info.context.budget.spend(first)
        rows = await info.context.database.rows(search_statement(text, wanted, first))
        nodes = await asyncio.gather(*(load_node(info, row.id, row.type) for row in rows))
        return [
            SearchHit(
                node=node,
                type=SearchType(row.type),
                score=float(row.score),
                snippet=row.snippet,
            )
            for row, node in zip(rows, nodes, strict=True)
            if node is not None
        ]
