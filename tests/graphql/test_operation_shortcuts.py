"""Operations answered without execution: the same bytes as execution, and execution whenever in doubt."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session
from starlette.testclient import TestClient

from chronology.app import create_app
from chronology.bench.classes import CHAIN_GRAPHQL, SEARCH_GRAPHQL
from chronology.graphql import http
from chronology.graphql.compiled import page_templates
from chronology.graphql.runtime.ids import encode_id
from chronology.settings import Settings
from tests import factories
from tests.graphql.test_compiled_selections import Archive, _build

NODE = "query N($id: ID!) { node(id: $id) { id ... on Document { title } } }"


@pytest.fixture
def archive(db: Session) -> Archive:
    return _build(db)


def _clients(url: str, **settings: Any) -> Iterator[tuple[TestClient, TestClient]]:
    with (
        TestClient(create_app(Settings(compile_selections=True, **settings), database_url=url)) as compiling,
        TestClient(create_app(Settings(compile_selections=False, **settings), database_url=url)) as ordinary,
    ):
        yield compiling, ordinary


@pytest.fixture
def clients(fresh_database: str) -> Iterator[tuple[TestClient, TestClient]]:
    """Two apps on one database: compiling selections (and so taking shortcuts), and not."""
    yield from _clients(fresh_database)


def _same(clients: tuple[TestClient, TestClient], query: str, variables: Any) -> dict[str, Any]:
    """Post to both apps; require the same status, type and bytes; return the answer."""
    compiling, ordinary = clients
    body = {"query": query, "variables": variables}
    fast, slow = compiling.post("/graphql", json=body), ordinary.post("/graphql", json=body)
    assert (fast.status_code, fast.headers["content-type"], fast.text) == (
        slow.status_code,
        slow.headers["content-type"],
        slow.text,
    )
    answer: dict[str, Any] = slow.json()
    return answer


def test_repeated_operations_are_answered_the_short_way(
    archive: Archive, clients: tuple[TestClient, TestClient], shortcuts_taken: list[str]
) -> None:
    telegram = encode_id("Document", archive.telegram)
    for _ in range(3):
        chain = _same(clients, CHAIN_GRAPHQL, {"from": telegram})
        node = _same(clients, NODE, {"id": telegram})
        search = _same(clients, SEARCH_GRAPHQL, {"text": "telegram"})
    assert chain["data"]["chain"]["nodes"][0]["node"]["id"] == telegram
    assert node["data"]["node"]["id"] == telegram
    assert search["data"]["documents"]["nodes"]
    # The first of each text is executed (and validated); the two after it take the shortcut.
    assert shortcuts_taken == ["chain", "node", "documents"] * 2


@pytest.mark.parametrize(
    ("query", "variables", "code"),
    [
        (CHAIN_GRAPHQL, {"from": encode_id("Document", 999_999)}, "NOT_FOUND"),
        (CHAIN_GRAPHQL, {"from": "not an id"}, "VALIDATION"),
        (CHAIN_GRAPHQL, {"from": 17}, None),  # an Int where an ID is wanted is coerced by GraphQL
        (CHAIN_GRAPHQL, {}, None),  # a missing variable
        (NODE, {"id": "@@@"}, "VALIDATION"),
        (SEARCH_GRAPHQL, {"text": "   "}, "VALIDATION"),
        (SEARCH_GRAPHQL, {"text": ["a", "list"]}, None),
    ],
)
def test_what_a_shortcut_cannot_answer_is_answered_by_execution(
    archive: Archive,
    clients: tuple[TestClient, TestClient],
    shortcuts_taken: list[str],
    query: str,
    variables: dict[str, Any],
    code: str | None,
) -> None:
    good = {CHAIN_GRAPHQL: {"from": encode_id("Document", archive.telegram)}, NODE: {"id": "RG9jdW1lbnQ6MQ"}}
    _same(clients, query, good.get(query, {"text": "telegram"}))  # the text is now known to be valid
    shortcuts_taken.clear()
    answer = _same(clients, query, variables)
    assert answer.get("data") is None or None in answer["data"].values()
    [error] = answer["errors"]
    if code is not None:
        assert error["extensions"]["code"] == code
    assert shortcuts_taken == []


def test_a_missing_node_is_null_the_short_way_too(
    archive: Archive, clients: tuple[TestClient, TestClient], shortcuts_taken: list[str]
) -> None:
    for _ in range(2):
        assert _same(clients, NODE, {"id": encode_id("Event", 999_999)}) == {"data": {"node": None}}
    assert shortcuts_taken == ["node"]


def test_two_root_fields_and_mutations_are_always_executed(
    archive: Archive, clients: tuple[TestClient, TestClient], shortcuts_taken: list[str]
) -> None:
    two = "query T($id: ID!) { a: node(id: $id) { id } b: node(id: $id) { id } }"
    for _ in range(2):
        answer = _same(clients, two, {"id": encode_id("Document", archive.telegram)})
        assert answer["data"]["a"] == answer["data"]["b"]
        refused = _same(clients, 'mutation { createPerson(input: {canonicalName: "X"}) { id } }', {})
        assert refused["errors"]
    assert shortcuts_taken == []


def test_a_page_over_the_record_budget_is_refused_as_by_execution(
    db: Session, fresh_database: str, shortcuts_taken: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(5):
        factories.document(db, f"Telegram on grain {number}")
    db.commit()
    monkeypatch.setattr(http, "RECORD_BUDGET", 3)
    with contextlib.contextmanager(_clients)(fresh_database) as pair:
        for _ in range(2):
            answer = _same(pair, "{ documents(first: 5) { nodes { id } } }", {})
            assert answer["errors"][0]["extensions"]["code"] == "LIMIT"
    assert shortcuts_taken == []


def test_reading_refused_to_anonymous_callers_is_refused_the_same_way(
    fresh_database: str, db: Session, shortcuts_taken: list[str]
) -> None:
    telegram = factories.document(db, "A telegram")
    db.commit()
    with contextlib.contextmanager(_clients)(fresh_database, anonymous_read=False) as pair:
        for _ in range(2):
            answer = _same(pair, NODE, {"id": encode_id("Document", telegram.id)})
            assert answer["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert shortcuts_taken == []


def test_a_search_page_compiled_once_binds_each_phrase_anew(
    archive: Archive, clients: tuple[TestClient, TestClient], shortcuts_taken: list[str]
) -> None:
    query = """query S($text: String!, $kinds: [DocumentKind!]) {
      documents(filter: {text: $text, kinds: $kinds}, orderBy: RELEVANCE, first: 3) { nodes { id title } }
    }"""
    phrases = ["telegram", "Telegram 1", '"grain plan"', "telegram -undated", "100% грамм", "a OR b", "telegram"]
    answers = [_same(clients, query, {"text": phrase}) for phrase in phrases]
    letters = _same(clients, query, {"text": "telegram", "kinds": ["CIPHER_TELEGRAM", "LETTER"]})
    assert len(answers[0]["data"]["documents"]["nodes"]) == 3
    assert answers[0] == answers[-1]
    assert answers[0] != answers[1]  # the second phrase was searched for, not the first one's statement rerun
    assert letters["data"]["documents"]["nodes"]
    assert shortcuts_taken == ["documents"] * (len(phrases) - 1 + 1)


@pytest.mark.parametrize(
    ("paging", "order"),
    [
        ("first: 2, after: $cursor", "DATE_ASC"),
        ("last: 2, before: $cursor", "DATE_DESC"),
        ("first: 2, after: $cursor", "RELEVANCE"),
    ],
)
def test_pages_read_on_from_each_cursor_the_short_way(
    archive: Archive, clients: tuple[TestClient, TestClient], shortcuts_taken: list[str], paging: str, order: str
) -> None:
    ordinary = clients[1]
    query = f"""query P($cursor: String, $text: String) {{
      documents(filter: {{text: $text}}, orderBy: {order}, {paging}) {{ nodes {{ id title }} }}
    }}"""
    cursors = f"""query C($cursor: String, $text: String) {{
      documents(filter: {{text: $text}}, orderBy: {order}, {paging}) {{ edges {{ cursor }} }}
    }}"""
    text = "telegram" if order == "RELEVANCE" else None
    cursor = None
    seen: list[str] = []
    for _ in range(4):
        variables = {"cursor": cursor, "text": text}
        nodes = _same(clients, query, variables)["data"]["documents"]["nodes"]
        seen.extend(node["id"] for node in nodes)
        edges = ordinary.post("/graphql", json={"query": cursors, "variables": variables}).json()["data"]
        cursor = edges["documents"]["edges"][-1 if "first" in paging else 0]["cursor"]
    assert len(seen) == len(set(seen)) == 8  # four pages of two, each after the last
    assert shortcuts_taken == ["documents"] * 3


def test_a_statement_timeout_is_reported_once_not_waited_for_twice(
    archive: Archive, fresh_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A page whose compiled SQL outlasts the statement timeout: execution must report the
    # timeout without running the page's statement a second time.
    monkeypatch.setattr(page_templates, "_TEMPLATES", {})
    monkeypatch.setattr(
        page_templates, "_compile", lambda *_: page_templates.PageTemplate("SELECT pg_sleep(1)", {}, (), ())
    )
    app = create_app(Settings(statement_timeout_ms=100), database_url=fresh_database)
    statements: list[str] = []
    query = "query S($text: String!) { documents(filter: {text: $text}) { nodes { id } } }"
    with TestClient(app) as client:
        event.listen(app.state.engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        client.post("/graphql", json={"query": query, "variables": {"text": "telegram"}})  # executed, validated
        statements.clear()
        answer = client.post("/graphql", json={"query": query, "variables": {"text": "grain"}}).json()
    assert answer["data"] is None
    [error] = answer["errors"]
    assert (error["extensions"]["code"], error["path"]) == ("TIMEOUT", ["documents"])
    assert statements == ["SELECT pg_sleep(1)"]
