"""What the reading resolvers call: the records of a page or of `node`/`nodes` as JSON built by one statement.

Each function returns None when the selection (or the service's settings) does not allow it;
the resolver then answers the ordinary way, which stays correct for every operation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from chronology.graphql.compiled import plans
from chronology.graphql.compiled.plans import Plan, cached, compile_plan, enabled
from chronology.graphql.compiled.raw import RawJSON
from chronology.graphql.compiled.selection import Field, Selection
from chronology.graphql.runtime.budget import RecordBudget
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.loaders import table
from chronology.graphql.runtime.pagination import Attached
from chronology.models import Document

DOCUMENTS = table(Document)


def page_plan(selection: Selection) -> Plan | None:
    """Compile what a connection's `nodes` and `edges { node }` ask, if they ask the same thing."""
    asked: list[tuple[Field, ...]] = []
    for fields in selection.values():  # the one connection type
        for field in fields:
            if field.name == "nodes":
                asked.append(field.only("Document"))
            elif field.name == "edges":
                for edge_fields in (field.below or {}).values():
                    asked.extend(f.only("Document") for f in edge_fields if f.name == "node")
    plans = [compile_plan("Document", fields) for fields in asked]
    if not plans or any(plan is None for plan in plans):
        return None
    # `nodes` lists the edges' nodes: both can be answered together only if they ask alike.
    if len({plan.sql for plan in plans if plan is not None}) != 1:
        return None
    return plans[0]


def page_attachment(info: Info) -> Attached | None:
    """Return the columns that let a page of documents carry their JSON, or None to answer the ordinary way."""
    if not enabled(info):
        return None
    plan = cached(info, "documents", page_plan)
    return None if plan is None else attachment(plan)


def attachment(plan: Plan) -> Attached:
    """Return the columns that let a page of documents carry the JSON PLAN builds."""
    return Attached(DOCUMENTS, {"compiled_json": plan.json, "compiled_listed": f"({plan.count})::bigint"})


def page_json(budget: RecordBudget, rows: Sequence[Any]) -> list[RawJSON] | None:
    """Charge BUDGET what a page's compiled documents list and return their JSON; None when it would pass it."""
    listed = sum(row.compiled_listed for row in rows)
    if listed > budget.remaining:
        # The ordinary path decides: it refuses with the proper error or, sharing repeated records, fits.
        return None
    budget.spend(listed)
    return [RawJSON(row.compiled_json) for row in rows]


def node_plans(selection: Selection) -> dict[str, Plan | None]:
    return {type_name: compile_plan(type_name, fields) for type_name, fields in selection.items()}


async def nodes_by_id(info: Info, decoded: Sequence[tuple[str, int]]) -> list[RawJSON | None] | None:
    """Return the JSON of records by (type name, number), null where missing, or None to answer the ordinary way."""
    if not enabled(info) or not decoded:
        return None
    by_type = cached(info, "node", node_plans)
    if by_type is None:
        return None
    wanted: dict[str, list[int]] = {}
    for type_name, pk in decoded:
        wanted.setdefault(type_name, []).append(pk)
    if any(by_type.get(type_name) is None for type_name in wanted):
        return None
    found: dict[tuple[str, int], RawJSON] = {}
    for type_name, pks in wanted.items():
        plan = by_type[type_name]
        assert plan is not None
        rows = await plans.run(info.context, plan, list(dict.fromkeys(pks)))
        if rows is None:
            return None
        found.update(((type_name, pk), value) for pk, value in rows.items())
    return [found.get(key) for key in decoded]
