"""Bearer tokens: who may read, write and manage tokens; revoked and expired tokens are refused."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.testclient import TestClient

from chronology import models
from chronology.app import create_app
from chronology.services.tokens import create_token, revoke_token
from chronology.settings import Settings
from tests import factories
from tests.graphql.conftest import GraphQLClient
from tests.graphql.mutation_helpers import count, failure, issue

READ = "{ bodies { name } }"


def _status(client: GraphQLClient, token: str) -> tuple[int, str]:
    response = client.http.post("/graphql", json={"query": READ}, headers={"Authorization": token})
    return response.status_code, response.json()["errors"][0]["extensions"]["code"]


def test_a_revoked_token_is_refused(db: Session, client: GraphQLClient) -> None:
    secret = issue(db, "editor", "clerk")
    assert "errors" not in client(READ, token=secret)
    assert revoke_token(db, "clerk")
    db.commit()
    assert _status(client, f"Bearer {secret}") == (401, "UNAUTHENTICATED")


def test_an_expired_token_is_refused(db: Session, client: GraphQLClient) -> None:
    past = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)
    secret = create_token(db, name="old", role="admin", expires_at=past).secret
    db.commit()
    assert _status(client, f"Bearer {secret}") == (401, "UNAUTHENTICATED")


@pytest.mark.parametrize("header", ["Bearer chron_made_up", "Basic dXNlcjpwdw==", "Bearer "])
def test_unknown_tokens_and_other_schemes_are_refused(header: str, client: GraphQLClient) -> None:
    assert _status(client, header) == (401, "UNAUTHENTICATED")


def test_using_a_token_records_when(db: Session, client: GraphQLClient) -> None:
    secret = issue(db, "reader", "reading room")
    client.data(READ, token=secret)
    db.rollback()
    used = db.scalar(select(models.ApiToken.last_used_at).where(models.ApiToken.name == "reading room"))
    assert used is not None


@pytest.fixture
def closed(fresh_database: str) -> Iterator[GraphQLClient]:
    """A client of a service where reading needs a token."""
    settings = Settings(anonymous_read=False)
    with TestClient(create_app(settings, database_url=fresh_database)) as http:
        yield GraphQLClient(http)


@pytest.mark.parametrize(
    "query",
    [
        READ,
        "{ documents { totalCount } }",
        "{ persons { totalCount } }",
        '{ history(id: "UGVyc29uOjE") { totalCount } }',
    ],
)
def test_anonymous_reading_can_be_switched_off(query: str, db: Session, closed: GraphQLClient) -> None:
    assert failure(closed(query)) == ("FORBIDDEN", None)
    reader = issue(db, "reader")
    assert "errors" not in closed(query, token=reader)


def test_reading_is_open_to_anonymous_callers_by_default(db: Session, client: GraphQLClient) -> None:
    factories.body(db, "Politburo")
    db.commit()
    assert len(client.data(READ)["bodies"]) == 1


CREATE = """mutation($name: String!, $role: TokenRole!, $expires: DateTime) {
  createToken(name: $name, role: $role, expiresAt: $expires) {
    secret token { name role expiresAt revokedAt active } } }"""


@pytest.fixture
def admin(db: Session, client: GraphQLClient) -> GraphQLClient:
    client.token = issue(db, "admin", "root")
    return client


def test_an_admin_creates_a_token_that_works_and_only_its_hash_is_kept(db: Session, admin: GraphQLClient) -> None:
    issued = admin.data(CREATE, {"name": "ada", "role": "EDITOR"})["createToken"]
    assert issued["token"] == {"name": "ada", "role": "EDITOR", "expiresAt": None, "revokedAt": None, "active": True}
    secret = issued["secret"]
    db.rollback()
    stored = db.scalars(select(models.ApiToken).where(models.ApiToken.name == "ada")).one()
    assert stored.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in stored.token_hash
    created = admin.data('mutation { createPerson(input: {canonicalName: "Kirov"}) { id } }', token=secret)
    assert created["createPerson"]["id"]


def test_tokens_are_listed_without_secrets(db: Session, admin: GraphQLClient) -> None:
    admin.data(CREATE, {"name": "ada", "role": "READER"})
    listed = admin.data("{ tokens { name role active lastUsedAt } }")["tokens"]
    assert {t["name"] for t in listed} == {"ada", "root"}
    assert next(t for t in listed if t["name"] == "root")["lastUsedAt"] is not None
    secret_fields = admin("{ tokens { secret } }")
    assert "errors" in secret_fields  # there is no such field to ask for


def test_revoking_over_graphql_locks_the_token_out(db: Session, admin: GraphQLClient) -> None:
    secret = admin.data(CREATE, {"name": "ada", "role": "EDITOR"})["createToken"]["secret"]
    revoked = admin.data('mutation { revokeToken(name: "ada") { revokedAt active } }')["revokeToken"]
    assert revoked["revokedAt"] is not None
    assert revoked["active"] is False
    assert _status(admin, f"Bearer {secret}") == (401, "UNAUTHENTICATED")
    again = admin('mutation { revokeToken(name: "ada") { name } }')
    assert failure(again) == ("CONFLICT", "name")


@pytest.mark.parametrize(
    ("variables", "code", "field"),
    [
        ({"name": "root", "role": "READER"}, "CONFLICT", "name"),
        ({"name": "  ", "role": "READER"}, "VALIDATION", "name"),
        ({"name": "ada", "role": "READER", "expires": "2001-01-01T00:00:00+00:00"}, "VALIDATION", "expiresAt"),
    ],
)
def test_bad_token_requests_are_refused(
    variables: dict[str, str], code: str, field: str, db: Session, admin: GraphQLClient
) -> None:
    assert failure(admin(CREATE, variables)) == (code, field)
    assert count(db, models.ApiToken) == 1


def test_revoking_an_unknown_token_is_not_found(admin: GraphQLClient) -> None:
    assert failure(admin('mutation { revokeToken(name: "nobody") { name } }')) == ("NOT_FOUND", "name")


def test_an_expiring_token_says_when(db: Session, admin: GraphQLClient) -> None:
    later = (datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=30)).isoformat()
    issued = admin.data(CREATE, {"name": "visitor", "role": "READER", "expires": later})["createToken"]
    assert datetime.datetime.fromisoformat(issued["token"]["expiresAt"]) == datetime.datetime.fromisoformat(later)
    assert "errors" not in admin(READ, token=issued["secret"])
