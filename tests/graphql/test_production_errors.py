"""In production a client's own mistake keeps its message and a code, and nothing suggests the schema."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.orm import Session
from starlette.testclient import TestClient

from chronology.app import create_app
from chronology.settings import Settings
from tests import factories
from tests.graphql.conftest import GraphQLClient
from tests.graphql.mutation_helpers import issue

WINDOW = "query($w: DateWindow) { documents(filter: {date: $w}) { totalCount } }"


@pytest.fixture
def production(fresh_database: str) -> Iterator[GraphQLClient]:
    """A client of the app in production."""
    with TestClient(create_app(Settings(environment="production"), database_url=fresh_database)) as http:
        yield GraphQLClient(http)


def _error(body: dict[str, Any]) -> dict[str, Any]:
    assert body.get("data") is None, body
    error: dict[str, Any] = body["errors"][0]
    return error


@pytest.mark.parametrize(
    ("query", "variables", "words"),
    [
        (WINDOW, {"w": {"from": "1936-02-30", "to": "1936-03-01"}}, "1936-02-30"),
        (WINDOW, {"w": {"from": "1936-13-01", "to": "1937-01-01"}}, "1936-13-01"),
        (WINDOW, {"w": {"from": "30.02.1936", "to": "1937-01-01"}}, "30.02.1936"),
        ('{ documents(filter: {date: {from: "1936-02-30", to: "1936-03-01"}}) { totalCount } }', None, "1936-02-30"),
        ("query($n: Int) { documents(first: $n) { totalCount } }", {"n": 2**31}, "2147483648"),
        ("query($n: Int) { documents(first: $n) { totalCount } }", {"n": 2.5}, "2.5"),
        ("query($id: ID!) { node(id: $id) { id } }", {"id": 1.5}, "1.5"),
        (
            "query($k: [DocumentKind!]) { documents(filter: {kinds: $k}) { totalCount } }",
            {"k": ["TELEGRAMM"]},
            "TELEGRAMM",
        ),
    ],
)
def test_a_clients_own_mistake_keeps_its_message(
    production: GraphQLClient, query: str, variables: dict[str, Any] | None, words: str
) -> None:
    error = _error(production(query, variables))
    assert words in error["message"]
    assert "Unexpected error" not in error["message"]
    assert error["extensions"]["code"] == "VALIDATION"


@pytest.mark.parametrize(
    "query",
    [
        "{ documents { edges { node { titel } } } }",  # a field
        "{ documents(frist: 3) { totalCount } }",  # an argument
        "{ documents(orderBy: DATE_AS) { totalCount } }",  # an enum value
        '{ documents(filter: {txt: "grain"}) { totalCount } }',  # an input field
        "query($f: DocumentFiltr) { documents(filter: $f) { totalCount } }",  # a type name
        '{ node(id: "x") { ... on Documen { id } } }',  # a type condition
    ],
)
def test_production_suggests_nothing(production: GraphQLClient, query: str) -> None:
    error = _error(production(query))
    assert "Did you mean" not in error["message"]
    assert error["extensions"]["code"] == "VALIDATION"


def test_development_still_suggests(client: GraphQLClient) -> None:
    assert "Did you mean" in client("{ documents(frist: 3) { totalCount } }")["errors"][0]["message"]


@pytest.mark.parametrize("role", [None, "reader"])
def test_set_tally_checks_permission_before_arguments(client: GraphQLClient, db: Session, role: str | None) -> None:
    decision = factories.decision(db, body_id=factories.body(db).id)
    db.commit()
    token = issue(db, role) if role else None
    from chronology.graphql.runtime.ids import encode_id

    body = client(f'mutation {{ setTally(decision: "{encode_id("Decision", decision.id)}") {{ id }} }}', token=token)
    assert body["errors"][0]["extensions"]["code"] in {"FORBIDDEN", "UNAUTHENTICATED"}


def test_set_tally_without_tally_is_a_validation_error_for_an_editor(client: GraphQLClient, db: Session) -> None:
    decision = factories.decision(db, body_id=factories.body(db).id)
    db.commit()
    from chronology.graphql.runtime.ids import encode_id

    body = client(
        f'mutation {{ setTally(decision: "{encode_id("Decision", decision.id)}") {{ id }} }}', token=issue(db, "editor")
    )
    assert body["errors"][0]["extensions"] == {"code": "VALIDATION", "field": "tally"}
