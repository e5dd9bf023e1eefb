"""Every mutation against every kind of caller: writing needs an editor, tokens an admin."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy.orm import Session

from chronology import models
from tests import factories
from tests.graphql.conftest import GraphQLClient
from tests.graphql.mutation_helpers import ROLES, count, event, failure, gid, issue, relation, vote

Setup = Callable[[Session], dict[str, Any]]


def _nothing(db: Session) -> dict[str, Any]:
    return {}


def _person(db: Session) -> dict[str, Any]:
    return {"id": gid("Person", factories.person(db, "Yezhov").id)}


def _body(db: Session) -> dict[str, Any]:
    return {"id": gid("Body", factories.body(db).id)}


def _document(db: Session) -> dict[str, Any]:
    return {"id": gid("Document", factories.document(db).id)}


def _decision(db: Session) -> dict[str, Any]:
    return {"id": gid("Decision", factories.decision(db).id)}


def _vote(db: Session) -> dict[str, Any]:
    return {"id": gid("Vote", vote(db).id)}


def _voting(db: Session) -> dict[str, Any]:
    decision = factories.decision(db)
    return {"d": gid("Decision", decision.id), "p": gid("Person", factories.person(db).id)}


def _event(db: Session) -> dict[str, Any]:
    return {"id": gid("Event", event(db).id)}


def _pair(db: Session) -> dict[str, Any]:
    letter, decision = factories.document(db), factories.decision(db)
    return {"s": gid("Document", letter.id), "t": gid("Decision", decision.id)}


def _linked(db: Session) -> dict[str, Any]:
    letter, decision = factories.document(db), factories.decision(db)
    relation(db, letter.id, decision.id)
    return {"s": gid("Document", letter.id), "t": gid("Decision", decision.id)}


def _token(db: Session) -> dict[str, Any]:
    issue(db, "reader", "archivist")
    return {}


UPDATE = "mutation($id: ID!) {{ {name}(id: $id, expectedVersion: 1, input: {input}) {{ id }} }}"
DELETE = "mutation($id: ID!) {{ {name}(id: $id) }}"

EDITOR_CASES: dict[str, tuple[str, Setup]] = {
    "createPerson": (
        'mutation { createPerson(input: {canonicalName: "Nikolai Yezhov"}) { id } }',
        _nothing,
    ),
    "updatePerson": (UPDATE.format(name="updatePerson", input='{note: "n"}'), _person),
    "deletePerson": (DELETE.format(name="deletePerson"), _person),
    "createBody": (
        'mutation { createBody(input: {name: "Orgburo", kind: PARTY_ORGAN}) { id } }',
        _nothing,
    ),
    "updateBody": (UPDATE.format(name="updateBody", input='{shortName: "OB"}'), _body),
    "deleteBody": (DELETE.format(name="deleteBody"), _body),
    "createDocument": (
        'mutation { createDocument(input: {kind: LETTER, title: "Letter"}) { id } }',
        _nothing,
    ),
    "updateDocument": (UPDATE.format(name="updateDocument", input='{place: "Sochi"}'), _document),
    "deleteDocument": (DELETE.format(name="deleteDocument"), _document),
    "createDecision": (
        'mutation($id: ID!) { createDecision(input: {body: $id, title: "On grain",'
        " procedure: POLL, outcome: APPROVED}) { id } }",
        _body,
    ),
    "updateDecision": (UPDATE.format(name="updateDecision", input="{outcome: REJECTED}"), _decision),
    "deleteDecision": (DELETE.format(name="deleteDecision"), _decision),
    "setTally": (
        "mutation($id: ID!) { setTally(decision: $id, tally: {unanimous: true}) { id } }",
        _decision,
    ),
    "recordVote": (
        "mutation($d: ID!, $p: ID!) { recordVote(input: {decision: $d, person: $p,"
        " position: FOR, recordedIn: CIPHER_MARKS}) { id } }",
        _voting,
    ),
    "updateVote": (UPDATE.format(name="updateVote", input="{position: AGAINST}"), _vote),
    "deleteVote": (DELETE.format(name="deleteVote"), _vote),
    "createEvent": (
        'mutation { createEvent(input: {type: TRIAL, title: "Trial"}) { id } }',
        _nothing,
    ),
    "updateEvent": (UPDATE.format(name="updateEvent", input='{places: ["Moscow"]}'), _event),
    "deleteEvent": (DELETE.format(name="deleteEvent"), _event),
    "addRelation": (
        "mutation($s: ID!, $t: ID!) { addRelation(input: {type: PROPOSES, source: $s, target: $t}) { type } }",
        _pair,
    ),
    "removeRelation": (
        "mutation($s: ID!, $t: ID!) { removeRelation(type: PROPOSES, source: $s, target: $t) { type } }",
        _linked,
    ),
}

ADMIN_CASES: dict[str, tuple[str, Setup]] = {
    "createToken": (
        'mutation { createToken(name: "clerk", role: EDITOR) { secret } }',
        _nothing,
    ),
    "revokeToken": ('mutation { revokeToken(name: "archivist") { name } }', _token),
    "tokens": ("{ tokens { name } }", _nothing),
}


def _run(
    db: Session, client: GraphQLClient, case: tuple[str, Setup], role: str | None
) -> tuple[dict[str, Any], int, int]:
    query, setup = case
    variables = setup(db)
    db.commit()
    token = issue(db, role, f"{role}-caller") if role else None
    before = count(db, models.AuditEntry)
    body = client(query, variables, token=token)
    return body, before, count(db, models.AuditEntry)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(EDITOR_CASES))
def test_editing_needs_an_editor(name: str, role: str | None, db: Session, client: GraphQLClient) -> None:
    body, before, after = _run(db, client, EDITOR_CASES[name], role)
    if role in ("editor", "admin"):
        assert "errors" not in body, body
        assert body["data"][name]
        assert after > before
    else:
        assert failure(body) == ("FORBIDDEN", None)
        assert after == before


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(ADMIN_CASES))
def test_tokens_need_an_admin(name: str, role: str | None, db: Session, client: GraphQLClient) -> None:
    tokens_before = count(db, models.ApiToken)
    body, _, _ = _run(db, client, ADMIN_CASES[name], role)
    if role == "admin":
        assert "errors" not in body, body
    else:
        assert failure(body) == ("FORBIDDEN", None)
        created = 1 if role else 0  # the caller's own token
        created += 1 if name == "revokeToken" else 0
        assert count(db, models.ApiToken) == tokens_before + created
