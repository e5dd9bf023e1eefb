"""A chain's nodes and edges as JSON written directly, when only ids and plain values are asked.

A walk from a telegram reaches dozens of records and links; completing each as a GraphQL
object (type resolution for every `Node`, a resolver call per field) costs more than the
walk's statement. When the selection asks nothing that needs a record loaded, the lists
are written here in the response's own encoding.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from chronology.graphql.compiled.plans import cached, enabled
from chronology.graphql.compiled.raw import RawJSON
from chronology.graphql.compiled.selection import Field, Selection
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.ids import TYPE_OF_KIND, encode_id
from chronology.graphql.types.relation.vocabulary import Certainty, RelationType

# (record number, its kind, depth) -> value
NodeValue = Callable[[int, str, int], Any]
# (link type, source, target, certainty, depth, kinds) -> value
EdgeValue = Callable[[Any, dict[int, str]], Any]


def _gid(kinds: dict[int, str], record: int) -> str:
    return encode_id(TYPE_OF_KIND[kinds[record]], record)


def _record(fields: Sequence[Field]) -> Callable[[int, str], dict[str, Any]] | None:
    """Return a writer for a reached record asked only its id and type name, or None."""
    writers: list[tuple[str, Callable[[int, str], Any]]] = []
    for field in fields:
        if field.name == "id" and not field.arguments:
            writers.append((field.key, lambda pk, kind: encode_id(TYPE_OF_KIND[kind], pk)))
        elif field.name == "__typename":
            writers.append((field.key, lambda _pk, kind: TYPE_OF_KIND[kind]))
        else:
            return None
    return lambda pk, kind: {key: write(pk, kind) for key, write in writers}


def _ignoring_depth(record: Callable[[int, str], dict[str, Any]]) -> NodeValue:
    return lambda pk, kind, _depth: record(pk, kind)


def _node(fields: Sequence[Field]) -> NodeValue | None:
    """Return a writer for one ChainNode, or None if a field needs more than the walk knows."""
    writers: list[tuple[str, NodeValue]] = []
    for field in fields:
        if field.name == "depth":
            writers.append((field.key, lambda _pk, _kind, depth: depth))
        elif field.name == "__typename":
            writers.append((field.key, lambda _pk, _kind, _depth: "ChainNode"))
        elif field.name == "node" and field.below is not None:
            # Every concrete type must be asked the same plain fields, which the walk can answer.
            shapes = {tuple((f.key, f.name) for f in field.only(t)) for t in TYPE_OF_KIND.values()}
            record = _record(field.only("Document")) if len(shapes) == 1 else None
            if record is None:
                return None
            writers.append((field.key, _ignoring_depth(record)))
        else:
            return None
    return lambda pk, kind, depth: {key: write(pk, kind, depth) for key, write in writers}


def _edge(fields: Sequence[Field]) -> EdgeValue | None:
    """Return a writer for one ChainEdge, or None if a field needs more than plain values (provenance)."""
    plain: dict[str, EdgeValue] = {
        "type": lambda step, _kinds: RelationType(step.type).name,
        "source": lambda step, kinds: _gid(kinds, step.source_id),
        "target": lambda step, kinds: _gid(kinds, step.target_id),
        "certainty": lambda step, _kinds: Certainty(step.certainty).name,
        "depth": lambda step, _kinds: step.depth,
        "__typename": lambda _step, _kinds: "ChainEdge",
    }
    writers: list[tuple[str, EdgeValue]] = []
    for field in fields:
        write = plain.get(field.name)
        if write is None or field.arguments:
            return None
        writers.append((field.key, write))
    return lambda step, kinds: {key: write(step, kinds) for key, write in writers}


class ChainWriters:
    """How to write a Chain's `nodes` and `edges` directly; `complete` is false when the ordinary path must answer."""

    def __init__(self, selection: Selection) -> None:
        self.node: NodeValue | None = None
        self.edge: EdgeValue | None = None
        asked = selection.get("Chain", ())
        nodes = [f for f in asked if f.name == "nodes"]
        edges = [f for f in asked if f.name == "edges"]
        # Each list is one attribute of the Chain: aliases asking it differently need the ordinary path.
        self.complete = len(nodes) <= 1 and len(edges) <= 1 and bool(nodes or edges)
        if nodes:
            self.node = _node(nodes[0].only("ChainNode"))
            self.complete = self.complete and self.node is not None
        if edges:
            self.edge = _edge(edges[0].only("ChainEdge"))
            self.complete = self.complete and self.edge is not None


def chain_writers(info: Info) -> ChainWriters | None:
    """Return writers for the chain's lists if every list asked can be written directly, else None."""
    if not enabled(info):
        return None
    writers = cached(info, "chain", ChainWriters)
    return writers if writers is not None and writers.complete else None


def _dump(values: list[Any]) -> RawJSON:
    # The encoding `raw.encode` gives the rest of the response, so both paths give the same bytes.
    return RawJSON(json.dumps(values, separators=(",", ":"), ensure_ascii=False))


def write_nodes(node: NodeValue, ordered: Sequence[tuple[int, int]], kinds: dict[int, str]) -> RawJSON:
    """Return the JSON of the reached records, (number, depth) in order."""
    return _dump([node(pk, kinds[pk], depth) for pk, depth in ordered])


def write_edges(edge: EdgeValue, steps: Sequence[Any], kinds: dict[int, str]) -> RawJSON:
    """Return the JSON of the links followed."""
    return _dump([edge(step, kinds) for step in steps])
