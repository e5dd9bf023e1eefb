"""Walking typed links from one record, breadth first, cycle-safe, depth-bounded."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, literal, null, or_, select, union_all

from chronology import models

relations = models.Relation.__table__
votes = models.Vote.__table__
publications = models.Publication.__table__


class Direction(StrEnum):
    """Which way to follow links: from source to target, back, or both."""

    FORWARD = "forward"
    BACKWARD = "backward"
    BOTH = "both"


@dataclass(frozen=True)
class Step:
    """One link met on the walk, and how far from the start it lies."""

    relation_id: int | None  # None: a vote's link to its decision, which lives in `votes`
    type: str
    source_id: int
    target_id: int
    certainty: str
    publication: str | None
    locator: str | None
    summary: str | None
    depth: int


@dataclass(frozen=True)
class Walk:
    """The records reached and the links that reached them."""

    depths: dict[int, int]
    steps: list[Step]
    truncated: bool


def _links(
    frontier: Sequence[int], direction: Direction, types: Sequence[str] | None
) -> Select[Any]:
    ends = []
    if direction in (Direction.FORWARD, Direction.BOTH):
        ends.append(relations.c.source_id.in_(frontier))
    if direction in (Direction.BACKWARD, Direction.BOTH):
        ends.append(relations.c.target_id.in_(frontier))
    stored = (
        select(
            relations.c.id.label("relation_id"),
            relations.c.type,
            relations.c.source_id,
            relations.c.target_id,
            relations.c.certainty,
            publications.c.title.label("publication"),
            relations.c.provenance_locator.label("locator"),
            relations.c.provenance_summary.label("summary"),
        )
        .outerjoin(publications, publications.c.id == relations.c.provenance_publication_id)
        .where(or_(*ends))
    )
    if types is not None:
        stored = stored.where(relations.c.type.in_(types))
    if types is not None and "vote_on" not in types:
        return stored
    # A vote belongs to its decision: walking forward to a decision reaches its
    # votes, walking back from a vote reaches its decision.
    vote_ends = []
    if direction in (Direction.FORWARD, Direction.BOTH):
        vote_ends.append(votes.c.decision_id.in_(frontier))
    if direction in (Direction.BACKWARD, Direction.BOTH):
        vote_ends.append(votes.c.id.in_(frontier))
    cast = select(
        null().label("relation_id"),
        literal("vote_on").label("type"),
        votes.c.id.label("source_id"),
        votes.c.decision_id.label("target_id"),
        literal("certain").label("certainty"),
        null().label("publication"),
        votes.c.recorded_in.label("locator"),
        null().label("summary"),
    ).where(or_(*vote_ends))
    return union_all(stored, cast).subquery().select()


async def walk(
    rows: Callable[[Select[Any]], Awaitable[Sequence[Any]]],
    start: int,
    *,
    direction: Direction,
    types: Sequence[str] | None,
    max_depth: int,
    max_records: int,
) -> Walk:
    """Walk from START up to MAX_DEPTH links, one query per level."""
    depths = {start: 0}
    seen_links: set[tuple[str, int, int]] = set()
    steps: list[Step] = []
    frontier = [start]
    truncated = False
    for depth in range(1, max_depth + 1):
        if not frontier:
            break
        found = await rows(_links(frontier, direction, types))
        next_frontier: list[int] = []
        for row in found:
            key = (row.type, row.source_id, row.target_id)
            if key in seen_links:
                continue
            seen_links.add(key)
            for end in (row.source_id, row.target_id):
                if end not in depths:
                    if len(depths) >= max_records:
                        truncated = True
                        continue
                    depths[end] = depth
                    next_frontier.append(end)
            if row.source_id in depths and row.target_id in depths:
                steps.append(Step(depth=depth, **{k: getattr(row, k) for k in _STEP_FIELDS}))
        frontier = next_frontier
    return Walk(depths=depths, steps=steps, truncated=truncated)


_STEP_FIELDS = (
    "relation_id",
    "type",
    "source_id",
    "target_id",
    "certainty",
    "publication",
    "locator",
    "summary",
)
