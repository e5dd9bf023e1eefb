"""HTTP exports never answer 200 with a cut-off body: a bounded gate, caps that abort the transfer, errors first."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Iterator

import httpx2 as httpx
import pytest
from sqlalchemy import create_engine, text

from chronology.settings import Settings
from tests.web.conftest import serving


def _complete(url: str) -> tuple[int, bytes]:
    """Download URL to the end and return its status and body (raises if the transfer is cut short)."""
    with httpx.stream("GET", url, timeout=60) as response:
        return response.status_code, response.read()


@pytest.fixture(scope="module")
def full_size(seeded_database: str) -> int:
    """Return the size of the whole RIS export of the seeded database."""
    with serving(seeded_database) as app:
        status, body = _complete(f"{app}/export/ris")
    assert status == 200
    return len(body)


@pytest.mark.parametrize("cap", [1, 100, 0.6])
def test_an_export_past_the_size_cap_is_an_incomplete_transfer(
    seeded_database: str, full_size: int, cap: float
) -> None:
    limit = int(cap * full_size) if cap < 1 else cap
    settings = dataclasses.replace(Settings(), export_max_bytes=int(limit))
    with serving(seeded_database, settings) as app:
        with pytest.raises(httpx.RemoteProtocolError):  # the client sees the cut; it never gets a "complete" file
            _complete(f"{app}/export/ris")
        # The slot was given back: an export within the cap still completes on the same service.
        status, body = _complete(f"{app}/export/ris?from=1800-01-01&to=1800-12-31")
        assert status == 200
        assert len(body) <= limit


def test_an_export_within_the_caps_completes(seeded_database: str, full_size: int) -> None:
    settings = dataclasses.replace(Settings(), export_max_bytes=full_size)
    with serving(seeded_database, settings) as app:
        status, body = _complete(f"{app}/export/ris")
    assert status == 200
    assert len(body) == full_size


def test_an_export_past_the_time_cap_is_an_incomplete_transfer(seeded_database: str) -> None:
    # No cap of seconds can be zero from the environment; here it makes every export overrun at its first check.
    settings = dataclasses.replace(Settings(), export_max_seconds=0)
    with serving(seeded_database, settings) as app, pytest.raises(httpx.RemoteProtocolError):
        _complete(f"{app}/export/tei")


@pytest.fixture
def locked_documents(seeded_database: str) -> Iterator[threading.Event]:
    """Hold a lock on the documents table (exports wait on it) until the yielded event is set."""
    release = threading.Event()
    locked = threading.Event()

    def hold() -> None:
        engine = create_engine(seeded_database)
        with engine.connect() as connection, connection.begin():
            connection.execute(text("LOCK TABLE documents IN ACCESS EXCLUSIVE MODE"))
            locked.set()
            release.wait(60)
        engine.dispose()

    holder = threading.Thread(target=hold, daemon=True)
    holder.start()
    assert locked.wait(30)
    yield release
    release.set()
    holder.join(30)


def _waiting_exports(database: str) -> int:
    engine = create_engine(database)
    try:
        with engine.connect() as connection:
            query = (
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )
            return int(connection.execute(text(query)).scalar_one())
    finally:
        engine.dispose()


def _until(condition: object, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "the condition was not reached"
        time.sleep(0.05)


@pytest.mark.parametrize("queue", [0, 1])
def test_exports_beyond_the_slots_and_the_queue_are_busy(
    seeded_database: str, locked_documents: threading.Event, queue: int
) -> None:
    settings = dataclasses.replace(Settings(), export_concurrency=1, export_queue=queue)
    answers: list[tuple[int, bytes]] = []
    with serving(seeded_database, settings) as app:
        first = threading.Thread(target=lambda: answers.append(_complete(f"{app}/export/ris")))
        first.start()
        _until(lambda: _waiting_exports(seeded_database) == 1)  # the first export holds the one slot
        queued = [
            threading.Thread(target=lambda: answers.append(_complete(f"{app}/export/gexf"))) for _ in range(queue)
        ]
        for thread in queued:
            thread.start()
        if queue:
            time.sleep(0.5)  # give the queued request time to reach the gate
        refused = httpx.get(f"{app}/export/csl", timeout=30)
        assert refused.status_code == 503
        assert refused.json()["error"]["code"] == "BUSY"
        assert refused.headers["retry-after"].isdigit()
        locked_documents.set()
        first.join(60)
        for thread in queued:
            thread.join(60)
    assert [status for status, _ in answers] == [200] * (1 + queue)
    assert all(body for _, body in answers)


def test_a_failure_after_the_headers_is_an_incomplete_transfer(seeded_database: str) -> None:
    # The JSON-LD export reads persons first (before the headers) and events last: a lock on the events
    # makes the export's late statement overrun its timeout after the answer has started.
    settings = dataclasses.replace(Settings(), statement_timeout_ms=1_000)
    engine = create_engine(seeded_database)
    try:
        with serving(seeded_database, settings) as app, engine.connect() as other, other.begin():
            other.execute(text("LOCK TABLE events IN ACCESS EXCLUSIVE MODE"))
            with httpx.stream("GET", f"{app}/export/jsonld", timeout=60) as response:
                assert response.status_code == 200  # the first step succeeded: the answer had started
                with pytest.raises(httpx.RemoteProtocolError):
                    response.read()
    finally:
        engine.dispose()
