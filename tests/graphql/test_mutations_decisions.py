"""Decisions, their tallies, and the votes on them."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from chronology import models
from tests import factories
from tests.graphql.conftest import GraphQLClient
from tests.graphql.mutation_helpers import count, failure, gid, issue, vote

DECISION = """id version title procedure outcome protocolNumber protocolItem specialFile
  date { edtf } body { name } archivalReference { normalised repositoryAsPrinted }
  tally { votesFor recordedFor unanimous verbatim }"""
CREATE = f"mutation($input: CreateDecisionInput!) {{ createDecision(input: $input) {{ {DECISION} }} }}"
UPDATE = (
    "mutation($id: ID!, $v: Int!, $input: UpdateDecisionInput!) {"
    f" updateDecision(id: $id, expectedVersion: $v, input: $input) {{ {DECISION} }} }}"
)
TALLY = f"mutation($id: ID!, $tally: TallyInput) {{ setTally(decision: $id, tally: $tally) {{ {DECISION} }} }}"
RECORD = """mutation($input: RecordVoteInput!) { recordVote(input: $input) {
  id version position recordedIn person { canonicalName } sourceDocument { title } } }"""
UPDATE_VOTE = (
    "mutation($id: ID!, $v: Int!, $input: UpdateVoteInput!) {"
    " updateVote(id: $id, expectedVersion: $v, input: $input) { version position note sourceDocument { title } } }"
)


@pytest.fixture
def editor(db: Session, client: GraphQLClient) -> GraphQLClient:
    client.token = issue(db, "editor", "ada")
    return client


@pytest.fixture
def politburo(db: Session) -> str:
    body = factories.body(db, "Politburo")
    db.commit()
    return gid("Body", body.id)


def test_create_decision_with_its_archival_reference(editor: GraphQLClient, politburo: str) -> None:
    decision = editor.data(
        CREATE,
        {
            "input": {
                "body": politburo,
                "title": "On the railways",
                "procedure": "POLL",
                "outcome": "APPROVED",
                "date": "15 January 1936",
                "protocolNumber": "35",
                "protocolItem": "17/10",
                "archivalReference": "RTsKhIDNI. F. 17. Op. 3. D. 974. L. 48",
                "specialFile": True,
            }
        },
    )["createDecision"]
    assert decision["date"]["edtf"] == "1936-01-15"
    assert decision["body"]["name"].startswith("Politburo")
    assert decision["archivalReference"] == {
        "normalised": "RGASPI, f. 17, op. 3, d. 974, l. 48",
        "repositoryAsPrinted": "RTsKhIDNI",
    }
    assert decision["specialFile"] is True


def test_update_decision_replaces_its_reference(db: Session, editor: GraphQLClient, politburo: str) -> None:
    created = editor.data(
        CREATE,
        {
            "input": {
                "body": politburo,
                "title": "On grain",
                "procedure": "MEETING",
                "outcome": "APPROVED",
                "archivalReference": "RGASPI F. 17. Op. 3. D. 974. L. 48",
            }
        },
    )["createDecision"]
    updated = editor.data(
        UPDATE,
        {"id": created["id"], "v": 1, "input": {"outcome": "POSTPONED", "archivalReference": None}},
    )["updateDecision"]
    assert updated["outcome"] == "POSTPONED"
    assert updated["archivalReference"] is None
    assert updated["version"] == 2
    assert count(db, models.ArchivalReferenceRow) == 0


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"date": "under the old calendar, perhaps"}, "VALIDATION", "date"),
        ({"body": "Qm9keTo5OTk5OQ"}, "NOT_FOUND", "body"),
        ({"body": "not an id"}, "VALIDATION", "body"),
        ({"archivalReference": "Op. 3 only"}, "VALIDATION", "archivalReference"),
        ({"title": ""}, "VALIDATION", "title"),
    ],
)
def test_invalid_decisions_are_refused(
    changes: dict[str, object], code: str, field: str, db: Session, editor: GraphQLClient, politburo: str
) -> None:
    values = {"body": politburo, "title": "On grain", "procedure": "POLL", "outcome": "APPROVED", **changes}
    assert failure(editor(CREATE, {"input": values})) == (code, field)
    assert count(db, models.Decision) == 0
    assert count(db, models.ArchivalReferenceRow) == 0


def test_set_and_remove_a_tally(db: Session, editor: GraphQLClient) -> None:
    decision = factories.decision(db)
    db.commit()
    decision_id = gid("Decision", decision.id)
    tallied = editor.data(
        TALLY, {"id": decision_id, "tally": {"votesFor": 12, "unanimous": True, "verbatim": "Adopted unanimously"}}
    )["setTally"]
    assert tallied["tally"] == {"votesFor": 0, "recordedFor": 12, "unanimous": True, "verbatim": "Adopted unanimously"}
    changed = editor.data(TALLY, {"id": decision_id, "tally": {"votesFor": 11}})["setTally"]
    assert changed["tally"]["recordedFor"] == 11
    assert count(db, models.Tally) == 1
    removed = editor.data(TALLY, {"id": decision_id, "tally": None})["setTally"]
    assert removed["tally"]["recordedFor"] is None
    assert count(db, models.Tally) == 0


def test_a_negative_count_is_refused(db: Session, editor: GraphQLClient) -> None:
    decision = factories.decision(db)
    db.commit()
    body = editor(TALLY, {"id": gid("Decision", decision.id), "tally": {"votesAgainst": -1}})
    assert failure(body) == ("VALIDATION", "tally.votesAgainst")


def test_record_update_and_delete_a_vote(db: Session, editor: GraphQLClient) -> None:
    decision = factories.decision(db)
    voter = factories.person(db, "Voroshilov")
    telegram = factories.document(db, "Cipher with vote marks")
    db.commit()
    recorded = editor.data(
        RECORD,
        {
            "input": {
                "decision": gid("Decision", decision.id),
                "person": gid("Person", voter.id),
                "position": "FOR",
                "recordedIn": "CIPHER_MARKS",
                "sourceDocument": gid("Document", telegram.id),
                "nameAsPrinted": "K. Voroshilov",
            }
        },
    )["recordVote"]
    assert recorded["person"]["canonicalName"] == "Voroshilov"
    assert recorded["sourceDocument"]["title"] == "Cipher with vote marks"
    updated = editor.data(
        UPDATE_VOTE, {"id": recorded["id"], "v": 1, "input": {"position": "AGREED", "sourceDocument": None}}
    )["updateVote"]
    assert updated == {"version": 2, "position": "AGREED", "note": None, "sourceDocument": None}
    stale = editor(UPDATE_VOTE, {"id": recorded["id"], "v": 1, "input": {"note": "late"}})
    assert failure(stale) == ("CONFLICT", "expectedVersion")
    deleted = editor.data("mutation($id: ID!) { deleteVote(id: $id, expectedVersion: 2) }", {"id": recorded["id"]})
    assert deleted["deleteVote"] == recorded["id"]
    assert count(db, models.Vote) == 0


def test_a_second_vote_by_the_same_person_is_a_conflict(db: Session, editor: GraphQLClient) -> None:
    existing = vote(db)
    db.commit()
    body = editor(
        RECORD,
        {
            "input": {
                "decision": gid("Decision", existing.decision_id),
                "person": gid("Person", existing.person_id),
                "position": "AGAINST",
                "recordedIn": "MINUTES",
            }
        },
    )
    assert failure(body) == ("CONFLICT", "person")
    assert count(db, models.Vote) == 1


def test_a_vote_by_an_unknown_person_is_not_found(db: Session, editor: GraphQLClient) -> None:
    decision = factories.decision(db)
    db.commit()
    body = editor(
        RECORD,
        {
            "input": {
                "decision": gid("Decision", decision.id),
                "person": gid("Person", 424242),
                "position": "FOR",
                "recordedIn": "MINUTES",
            }
        },
    )
    assert failure(body) == ("NOT_FOUND", "person")


def test_a_required_vote_field_cannot_be_cleared(db: Session, editor: GraphQLClient) -> None:
    row = vote(db)
    db.commit()
    body = editor(UPDATE_VOTE, {"id": gid("Vote", row.id), "v": 1, "input": {"position": None}})
    assert failure(body) == ("VALIDATION", "position")


def test_delete_decision_takes_its_votes_tally_and_reference(
    db: Session, editor: GraphQLClient, politburo: str
) -> None:
    created = editor.data(
        CREATE,
        {
            "input": {
                "body": politburo,
                "title": "On grain",
                "procedure": "POLL",
                "outcome": "APPROVED",
                "archivalReference": "RGASPI F. 17. Op. 162. D. 19. L. 3",
            }
        },
    )["createDecision"]
    pk = int(db.scalar(select(models.Decision.id)) or 0)
    vote(db, decision_id=pk)
    db.add(models.Tally(decision_id=pk, unanimous=True))
    db.commit()
    editor.data("mutation($id: ID!) { deleteDecision(id: $id) }", {"id": created["id"]})
    for table in (models.Decision, models.Vote, models.Tally, models.ArchivalReferenceRow):
        assert count(db, table) == 0, table
