"""A timeline whose items SQL builds as JSON answers byte for byte as the field-by-field path does."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session
from starlette.testclient import TestClient

from chronology import models
from chronology.app import create_app
from chronology.graphql.runtime.ids import encode_id
from chronology.settings import Settings
from tests import factories
from tests.graphql.test_timeline import dated
from tests.graphql.test_timeline import event as add_event

OPERATIONS = [
    ("{ timeline(from: $f, to: $t) { truncated items { id type label start end precision qualifiers kind group } } }"),
    ("{ timeline(from: $f, to: $t, limit: 3) { truncated items { __typename group id } } }"),
    ("{ timeline(from: $f, to: $t) { a: items { label } b: items { label } truncated } }"),
    ("{ timeline(from: $f, to: $t) { items { ...Bar } } } fragment Bar on TimelineItem { start end kind }"),
    ("{ timeline(from: $f, to: $t, filter: {types: [DECISION, EVENT]}) { items { type label group } } }"),
    ("{ timeline(from: $f, to: $t) { items { qualifiers @include(if: $q) label @skip(if: $q) } } }"),
    ("{ timeline(from: $f, to: $t, limit: 1) { truncated items { id } } }"),
    ('{ timeline(from: $f, to: $t, filter: {text: "grain"}) { items { label } truncated } }'),
]


def _operation(body: str) -> str:
    head = "query ($f: Date!, $t: Date!, $q: Boolean!) " if "$q" in body else "query ($f: Date!, $t: Date!) "
    return head + body


@pytest.fixture
def both(fresh_database: str) -> Iterator[tuple[TestClient, TestClient, list[str]]]:
    statements: list[str] = []
    compiled_app = create_app(Settings(compile_selections=True), database_url=fresh_database)
    ordinary_app = create_app(Settings(compile_selections=False), database_url=fresh_database)
    event.listen(
        compiled_app.state.engine.sync_engine,
        "before_cursor_execute",
        lambda _c, _cur, statement, *_a: statements.append(statement),
    )
    with TestClient(compiled_app) as compiled, TestClient(ordinary_app) as ordinary:
        yield compiled, ordinary, statements


def _window(db: Session) -> None:
    kaganovich = factories.person(db, "Lazar Kaganovich", short_name="Kaganovich")
    politburo = factories.body(db, short_name="PB")
    telegram = factories.document(
        db, "Telegram on the grain plan", **dated("1936-08-17", "August 17 [1936]", supplied=True)
    )
    db.add(models.DocumentParty(document_id=telegram.id, role="author", position=1, person_id=kaganovich.id))
    letter = factories.document(
        db, 'A letter «on the harvest», with "quotes" and a \\ slash', kind="letter", **dated("1936")
    )
    db.add(models.DocumentParty(document_id=letter.id, role="author", position=1, body_id=politburo.id))
    factories.document(db, "Around the middle of August", kind="note", **dated("1936-08~"))
    factories.document(db, "Perhaps in August", kind="note", **dated("1936-08?"))
    factories.decision(db, title="On the grain plan", body_id=politburo.id, **factories.day("1936-08-17"))
    add_event(db, "The August trial", "1936-08-19/1936-08-24")
    db.commit()


def _post(http: TestClient, query: str, variables: dict[str, Any]) -> bytes:
    response = http.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200, response.text
    return response.content


@pytest.mark.parametrize("body", OPERATIONS)
@pytest.mark.parametrize("flag", [True, False])
def test_compiled_items_equal_the_ordinary_answer(
    db: Session, both: tuple[TestClient, TestClient, list[str]], body: str, flag: bool
) -> None:
    _window(db)
    compiled, ordinary, _ = both
    variables: dict[str, Any] = {"f": "1936-08-01", "t": "1936-08-31"}
    if "$q" in body:
        variables["q"] = flag
    answer = _post(compiled, _operation(body), variables)
    assert b'"errors"' not in answer, answer
    assert answer == _post(ordinary, _operation(body), variables)


def test_the_window_and_its_items_are_one_statement(
    db: Session, both: tuple[TestClient, TestClient, list[str]]
) -> None:
    _window(db)
    compiled, _, statements = both
    _post(compiled, _operation(OPERATIONS[0]), {"f": "1936-08-01", "t": "1936-08-31"})  # warm the pool
    statements.clear()
    answer = _post(compiled, _operation(OPERATIONS[0]), {"f": "1936-08-01", "t": "1936-08-31"})
    assert len(statements) == 1
    assert "string_agg" in statements[0]
    items = __import__("json").loads(answer)["data"]["timeline"]["items"]
    assert [item["label"] for item in items][:2] == [
        'A letter «on the harvest», with "quotes" and a \\ slash',
        "Around the middle of August",
    ]
    assert items[0]["group"] == "PB"
    telegram = next(item for item in items if item["label"] == "Telegram on the grain plan")
    assert telegram["group"] == "Kaganovich"
    assert telegram["qualifiers"] == ["SUPPLIED"]
    assert telegram["id"].startswith(encode_id("Document", 1)[:6])


def test_fields_that_need_python_take_the_ordinary_path(
    db: Session, both: tuple[TestClient, TestClient, list[str]]
) -> None:
    _window(db)
    compiled, ordinary, statements = both
    query = "query ($f: Date!, $t: Date!) { timeline(from: $f, to: $t) { items { label displayDate node { id } } } }"
    variables = {"f": "1936-08-01", "t": "1936-08-31"}
    statements.clear()
    answer = _post(compiled, query, variables)
    assert not any("string_agg" in statement for statement in statements)
    assert answer == _post(ordinary, query, variables)
    assert b"17 August [1936]" in answer
