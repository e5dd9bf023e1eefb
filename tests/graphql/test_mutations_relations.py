"""Adding and removing sourced links between records."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from chronology import models
from tests import factories
from tests.graphql.conftest import GraphQLClient
from tests.graphql.mutation_helpers import count, failure, gid, issue

ADD = """mutation($input: AddRelationInput!) { addRelation(input: $input) {
  type certainty note provenance { publication locator summary }
  source { id } target { id } } }"""
REMOVE = """mutation($s: ID!, $t: ID!) { removeRelation(type: PROPOSES, source: $s, target: $t) {
  type source { id } } }"""


@pytest.fixture
def editor(db: Session, client: GraphQLClient) -> GraphQLClient:
    client.token = issue(db, "editor", "ada")
    return client


@pytest.fixture
def pair(db: Session) -> tuple[str, str]:
    telegram = factories.document(db, "Kaganovich to Stalin")
    decision = factories.decision(db)
    db.commit()
    return gid("Document", telegram.id), gid("Decision", decision.id)


def test_add_a_sourced_link_and_see_it_from_both_ends(
    db: Session, editor: GraphQLClient, pair: tuple[str, str]
) -> None:
    source, target = pair
    added = editor.data(
        ADD,
        {
            "input": {
                "type": "PROPOSES",
                "source": source,
                "target": target,
                "certainty": "PROBABLE",
                "provenance": {
                    "publication": {"title": "Stalin-Kaganovich letters", "year": 2003},
                    "locator": "footnote 2 to document 4",
                    "summary": "the poll followed",
                },
            }
        },
    )["addRelation"]
    assert added["certainty"] == "PROBABLE"
    assert added["provenance"] == {
        "publication": "Stalin-Kaganovich letters",
        "locator": "footnote 2 to document 4",
        "summary": "the poll followed",
    }
    assert (added["source"]["id"], added["target"]["id"]) == pair
    seen = editor.data("query($id: ID!) { node(id: $id) { ... on Decision { proposedBy { id } } } }", {"id": target})
    assert seen["node"]["proposedBy"] == [{"id": source}]


def test_a_link_to_itself_is_refused_on_the_target(db: Session, editor: GraphQLClient, pair: tuple[str, str]) -> None:
    source, _ = pair
    body = editor(ADD, {"input": {"type": "MENTIONS", "source": source, "target": source}})
    assert failure(body) == ("VALIDATION", "target")
    assert count(db, models.Relation) == 0


def test_the_same_link_twice_is_a_conflict(db: Session, editor: GraphQLClient, pair: tuple[str, str]) -> None:
    source, target = pair
    editor.data(ADD, {"input": {"type": "PROPOSES", "source": source, "target": target}})
    body = editor(ADD, {"input": {"type": "PROPOSES", "source": source, "target": target}})
    assert failure(body) == ("CONFLICT", "target")
    assert count(db, models.Relation) == 1


@pytest.mark.parametrize("field", ["source", "target"])
def test_an_unknown_end_is_not_found(field: str, db: Session, editor: GraphQLClient, pair: tuple[str, str]) -> None:
    ends = dict(zip(("source", "target"), pair, strict=True))
    ends[field] = gid("Event", 987654)
    body = editor(ADD, {"input": {"type": "MENTIONS", **ends}})
    assert failure(body) == ("NOT_FOUND", field)


def test_remove_a_link(db: Session, editor: GraphQLClient, pair: tuple[str, str]) -> None:
    source, target = pair
    editor.data(ADD, {"input": {"type": "PROPOSES", "source": source, "target": target}})
    removed = editor.data(REMOVE, {"s": source, "t": target})["removeRelation"]
    assert removed == {"type": "PROPOSES", "source": {"id": source}}
    assert count(db, models.Relation) == 0
    again = editor(REMOVE, {"s": source, "t": target})
    assert failure(again) == ("NOT_FOUND", "target")


def test_deleting_a_record_takes_its_links(db: Session, editor: GraphQLClient, pair: tuple[str, str]) -> None:
    source, target = pair
    editor.data(ADD, {"input": {"type": "PROPOSES", "source": source, "target": target}})
    editor.data("mutation($id: ID!) { deleteDocument(id: $id) }", {"id": source})
    db.rollback()
    assert db.scalars(select(models.Relation)).all() == []
