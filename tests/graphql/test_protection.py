"""Hostile or careless operations are refused with a clear error, never a 5xx."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import create_async_engine
from starlette.testclient import TestClient

from chronology.app import create_app
from chronology.graphql import http
from chronology.graphql.runtime.database import RequestDatabase
from chronology.graphql.runtime.errors import ChronologyError, ErrorCode
from chronology.settings import Settings
from tests import factories
from tests.graphql.conftest import GraphQLClient


def _messages(body: dict[str, Any]) -> str:
    return " ".join(error["message"] for error in body.get("errors", []))


def test_depth_fifty_through_fragments_is_refused(client: GraphQLClient) -> None:
    fragments = (
        "\n".join(
            f"fragment F{i} on Person {{ documents {{ document {{ parties {{ agent "
            f"{{ ... on Person {{ ...F{i + 1} }} }} }} }} }} }}"
            for i in range(50)
        )
        + "\nfragment F50 on Person { canonicalName }"
    )
    query = "{ persons { edges { node { ...F0 } } } }\n" + fragments
    body = client(query)
    assert "depth" in _messages(body)
    assert body.get("data") is None


def test_a_thousand_aliases_are_refused(client: GraphQLClient) -> None:
    query = "{ " + " ".join(f"a{i}: bodies {{ name }}" for i in range(1000)) + " }"
    body = client(query)
    assert "aliases" in _messages(body).lower() or "tokens" in _messages(body).lower()


def test_thirty_one_aliases_are_refused_and_thirty_pass(client: GraphQLClient) -> None:
    def aliased(count: int) -> str:
        return "{ " + " ".join(f"a{i}: __typename" for i in range(count)) + " }"

    refused = client(aliased(31))
    assert "aliases" in _messages(refused).lower()
    assert refused.get("data") is None
    # Sent twice: a text once found valid is not validated again, and the limit is still kept.
    for _ in range(2):
        assert client(aliased(30))["data"]["a29"] == "Query"
        assert "aliases" in _messages(client(aliased(31))).lower()


def test_a_query_of_too_many_tokens_is_refused(client: GraphQLClient) -> None:
    body = client("{ __typename " + "__typename " * 5_000 + "}")
    assert "token" in _messages(body).lower()
    assert body.get("data") is None


def test_a_huge_page_is_refused(client: GraphQLClient) -> None:
    body = client("{ documents(first: 100000) { edges { node { id } } } }")
    [error] = body["errors"]
    assert error["extensions"] == {"code": "VALIDATION", "field": "first"}


def test_a_one_megabyte_query_is_refused_before_parsing(client: GraphQLClient) -> None:
    query = "{ bodies { name } }" + " " * 1_000_000
    response = client.http.post("/graphql", json={"query": query})
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "LIMIT"


@pytest.mark.parametrize(
    "query",
    [
        '{ documents(filter: {text: "rail\\u0000way"}) { edges { node { id } } } }',
        '{ persons(search: "Ezh\\u0000ov") { edges { node { id } } } }',
    ],
)
def test_nul_bytes_in_strings_are_a_validation_error(client: GraphQLClient, query: str) -> None:
    body = client(query)
    [error] = body["errors"]
    assert error["extensions"]["code"] == "VALIDATION"


def test_batched_requests_are_refused(client: GraphQLClient) -> None:
    response = client.http.post("/graphql", json=[{"query": "{ bodies { name } }"}] * 2)
    assert 400 <= response.status_code < 500


def test_malformed_queries_get_a_readable_error(client: GraphQLClient) -> None:
    body = client("{ documents(first: ) ")
    assert "Syntax Error" in _messages(body)


def test_the_record_budget_stops_greedy_operations(
    client: GraphQLClient, db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(12):
        factories.document(db, f"Telegram {i}")
    db.commit()
    monkeypatch.setattr(http, "RECORD_BUDGET", 10)
    body = client("{ documents(first: 12) { edges { node { id } } } }")
    assert body["errors"][0]["extensions"]["code"] == "LIMIT"


def test_a_slow_statement_is_stopped_and_reported_as_timeout(fresh_database: str) -> None:
    async def run() -> None:
        engine = create_async_engine(fresh_database)
        database = RequestDatabase(engine, statement_timeout_ms=50, actor=None)
        from sqlalchemy import text

        try:
            with pytest.raises(ChronologyError) as error:
                await database.rows(text("SELECT pg_sleep(2)"))
            assert error.value.code is ErrorCode.TIMEOUT
        finally:
            await database.close(commit=False)
            await engine.dispose()

    asyncio.run(run())


def test_production_hides_introspection_and_the_ide(fresh_database: str) -> None:
    app = create_app(Settings(environment="production"), database_url=fresh_database)
    with TestClient(app) as http_client:
        page = http_client.get("/graphql", headers={"Accept": "text/html"})
        assert "graphiql" not in page.text.lower()
        body = http_client.post("/graphql", json={"query": "{ __schema { types { name } } }"}).json()
        assert body["errors"]
        suggestion = http_client.post("/graphql", json={"query": "{ bodys { name } }"}).json()
        assert "Did you mean" not in _messages(suggestion)


def test_development_serves_the_ide(client: GraphQLClient) -> None:
    page = client.http.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "graphiql" in page.text.lower()


def test_responses_use_the_graphql_response_media_type(client: GraphQLClient) -> None:
    response = client.http.post(
        "/graphql",
        json={"query": "{ bodies { name } }"},
        headers={"Accept": "application/graphql-response+json"},
    )
    assert response.headers["content-type"].startswith("application/graphql-response+json")
    legacy = client.http.post("/graphql", json={"query": "{ bodies { name } }"}, headers={"Accept": "application/json"})
    assert legacy.headers["content-type"].startswith("application/json")


def test_queries_work_over_get(client: GraphQLClient) -> None:
    response = client.http.get("/graphql", params={"query": "{ bodies { name } }"})
    assert response.status_code == 200
    assert response.json() == {"data": {"bodies": []}}


def test_mutations_are_refused_over_get(client: GraphQLClient) -> None:
    response = client.http.get("/graphql", params={"query": "mutation { __typename }"})
    assert 400 <= response.status_code < 500
