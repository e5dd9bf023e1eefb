"""Under faults the service says so: a PostgreSQL of the test's own is stopped under a running app, then restarted."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chronology import models
from chronology.services.tokens import create_token
from chronology.settings import Settings
from chronology.storage.bootstrap import prepare_database
from chronology.storage.embedded import start_embedded, stop_embedded
from chronology.storage.engine import make_engine
from tests.web.conftest import serving

READ = "{ persons(first: 5) { edges { node { canonicalName } } } }"
CREATE = "mutation($name: String!) { createPerson(input: { canonicalName: $name }) { canonicalName } }"


@dataclass
class OwnServer:
    """A PostgreSQL of this module's own (not the suite's), the app on it, and an editor's token."""

    home: Path
    url: str
    app: str
    token: str

    def stop(self) -> None:
        """Stop the server (fast shutdown: open connections are cut)."""
        assert stop_embedded(self.home) is not None

    def start(self) -> None:
        """Start the stopped server again on the same data and socket."""
        start_embedded(self.home)

    def persons(self) -> int:
        """Count the persons stored."""
        engine = make_engine(self.url)
        try:
            with Session(engine) as session:
                return session.scalar(select(func.count()).select_from(models.Person)) or 0
        finally:
            engine.dispose()


@pytest.fixture(scope="module")
def own_server() -> Iterator[OwnServer]:
    """Start a PostgreSQL in a temporary home, migrate it, issue a token, and serve the app on it."""
    # mkdtemp, not tmp_path: the server's socket path must stay short.
    home = Path(tempfile.mkdtemp(prefix="chrono-fault-")) / "home"
    try:
        url = prepare_database(Settings(home=home))
        engine = make_engine(url)
        with Session(engine) as session:
            token = create_token(session, name="fault-editor", role="editor").secret
            session.commit()
        engine.dispose()
        with serving(url) as app:
            yield OwnServer(home, url, app, token)
    finally:
        stop_embedded(home)
        shutil.rmtree(home.parent, ignore_errors=True)


def _post(
    server: OwnServer, query: str, variables: dict[str, Any] | None = None, *, token: bool = False
) -> httpx.Response:
    headers = {"Authorization": f"Bearer {server.token}"} if token else {}
    return httpx.post(
        f"{server.app}/graphql", json={"query": query, "variables": variables or {}}, headers=headers, timeout=30
    )


def _assert_unavailable(response: httpx.Response, server: OwnServer) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["retry-after"].isdigit()
    assert response.headers["content-type"].startswith(("application/graphql-response+json", "application/json"))
    body = response.json()
    if "error" in body:  # the export endpoint's shape
        codes = [body["error"]["code"]]
    else:
        codes = [error.get("extensions", {}).get("code") for error in body["errors"]]
    assert codes
    assert set(codes) == {"UNAVAILABLE"}, body
    # Neither the socket, nor a host or port, nor the driver's words reach the client.
    for leak in (str(server.home), "socket", "port", "connection to server", "psycopg"):
        assert leak not in response.text


def test_the_database_stopped_then_restarted_under_a_running_app(own_server: OwnServer) -> None:
    assert _post(own_server, READ).status_code == 200
    assert _post(own_server, CREATE, {"name": "Before the fault"}, token=True).json()["data"] == {
        "createPerson": {"canonicalName": "Before the fault"}
    }
    own_server.stop()
    try:
        _assert_unavailable(_post(own_server, READ), own_server)
        _assert_unavailable(_post(own_server, READ, token=True), own_server)
        _assert_unavailable(_post(own_server, CREATE, {"name": "During the fault"}, token=True), own_server)
        _assert_unavailable(httpx.get(f"{own_server.app}/graphql", params={"query": READ}, timeout=30), own_server)
        _assert_unavailable(httpx.get(f"{own_server.app}/export/ris", timeout=30), own_server)
        _assert_unavailable(
            httpx.get(f"{own_server.app}/export/ris", headers={"Authorization": f"Bearer {own_server.token}"}),
            own_server,
        )
        assert httpx.get(f"{own_server.app}/readyz", timeout=30).status_code == 503
        assert httpx.get(f"{own_server.app}/healthz", timeout=30).status_code == 200
    finally:
        own_server.start()
    # Recovery: the pool's dead connections are replaced without a restart of the app.
    read = _post(own_server, READ)
    assert read.status_code == 200
    assert {"canonicalName": "Before the fault"} in [edge["node"] for edge in read.json()["data"]["persons"]["edges"]]
    written = _post(own_server, CREATE, {"name": "After the fault"}, token=True)
    assert written.status_code == 200
    assert written.json()["data"] == {"createPerson": {"canonicalName": "After the fault"}}
    assert httpx.get(f"{own_server.app}/export/ris", timeout=30).status_code == 200
    assert own_server.persons() == 2  # the write refused during the fault left nothing behind
