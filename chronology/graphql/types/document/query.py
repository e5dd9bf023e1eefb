"""The `documents` query: documents filtered and paged, their JSON built by one statement where the selection allows."""

from __future__ import annotations

from typing import Annotated, cast

import strawberry

from chronology import models
from chronology.graphql.compiled.resolvers import page_attachment, page_json
from chronology.graphql.runtime import loaders
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.loaders import one_by_id
from chronology.graphql.runtime.pagination import (
    After,
    Before,
    Connection,
    Edge,
    First,
    Last,
    keyset_page,
    page_request,
)
from chronology.graphql.types.document.filter import DocumentFilter, DocumentOrder, document_criteria, document_keys
from chronology.graphql.types.document.parts import prefetch_parts
from chronology.graphql.types.document.record import Document
from chronology.queries.documents import filtered


@strawberry.type
class DocumentQuery:
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
