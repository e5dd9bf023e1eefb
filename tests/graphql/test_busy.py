"""Executions in flight are capped per process: past the cap a request waits its turn, then gets 503 BUSY."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from starlette.testclient import TestClient

from chronology.app import create_app
from chronology.graphql.http import GraphQLEndpoint
from chronology.settings import Settings
from tests.graphql.conftest import GraphQLClient


class HeldView:
    """An ASGI view that answers only once released, standing in for a slow execution."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.entered = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        self.entered += 1
        await self.release.wait()
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": b'{"data":{}}'})


async def _request(app: Any) -> dict[str, Any]:
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/graphql",
        "query_string": b"",
        "headers": [(b"content-type", b"application/json")],
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b'{"query": "{ __typename }"}', "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return {"status": start["status"], "headers": dict(start["headers"]), "body": json.loads(body)}


def test_past_the_cap_a_request_waits_then_is_told_busy() -> None:
    async def run() -> None:
        view = HeldView()
        endpoint = GraphQLEndpoint(view, max_in_flight=2, busy_wait_ms=50)
        held = [asyncio.create_task(_request(endpoint)) for _ in range(2)]
        while view.entered < 2:
            await asyncio.sleep(0)
        refused = await _request(endpoint)
        assert refused["status"] == 503
        assert refused["headers"][b"retry-after"] == b"1"
        assert refused["headers"][b"content-type"].startswith(b"application/graphql-response+json")
        assert refused["body"]["errors"][0]["extensions"]["code"] == "BUSY"
        assert view.entered == 2  # the refused request never reached the view
        view.release.set()
        assert [answer["status"] for answer in await asyncio.gather(*held)] == [200, 200]
        # Its turn freed, the next request is answered.
        assert (await _request(endpoint))["status"] == 200

    asyncio.run(run())


def test_a_request_waiting_its_turn_is_answered_when_a_slot_frees() -> None:
    async def run() -> None:
        view = HeldView()
        endpoint = GraphQLEndpoint(view, max_in_flight=1, busy_wait_ms=60_000)
        first = asyncio.create_task(_request(endpoint))
        while view.entered < 1:
            await asyncio.sleep(0)
        second = asyncio.create_task(_request(endpoint))
        for _ in range(20):
            await asyncio.sleep(0)
        assert view.entered == 1  # queued, not refused
        view.release.set()
        assert [(await first)["status"], (await second)["status"]] == [200, 200]

    asyncio.run(run())


def test_the_cap_is_a_setting_of_the_live_app(fresh_database: str) -> None:
    settings = Settings.from_environment({"CHRONOLOGY_MAX_IN_FLIGHT": "1", "CHRONOLOGY_BUSY_WAIT_MS": "10"})
    assert (settings.max_in_flight, settings.busy_wait_ms) == (1, 10)
    with TestClient(create_app(settings, database_url=fresh_database)) as http:
        for _ in range(3):  # one at a time, each slot given back
            assert GraphQLClient(http).data("{ __typename }") == {"__typename": "Query"}


class ReadingView:
    """An ASGI view that reads the whole body before answering."""

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        while (await receive()).get("more_body"):
            pass
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})


def test_a_client_that_stops_sending_its_body_gets_408_and_frees_its_turn(monkeypatch: Any) -> None:
    from chronology.graphql import http

    monkeypatch.setattr(http, "BODY_TIMEOUT_S", 0.01)

    async def run() -> None:
        endpoint = GraphQLEndpoint(ReadingView(), max_in_flight=1, busy_wait_ms=60_000)
        stalled = asyncio.Event()  # never set: the client sent half a body and went quiet
        parts = iter([{"type": "http.request", "body": b'{"query": "{', "more_body": True}])
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            part = next(parts, None)
            if part is None:
                await stalled.wait()
            assert part is not None
            return part

        async def send(message: Any) -> None:
            sent.append(message)

        scope = {"type": "http", "method": "POST", "path": "/graphql", "query_string": b"", "headers": []}
        await endpoint(scope, receive, send)
        assert sent[0]["status"] == 408
        assert json.loads(sent[1]["body"])["errors"][0]["extensions"]["code"] == "TIMEOUT"
        # The slot was given back: the next request is answered.
        assert (await _request(endpoint))["status"] == 200

    asyncio.run(run())
