"""A chain whose lists ask only ids and plain values is written directly, byte for byte as the ordinary path."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.orm import Session
from starlette.testclient import TestClient

from chronology import models
from chronology.app import create_app
from chronology.graphql.runtime.ids import encode_id
from chronology.graphql.types.chain import compiled as chain_json
from chronology.graphql.types.chain import query as chain_module
from chronology.settings import Settings
from tests import factories

HEAD = "query ($from: ID!, $direction: ChainDirection, $skip: Boolean!) "
WRITTEN = [
    "{ chain(from: $from, direction: $direction) { truncated nodes { depth node { id } } "
    "edges { type source target depth } } }",
    "{ chain(from: $from, direction: $direction) { edges { __typename certainty depth type } "
    "nodes { __typename node { __typename id } depth } } }",
    "{ chain(from: $from, direction: $direction) { n: nodes { d: depth r: node { i: id } } truncated } }",
    "{ chain(from: $from, direction: $direction) { edges { source @skip(if: $skip) target } } }",
    "{ chain(from: $from, direction: $direction, maxDepth: 1) { nodes { node { ...Plain } } } } "
    "fragment Plain on Node { id }",
]
ORDINARY = [
    # Fields that need a record loaded, provenance, or lists asked twice differently.
    "{ chain(from: $from, direction: $direction) { nodes { node { id ... on Document { title } } } } }",
    "{ chain(from: $from, direction: $direction) { edges { type provenance { locator } } } }",
    "{ chain(from: $from, direction: $direction) { a: nodes { depth } b: nodes { node { id } } } }",
]


@pytest.fixture
def both(fresh_database: str) -> Iterator[tuple[TestClient, TestClient]]:
    compiled = create_app(Settings(compile_selections=True), database_url=fresh_database)
    ordinary = create_app(Settings(compile_selections=False), database_url=fresh_database)
    with TestClient(compiled) as fast, TestClient(ordinary) as slow:
        yield fast, slow


@pytest.fixture
def written(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the chains whose lists were written directly."""
    seen: list[int] = []
    real = chain_json.write_edges

    def spy(*args: Any) -> Any:
        seen.append(1)
        return real(*args)

    monkeypatch.setattr(chain_module, "write_edges", spy)
    real_nodes = chain_json.write_nodes

    def spy_nodes(*args: Any) -> Any:
        seen.append(1)
        return real_nodes(*args)

    monkeypatch.setattr(chain_module, "write_nodes", spy_nodes)
    return seen


def _telegram_to_decree(db: Session) -> int:
    stalin = factories.person(db, "Joseph Stalin")
    politburo = factories.body(db)
    telegram = factories.document(db, "Telegram on the grain plan", kind="cipher_telegram")
    reply = factories.document(db, "Reply to the telegram", kind="cipher_telegram")
    decision = factories.decision(db, body_id=politburo.id)
    decree = factories.document(db, "Decree on the grain plan", kind="decree")
    db.add(models.Vote(decision_id=decision.id, person_id=stalin.id, position="for", recorded_in="cipher_marks"))
    db.add_all(
        [
            models.Relation(type="proposes", source_id=telegram.id, target_id=decision.id, certainty="certain"),
            models.Relation(type="formalised_as", source_id=decision.id, target_id=decree.id, certainty="probable"),
            models.Relation(
                type="replies_to",
                source_id=reply.id,
                target_id=telegram.id,
                certainty="possible",
                provenance_locator="note 3",
            ),
        ]
    )
    db.commit()
    return telegram.id


def _post(http: TestClient, body: str, variables: dict[str, Any]) -> bytes:
    query = HEAD + body if "$skip" in body else HEAD.replace(", $skip: Boolean!", "") + body
    response = http.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200, response.text
    assert b'"errors"' not in response.content, response.content
    return response.content


@pytest.mark.parametrize("direction", ["FORWARD", "BACKWARD", "BOTH"])
@pytest.mark.parametrize("body", WRITTEN + ORDINARY)
def test_written_and_ordinary_chains_are_byte_identical(
    db: Session, both: tuple[TestClient, TestClient], written: list[int], body: str, direction: str
) -> None:
    start = _telegram_to_decree(db)
    fast, slow = both
    variables: dict[str, Any] = {"from": encode_id("Document", start), "direction": direction}
    if "$skip" in body:
        variables["skip"] = True
    answer = _post(fast, body, variables)
    assert bool(written) == (body in WRITTEN)
    assert answer == _post(slow, body, variables)


def test_the_forward_chain_reaches_the_votes_and_the_decree(db: Session, both: tuple[TestClient, TestClient]) -> None:
    start = _telegram_to_decree(db)
    fast, _ = both
    import json

    answer = json.loads(_post(fast, WRITTEN[1], {"from": encode_id("Document", start), "direction": "FORWARD"}))
    chain = answer["data"]["chain"]
    assert [node["node"]["__typename"] for node in chain["nodes"]] == ["Document", "Decision", "Document", "Vote"]
    assert {(edge["type"], edge["certainty"]) for edge in chain["edges"]} == {
        ("PROPOSES", "CERTAIN"),
        ("FORMALISED_AS", "PROBABLE"),
        ("VOTE_ON", "CERTAIN"),
    }
