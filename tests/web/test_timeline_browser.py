"""The timeline page in headless Chromium, against a real server holding the sample record."""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlparse

from tests.web.conftest import Server

if TYPE_CHECKING:
    from playwright.sync_api import Page


def _open(page: Page, server: Server, query: str = "", path: str = "/timeline") -> None:
    page.goto(f"{server.url}{path}{query}")
    page.wait_for_selector("#chronology-timeline[data-ready=true][data-loaded]")
    page.wait_for_selector("#chronology-timeline[data-busy=false]")


def _query(page: Page) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlparse(page.url).query).items()}


def _item(page: Page, gid: str) -> str:
    return f'.vis-item[data-id="{gid}"]'


def _days(query: dict[str, str]) -> int:
    from datetime import date

    return (date.fromisoformat(query["to"]) - date.fromisoformat(query["from"])).days


def test_the_page_draws_records_fuzzy_dates_and_density(page: Page, server: Server) -> None:
    _open(page, server)
    sample = server.sample
    assert page.locator(".vis-item[data-id]").count() >= 6
    memorandum = page.locator(_item(page, server.gid("Document", sample.memorandum)))
    classes = memorandum.get_attribute("class") or ""
    assert "vis-range" in classes
    assert "fuzzy" in classes
    doubtful = page.locator(_item(page, server.gid("Document", sample.doubtful_letter)))
    assert "q-uncertain" in (doubtful.get_attribute("class") or "")
    telegram = page.locator(_item(page, server.gid("Document", sample.telegram)))
    assert "vis-point" in (telegram.get_attribute("class") or "")
    assert page.locator(".density-bar").count() > 0
    memorandum.hover()
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible")
    assert "August 1936" in tooltip.inner_text()
    assert "1936-08-01" in tooltip.inner_text()
    query = _query(page)
    assert query["from"] <= "1935-09-02"
    assert query["to"] >= "1936-08-31"


def test_zoom_with_buttons_and_keys_and_far_out(page: Page, server: Server) -> None:
    _open(page, server, "?from=1936-07-01&to=1936-10-01")
    before = _days(_query(page))
    page.get_by_role("button", name="Zoom in").click()
    page.wait_for_function("new URLSearchParams(location.search).get('from') > '1936-07-01'")
    zoomed = _days(_query(page))
    assert zoomed < before * 0.8
    page.locator("#timeline").focus()
    page.keyboard.press("-")
    page.wait_for_function(f"new URLSearchParams(location.search).get('from') < '{_query(page)['from']}'")
    assert _days(_query(page)) > zoomed
    # Decades at once: the density strip switches to yearly bars and answers quickly.
    started = time.monotonic()
    _open(page, server, "?from=1900-01-01&to=1999-12-31")
    assert time.monotonic() - started < 10
    assert page.locator("#density").get_attribute("data-bucket") == "YEAR"
    assert page.locator(".density-bar").count() == 2  # 1935 and 1936


def test_filter_by_a_person_typed_in_a_variant_spelling(page: Page, server: Server) -> None:
    _open(page, server)
    sample = server.sample
    box = page.get_by_role("combobox", name="Person")
    box.fill("Ezhov")
    option = page.get_by_role("option").first
    option.wait_for()
    assert "Nikolai Ivanovich Yezhov" in option.inner_text()
    assert "Ezhov" in option.inner_text()
    box.press("Enter")
    yezhov = server.gid("Person", sample.yezhov)
    page.wait_for_function(f"new URLSearchParams(location.search).get('person') === '{yezhov}'")
    page.wait_for_selector("#chronology-timeline[data-busy=false]")
    page.wait_for_function("document.querySelectorAll('.vis-item[data-id]').length === 2")
    assert page.locator(_item(page, server.gid("Document", sample.memorandum))).count() == 1
    assert page.locator(_item(page, server.gid("Event", sample.trial))).count() == 1
    assert page.locator(_item(page, server.gid("Document", sample.telegram))).count() == 0
    # The URL is the view: opened afresh, it shows the same person and records.
    shared = page.url
    _open(page, server, "?" + urlparse(shared).query)
    assert page.get_by_role("combobox", name="Person").input_value() == "Nikolai Ivanovich Yezhov"
    assert page.locator(".vis-item[data-id]").count() == 2


