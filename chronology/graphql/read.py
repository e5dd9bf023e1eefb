"""The reading side of the API: node lookup and the filtered, paged lists."""

from __future__ import annotations

import asyncio
import datetime
from typing import Annotated, Any, cast

import strawberry
from sqlalchemy import and_, exists, func, literal, select

from chronology import models
from chronology.graphql.compiled.resolvers import nodes_by_id, page_attachment, page_json
from chronology.graphql.inputs import (
    ArchiveFilter,
    DateWindow,
    DecisionFilter,
    DocumentFilter,
    DocumentOrder,
    EventFilter,
)
from chronology.graphql.runtime import loaders
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.errors import validation
from chronology.graphql.runtime.ids import KIND_OF_TYPE, decode_id
from chronology.graphql.runtime.loaders import columns, one_by_id
from chronology.graphql.runtime.pagination import Connection, Edge, SortKey, keyset_page, page_request
from chronology.graphql.types.decision.record import Decision
from chronology.graphql.types.document.parts import prefetch_parts
from chronology.graphql.types.document.record import Document
from chronology.graphql.types.event.record import Event
from chronology.graphql.types.node.interface import Node
from chronology.graphql.types.person.body import Body
from chronology.graphql.types.person.record import Person
from chronology.graphql.types.relation.link import load_node
from chronology.queries.documents import DocumentCriteria, filtered, relevance
from chronology.queries.persons import person_matches
from chronology.queries.windows import DateMatch, window_condition

_FAR = datetime.date(9999, 12, 31)
_EARLIEST = datetime.date(1, 1, 1)

First = Annotated[int | None, strawberry.argument(description="Page size from the start (≤ 100).")]
After = Annotated[str | None, strawberry.argument(description="Continue after this cursor.")]
Last = Annotated[int | None, strawberry.argument(description="Page size from the end (≤ 100).")]
Before = Annotated[str | None, strawberry.argument(description="Continue before this cursor.")]


def _date_key(column: Any, *, descending: bool = False) -> SortKey:
    # Undated records sort after every dated one, whichever the direction.
    undated = _EARLIEST if descending else _FAR
    return SortKey(func.coalesce(column, literal(undated)), datetime.date.fromisoformat)


def _window(
    window: DateWindow | None,
) -> tuple[datetime.date | None, datetime.date | None, DateMatch]:
    if window is None:
        return None, None, DateMatch.OVERLAPS
    if window.start > window.end:
        raise validation("the window's `from` is after its `to`", field="date")
    return window.start, window.end, DateMatch(window.match.value)


def _pk(global_id: strawberry.ID | None, expect: str, field: str) -> int | None:
    return None if global_id is None else decode_id(str(global_id), field=field, expect=expect)[1]


def document_criteria(filter: DocumentFilter | None) -> DocumentCriteria:
    """Turn the GraphQL filter into checked criteria."""
    if filter is None:
        return DocumentCriteria()
    start, end, match = _window(filter.date)
    party = filter.party
    archive = filter.archive or ArchiveFilter()
    text = filter.text.strip() if filter.text else None
    if text is not None and len(text) > 500:
        raise validation("the search text is longer than 500 characters", field="text")
    return DocumentCriteria(
        start=start,
        end=end,
        match=match,
        kinds=tuple(k.value for k in filter.kinds or ()),
        person_id=_pk(party.person, "Person", "party.person") if party else None,
        body_id=_pk(party.body, "Body", "party.body") if party else None,
        party_role=party.role.value if party and party.role else None,
        repository=_repository(archive.repository),
        fond=archive.fond,
        opis=archive.opis,
        delo=archive.delo,
        publication=filter.edition,
        has_decision=filter.has_decision,
        text=text or None,
    )


def _repository(name: str | None) -> str | None:
    if name is None:
        return None
    from chronology.archives.references import find_repository

    found = find_repository(name)
    return found.code if found else name


def document_keys(criteria: DocumentCriteria, order_by: DocumentOrder) -> tuple[list[SortKey], bool]:
    """Return the keyset order of a list of documents, and whether it runs backwards in time."""
    table = models.Document.__table__
    descending = order_by is DocumentOrder.DATE_DESC
    keys = [_date_key(table.c.date_lower, descending=descending), SortKey(table.c.id)]
    if order_by is DocumentOrder.RELEVANCE:
        if not criteria.text:
            raise validation("ordering by relevance needs `filter.text`", field="orderBy")
        keys = [SortKey(-relevance(criteria.text), float), *keys]
    return keys, descending


