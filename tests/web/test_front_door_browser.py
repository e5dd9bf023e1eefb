"""The front door in Chromium: the landing page, a record page, and GraphiQL with every other host blocked."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from tests.web.conftest import Server

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"

if TYPE_CHECKING:
    from playwright.sync_api import Page, Route


def _block_other_hosts(page: Page, server: Server) -> list[str]:
    """Abort every request that is not to the test server; return the list of those tried."""
    own = urlparse(server.url).netloc
    tried: list[str] = []

    def handle(route: Route) -> None:
        url = route.request.url
        if urlparse(url).netloc == own or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            tried.append(url)
            route.abort()

    page.route("**/*", handle)
    return tried


def _violations(page: Page) -> list[str]:
    """Run axe-core on the page (WCAG 2.1 A and AA) and return its violations, one line each."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}))"
        ".violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
    )
    return list(found)


def test_the_landing_page_reads_without_javascript(page: Page, server: Server) -> None:
    page.context.set_extra_http_headers({})
    tried = _block_other_hosts(page, server)
    page.goto(f"{server.url}/")
    assert page.locator("h1").inner_text() == "Chronology"
    assert page.locator('[data-count="documents"]').inner_text() == "5"
    assert page.get_by_role("link", name="The timeline").is_visible()
    assert page.get_by_role("link", name="GraphiQL").first.is_visible()
    assert tried == []
    assert _violations(page) == []
    # The check can fail: an image without a text alternative is reported.
    page.set_content('<!doctype html><html lang="en"><title>t</title><main><img src="data:,"></main></html>')
    assert any(line.startswith("image-alt") for line in _violations(page))


def test_a_person_page_shows_the_name_forms(page: Page, server: Server) -> None:
    tried = _block_other_hosts(page, server)
    page.goto(f"{server.url}/persons/{server.gid('Person', server.sample.yezhov)}")
    assert page.locator("h1").inner_text() == "Nikolai Ivanovich Yezhov"
    assert page.get_by_text("Yezhav").is_visible()
    assert page.get_by_role("heading", name="Cite this record").is_visible()
    assert tried == []
    assert _violations(page) == []


def test_document_and_decision_pages_are_accessible(page: Page, server: Server) -> None:
    for path in (
        f"/documents/{server.gid('Document', server.sample.telegram)}",
        f"/decisions/{server.gid('Decision', server.sample.decision)}",
        f"/events/{server.gid('Event', server.sample.trial)}",
    ):
        page.goto(f"{server.url}{path}")
        assert page.locator("h1").is_visible()
        assert _violations(page) == [], path


def test_graphiql_runs_a_query_offline(page: Page, server: Server) -> None:
    tried = _block_other_hosts(page, server)
    page.goto(f"{server.url}/graphql", wait_until="load")
    editor = page.locator(".graphiql-query-editor .CodeMirror").first
    editor.wait_for(state="visible", timeout=20_000)
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type('{ persons(search: "Ezhov") { nodes { canonicalName key } } ', delay=5)
    page.locator(".graphiql-execute-button").click()
    response = page.locator(".graphiql-response")
    response.get_by_text("Nikolai Ivanovich Yezhov").wait_for(timeout=20_000)
    explorer = page.get_by_role("button", name=re.compile("GraphiQL Explorer"))
    explorer.click()
    page.get_by_text("persons").first.wait_for(timeout=10_000)  # the explorer lists the query fields
    assert tried == [], tried
