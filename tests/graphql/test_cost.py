"""Operations too deep, too wide or too large are refused before any SQL runs, in work linear in the text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from graphql import get_introspection_query, parse
from sqlalchemy import event
from sqlalchemy.engine import Engine

from chronology.graphql.runtime.cost import estimate
from chronology.graphql.runtime.shape import measure
from chronology.graphql.schema import build_schema
from chronology.settings import Settings
from tests.graphql.conftest import GraphQLClient


def fan_out(levels: int, spread: str = "...W{next} ...W{next}") -> str:
    """Return a query whose fragments each spread the next one twice, LEVELS deep."""
    fragments = [f"fragment W{i} on Document {{ title {spread.format(next=i + 1)} }}" for i in range(levels)]
    fragments.append(f"fragment W{levels} on Document {{ id }}")
    return "{ documents(first: 1) { edges { node { ...W0 } } } }\n" + "\n".join(fragments)


NESTED = (
    "{ documents(first: 100) { edges { node { parties { agent { ... on Person { documents { document {"
    " parties { agent { ... on Person { documents { document { title } } } } } } } } } } } } } }"
)


@pytest.fixture
def statements() -> Iterator[list[str]]:
    """Record every SQL statement any engine sends while the test runs."""
    sent: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        sent.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    yield sent
    event.remove(Engine, "before_cursor_execute", record)


def _codes(body: dict[str, Any]) -> list[str]:
    return [error.get("extensions", {}).get("code", "") for error in body.get("errors", [])]


@pytest.mark.parametrize("levels", [20, 30, 60])
def test_a_fragment_fan_out_is_refused_before_any_sql(
    client: GraphQLClient, statements: list[str], levels: int
) -> None:
    client("{ __typename }")  # the app is up, its connections made
    statements.clear()
    body = client(fan_out(levels))
    assert body.get("data") is None
    assert "LIMIT" in _codes(body)
    assert statements == []


@pytest.mark.parametrize(
    "spread",
    [
        "...W{next} ...W{next}",
        "a: title ...W{next} b: title ...W{next}",
        "... on Document {{ ...W{next} }} ...W{next}",
        "...W{next} ...W{next} ...W{next}",
    ],
)
def test_measuring_a_fan_out_counts_every_spread_in_linear_work(spread: str) -> None:
    shapes = measure(parse(fan_out(40, spread)))
    [shape] = shapes.values()
    assert shape.depth == 3  # documents, edges, node: the fragments add only leaves
    assert shape.fields > 2**40
    if "a: title" in spread:
        assert shape.aliases == 2 * (2**40 - 1)


def test_the_nested_list_query_is_refused_naming_the_figure_and_the_limit(
    client: GraphQLClient, statements: list[str]
) -> None:
    client("{ __typename }")
    statements.clear()
    body = client(NESTED)
    [error] = body["errors"]
    assert error["extensions"]["code"] == "LIMIT"
    assert "1000000" in error["message"]
    assert body.get("data") is None
    assert statements == []


def test_thirty_aliases_of_a_one_level_fan_out_are_refused(client: GraphQLClient, statements: list[str]) -> None:
    client("{ __typename }")
    statements.clear()
    one = (
        "documents(first: 100) { edges { node { parties { agent { ... on Person "
        "{ documents { document { title } } } } } } } }"
    )
    body = client("{ " + " ".join(f"a{i}: {one}" for i in range(30)) + " }")
    assert _codes(body) == ["LIMIT"]
    assert statements == []


def test_a_page_size_in_variables_counts(client: GraphQLClient) -> None:
    query = "query Page($n: Int) { documents(first: $n) { edges { node { parties { role } relationsOut { type } } } } }"
    assert client(query, {"n": 2})["data"]["documents"]["edges"] == []
    # Sent again, the text is valid and may be answered by a shortcut: the cost is still counted.
    for _ in range(2):
        refused = client(
            "query Page($n: Int) { documents(first: $n) { edges { node { parties { agent { ... on Person "
            "{ documents { document { parties { role } } } } } } } } } }",
            {"n": 100},
        )
        assert _codes(refused) == ["LIMIT"]


def test_the_estimate_follows_pages_declared_maxima_and_enums() -> None:
    schema = build_schema(Settings())._schema

    def records(query: str, variables: dict[str, Any] | None = None) -> int:
        return estimate(schema, parse(query), variables or {}, None)

    assert records("{ documents(first: 7) { totalCount } }") == 0
    assert records("{ documents(first: 7) { edges { node { id } } } }") == 7
    assert records("{ documents { nodes { id } } }") == 20  # the default page
    assert records("query($n: Int) { persons(first: $n) { nodes { id } } }", {"n": 3}) == 3
    assert records("{ documents(last: 4) { edges { cursor } nodes { id } } }") == 8
    assert records('{ nodes(ids: ["a", "b"]) { id } }') == 2
    assert records("{ bodies { name } }") == 500  # its resolver's own bound
    assert records("{ bodies(first: 3) { name } }") == 3
    forms = len(schema.get_type("CopyForm").values)  # type: ignore[union-attr]
    assert records("{ documents(first: 2) { nodes { copies { forms } } } }") == 2 * (1 + 20 * (1 + forms))
    assert records("{ documents(first: 2) { nodes { relationsOut { type } } } }") == 2 * (1 + 100)
    # A record has one type: the larger alternative counts, not both.
    either = '{ nodes(ids: ["a"]) { ... on Person { votes { choice } } ... on Decision { votes { choice } } } }'
    assert records(either) == 1 + 100
    assert records('{ nodes(ids: ["a"]) { ... on Decision { votes { choice } relations { type } } } }') == 1 + 200
    assert records('{ timeline(from: "1936-01-01", to: "1936-12-31", limit: 5) { items { title } } }') == 5


def test_a_forty_level_introspection_is_refused_and_the_ides_is_served(client: GraphQLClient) -> None:
    deep = '{ __type(name: "Document") { ' + "ofType { " * 40 + "name" + " }" * 42
    body = client(deep)
    assert "introspection depth" in " ".join(error["message"] for error in body["errors"])
    assert body.get("data") is None
    served = client(get_introspection_query(descriptions=True))
    assert "errors" not in served
    assert served["data"]["__schema"]["queryType"]["name"] == "Query"


def test_depth_counts_through_fragments_once_each(client: GraphQLClient) -> None:
    chain = "\n".join(
        f"fragment D{i} on Document {{ relationsOut {{ target {{ ... on Document {{ ...D{i + 1} }} }} }} }}"
        for i in range(6)
    )
    query = "{ documents(first: 1) { edges { node { ...D0 } } } }\n" + chain + "\nfragment D6 on Document { id }"
    body = client(query)
    assert "maximum operation depth of 12" in " ".join(error["message"] for error in body["errors"])


def test_the_limits_are_settings_read_from_the_environment(fresh_database: str) -> None:
    from starlette.testclient import TestClient

    from chronology.app import create_app

    settings = Settings.from_environment(
        {"CHRONOLOGY_MAX_RECORDS": "5", "CHRONOLOGY_MAX_ALIASES": "1", "CHRONOLOGY_MAX_DEPTH": "2"}
    )
    assert (settings.max_records, settings.max_aliases, settings.max_depth) == (5, 1, 2)
    with TestClient(create_app(settings, database_url=fresh_database)) as http:
        client = GraphQLClient(http)
        assert client("{ documents(first: 5) { nodes { id } } }")["data"]["documents"]["nodes"] == []
        refused = client("{ documents(first: 6) { nodes { id } } }")
        assert "can hold 6 records" in refused["errors"][0]["message"]
        assert "aliases" in client("{ a: __typename b: __typename }")["errors"][0]["message"]
        assert "depth of 2" in client("{ documents { edges { node { id } } } }")["errors"][0]["message"]


@pytest.mark.parametrize("size", ["first: 0", "last: 0"])
def test_a_page_of_zero_holds_no_items(client: GraphQLClient, db: Any, size: str) -> None:
    from tests import factories

    for i in range(3):
        factories.document(db, f"Letter {i}")
        factories.person(db, f"Mikoyan {i}")
    db.commit()
    for _ in range(2):  # the second time a shortcut may answer
        documents = client.data(f"{{ documents({size}) {{ totalCount edges {{ node {{ id }} }} nodes {{ id }} }} }}")
        assert documents["documents"]["edges"] == []
        assert documents["documents"]["nodes"] == []
        assert documents["documents"]["totalCount"] == 3
        persons = client.data(f"{{ persons({size}) {{ nodes {{ id }} pageInfo {{ hasNextPage }} }} }}")
        assert persons["persons"]["nodes"] == []
