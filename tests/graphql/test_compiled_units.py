"""The pieces of compiled selections that need no database: raw JSON encoding and selection trees."""

from __future__ import annotations

import json
from typing import Any

import pytest
from graphql import parse
from graphql.execution.values import VariableValues, get_variable_values

from chronology.graphql.compiled.raw import RawJSON, encode
from chronology.graphql.compiled.selection import Field, Selection, UnsupportedError, _selection, variables_used
from chronology.graphql.schema import build_schema
from chronology.settings import Settings

SCHEMA = build_schema(Settings())._schema


def test_encode_splices_raw_texts_into_compact_json() -> None:
    data = {"data": {"a": RawJSON('{"x":[1,2]}'), "b": [RawJSON("null"), 'é – "q"\n'], "c": None}}
    text = encode(data)
    assert text == '{"data":{"a":{"x":[1,2]},"b":[null,"é – \\"q\\"\\n"],"c":null}}'
    assert json.loads(text)["data"]["a"] == {"x": [1, 2]}


def test_encode_without_raw_values_is_the_ordinary_encoding_of_unicode() -> None:
    data = {"errors": [{"message": "nul \x00 and Ежов"}]}
    assert encode(data) == json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def test_a_string_looking_like_a_placeholder_is_left_alone() -> None:
    text = encode({"a": "\x00deadbeef:0\x00", "b": RawJSON("1")})
    assert json.loads(text) == {"a": "\x00deadbeef:0\x00", "b": 1}


def test_encode_refuses_other_objects() -> None:
    with pytest.raises(TypeError):
        encode({"a": object()})


def _select(query: str, variables: dict[str, Any] | None = None) -> Selection | None:
    document = parse(query)
    operation = document.definitions[0]
    fragments = {d.name.value: d for d in document.definitions[1:]}  # type: ignore[attr-defined]
    node = operation.selection_set.selections[0]  # type: ignore[attr-defined]
    coerced = get_variable_values(SCHEMA, operation.variable_definitions or (), variables or {})  # type: ignore[attr-defined]
    assert isinstance(coerced, VariableValues)
    field = SCHEMA.query_type.fields[node.name.value]  # type: ignore[union-attr]
    try:
        return _selection(SCHEMA, fragments, coerced, [node], field.type)
    except UnsupportedError:
        return None


def _keys(fields: tuple[Field, ...]) -> list[tuple[str, str]]:
    return [(f.key, f.name) for f in fields]


def test_fragments_on_the_interface_and_on_types_apply_per_concrete_type() -> None:
    selection = _select(
        """query { node(id: "x") { id ...Hop ... on Person { canonicalName } } }
        fragment Hop on Node { __typename ... on Document { title } ... on Decision { title outcome } }"""
    )
    assert selection is not None
    assert _keys(selection["Document"]) == [("id", "id"), ("__typename", "__typename"), ("title", "title")]
    assert _keys(selection["Decision"]) == [("id", "id"), ("__typename", "__typename"), ("title", "title"),
                                            ("outcome", "outcome")]  # fmt: skip
    assert _keys(selection["Person"]) == [
        ("id", "id"),
        ("__typename", "__typename"),
        ("canonicalName", "canonicalName"),
    ]
    assert _keys(selection["Vote"]) == [("id", "id"), ("__typename", "__typename")]


def test_skip_and_include_follow_the_variables() -> None:
    query = """query Q($yes: Boolean!, $no: Boolean!) { node(id: "x") { id @skip(if: $yes)
        ... on Document @include(if: $yes) { title kind @include(if: $no) } place: id @skip(if: $no) } }"""
    selection = _select(query, {"yes": True, "no": False})
    assert selection is not None
    assert _keys(selection["Document"]) == [("title", "title"), ("place", "id")]
    other = _select(query, {"yes": False, "no": True})
    assert other is not None
    assert _keys(other["Document"]) == [("id", "id")]


def test_fields_with_one_response_key_merge_their_selections_in_first_seen_order() -> None:
    selection = _select(
        """query { documents { nodes { date { edtf } title } nodes { date { latest edtf } }
        ... on DocumentConnection { nodes { parties { agent { ... on Body { name } } } } } } }"""
    )
    assert selection is not None
    (connection,) = selection.values()
    (nodes,) = connection
    document = nodes.only("Document")
    assert _keys(document) == [("date", "date"), ("title", "title"), ("parties", "parties")]
    assert _keys(document[0].only("HistoricalDate")) == [("edtf", "edtf"), ("latest", "latest")]
    agent = document[2].only("DocumentParty")[0]
    assert _keys(agent.only("Body")) == [("name", "name")]
    assert agent.only("Person") == ()


def test_arguments_are_evaluated_with_their_defaults() -> None:
    selection = _select('query { node(id: "x") { ... on Document { citation c: citation(style: GOST) } } }')
    assert selection is not None
    first, second = selection["Document"]
    assert [name for name, _ in first.arguments] == ["style"]
    assert second.key == "c"
    assert second.arguments != first.arguments


def test_other_directives_are_not_compiled() -> None:
    assert _select('query { node(id: "x") { ... on Document @defer { title } } }') is None


def test_variables_used_below_a_field_through_fragments() -> None:
    document = parse(
        """query Q($a: Boolean!, $b: Boolean!, $after: String) { documents(after: $after) {
        nodes { id @skip(if: $a) ...F } } } fragment F on Document { title @include(if: $b) }"""
    )
    fragments = {d.name.value: d for d in document.definitions[1:]}  # type: ignore[attr-defined]
    field = document.definitions[0].selection_set.selections[0]  # type: ignore[attr-defined]
    assert variables_used([field.selection_set], fragments) == {"a", "b"}
