"""The chain walk as one statement: truncation, link filters, and the votes' links to their decision."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from chronology import models
from chronology.graphql.runtime.ids import encode_id
from chronology.graphql.types.chain import query as chain_module
from tests import factories
from tests.graphql.conftest import GraphQLClient

CHAIN = """
query ($from: ID!, $direction: ChainDirection, $maxDepth: Int, $types: [RelationType!]) {
  chain(from: $from, direction: $direction, maxDepth: $maxDepth, types: $types) {
    truncated
    nodes { depth node { id } }
    edges { type source target depth }
  }
}"""


def _hub(db: Session, citing: int) -> tuple[models.Document, list[models.Document]]:
    decree = factories.document(db, "Decree on grain deliveries", kind="decree")
    letters = [factories.document(db, f"Letter {i}") for i in range(citing)]
    for letter in letters:
        db.add(models.Relation(type="implements", source_id=letter.id, target_id=decree.id, certainty="certain"))
    db.commit()
    return decree, letters


def test_a_walk_reaching_more_records_than_allowed_is_truncated(
    db: Session, client: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    decree, _letters = _hub(db, 6)
    monkeypatch.setattr(chain_module, "MAX_CHAIN_RECORDS", 4)

    chain = client.data(CHAIN, {"from": encode_id("Document", decree.id), "direction": "BACKWARD"})["chain"]

    assert chain["truncated"] is True
    kept = {n["node"]["id"] for n in chain["nodes"]}
    assert len(kept) == 4
    assert encode_id("Document", decree.id) in kept
    # Only links between kept records are listed.
    assert len(chain["edges"]) == 3
    assert all(e["source"] in kept and e["target"] in kept for e in chain["edges"])


def test_a_walk_within_the_limit_is_not_truncated(
    db: Session, client: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    decree, letters = _hub(db, 3)
    monkeypatch.setattr(chain_module, "MAX_CHAIN_RECORDS", 4)

    chain = client.data(CHAIN, {"from": encode_id("Document", decree.id), "direction": "BOTH"})["chain"]

    assert chain["truncated"] is False
    assert {n["node"]["id"]: n["depth"] for n in chain["nodes"]} == {
        encode_id("Document", decree.id): 0,
        **{encode_id("Document", letter.id): 1 for letter in letters},
    }
    assert sorted(e["depth"] for e in chain["edges"]) == [1, 1, 1]


def test_link_types_filter_the_walk_and_votes_follow_vote_on(db: Session, client: GraphQLClient) -> None:
    stalin = factories.person(db, "Iosif Stalin")
    telegram = factories.document(db, "Kaganovich to Stalin")
    decision = factories.decision(db)
    decree = factories.document(db, "Decree on the railways", kind="decree")
    db.add(models.Relation(type="proposes", source_id=telegram.id, target_id=decision.id, certainty="certain"))
    db.add(models.Relation(type="formalised_as", source_id=decision.id, target_id=decree.id, certainty="certain"))
    vote = models.Vote(decision_id=decision.id, person_id=stalin.id, position="for", recorded_in="cipher_marks")
    db.add(vote)
    db.commit()
    start = encode_id("Document", telegram.id)

    only_proposals = client.data(CHAIN, {"from": start, "direction": "FORWARD", "types": ["PROPOSES"]})["chain"]
    assert {n["node"]["id"] for n in only_proposals["nodes"]} == {start, encode_id("Decision", decision.id)}
    assert [e["type"] for e in only_proposals["edges"]] == ["PROPOSES"]

    with_votes = client.data(CHAIN, {"from": start, "direction": "FORWARD", "types": ["PROPOSES", "VOTE_ON"]})["chain"]
    assert {n["node"]["id"]: n["depth"] for n in with_votes["nodes"]} == {
        start: 0,
        encode_id("Decision", decision.id): 1,
        encode_id("Vote", vote.id): 2,
    }
    assert {(e["type"], e["depth"]) for e in with_votes["edges"]} == {("PROPOSES", 1), ("VOTE_ON", 2)}

    from_the_vote = client.data(CHAIN, {"from": encode_id("Vote", vote.id), "direction": "BACKWARD", "maxDepth": 2})
    assert {n["node"]["id"]: n["depth"] for n in from_the_vote["chain"]["nodes"]} == {
        encode_id("Vote", vote.id): 0,
        encode_id("Decision", decision.id): 1,
        start: 2,
    }


def test_a_walk_from_an_id_of_the_wrong_type_is_not_found(db: Session, client: GraphQLClient) -> None:
    telegram = factories.document(db, "Kaganovich to Stalin")
    db.commit()
    body = client(CHAIN, {"from": encode_id("Decision", telegram.id)})
    assert body["errors"][0]["extensions"] == {"code": "NOT_FOUND", "field": "from"}
