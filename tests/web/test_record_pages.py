"""Record pages at their permanent addresses: what each shows, redirects, 404s and JSON-LD."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import ClassVar

import pytest
from starlette.testclient import TestClient

from chronology.graphql.runtime.ids import encode_id
from chronology.settings import Settings
from tests.web import dataset
from tests.web.sampled import sampled_client

BASE = "https://chronology.example.org"
LD = {"Accept": "application/ld+json"}


@pytest.fixture(scope="module")
def sampled(server_url: str, template_database: str) -> Iterator[tuple[TestClient, dataset.Sample]]:
    """A client over the sample, with a public URL other than the test client's host."""
    with sampled_client(server_url, template_database, Settings(public_url=BASE)) as pair:
        yield pair


class _Balance(HTMLParser):
    """Check that elements close in order and that every image and field has its text alternative."""

    VOID: ClassVar[set[str]] = {"meta", "link", "br", "img", "input", "hr"}

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.problems: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if named.get("id"):
            self.ids.append(str(named["id"]))
        if tag == "img" and "alt" not in named:
            self.problems.append("img without alt")
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
            return
        self.open.pop()


def assert_well_formed(page: str) -> None:
    """Assert the page's elements nest, its ids are unique, and it says its language."""
    checker = _Balance()
    checker.feed(page)
    assert not checker.problems, checker.problems
    assert checker.open == [], checker.open
    assert len(checker.ids) == len(set(checker.ids)), "duplicate ids"
    assert page.startswith('<!doctype html>\n<html lang="en">')
    assert page.count("<h1>") == 1


def test_a_telegram_page_shows_what_a_historian_checks(sampled: tuple[TestClient, dataset.Sample]) -> None:
    http, sample = sampled
    gid = encode_id("Document", sample.telegram)
    page = http.get(f"/documents/{gid}")
    assert page.status_code == 200, page.text
    text = page.text
    assert_well_formed(text)
    assert "<h1>Kaganovich to Stalin August 17, 1936</h1>" in text
    assert 'as printed: <span class="verbatim">August 17 [1936]</span>' in text  # the date as the source has it
    assert "(supplied)" in text  # and the editor's supplied year marked
    assert "RGASPI. F. 558. Op. 11. D. 93. L. 42–46" in text
    assert "The Stalin-Kaganovich Correspondence, 1931–36" in text
    assert "no. 136" in text
    assert "On the repair of freight wagons" in text  # the decision it led to
    assert "proposes" in text  # the chain, with the link named
    assert f'href="{BASE}/persons/yezhov"' not in text  # Yezhov is no party to it
    assert f'href="{BASE}/persons/{encode_id("Person", sample.kaganovich)}"' in text
    assert f'<a href="{BASE}/documents/{gid}">{BASE}/documents/{gid}</a>' in text  # cite this record
    assert page.headers["link"] == f'<{BASE}/documents/{gid}>; rel="canonical"'
    assert "Accept" in page.headers["vary"]


def test_a_decision_page_shows_votes_tally_and_documents_around_it(sampled: tuple[TestClient, dataset.Sample]) -> None:
    http, sample = sampled
    text = http.get(f"/decisions/{encode_id('Decision', sample.decision)}").text
    assert_well_formed(text)
    assert "Approves the wagon repair plan" in text  # the subject
    assert f'href="{BASE}/bodies/politburo"' in text
    assert re.search(r"Tally: 4 for, 0 against, 0 abstaining", text)
    assert text.count("cipher marks") == 4
    assert "Iosif Vissarionovich Stalin" in text
    before = text.split('id="before"')[1].split("</section>")[0]
    after = text.split('id="after"')[1].split("</section>")[0]
    assert "Kaganovich to Stalin August 17, 1936" in before
    assert "Decree of the CC and SNK" in after


def test_a_person_page_by_key_shows_name_forms_and_events(sampled: tuple[TestClient, dataset.Sample]) -> None:
    http, sample = sampled
    page = http.get("/persons/yezhov")
    assert page.status_code == 200
    assert_well_formed(page.text)
    assert "<h1>Nikolai Ivanovich Yezhov</h1>" in page.text
    for form in ("Ezhov", "Yezhav", "ocr error", "transliteration"):
        assert form in page.text, form
    assert "Trial of the Trotskyist-Zinovievite centre" in page.text
    assert f"/export/bibtex?person={encode_id('Person', sample.yezhov)}" in page.text


