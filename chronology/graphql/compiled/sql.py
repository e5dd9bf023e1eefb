"""SQL expressions that build compact JSON text, byte for byte as the response encoder writes it.

Not `json_build_object`: PostgreSQL writes its json with spaces (`{"a" : 1}`) and json_agg
with line breaks, while the response is compact. Objects and arrays are therefore
concatenated as text from `to_json` of each value, which escapes strings exactly as
Python's encoder does (with non-ASCII left as it is, as `raw.encode` writes it).
"""

# ruff: noqa: S608 - the SQL is made of our own table and column names; values are bound or `to_json`-quoted.
from __future__ import annotations

from collections.abc import Sequence
from enum import Enum


def value(expression: str) -> str:
    """Return SQL for the JSON text of a scalar column or expression (null stays null)."""
    return f"coalesce(to_json({expression})::text, 'null')"


def literal(text: str) -> str:
    """Return a SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def string(text: str) -> str:
    """Return SQL for a constant JSON string (GraphQL names only: nothing to escape)."""
    return literal(f'"{text}"')


def enum(expression: str, vocabulary: type[Enum]) -> str:
    """Return SQL for the GraphQL name of a stored enum value, as the ordinary resolvers give it."""
    if all(member.name == str(member.value).upper() for member in vocabulary):
        # The usual case, and a short expression: statements with many enums plan faster.
        return f"coalesce('\"' || upper({expression}) || '\"', 'null')"
    cases = " ".join(f"WHEN {literal(str(member.value))} THEN {string(member.name)}" for member in vocabulary)
    return f"coalesce(CASE {expression} {cases} END, 'null')"


def enum_list(expression: str, vocabulary: type[Enum]) -> str:
    """Return SQL for a stored array of enum values as a JSON list of GraphQL names, in array order."""
    item = enum("u.v", vocabulary)
    return (
        f"(SELECT coalesce('[' || string_agg({item}, ',' ORDER BY u.o) || ']', '[]') "
        f"FROM unnest({expression}) WITH ORDINALITY AS u(v, o))"
    )


def text_list(expression: str) -> str:
    """Return SQL for a stored text array as a JSON list (an absent array as an empty one)."""
    return f"coalesce(array_to_json({expression})::text, '[]')"


def global_id(type_name: str, id_sql: str) -> str:
    """Return SQL for the JSON string of a record's global id (see `chronology.graphql.runtime.ids.encode_id`)."""
    encoded = f"encode(convert_to({literal(type_name + ':')} || {id_sql}, 'UTF8'), 'base64')"
    return f"('\"' || rtrim(translate({encoded}, '+/', '-_'), '=') || '\"')"


def json_object(members: Sequence[tuple[str, str]]) -> str:
    """Return SQL concatenating a JSON object from (response key, JSON text SQL) pairs, in order."""
    if not members:
        return "'{}'"
    parts = []
    for index, (key, sql) in enumerate(members):
        parts.append(literal(("{" if index == 0 else ",") + f'"{key}":'))
        parts.append(sql)
    parts.append("'}'")
    return "(" + " || ".join(parts) + ")"


def json_list(item: str, order: str, source: str) -> str:
    """Return SQL for a JSON list of ITEM over the rows of SOURCE (a FROM … WHERE …), in ORDER."""
    return f"(SELECT coalesce('[' || string_agg({item}, ',' ORDER BY {order}) || ']', '[]') {source})"