@strawberry.type
class ReadQuery:
    @strawberry.field(description="Any record by its global id.")
    async def node(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="A global id.")],
    ) -> Node | None:
        info.context.require_read()
        type_name, pk = decode_id(str(id))
        compiled = await nodes_by_id(info, [(type_name, pk)])
        if compiled is not None:
            return cast(Node | None, compiled[0])  # JSON built by the database, passed through as it is
        return await load_node(info, pk, KIND_OF_TYPE[type_name])

    @strawberry.field(description="Several records by their global ids, in the order asked (null where missing).")
    async def nodes(
        self,
        info: Info,
        ids: Annotated[list[strawberry.ID], strawberry.argument(description="Up to 100 global ids.")],
    ) -> list[Node | None]:
        info.context.require_read()
        if len(ids) > 100:
            raise validation("ask for at most 100 ids at a time", field="ids")
        info.context.budget.spend(len(ids))
        decoded = [decode_id(str(i), field="ids") for i in ids]
        compiled = await nodes_by_id(info, decoded)
        if compiled is not None:
            return cast(list[Node | None], compiled)  # JSON built by the database, passed through as it is
        return list(await asyncio.gather(*(load_node(info, pk, KIND_OF_TYPE[t]) for t, pk in decoded)))

    @strawberry.field(description="Documents, filtered and paged; by date unless told otherwise.")
    async def documents(
        self,
        info: Info,
        filter: Annotated[DocumentFilter | None, strawberry.argument(description="Which ones to list.")] = None,
        order_by: Annotated[DocumentOrder, strawberry.argument(description="The order.")] = DocumentOrder.DATE_ASC,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Document]:
        info.context.require_read()
        criteria = document_criteria(filter)
        request = page_request(first, after, last, before)
        keys, descending = document_keys(criteria, order_by)
        attached = page_attachment(info)
        # A compiled page reads only the documents' ids and their JSON; the columns are not needed.
        query = filtered(criteria, only_ids=attached is not None)
        rows, cursors, page, count = await keyset_page(
            info.context, query, keys, request, descending=descending, attached=attached
        )
        if attached is not None:
            compiled = page_json(info.context.budget, rows)
            if compiled is not None:
                # The documents' JSON built by the database in one statement, passed through execution as it is.
                built = [Edge(cursor=c, node=cast(Document, node)) for node, c in zip(compiled, cursors, strict=True)]
                return Connection(edges=built, page_info=page, count=count)
            # Over the record budget: the ordinary path decides, on the documents' full rows.
            rows = list(await one_by_id(info.context, loaders.table(models.Document)).load_many([r.id for r in rows]))
        edges = [
            Edge(cursor=c, node=Document.from_row(r, search_query=criteria.text))
            for r, c in zip(rows, cursors, strict=True)
            if r is not None
        ]
        await prefetch_parts(info, [r.id for r in rows if r is not None])
        return Connection(edges=edges, page_info=page, count=count)

    @strawberry.field(
        description="People by name: canonical names and every variant, tolerating misspellings "
        "(`Ezhov`, `Pyatakov`, `Ordhonikidze`); best match first. Without `search`, all by sort name."
    )
    async def persons(
        self,
        info: Info,
        search: Annotated[str | None, strawberry.argument(description="A name in any spelling.")] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Person]:
        info.context.require_read()
        request = page_request(first, after, last, before)
        table = models.Person.__table__
        if search is not None and search.strip():
            if len(search) > 200:
                raise validation("the name is longer than 200 characters", field="search")
            query, score = person_matches(search.strip())
            keys = [SortKey(-score, float), SortKey(table.c.sort_name), SortKey(table.c.id)]
        else:
            query = select(table)
            keys = [SortKey(table.c.sort_name), SortKey(table.c.id)]
        rows, cursors, page, count = await keyset_page(info.context, query, keys, request)
        edges = [Edge(cursor=c, node=Person.from_row(r)) for r, c in zip(rows, cursors, strict=True)]
        return Connection(edges=edges, page_info=page, count=count)

    @strawberry.field(description="Bodies: the Politburo, the Orgburo, commissariats …, by name.")
    async def bodies(self, info: Info) -> list[Body]:
        info.context.require_read()
        table = models.Body.__table__
        rows = await info.context.database.rows(select(table).order_by(table.c.name).limit(500))
        info.context.budget.spend(len(rows))
        return [Body.from_row(r) for r in rows]

    @strawberry.field(description="Decisions, filtered and paged, by date.")
    async def decisions(
        self,
        info: Info,
        filter: Annotated[DecisionFilter | None, strawberry.argument(description="Which ones to list.")] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Decision]:
        info.context.require_read()
        request = page_request(first, after, last, before)
        table = models.Decision.__table__
        conditions = []
        if filter is not None:
            start, end, match = _window(filter.date)
            if start is not None and end is not None:
                conditions.append(window_condition(table.c.date_span, start, end, match))
            if filter.body is not None:
                conditions.append(table.c.body_id == _pk(filter.body, "Body", "body"))
            if filter.procedures:
                conditions.append(table.c.procedure.in_([p.value for p in filter.procedures]))
            if filter.outcomes:
                conditions.append(table.c.outcome.in_([o.value for o in filter.outcomes]))
        query = select(*columns(table))
        if conditions:
            query = query.where(and_(*conditions))
        keys = [_date_key(table.c.date_lower), SortKey(table.c.id)]
        rows, cursors, page, count = await keyset_page(info.context, query, keys, request)
        edges = [Edge(cursor=c, node=Decision.from_row(r)) for r, c in zip(rows, cursors, strict=True)]
        return Connection(edges=edges, page_info=page, count=count)

    @strawberry.field(description="Events, filtered and paged, by date.")
    async def events(
        self,
        info: Info,
        filter: Annotated[EventFilter | None, strawberry.argument(description="Which ones to list.")] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Event]:
        info.context.require_read()
        request = page_request(first, after, last, before)
        table = models.Event.__table__
        participants = models.EventParticipant.__table__
        conditions = []
        if filter is not None:
            start, end, match = _window(filter.date)
            if start is not None and end is not None:
                conditions.append(window_condition(table.c.date_span, start, end, match))
            if filter.types:
                conditions.append(table.c.type.in_([t.value for t in filter.types]))
            if filter.participant is not None:
                person = _pk(filter.participant, "Person", "participant")
                conditions.append(
                    exists().where(participants.c.event_id == table.c.id).where(participants.c.person_id == person)
                )
        query = select(*columns(table))
        if conditions:
            query = query.where(and_(*conditions))
        keys = [_date_key(table.c.date_lower), SortKey(table.c.id)]
        rows, cursors, page, count = await keyset_page(info.context, query, keys, request)
        edges = [Edge(cursor=c, node=Event.from_row(r)) for r, c in zip(rows, cursors, strict=True)]
        return Connection(edges=edges, page_info=page, count=count)