def test_a_body_and_an_event_page(sampled: tuple[TestClient, dataset.Sample]) -> None:
    http, sample = sampled
    body = http.get("/bodies/politburo")
    assert body.status_code == 200
    assert_well_formed(body.text)
    assert "Politburo of the Central Committee (PB)" in body.text
    event = http.get(f"/events/{encode_id('Event', sample.trial)}")
    assert event.status_code == 200
    assert_well_formed(event.text)
    assert "Nikolai Ivanovich Yezhov</a>, organiser" in event.text
    assert "19–24 August 1936" in event.text


@pytest.mark.parametrize(
    ("path", "family", "key"),
    [
        ("/persons/{yezhov}", "persons", "yezhov"),  # a global id of a keyed person goes to the key
        ("/records/{yezhov}", "persons", "yezhov"),
        ("/records/{telegram}", "documents", "{telegram}"),
        ("/decisions/{telegram}", "documents", "{telegram}"),  # the wrong family goes to the right one
    ],
)
def test_global_ids_redirect_to_the_permanent_address(
    sampled: tuple[TestClient, dataset.Sample], path: str, family: str, key: str
) -> None:
    http, sample = sampled
    ids = {"yezhov": encode_id("Person", sample.yezhov), "telegram": encode_id("Document", sample.telegram)}
    answer = http.get(path.format(**ids), follow_redirects=False)
    assert answer.status_code == 301
    assert answer.headers["location"] == f"/{family}/{key.format(**ids)}"
    assert http.get(path.format(**ids)).status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/persons/nobody", "/documents/not-an-id", "/documents/" + encode_id("Document", 999_999), "/records/%20"],
)
def test_unknown_records_answer_404_with_a_page(sampled: tuple[TestClient, dataset.Sample], path: str) -> None:
    http, _ = sampled
    page = http.get(path)
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "No such" in page.text
    assert http.get(path, headers=LD).json()["error"].startswith("no ")


def test_the_same_address_gives_json_ld(sampled: tuple[TestClient, dataset.Sample]) -> None:
    http, sample = sampled
    decision = encode_id("Decision", sample.decision)
    answer = http.get(f"/decisions/{decision}", headers=LD)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/ld+json")
    data = answer.json()
    assert data["@id"] == f"{BASE}/decisions/{decision}"
    assert data["chr:body"] == {"@id": f"{BASE}/bodies/politburo"}
    assert len(data["chr:votes"]) == 4
    assert data["temporalCoverage"]["@value"] == "1936-08-17"
    person = http.get("/persons/yezhov", headers=LD).json()
    assert person["@id"] == f"{BASE}/persons/yezhov"
    assert "Ezhov" in person["alternateName"]
    # A browser, which lists HTML first, gets the page.
    html = http.get("/persons/yezhov", headers={"Accept": "text/html,application/ld+json;q=0.9"})
    assert html.headers["content-type"].startswith("text/html")


def test_locked_reading_refuses_the_pages(server_url: str, template_database: str) -> None:
    with sampled_client(server_url, template_database, Settings(anonymous_read=False)) as (http, _):
        page = http.get("/persons/yezhov")
    assert page.status_code == 403
    assert "Yezhov" not in page.text


def test_every_page_query_is_valid_against_the_schema() -> None:
    from graphql import parse, validate

    from chronology.graphql.schema import build_schema
    from chronology.web.records.selections import QUERIES

    schema = build_schema(Settings())._schema
    for type_name, query in QUERIES.items():
        assert validate(schema, parse(query)) == [], type_name


def test_a_page_past_the_record_budget_is_a_503_not_a_500(
    sampled: tuple[TestClient, dataset.Sample], monkeypatch: pytest.MonkeyPatch
) -> None:
    http, sample = sampled
    monkeypatch.setattr("chronology.graphql.http.RECORD_BUDGET", 1)
    page = http.get(f"/decisions/{encode_id('Decision', sample.decision)}")  # four votes pass a budget of one
    assert page.status_code == 503
    assert "This page cannot be shown" in page.text
