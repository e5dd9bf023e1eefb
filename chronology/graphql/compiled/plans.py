"""Compiled statements, cached per operation, and running them for a list of records.

An operation is sent again and again with new arguments (the next page, another id); what
the statement looks like depends only on the operation's text, where in it the field sits
and the variables its selection reads (@skip/@include). Those make the cache key, so a
repeated request only binds the ids.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import TextClause, text

from chronology.graphql.compiled.raw import RawJSON
from chronology.graphql.compiled.records import RECORDS, Compiler
from chronology.graphql.compiled.selection import Field, Selection, UnsupportedError, selection_of, variables_used
from chronology.graphql.runtime.context import Context, Info

T = TypeVar("T")
MAX_CACHED = 512


@dataclass(frozen=True)
class Plan:
    """One statement answering a selection for records of one type, given their ids in order."""

    type_name: str
    json: str  # SQL for a record's JSON text, over the record's row aliased `r`
    count: str  # SQL for how many budgeted records that JSON lists, over the same row
    sql: str  # for records whose ids are the array :ids
    one: TextClause  # for the record numbered :id
    many: TextClause


def compile_plan(type_name: str, fields: tuple[Field, ...]) -> Plan | None:
    """Compile FIELDS of records of TYPE_NAME into one statement, or None if something is unsupported."""
    record = RECORDS.get(type_name)
    if record is None:
        return None
    try:
        compiled = Compiler().record(type_name, "r", fields)
    except UnsupportedError:
        return None
    # Filters the server can cache one generic plan for (planning a large statement costs more than
    # running it): a single id, or an array of ids; the rows come back in any order.
    select = f"SELECT r.id, {compiled.json} AS json, ({compiled.count})::bigint AS listed FROM {record.table} r"  # noqa: S608
    many = f"{select} WHERE r.id = ANY(CAST(:ids AS bigint[]))"
    return Plan(type_name, compiled.json, compiled.count, many, text(f"{select} WHERE r.id = :id"), text(many))


_CACHE: dict[tuple[Any, ...], Any] = {}
_USED: dict[tuple[Any, ...], frozenset[str]] = {}


def cached(info: Info, tag: str, build: Callable[[Selection], T]) -> T | None:
    """Return BUILD of the selection below the current field, cached for the operation; None if it has none."""
    raw = info._raw_info  # graphql-core's resolve info: the parsed operation and the variables
    location = raw.operation.loc
    if location is None:
        selection = selection_of(raw)
        return None if selection is None else build(selection)
    place = (
        tag,
        location.source.body,
        raw.operation.name.value if raw.operation.name else None,
        tuple(key for key in raw.path.as_list() if isinstance(key, str)),
    )
    used = _USED.get(place)
    if used is None:
        used = variables_used([node.selection_set for node in raw.field_nodes], raw.fragments)
        _USED[place] = used
    variables: Any = raw.variable_values  # strawberry hands resolvers the coerced dict itself
    coerced: dict[str, Any] = getattr(variables, "coerced", variables)
    values = json.dumps([coerced.get(name) for name in sorted(used)], sort_keys=True, default=str)
    key = (*place, values)
    if key in _CACHE:
        found: T | None = _CACHE[key]
        return found
    selection = selection_of(raw)
    result = None if selection is None else build(selection)
    if len(_CACHE) >= MAX_CACHED:
        _CACHE.clear()  # operations are few; a flood of distinct ones only costs recompiling
        _USED.clear()
    _CACHE[key] = result
    return result


async def run(context: Context, plan: Plan, ids: Sequence[int]) -> dict[int, RawJSON] | None:
    """Run PLAN for IDS; return each found record's JSON, or None when it would pass the record budget."""
    if not ids:
        return {}
    database = context.database
    if len(ids) == 1:
        rows = await database.rows(plan.one, {"id": ids[0]})
    else:
        rows = await database.rows(plan.many, {"ids": list(ids)})
    listed = sum(row.listed for row in rows)
    budget = context.budget
    if listed > budget.remaining:
        # Let the ordinary path decide, which refuses with the proper error (or, sharing repeated lists, fits).
        return None
    budget.spend(listed)
    return {row.id: RawJSON(row.json) for row in rows}


def enabled(info: Info) -> bool:
    """Tell whether this service compiles selections."""
    return info.context.settings.compile_selections
