"""`history { actor }`: token names only for admins and the token's holder; everyone else sees the role."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from chronology.services.tokens import revoke_token
from tests import factories
from tests.graphql.conftest import GraphQLClient
from tests.graphql.mutation_helpers import gid, issue

HISTORY = "query($id: ID!) { history(id: $id) { edges { node { action actor } } } }"
UPDATE = (
    "mutation($id: ID!, $v: Int!, $note: String!) {"
    " updatePerson(id: $id, expectedVersion: $v, input: {note: $note}) { id } }"
)


@pytest.fixture
def trail(db: Session, client: GraphQLClient) -> dict[str, Any]:
    """A person created by one editor, changed by another editor and by an admin; return the record and the tokens."""
    tokens = {
        "ada": issue(db, "editor", "Ada Lovelace"),
        "grace": issue(db, "editor", "Grace Hopper"),
        "root": issue(db, "admin", "Archive Admin"),
        "reader": issue(db, "reader", "Reading Room"),
    }
    created = client.data('mutation { createPerson(input: {canonicalName: "Yezhov"}) { id } }', token=tokens["ada"])
    person = created["createPerson"]["id"]
    client.data(UPDATE, {"id": person, "v": 1, "note": "NKVD"}, token=tokens["grace"])
    client.data(UPDATE, {"id": person, "v": 2, "note": "NKVD chief"}, token=tokens["root"])
    return {"person": person, **tokens}


def _actors(client: GraphQLClient, record: str, token: str | None = None) -> list[str | None]:
    client.token = None
    edges = client.data(HISTORY, {"id": record}, token=token)["history"]["edges"]
    return [edge["node"]["actor"] for edge in edges]


def test_anonymous_callers_see_roles_not_names(client: GraphQLClient, trail: dict[str, Any]) -> None:
    assert _actors(client, trail["person"]) == ["editor", "editor", "admin"]


def test_readers_see_roles_not_names(client: GraphQLClient, trail: dict[str, Any]) -> None:
    assert _actors(client, trail["person"], trail["reader"]) == ["editor", "editor", "admin"]


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("ada", ["Ada Lovelace", "editor", "admin"]),
        ("grace", ["editor", "Grace Hopper", "admin"]),
    ],
)
def test_editors_see_their_own_names_and_others_roles(
    client: GraphQLClient, trail: dict[str, Any], who: str, expected: list[str]
) -> None:
    assert _actors(client, trail["person"], trail[who]) == expected


def test_admins_see_every_name(client: GraphQLClient, trail: dict[str, Any]) -> None:
    assert _actors(client, trail["person"], trail["root"]) == ["Ada Lovelace", "Grace Hopper", "Archive Admin"]


def test_a_revoked_tokens_name_stays_hidden(db: Session, client: GraphQLClient, trail: dict[str, Any]) -> None:
    assert revoke_token(db, "Grace Hopper")
    db.commit()
    assert _actors(client, trail["person"]) == ["editor", "editor", "admin"]


def test_a_name_no_token_holds_is_shown_as_editor(db: Session, client: GraphQLClient) -> None:
    # A change made under a name that is no token's (a token removed by hand, a script posing as one).
    db.execute(text("SELECT set_config('chronology.actor', 'Former Staff Member', true)"))
    row = factories.person(db, "Bukharin")
    db.commit()
    assert _actors(client, gid("Person", row.id)) == ["editor"]


@pytest.mark.parametrize("program", ["import: letters.txt", "sample", "datapackage import"])
def test_importers_are_named_to_everyone(db: Session, client: GraphQLClient, program: str) -> None:
    db.execute(text("SELECT set_config('chronology.actor', :actor, true)"), {"actor": program})
    row = factories.person(db, "Kirov")
    db.commit()
    assert _actors(client, gid("Person", row.id)) == [program]


def test_a_token_named_like_an_importer_is_still_hidden(db: Session, client: GraphQLClient) -> None:
    secret = issue(db, "editor", "import: masquerade")
    created = client.data('mutation { createPerson(input: {canonicalName: "Radek"}) { id } }', token=secret)
    assert _actors(client, created["createPerson"]["id"]) == ["editor"]