def test_select_a_telegram_and_see_its_votes_and_decision(page: Page, server: Server) -> None:
    _open(page, server, "?from=1936-08-10&to=1936-08-27")
    sample = server.sample
    page.locator(_item(page, server.gid("Document", sample.telegram))).click()
    details = page.locator("#details")
    page.wait_for_selector("#details-heading")
    assert details.locator("h2").inner_text() == "Kaganovich to Stalin August 17, 1936"
    text = details.inner_text()
    assert "17 August [1936]" in text or "August 17 [1936]" in text
    assert "Lazar Moiseevich Kaganovich" in text
    assert "no. 136" in text
    citation = details.locator("#citation").inner_text()
    assert citation.startswith("RGASPI, f. 558, op. 11, d. 93")
    details.get_by_role("button", name="Copy").click()
    page.wait_for_selector(".copy[data-copied=true]")
    chain = page.locator("#chain")
    chain.locator(".chain-node").first.wait_for()
    assert chain.locator(".chain-vote").count() == 4
    assert chain.locator(".chain-decision").count() == 1
    assert chain.locator(".chain-document").count() == 2  # the telegram and the decree
    assert chain.locator(".chain-node.current").get_attribute("data-id") == server.gid("Document", sample.telegram)

    # Drawn in the order of events: telegram, then the votes, the decision, the decree.
    def top(css: str) -> float:
        box = chain.locator(css).first.bounding_box()
        assert box is not None
        return box["y"]

    decree = server.gid("Document", sample.decree)
    assert top(".chain-node.current") < top(".chain-vote") < top(".chain-decision") < top(f'[data-id="{decree}"]')
    assert _query(page)["selected"] == server.gid("Document", sample.telegram)


def test_follow_the_chain_from_telegram_to_decree(page: Page, server: Server) -> None:
    sample = server.sample
    telegram = server.gid("Document", sample.telegram)
    _open(page, server, f"?from=1936-08-01&to=1936-08-19&selected={telegram}")
    chain = page.locator("#chain")
    decision = server.gid("Decision", sample.decision)
    chain.locator(f'.chain-node[data-id="{decision}"]').click()
    page.wait_for_function(f"document.querySelector('#details').dataset.id === '{decision}'")
    details = page.locator("#details").inner_text()
    assert "On the repair of freight wagons" in details
    assert "Viacheslav Mikhailovich Molotov" in details
    # The decree lies outside the window; choosing it from the keyboard moves the timeline there.
    decree = server.gid("Document", sample.decree)
    node = chain.locator(f'.chain-node[data-id="{decree}"]')
    node.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelector('#details').dataset.id === '{decree}'")
    page.wait_for_selector(f"{_item(page, decree)}.vis-selected")
    page.wait_for_function("new URLSearchParams(location.search).get('to') >= '1936-08-21'")
    assert page.locator("#details h2").inner_text().startswith("Decree of the CC and SNK")


def test_keyboard_steps_through_records(page: Page, server: Server) -> None:
    _open(page, server, "?from=1936-08-01&to=1936-09-01")
    page.locator("#timeline").focus()
    shown = "document.querySelector('#details').dataset.id"
    selected = "document.querySelector('.vis-item.vis-selected')?.dataset.id"
    page.keyboard.press("j")
    page.wait_for_function(f"{shown} && {shown} === {selected}")
    first = page.locator("#details").get_attribute("data-id")
    page.keyboard.press("j")
    page.wait_for_function(f"{shown} !== '{first}' && {shown} === {selected}")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "details-heading"


def test_export_the_view(page: Page, server: Server) -> None:
    _open(page, server, "?from=1936-08-01&to=1936-09-01")
    page.get_by_label("Kind", exact=True).select_option("document:cipher_telegram")
    page.wait_for_function("new URLSearchParams(location.search).get('kind') === 'document:cipher_telegram'")
    page.wait_for_selector("#chronology-timeline[data-busy=false]")
    page.wait_for_function("document.querySelectorAll('.vis-item[data-id]').length === 1")
    page.get_by_text("Export this view").click()
    # The links and the address in one read: the view may still settle (a late `rangechanged`),
    # and both are updated together, so only a simultaneous reading can be compared.
    hrefs, address = page.evaluate(
        "[[...document.querySelectorAll('#export-links a')].map((a) => a.getAttribute('href')), location.href]"
    )
    assert len(hrefs) == 8
    formats = {}
    for href in hrefs:
        match = re.fullmatch(r"/export/(\w+)\?(.*)", href or "")
        assert match, href
        formats[match.group(1)] = parse_qs(match.group(2))
    assert set(formats) == {"datapackage", "tei", "jsonld", "timelinejs", "csl", "bibtex", "ris", "gexf"}
    view = {key: values[0] for key, values in parse_qs(urlparse(address).query).items()}
    for params in formats.values():
        assert params["kind"] == ["document:cipher_telegram"]
        assert params["from"] == [view["from"]]
        assert params["to"] == [view["to"]]
        assert "selected" not in params


def test_embed_has_no_chrome_and_keeps_the_filter(page: Page, server: Server) -> None:
    yezhov = server.gid("Person", server.sample.yezhov)
    page.set_viewport_size({"width": 900, "height": 560})
    _open(page, server, f"?person={yezhov}", path="/timeline/embed")
    assert page.locator(".page-header").count() == 0
    assert page.locator("#filters").is_hidden()
    assert page.locator(".vis-item[data-id]").count() == 2
    full = page.get_by_role("link", name="Open in Chronology").get_attribute("href") or ""
    assert full.startswith("/timeline?")
    assert f"person={yezhov}" in full
