"""Malformed and careless requests get a 4xx with a GraphQL JSON error and a code, never a 500 or plain text.

Each case is a class of mistake, in several variants, sent to a live app.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from starlette.testclient import TestClient

MEDIA_TYPE = "application/graphql-response+json"
JSON_BODY = {"content-type": "application/json"}


def _deep(levels: int) -> str:
    return "[" * levels + "]" * levels


# (name, raw body, status, code)
MALFORMED_BODIES = [
    ("invalid UTF-8", b'{"query": "{ bodies { name } }\xff\xfe"}', 400, "BAD_REQUEST"),
    (
        "Latin-1 text",
        '{"query": "{ persons(search: \\"Ordzhonikidze\\") { nodes { id } } }", "x": "é"}'.encode("latin-1"),
        400,
        "BAD_REQUEST",
    ),
    ("top-level null", b"null", 400, "BAD_REQUEST"),
    ("top-level string", b'"{ bodies { name } }"', 400, "BAD_REQUEST"),
    ("top-level number", b"42", 400, "BAD_REQUEST"),
    ("top-level true", b"true", 400, "BAD_REQUEST"),
    ("deeply nested array", _deep(45_000).encode(), 400, "BAD_REQUEST"),
    (
        "deeply nested variable",
        ('{"query": "{ __typename }", "variables": {"v": ' + _deep(5_000) + "}}").encode(),
        400,
        "BAD_REQUEST",
    ),
    ("truncated JSON", b'{"query": "{ bodies { name } }"', 400, "BAD_REQUEST"),
    (
        "lone surrogate in a variable",
        b'{"query": "query($s: String) { persons(search: $s) { nodes { id } } }", "variables": {"s": "\\ud800"}}',
        400,
        "BAD_REQUEST",
    ),
    (
        "lone low surrogate in the query",
        b'{"query": "{ persons(search: \\"\\udc00x\\") { nodes { id } } }"}',
        400,
        "BAD_REQUEST",
    ),
    ("operationName a number", b'{"query": "query A { __typename }", "operationName": 1}', 400, "BAD_REQUEST"),
    ("operationName a list", b'{"query": "query A { __typename }", "operationName": ["A"]}', 400, "BAD_REQUEST"),
    ("query a number", b'{"query": 7}', 400, "BAD_REQUEST"),
    ("variables a list", b'{"query": "{ __typename }", "variables": [1]}', 400, "BAD_REQUEST"),
    ("no query", b'{"variables": {}}', 400, "BAD_REQUEST"),
]


@pytest.fixture
def http(client: Any) -> TestClient:
    """The live app's HTTP client."""
    transport: TestClient = client.http
    return transport


@pytest.mark.parametrize(("name", "body", "status", "code"), MALFORMED_BODIES, ids=[c[0] for c in MALFORMED_BODIES])
@pytest.mark.parametrize("accept", [None, "*/*", "application/json", MEDIA_TYPE])
def test_a_malformed_body_is_a_graphql_json_400(
    http: TestClient, name: str, body: bytes, status: int, code: str, accept: str | None
) -> None:
    headers = dict(JSON_BODY)
    if accept is not None:
        headers["accept"] = accept
    response = http.post("/graphql", content=body, headers=headers)
    assert response.status_code == status, (name, response.text)
    expected = MEDIA_TYPE if accept == MEDIA_TYPE else "application/json"
    assert response.headers["content-type"].startswith(expected)
    assert response.json()["errors"][0]["extensions"]["code"] == code


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/xml", "application/x-www-form-urlencoded", "application/graphql"]
)
def test_an_unsupported_content_type_is_415(http: TestClient, content_type: str) -> None:
    response = http.post("/graphql", content=b"{ bodies { name } }", headers={"content-type": content_type})
    assert response.status_code == 415
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["errors"][0]["extensions"]["code"] == "UNSUPPORTED_MEDIA_TYPE"


@pytest.mark.parametrize(
    "mutation",
    [
        'mutation { createToken(name: "x", role: ADMIN) { secret } }',
        "mutation M { __typename }",
        "  mutation\n{ __typename }",
    ],
)
def test_a_mutation_over_get_is_405_allowing_post(http: TestClient, mutation: str) -> None:
    response = http.get("/graphql", params={"query": mutation})
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"


@pytest.mark.parametrize(
    "query",
    [
        "{ documents(first: ) }",  # parse error
        "{ noSuchField }",  # validation error
        "query($n: Int!) { documents(first: $n) { totalCount } }",  # a variable missing
        '{ documents(first: "ten") { totalCount } }',  # a literal of the wrong type
    ],
)
def test_request_errors_are_400_without_data_for_graphql_response_clients(http: TestClient, query: str) -> None:
    answer = http.post("/graphql", json={"query": query}, headers={"accept": MEDIA_TYPE})
    assert answer.status_code == 400
    assert answer.headers["content-type"].startswith(MEDIA_TYPE)
    assert "data" not in answer.json()
    assert answer.json()["errors"]
    # The legacy media type keeps the spec's 200.
    legacy = http.post("/graphql", json={"query": query}, headers={"accept": "application/json"})
    assert legacy.status_code == 200
    assert legacy.headers["content-type"].startswith("application/json")
    assert legacy.json()["errors"]


@pytest.mark.parametrize("accept", [None, "*/*", "text/html, */*;q=0.8"])
def test_without_asking_for_the_graphql_type_a_client_gets_json(http: TestClient, accept: str | None) -> None:
    headers = {} if accept is None else {"accept": accept}
    response = http.post("/graphql", json={"query": "{ __typename }"}, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert json.loads(response.text) == {"data": {"__typename": "Query"}}


def test_a_field_error_is_not_a_request_error(http: TestClient) -> None:
    answer = http.post("/graphql", json={"query": '{ node(id: "not-an-id") { id } }'}, headers={"accept": MEDIA_TYPE})
    assert answer.status_code == 200
    assert "data" in answer.json()


def test_a_huge_get_query_string_is_414(http: TestClient) -> None:
    # Sent to the ASGI app itself: the test client refuses to build so long a URL.
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "GET",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "root_path": "",
        "scheme": "http",
        "server": ("testserver", 80),
        "query_string": b"query=%7B__typename%7D" + b"+" * 200_000,
        "headers": [(b"host", b"testserver")],
    }
    asyncio.run(http.app(scope, receive, send))  # type: ignore[arg-type]
    assert sent[0]["status"] == 414
    body = json.loads(b"".join(m.get("body", b"") for m in sent[1:]))
    assert body["errors"][0]["extensions"]["code"] == "LIMIT"
