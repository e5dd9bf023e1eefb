"""A record's lists take an optional `first` (0–100): the cost analysis reads it, and the answer keeps to it."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from chronology import models
from chronology.graphql.runtime.ids import encode_id
from tests import factories
from tests.graphql.conftest import GraphQLClient


def _person_with_documents(db: Session, count: int) -> int:
    author = factories.person(db, "Ordzhonikidze")
    politburo = factories.body(db)
    for i in range(count):
        document = factories.document(db, f"Cipher telegram {i}")
        db.add(models.DocumentParty(document_id=document.id, role="author", position=1, person_id=author.id))
        db.add(models.Membership(person_id=author.id, body_id=politburo.id, role="member"))
    db.commit()
    return author.id


PERSON = "query P($id: ID!, $n: Int) { node(id: $id) { ... on Person { documents(first: $n) { role } } } }"


@pytest.mark.parametrize(("first", "expected"), [(None, 5), (0, 0), (1, 1), (3, 3), (100, 5)])
def test_first_cuts_a_persons_documents(client: GraphQLClient, db: Session, first: int | None, expected: int) -> None:
    person = encode_id("Person", _person_with_documents(db, 5))
    for _ in range(2):  # executed, then (valid) perhaps answered by a shortcut
        data = client.data(PERSON, {"id": person, "n": first})
        assert len(data["node"]["documents"]) == expected


@pytest.mark.parametrize("first", [-1, 101, 2**31 - 1])
def test_first_out_of_bounds_is_a_validation_error(client: GraphQLClient, db: Session, first: int) -> None:
    person = encode_id("Person", _person_with_documents(db, 1))
    body = client(PERSON, {"id": person, "n": first})
    codes = {error["extensions"]["code"] for error in body["errors"]}
    assert codes <= {"VALIDATION", "LIMIT"}
    assert codes


def test_bodies_take_first(client: GraphQLClient, db: Session) -> None:
    for name in ("Politburo", "Orgburo", "Sovnarkom"):
        factories.body(db, name)
    db.commit()
    names = [b["name"] for b in client.data("{ bodies(first: 2) { name } }")["bodies"]]
    assert [name.split()[0] for name in names] == ["Orgburo", "Politburo"]
    assert client.data("{ bodies(first: 0) { name } }")["bodies"] == []
    assert len(client.data("{ bodies { name } }")["bodies"]) == 3


def test_nested_firsts_lower_the_estimate_so_a_wide_query_passes(client: GraphQLClient) -> None:
    wide = (
        "{ documents(first: 100) { nodes { parties { agent { ... on Person { documents { document { "
        "relationsOut { type } } } } } } } } }"
    )
    narrow = wide.replace("documents { document", "documents(first: 2) { document").replace(
        "relationsOut {", "relationsOut(first: 3) {"
    )
    refused: dict[str, Any] = client(wide)
    assert refused["errors"][0]["extensions"]["code"] == "LIMIT"
    assert client.data(narrow) == {"documents": {"nodes": []}}


NESTED = (
    "{ documents(first: 3) { nodes { parties { agent { ... on Person { documents { document { parties { agent "
    "{ ... on Person { documents { document { title } } } } } } } } } } } } }"
)


def _circle(db: Session) -> None:
    """Three documents by one author: every nested list of his documents is the same cached list."""
    author = factories.person(db, "Kuibyshev")
    for i in range(3):
        document = factories.document(db, f"Report {i}")
        db.add(models.DocumentParty(document_id=document.id, role="author", position=1, person_id=author.id))
    db.commit()


@pytest.mark.parametrize(("budget", "refused"), [(40, True), (47, True), (60, False)])
def test_a_cached_list_is_charged_each_time_it_is_emitted(
    fresh_database: str, db: Session, monkeypatch: pytest.MonkeyPatch, budget: int, refused: bool
) -> None:
    from starlette.testclient import TestClient

    from chronology.app import create_app
    from chronology.graphql import http
    from chronology.settings import Settings

    _circle(db)
    monkeypatch.setattr(http, "RECORD_BUDGET", budget)
    # The estimate let through: only the budget stands in the way here.
    settings = Settings(max_records=10**9, compile_selections=False)
    with TestClient(create_app(settings, database_url=fresh_database)) as app:
        body = GraphQLClient(app)(NESTED)
    # Emitted: 3 parties, 9 of his documents, 9 parties, 27 documents (51 with the page of 3); loaded: a dozen rows.
    if refused:
        assert body["errors"][0]["extensions"]["code"] == "LIMIT"
    else:
        assert "errors" not in body
        assert len(body["data"]["documents"]["nodes"]) == 3
