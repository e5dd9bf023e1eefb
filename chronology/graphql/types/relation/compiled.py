"""A record's links as SQL building their JSON: out, in or both, with their provenance and ends, and how many.

Each builder returns, beside the JSON, SQL counting the records its list holds (the links,
and what their ends list), which the ordinary path charges to the record budget.
"""

# ruff: noqa: S608 - the SQL is made of our own table and column names; values are bound or `to_json`-quoted.
from __future__ import annotations

from typing import TYPE_CHECKING

from chronology.graphql.compiled import sql
from chronology.graphql.compiled.fields import Compiled, scalar
from chronology.graphql.compiled.selection import Field
from chronology.graphql.types.relation.vocabulary import Certainty, RelationType

if TYPE_CHECKING:
    from chronology.graphql.compiled.records import Compiler


def relation_count(compiler: Compiler, record: str, field: Field) -> Compiled:
    """Compile how many links start and end at a record."""
    counted = compiler.alias("x")
    columns = {
        "outgoing": f"(SELECT count(*) FROM relations {counted} WHERE {counted}.source_id = {record}.id)::text",
        "incoming": f"(SELECT count(*) FROM relations {counted} WHERE {counted}.target_id = {record}.id)::text",
        "__typename": sql.string("RelationCount"),
    }
    members = [(asked.key, scalar(columns, "RelationCount", asked)) for asked in field.only("RelationCount")]
    return Compiled(sql.json_object(members))


def relations_out(compiler: Compiler, record: str, field: Field) -> Compiled:
    """Compile the links that start at a record, by type and number."""
    return _one_way(compiler, record, field.only("Relation"), outgoing=True)


def relations_in(compiler: Compiler, record: str, field: Field) -> Compiled:
    """Compile the links that end at a record, by type and number."""
    return _one_way(compiler, record, field.only("Relation"), outgoing=False)


def _one_way(compiler: Compiler, record: str, fields: tuple[Field, ...], *, outgoing: bool) -> Compiled:
    """Compile the links that start (OUTGOING) or end at a record, by type and number."""
    link = compiler.alias("x")
    item, item_count, joins = _link(compiler, link, fields)
    end = "source_id" if outgoing else "target_id"
    source = f"FROM relations {link} {joins} WHERE {link}.{end} = {record}.id"
    count = f"(SELECT count(*) + coalesce(sum({item_count}), 0) {source})"
    return Compiled(sql.json_list(item, f"{link}.type, {link}.id", source), count)


def relations(compiler: Compiler, record: str, field: Field) -> Compiled:
    """Compile every link of a record: those starting at it, then those ending at it."""
    fields = field.only("Relation")
    parts = []
    for part, end in ((1, "source_id"), (2, "target_id")):
        link = compiler.alias("x")
        item, item_count, joins = _link(compiler, link, fields)
        parts.append(
            f"SELECT {part} AS part, {link}.type, {link}.id, {item} AS item, {item_count} AS n "
            f"FROM relations {link} {joins} WHERE {link}.{end} = {record}.id"
        )
    both = compiler.alias("e")
    source = f"FROM ({' UNION ALL '.join(parts)}) {both}"
    json = sql.json_list(f"{both}.item", f"{both}.part, {both}.type, {both}.id", source)
    return Compiled(json, f"(SELECT count(*) + coalesce(sum({both}.n), 0) {source})")


def _link(compiler: Compiler, link: str, fields: tuple[Field, ...]) -> tuple[str, str, str]:
    """Return SQL for one link's JSON, for what its ends list, and the joins both need."""
    publication = compiler.alias("pub")
    columns = {
        "type": sql.enum(f"{link}.type", RelationType),
        "certainty": sql.enum(f"{link}.certainty", Certainty),
        "note": sql.value(f"{link}.note"),
        "__typename": sql.string("Relation"),
    }
    members: list[tuple[str, str]] = []
    counts: list[str] = []
    joins: list[str] = []
    for field in fields:
        if field.name == "provenance" and not field.arguments:
            provenance = {
                "publication": sql.value(f"{publication}.title"),
                "locator": sql.value(f"{link}.provenance_locator"),
                "summary": sql.value(f"{link}.provenance_summary"),
                "__typename": sql.string("Provenance"),
            }
            inner = [(f.key, scalar(provenance, "Provenance", f)) for f in field.only("Provenance")]
            members.append((field.key, sql.json_object(inner)))
            if not any(f"{publication} " in join for join in joins):
                joins.append(
                    f"LEFT JOIN publications {publication} ON {publication}.id = {link}.provenance_publication_id"
                )
        elif field.name in {"source", "target"} and not field.arguments:
            kind = compiler.alias("k")
            joins.append(f"JOIN records {kind} ON {kind}.id = {link}.{field.name}_id")
            compiled = compiler.end(kind, f"{link}.{field.name}_id", field)
            members.append((field.key, compiled.json))
            if compiled.count != "0":
                counts.append(compiled.count)
        else:
            members.append((field.key, scalar(columns, "Relation", field)))
    return sql.json_object(members), " + ".join(counts) or "0", " ".join(joins)
