"""A record's audit trail: who (the token's name), when, and what changed."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from sqlalchemy.orm import Session

from tests import factories
from tests.graphql.conftest import GraphQLClient
from tests.graphql.mutation_helpers import failure, gid, issue

HISTORY = """query($id: ID!, $first: Int, $after: String) { history(id: $id, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { action actor at part partKey changes { field old new } } } } }"""


@pytest.fixture
def editor(db: Session, client: GraphQLClient) -> GraphQLClient:
    client.token = issue(db, "editor", "Ada Lovelace")
    return client


def _entries(client: GraphQLClient, record: str, **paging: Any) -> list[dict[str, Any]]:
    data = client.data(HISTORY, {"id": record, **paging})["history"]
    return [edge["node"] for edge in data["edges"]]


def _changes(entry: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {change["field"]: (change["old"], change["new"]) for change in entry["changes"]}


def test_create_update_delete_shows_who_when_and_what(db: Session, editor: GraphQLClient) -> None:
    started = datetime.datetime.now(datetime.UTC)
    created = editor.data('mutation { createPerson(input: {canonicalName: "Yezhov", born: "1 May 1895"}) { id } }')[
        "createPerson"
    ]
    person = created["id"]
    editor.data(
        'mutation($id: ID!) { updatePerson(id: $id, expectedVersion: 1, input: {note: "NKVD chief"}) { id } }',
        {"id": person},
    )
    editor.data("mutation($id: ID!) { deletePerson(id: $id) }", {"id": person})

    entries = _entries(editor, person)  # readable after the record is gone
    assert [e["action"] for e in entries] == ["INSERT", "UPDATE", "DELETE"]
    assert {e["actor"] for e in entries} == {"Ada Lovelace"}
    assert {e["part"] for e in entries} == {"person"}
    for entry in entries:
        at = datetime.datetime.fromisoformat(entry["at"])
        assert started - datetime.timedelta(seconds=5) <= at <= datetime.datetime.now(datetime.UTC)
    inserted = _changes(entries[0])
    assert inserted["canonical_name"] == (None, "Yezhov")
    assert inserted["born_edtf"] == (None, "1895-05-01")
    assert "note" not in inserted  # empty at creation: no change to show
    assert "version" not in inserted
    assert _changes(entries[1]) == {"note": (None, "NKVD chief")}
    assert _changes(entries[2])["canonical_name"] == ("Yezhov", None)


def test_a_documents_trail_includes_its_parties_copies_and_links(db: Session, editor: GraphQLClient) -> None:
    author = factories.person(db, "Kaganovich")
    decision = factories.decision(db)
    db.commit()
    document = editor.data(
        """mutation($p: ID!) { createDocument(input: {kind: LETTER, title: "Letter",
             parties: [{role: AUTHOR, person: $p}],
             copies: [{archivalReference: "RGASPI F. 558. Op. 11. D. 93. L. 42"}]}) { id } }""",
        {"p": gid("Person", author.id)},
    )["createDocument"]["id"]
    editor.data(
        "mutation($s: ID!, $t: ID!) { addRelation(input: {type: PROPOSES, source: $s, target: $t}) { type } }",
        {"s": document, "t": gid("Decision", decision.id)},
    )
    editor.data(
        """mutation($id: ID!) { updateDocument(id: $id, expectedVersion: 1,
             input: {copies: [{archivalReference: "RGASPI F. 558. Op. 11. D. 94. L. 1"}]}) { id } }""",
        {"id": document},
    )
    entries = _entries(editor, document)
    parts = [(e["action"], e["part"]) for e in entries]
    assert parts[:4] == [
        ("INSERT", "document"),
        ("INSERT", "party"),
        ("INSERT", "archival reference"),
        ("INSERT", "copy"),
    ]
    assert ("INSERT", "link") in parts
    assert ("DELETE", "copy") in parts
    assert ("DELETE", "archival reference") in parts
    assert parts[-1] == ("INSERT", "copy")
    references = [_changes(e) for e in entries if e["part"] == "archival reference" and e["action"] == "INSERT"]
    assert [r["delo"][1] for r in references] == ["93", "94"]
    # The decision's own trail shows the link too, but not the document's parts.
    decision_parts = {e["part"] for e in _entries(editor, gid("Decision", decision.id))}
    assert decision_parts == {"decision", "link"}


def test_history_pages(db: Session, editor: GraphQLClient) -> None:
    person = editor.data('mutation { createPerson(input: {canonicalName: "Radek"}) { id } }')["createPerson"]["id"]
    for version, note in enumerate(("a", "b", "c"), start=1):
        editor.data(
            "mutation($id: ID!, $v: Int!, $n: String) {"
            " updatePerson(id: $id, expectedVersion: $v, input: {note: $n}) { id } }",
            {"id": person, "v": version, "n": note},
        )
    first = editor.data(HISTORY, {"id": person, "first": 2})["history"]
    assert first["totalCount"] == 4
    assert first["pageInfo"]["hasNextPage"] is True
    rest = _entries(editor, person, first=10, after=first["pageInfo"]["endCursor"])
    assert [_changes(e)["note"][1] for e in rest] == ["b", "c"]


def test_imports_without_a_token_have_no_actor(db: Session, client: GraphQLClient) -> None:
    row = factories.person(db, "Kirov")
    db.commit()
    [entry] = _entries(client, gid("Person", row.id))
    assert entry["actor"] is None


def test_a_malformed_id_is_a_validation_error(client: GraphQLClient) -> None:
    assert failure(client(HISTORY, {"id": "nonsense!"})) == ("VALIDATION", "id")
