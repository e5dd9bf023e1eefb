"""The `chain` query: what led to what, from one record, through typed links."""

from __future__ import annotations

import asyncio
from enum import Enum
from typing import Annotated

import strawberry

from chronology.graphql.runtime.asked import asks_only_id
from chronology.graphql.runtime.context import Context, Info
from chronology.graphql.runtime.errors import not_found, validation
from chronology.graphql.runtime.ids import KIND_OF_TYPE, TYPE_OF_KIND, decode_id, encode_id
from chronology.graphql.types.chain.compiled import chain_writers, write_edges, write_nodes
from chronology.graphql.types.describe import describe
from chronology.graphql.types.node.interface import Node
from chronology.graphql.types.node.loading import load_node, reference
from chronology.graphql.types.relation.link import Provenance
from chronology.graphql.types.relation.vocabulary import Certainty, RelationType
from chronology.queries.chains import Direction, Walk, walk

MAX_DEPTH = 6
MAX_CHAIN_RECORDS = 500


@strawberry.enum(description="Which way to follow links.")
class ChainDirection(Enum):
    FORWARD = "forward"
    BACKWARD = "backward"
    BOTH = "both"


describe(
    ChainDirection,
    {
        "FORWARD": "From source to target: telegram → decision → decree; a decision brings its votes.",
        "BACKWARD": "From target back to source: what led here.",
        "BOTH": "Either way: everything connected.",
    },
)


@strawberry.type(description="A record reached by the chain, and how many links away.")
class ChainNode:
    node: Node = strawberry.field(description="The record.")
    depth: int = strawberry.field(description="Links from the starting record (0 for itself).")


@strawberry.type(description="A link the chain followed.")
class ChainEdge:
    type: RelationType = strawberry.field(description="The kind of link.")
    source: strawberry.ID = strawberry.field(description="The id of the record the link starts from.")
    target: strawberry.ID = strawberry.field(description="The id of the record the link points to.")
    certainty: Certainty = strawberry.field(description="How sure the link is.")
    provenance: Provenance = strawberry.field(description="Who asserts it, and where.")
    depth: int = strawberry.field(description="The walk's level at which the link was followed.")


@strawberry.type(description="The records reachable from one record through typed links.")
class Chain:
    nodes: list[ChainNode] = strawberry.field(description="Every record reached, the start first.")
    edges: list[ChainEdge] = strawberry.field(description="Every link followed.")
    truncated: bool = strawberry.field(
        description=f"More than {MAX_CHAIN_RECORDS} records were reachable; the rest were left out."
    )


async def chain_walk(
    context: Context,
    start: strawberry.ID,
    direction: ChainDirection,
    types: list[RelationType] | None,
    max_depth: int,
) -> tuple[Walk, dict[int, str], list[tuple[int, int]]]:
    """Walk from START, charge the budget; return the walk, each record's kind and (record, depth) in order."""
    if not 1 <= max_depth <= MAX_DEPTH:
        raise validation(f"`maxDepth` must be between 1 and {MAX_DEPTH}", field="maxDepth")
    type_name, pk = decode_id(str(start), field="from")
    result = await walk(
        context.database.rows,
        pk,
        direction=Direction(direction.value),
        types=[t.value for t in types] if types is not None else None,
        max_depth=max_depth,
        max_records=MAX_CHAIN_RECORDS,
    )
    # The walk starts from the id as given: it reaches nothing unless the record exists.
    kinds = result.kinds
    if kinds.get(pk) != KIND_OF_TYPE[type_name]:
        raise not_found(f"{type_name} {start}", field="from")
    context.budget.spend(len(result.depths) + len(result.steps))
    ordered = sorted(result.depths.items(), key=lambda item: (item[1], item[0]))
    return result, kinds, ordered


@strawberry.type
class ChainQuery:
    @strawberry.field(
        description="Follow typed links from a record: from a cipher telegram, the decision it "
        "proposed, the votes on it and the decree it was formalised as. Cycle-safe."
    )
    async def chain(
        self,
        info: Info,
        start: Annotated[strawberry.ID, strawberry.argument(name="from", description="The starting record.")],
        direction: Annotated[ChainDirection, strawberry.argument(description="Which way.")] = ChainDirection.BOTH,
        types: Annotated[
            list[RelationType] | None, strawberry.argument(description="Only these kinds of link.")
        ] = None,
        max_depth: Annotated[int, strawberry.argument(description=f"At most this many links (≤ {MAX_DEPTH}).")] = 4,
    ) -> Chain:
        info.context.require_read()
        result, kinds, ordered = await chain_walk(info.context, start, direction, types, max_depth)
        writers = chain_writers(info)
        if writers is not None:
            # Only ids and plain values asked: the lists are written as JSON, not completed object by object.
            return Chain(
                nodes=write_nodes(writers.node, ordered, kinds) if writers.node else [],  # type: ignore[arg-type]
                edges=write_edges(writers.edge, result.steps, kinds) if writers.edge else [],  # type: ignore[arg-type]
                truncated=result.truncated,
            )
        loaded: list[Node | None]
        if asks_only_id(info, "nodes", "node"):
            # Asked only for ids: the walk already knows each record's kind and number.
            loaded = [reference(kinds[r], r) for r, _ in ordered]
        else:
            # One statement per kind of record: the loaders batch every load of the same table.
            loaded = list(await asyncio.gather(*(load_node(info, r, kinds[r]) for r, _ in ordered)))
        nodes = [
            ChainNode(node=node, depth=depth)
            for node, (_, depth) in zip(loaded, ordered, strict=True)
            if node is not None
        ]

        def gid(record: int) -> strawberry.ID:
            return strawberry.ID(encode_id(TYPE_OF_KIND[kinds[record]], record))

        edges = [
            ChainEdge(
                type=RelationType(step.type),
                source=gid(step.source_id),
                target=gid(step.target_id),
                certainty=Certainty(step.certainty),
                provenance=Provenance(publication=step.publication, locator=step.locator, summary=step.summary),
                depth=step.depth,
            )
            for step in result.steps
        ]
        return Chain(nodes=nodes, edges=edges, truncated=result.truncated)
