"""The timeline page over the shipped sample dataset (`chronology sample`), in headless Chromium."""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlparse

import pytest
from sqlalchemy import create_engine, text

from chronology.graphql.runtime.ids import encode_id
from tests.web.conftest import own_database, serving

if TYPE_CHECKING:
    from playwright.sync_api import Page

if importlib.util.find_spec("chronology.sample.load") is None:
    pytest.skip("the sample dataset loader is not in this tree", allow_module_level=True)


@dataclass(frozen=True)
class SampleServer:
    """A server over the sample, and the records of its first poll by telegram."""

    url: str
    telegram: str
    decision: str
    voters: int


@pytest.fixture(scope="module")
def sample_server(server_url: str, template_database: str) -> Iterator[SampleServer]:
    """Load the sample into a database of this module's own and serve it."""
    from chronology.sample.load import load_sample

    with own_database(server_url, template_database, "sample") as url:
        engine = create_engine(url)
        assert load_sample(engine).ok
        with engine.connect() as connection:
            # The 15 January 1936 telegram proposed a decision that the Politburo took by poll.
            poll = connection.execute(
                text(
                    "SELECT r.source_id AS telegram, r.target_id AS decision, "
                    "(SELECT count(*) FROM votes v WHERE v.decision_id = r.target_id) AS voters "
                    "FROM relations r JOIN documents d ON d.id = r.source_id "
                    "WHERE r.type = 'proposes' AND d.date_edtf = '1936-01-15' ORDER BY r.id LIMIT 1"
                )
            ).one()
        engine.dispose()
        with serving(url) as base:
            yield SampleServer(
                url=base,
                telegram=encode_id("Document", poll.telegram),
                decision=encode_id("Decision", poll.decision),
                voters=poll.voters,
            )


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#chronology-timeline[data-ready=true][data-loaded]")
    page.wait_for_selector("#chronology-timeline[data-busy=false]")


def test_the_sample_fits_its_years_and_stays_fast_zoomed_out(page: Page, sample_server: SampleServer) -> None:
    _open(page, f"{sample_server.url}/timeline")
    query = parse_qs(urlparse(page.url).query)
    assert query["from"][0] < "1931-01-01"
    assert query["to"][0] > "1939-12-31"
    assert int(page.locator("#record-count").inner_text()) > 200
    started = time.monotonic()
    page.get_by_role("button", name="Zoom out").click()
    page.wait_for_function("new URLSearchParams(location.search).get('from') < '1928-01-01'")
    page.wait_for_selector("#chronology-timeline[data-busy=false]")
    assert time.monotonic() - started < 5
    assert page.locator("#density").get_attribute("data-bucket") in {"MONTH", "YEAR"}
    assert page.locator(".density-bar").count() > 5


def test_the_sample_person_in_a_variant_spelling(page: Page, sample_server: SampleServer) -> None:
    _open(page, f"{sample_server.url}/timeline")
    everything = int(page.locator("#record-count").inner_text())
    box = page.get_by_role("combobox", name="Person")
    box.fill("Yezhav")
    page.get_by_role("option").first.wait_for()
    assert page.get_by_role("option").first.inner_text().startswith("Nikolai Ivanovich Yezhov")
    page.keyboard.press("Enter")
    page.wait_for_function("new URLSearchParams(location.search).has('person')")
    page.wait_for_selector("#chronology-timeline[data-busy=false]")
    page.wait_for_function(f"Number(document.querySelector('#record-count').textContent) < {everything}")
    assert int(page.locator("#record-count").inner_text()) > 0
    assert page.get_by_role("combobox", name="Person").input_value() == "Nikolai Ivanovich Yezhov"


def test_the_sample_chain_from_telegram_to_decision(page: Page, sample_server: SampleServer) -> None:
    _open(page, f"{sample_server.url}/timeline?from=1936-01-10&to=1936-01-25")
    page.locator(f'.vis-item[data-id="{sample_server.telegram}"]').click()
    chain = page.locator("#chain")
    chain.locator(".chain-node.current").wait_for()
    assert chain.locator(".chain-vote").count() == sample_server.voters > 0
    chain.locator(f'.chain-node[data-id="{sample_server.decision}"]').click()
    page.wait_for_function(f"document.querySelector('#details').dataset.id === '{sample_server.decision}'")
    assert page.locator("#details .votes li").count() == sample_server.voters
    page.get_by_text("Export this view").click()
    href = page.locator('#export-links a[data-format="csl"]').get_attribute("href") or ""
    assert href.startswith("/export/csl?from=")
