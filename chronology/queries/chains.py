"""Walking typed links from one record, breadth first, cycle-safe, depth-bounded: one statement."""

# ruff: noqa: S608 - the SQL is assembled from fixed fragments only; every value is a bound parameter.
from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import TextClause, bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.types import Text


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
    """The records reached (with their kinds) and the links that reached them."""

    depths: dict[int, int]
    kinds: dict[int, str]
    steps: list[Step]
    truncated: bool


def _neighbours(direction: Direction, typed: bool, votes: bool) -> str:
    """Return SQL listing the records one link away from `w.id`, as column `next`."""
    forward = direction in (Direction.FORWARD, Direction.BOTH)
    backward = direction in (Direction.BACKWARD, Direction.BOTH)
    only = " AND r.type = ANY(:types)" if typed else ""
    parts = []
    if forward:
        parts.append(f"SELECT r.target_id AS next FROM relations r WHERE r.source_id = w.id{only}")
    if backward:
        parts.append(f"SELECT r.source_id AS next FROM relations r WHERE r.target_id = w.id{only}")
    # A vote belongs to its decision: walking forward to a decision reaches its
    # votes, walking back from a vote reaches its decision.
    if votes and forward:
        parts.append("SELECT v.id AS next FROM votes v WHERE v.decision_id = w.id")
    if votes and backward:
        parts.append("SELECT v.decision_id AS next FROM votes v WHERE v.id = w.id")
    return " UNION ALL ".join(parts)


_LINK_COLUMNS = (
    "r.id AS relation_id, r.type, r.source_id, r.target_id, r.certainty, p.title AS publication, "
    "r.provenance_locator AS locator, r.provenance_summary AS summary"
)
_VOTE_COLUMNS = (
    "NULL::bigint AS relation_id, 'vote_on'::text AS type, v.id AS source_id, v.decision_id AS target_id, "
    "'certain'::text AS certainty, NULL::text AS publication, v.recorded_in AS locator, NULL::text AS summary"
)


def _links(direction: Direction, typed: bool, votes: bool) -> str:
    """Return SQL for the links between kept records, each at the level the walk meets it."""
    only = " AND r.type = ANY(:types)" if typed else ""
    stored = "relations r LEFT JOIN publications p ON p.id = r.provenance_publication_id"
    parts = []
    # A link is met one level after the end the walk stands on: its source going
    # forward, its target going back, whichever comes first going both ways.
    if direction in (Direction.FORWARD, Direction.BOTH):
        parts.append(
            f"SELECT {_LINK_COLUMNS}, s.depth + 1 AS depth FROM kept s JOIN {stored} ON r.source_id = s.id "
            f"JOIN kept t ON t.id = r.target_id WHERE s.depth < :max_depth{only}"
        )
        if votes:
            parts.append(
                f"SELECT {_VOTE_COLUMNS}, d.depth + 1 FROM kept d JOIN votes v ON v.decision_id = d.id "
                "JOIN kept t ON t.id = v.id WHERE d.depth < :max_depth"
            )
    if direction in (Direction.BACKWARD, Direction.BOTH):
        parts.append(
            f"SELECT {_LINK_COLUMNS}, t.depth + 1 AS depth FROM kept t JOIN {stored} ON r.target_id = t.id "
            f"JOIN kept s ON s.id = r.source_id WHERE t.depth < :max_depth{only}"
        )
        if votes:
            parts.append(
                f"SELECT {_VOTE_COLUMNS}, s.depth + 1 FROM kept s JOIN votes v ON v.id = s.id "
                "JOIN kept d ON d.id = v.decision_id WHERE s.depth < :max_depth"
            )
    return " UNION ALL ".join(parts)


def walk_statement(direction: Direction, types: Sequence[str] | None) -> TextClause:
    """Return the statement walking from `:start`: node rows (part 'node'), then link rows ('link').

    Cycle-safe because the recursion keeps each (record, depth) pair once and stops at
    `:max_depth`. The walk is read lazily and capped at `:cap` pairs, enough to tell that
    more than `:max_records` records are reachable without walking all of them.
    """
    typed = types is not None
    votes = types is None or "vote_on" in types
    sql = f"""
WITH RECURSIVE walk(id, depth) AS (
    SELECT CAST(:start AS bigint), 0
    UNION
    SELECT n.next, w.depth + 1 FROM walk w
    CROSS JOIN LATERAL ({_neighbours(direction, typed, votes)}) n
    WHERE w.depth < :max_depth
), capped AS (
    SELECT id, depth FROM walk LIMIT :cap
), reached AS (
    SELECT id, min(depth) AS depth FROM capped GROUP BY id
), kept AS (
    SELECT id, depth FROM reached ORDER BY depth, id LIMIT :max_records
), links AS (
    SELECT DISTINCT ON (type, source_id, target_id) * FROM ({_links(direction, typed, votes)}) l
    ORDER BY type, source_id, target_id, depth, relation_id
)
SELECT 'node' AS part, k.id AS source_id, NULL::bigint AS target_id, k.depth, c.kind AS type,
       NULL::bigint AS relation_id, NULL::text AS certainty, NULL::text AS publication,
       NULL::text AS locator, NULL::text AS summary,
       (SELECT count(*) FROM reached) > :max_records AS truncated
  FROM kept k JOIN records c ON c.id = k.id
UNION ALL
SELECT 'link', source_id, target_id, depth, type, relation_id, certainty, publication, locator, summary, NULL
  FROM links
"""
    statement = text(sql)
    if typed:
        statement = statement.bindparams(bindparam("types", type_=ARRAY(Text)))
    return statement


async def walk(
    rows: Callable[[Any, dict[str, Any]], Awaitable[Sequence[Any]]],
    start: int,
    *,
    direction: Direction,
    types: Sequence[str] | None,
    max_depth: int,
    max_records: int,
) -> Walk:
    """Walk from START up to MAX_DEPTH links in one statement, keeping at most MAX_RECORDS records."""
    parameters: dict[str, Any] = {
        "start": start,
        "max_depth": max_depth,
        "max_records": max_records,
        # Each record appears at most once per depth, so this many pairs hold more
        # than MAX_RECORDS records: hitting the cap implies truncation.
        "cap": (max_records + 1) * (max_depth + 1),
    }
    if types is not None:
        parameters["types"] = list(types)
    found = await rows(walk_statement(direction, types), parameters)
    depths: dict[int, int] = {}
    kinds: dict[int, str] = {}
    steps: list[Step] = []
    truncated = False
    for row in found:
        if row.part == "node":
            depths[row.source_id] = row.depth
            kinds[row.source_id] = row.type
            truncated = truncated or bool(row.truncated)
        else:
            steps.append(
                Step(
                    relation_id=row.relation_id,
                    type=row.type,
                    source_id=row.source_id,
                    target_id=row.target_id,
                    certainty=row.certainty,
                    publication=row.publication,
                    locator=row.locator,
                    summary=row.summary,
                    depth=row.depth,
                )
            )
    steps.sort(key=lambda step: (step.depth, step.type, step.source_id, step.target_id))
    return Walk(depths=depths, kinds=kinds, steps=steps, truncated=truncated)
