"""A real server on a sample database, and headless Chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import shutil
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import uvicorn
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from chronology.app import create_app
from chronology.graphql.runtime.ids import encode_id
from chronology.settings import Settings
from tests.conftest import RUN, create_database, drop_database
from tests.web import dataset

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

SCREENSHOTS = Path(__file__).parents[2] / "artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def chromium_path() -> str | None:
    """Return Debian's chromium, if installed."""
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@dataclass(frozen=True)
class Server:
    """A running service and the ids of its sample records."""

    url: str
    sample: dataset.Sample

    def gid(self, type_name: str, pk: int) -> str:
        """Return a record's global id."""
        return encode_id(type_name, pk)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextlib.contextmanager
def serving(database_url: str, settings: Settings | None = None) -> Iterator[str]:
    """Run the app on 127.0.0.1 and a free port in a thread; yield its base URL."""
    port = _free_port()
    app = create_app(settings or Settings(), database_url=database_url)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", ws="none")
    service = uvicorn.Server(config)
    thread = threading.Thread(target=service.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not service.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        service.should_exit = True
        thread.join(timeout=10)


@contextlib.contextmanager
def own_database(server_url: str, template_database: str, label: str) -> Iterator[str]:
    """Yield the URL of a migrated database for one test module, dropped afterwards."""
    name = f"chronology_test_{RUN}_{uuid.uuid4().hex[:8]}_{label}"
    url = create_database(server_url, name, template=template_database)
    try:
        yield url
    finally:
        drop_database(server_url, name)


@pytest.fixture(scope="module")
def server(server_url: str, template_database: str) -> Iterator[Server]:
    """Serve the app over a database holding the tests' own small record."""
    with own_database(server_url, template_database, "web") as url:
        engine = create_engine(url)
        with Session(engine) as session:
            sample = dataset.build(session)
        engine.dispose()
        with serving(url) as base:
            yield Server(url=base, sample=sample)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Launch headless Chromium, or skip when Debian's chromium is not installed."""
    executable = chromium_path()
    if executable is None:
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium; .ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """Open a laptop-sized page; save a screenshot named after the test when it ends."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, timezone_id="America/New_York")
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield opened
    finally:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        opened.screenshot(path=str(SCREENSHOTS / f"{request.node.name}.png"), full_page=True)
        context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"
