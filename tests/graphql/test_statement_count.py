"""A page costs a fixed number of SQL statements, however many rows it holds (no N+1)."""

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

PAGE = """
query Page($first: Int!) {
  documents(first: $first) {
    edges { node {
      id title date { display }
      parties { role agent { ... on Person { canonicalName } ... on Body { name } } }
      copies { forms archivalReference { normalised } }
      editions { documentNumber publication { title } }
      relationsOut { type target { id } }
      relationsIn { type source { id } }
      citation
    } }
  }
}
"""


def _build(db: Session, documents: int) -> int:
    """Build DOCUMENTS documents, each with parties, a copy, an edition and relations."""
    author = factories.person(db, "Kaganovich")
    politburo = factories.body(db)
    publication = models.Publication(title="An edition", year=2001)
    db.add(publication)
    db.flush()
    first_id = 0
    previous: int | None = None
    for i in range(documents):
        document = factories.document(db, f"Telegram {i}")
        first_id = first_id or document.id
        db.add(models.DocumentParty(document_id=document.id, role="author", position=1, person_id=author.id))
        db.add(models.DocumentParty(document_id=document.id, role="recipient", position=1, body_id=politburo.id))
        reference = factories.archival_reference(db, folios=str(i + 1))
        db.add(models.Copy(document_id=document.id, position=1, archival_reference_id=reference.id, forms=["original"]))
        db.add(models.Edition(document_id=document.id, publication_id=publication.id, document_number=str(i)))
        decided = factories.decision(db, body_id=politburo.id)
        db.add(models.Relation(type="proposes", source_id=document.id, target_id=decided.id, certainty="certain"))
        if previous is not None:
            db.add(models.Relation(type="replies_to", source_id=document.id, target_id=previous, certainty="probable"))
        previous = document.id
    db.commit()
    return first_id


@pytest.fixture
def counted(fresh_database: str) -> Iterator[tuple[TestClient, list[str]]]:
    statements: list[str] = []
    app = create_app(Settings(), database_url=fresh_database)

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    event.listen(app.state.engine.sync_engine, "before_cursor_execute", count)
    with TestClient(app) as http:
        # A pooled connection's first use also sets its statement timeout, once: warm it.
        http.post("/graphql", json={"query": "{ bodies { id } }"})
        yield http, statements


def _statements_for(http: TestClient, statements: list[str], query: str, variables: dict[str, Any]) -> int:
    statements.clear()
    body = http.post("/graphql", json={"query": query, "variables": variables}).json()
    assert "errors" not in body, body
    return len(statements)


def test_a_page_of_fifty_costs_the_same_statements_as_a_page_of_five(
    db: Session, counted: tuple[TestClient, list[str]]
) -> None:
    _build(db, 50)
    http, statements = counted
    small = _statements_for(http, statements, PAGE, {"first": 5})
    large = _statements_for(http, statements, PAGE, {"first": 50})
    assert large == small
    assert large <= 14


def test_a_chain_costs_statements_per_level_not_per_record(db: Session, counted: tuple[TestClient, list[str]]) -> None:
    first = _build(db, 30)
    http, statements = counted
    query = """query Chain($id: ID!) { chain(from: $id, direction: BOTH, maxDepth: 6) {
        nodes { depth node { id ... on Document { title parties { role } } } }
        edges { type source target } } }"""
    used = _statements_for(http, statements, query, {"id": encode_id("Document", first)})
    assert used <= 20
