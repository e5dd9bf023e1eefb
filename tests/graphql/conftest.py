"""An app on a database of the test's own, and a client that speaks GraphQL to it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from starlette.testclient import TestClient

from chronology.app import create_app
from chronology.graphql.compiled.operations import Shortcuts
from chronology.settings import Settings


@dataclass
class GraphQLClient:
    """Posts operations to /graphql and returns the decoded response."""

    http: TestClient
    token: str | None = None

    def __call__(
        self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None
    ) -> dict[str, Any]:
        headers = {}
        if token or self.token:
            headers["Authorization"] = f"Bearer {token or self.token}"
        response = self.http.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)
        assert response.status_code < 500, response.text
        body: dict[str, Any] = response.json()
        return body

    def data(self, query: str, variables: dict[str, Any] | None = None, **kw: Any) -> dict[str, Any]:
        """Run an operation that must succeed and return its data."""
        body = self(query, variables, **kw)
        assert "errors" not in body, body["errors"]
        data: dict[str, Any] = body["data"]
        return data


@pytest.fixture
def db(fresh_database: str) -> Iterator[Session]:
    """A session on the test's own database whose commits the app will see."""
    engine = create_engine(fresh_database)
    with Session(engine) as session:
        yield session
    engine.dispose()


@pytest.fixture
def settings() -> Settings:
    """Development settings (the IDE and introspection on)."""
    return Settings()


@pytest.fixture
def client(fresh_database: str, settings: Settings) -> Iterator[GraphQLClient]:
    """A GraphQL client of an app on the test's database."""
    with TestClient(create_app(settings, database_url=fresh_database)) as http:
        yield GraphQLClient(http)


@pytest.fixture
def shortcuts_taken(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the root field of each operation a shortcut answered."""
    taken: list[str] = []
    real = Shortcuts.answer

    async def spy(self: Shortcuts, query: str, variables: Any, name: Any, context: Any) -> Any:
        data = await real(self, query, variables, name, context)
        if data is not None:
            taken.extend(data)
        return data

    monkeypatch.setattr(Shortcuts, "answer", spy)
    return taken
