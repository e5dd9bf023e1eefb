"""The `node` and `nodes` queries: any record by its global id, its JSON built by one statement where possible."""

from __future__ import annotations

import asyncio
from typing import Annotated, cast

import strawberry

from chronology.graphql.compiled.resolvers import nodes_by_id
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.errors import validation
from chronology.graphql.runtime.ids import KIND_OF_TYPE, decode_id
from chronology.graphql.types.node.interface import Node
from chronology.graphql.types.node.loading import load_node


@strawberry.type
class NodeQuery:
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
