"""A timeline's items as JSON built by the window's own statement: thousands of small objects, no Python per item."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, literal_column, select
from sqlalchemy.dialects.postgresql import aggregate_order_by

from chronology.graphql.compiled import sql
from chronology.graphql.compiled.plans import cached, enabled
from chronology.graphql.compiled.raw import RawJSON
from chronology.graphql.compiled.selection import Field, Selection
from chronology.graphql.runtime.context import Info
from chronology.graphql.runtime.ids import TYPE_OF_KIND
from chronology.graphql.types.date.vocabulary import DatePrecision, DateQualifier
from chronology.queries.timeline import ITEM_TYPES, type_order

_ALIAS = "t"  # the window statement as a subquery: its columns are type, id, label, date_*, kind, lane


def _id() -> str:
    cases = " ".join(
        f"WHEN {sql.literal(kind)} THEN {sql.global_id(type_name, f'{_ALIAS}.id')}"
        for kind, type_name in TYPE_OF_KIND.items()
        if kind in ITEM_TYPES
    )
    return f"CASE {_ALIAS}.type {cases} END"


# Each field of TimelineItem as SQL for its JSON text, as TimelineItem's resolvers give it.
_FIELDS = {
    "__typename": lambda: sql.string("TimelineItem"),
    "id": _id,
    # TimelineItemType's names are its values upper-cased.
    "type": lambda: f"('\"' || upper({_ALIAS}.type) || '\"')",
    "label": lambda: sql.value(f"{_ALIAS}.label"),
    "start": lambda: sql.value(f"{_ALIAS}.date_lower"),
    "end": lambda: sql.value(f"{_ALIAS}.date_upper"),
    "precision": lambda: sql.enum(f"{_ALIAS}.date_precision", DatePrecision),
    "qualifiers": lambda: sql.enum_list(f"{_ALIAS}.date_qualifiers", DateQualifier),
    "kind": lambda: sql.value(f"{_ALIAS}.kind"),
    "group": lambda: sql.value(f"{_ALIAS}.lane"),
}


def _item(fields: tuple[Field, ...]) -> str | None:
    """Return SQL for one item's JSON text, or None if a field needs Python (displayDate, node)."""
    members = []
    for field in fields:
        build = _FIELDS.get(field.name)
        if build is None or field.arguments:
            return None
        members.append((field.key, build()))
    return sql.json_object(members)


def _items_sql(selection: Selection) -> str | None:
    """Compile what every `items` of the Timeline asks, if they all ask the same thing."""
    asked = {_item(field.only("TimelineItem")) for field in selection.get("Timeline", ()) if field.name == "items"}
    if len(asked) != 1:
        return None
    return asked.pop()


async def timeline_items(info: Info, window: Select[Any], limit: int) -> tuple[RawJSON, int, bool] | None:
    """Run WINDOW (up to LIMIT + 1 items) building the items' JSON: (items, how many, truncated), or None."""
    if not enabled(info):
        return None
    item = cached(info, "timeline", _items_sql)
    if item is None:
        return None
    kept = window.subquery(_ALIAS)
    order = type_order(kept.c.type)
    rows = (
        select(
            literal_column(item).label("json"),
            func.row_number().over(order_by=(kept.c.date_lower, order, kept.c.id)).label("n"),
        )
        .select_from(kept)
        .subquery("x")
    )
    statement = select(
        func.count().label("matched"),
        func.coalesce(
            func.string_agg(rows.c.json, aggregate_order_by(literal_column("','"), rows.c.n)).filter(rows.c.n <= limit),
            "",
        ).label("items"),
    )
    found = (await info.context.database.rows(statement))[0]
    shown = min(found.matched, limit)
    return RawJSON(f"[{found.items}]"), shown, found.matched > limit
