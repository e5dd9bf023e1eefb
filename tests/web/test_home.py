"""The landing page at `/` and the schema file at `/schema.graphql`, through HTTP."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from chronology.app import create_app
from chronology.settings import Settings
from tests.web import dataset
from tests.web.sampled import sampled_client

SCHEMA_FILE = Path(__file__).parents[2] / "schema.graphql"


@pytest.fixture(scope="module")
def sampled(server_url: str, template_database: str) -> Iterator[tuple[TestClient, dataset.Sample]]:
    """A client over the sample, served in development (GraphiQL on)."""
    with sampled_client(server_url, template_database, Settings()) as pair:
        yield pair


def _count(page: str, family: str) -> int:
    found = re.search(rf'data-count="{family}">([\d,]+)<', page)
    assert found, f"no count of {family}"
    return int(found.group(1).replace(",", ""))


def test_the_landing_page_counts_what_the_service_holds(sampled: tuple[TestClient, dataset.Sample]) -> None:
    http, _ = sampled
    page = http.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    text = page.text
    # The sample: a telegram, a decree, a memorandum, a doubtful and an early letter; one decision; a trial.
    assert _count(text, "documents") == 5
    assert _count(text, "decisions") == 1
    assert _count(text, "events") == 1
    assert _count(text, "persons") >= 2
    assert '<time datetime="1936-' in text or '<time datetime="1935-' in text
    assert "<script" not in text  # readable without JavaScript: nothing on it needs a script


def test_the_landing_page_links_every_door(sampled: tuple[TestClient, dataset.Sample]) -> None:
    http, _ = sampled
    text = http.get("/").text
    for link in ('href="/timeline"', 'href="/schema.graphql"', 'href="/graphql"', 'href="/export/bibtex"'):
        assert link in text, link
    for target in re.findall(r'href="(/[^"#?]*)', text):
        if target.startswith("/export/"):
            continue  # the exports are tested in their own module; here only that they are linked
        assert http.get(target).status_code == 200, target


def test_an_empty_service_says_so(fresh_database: str) -> None:
    with TestClient(create_app(Settings(), database_url=fresh_database)) as http:
        text = http.get("/").text
    assert _count(text, "documents") == 0
    assert "No dated records yet" in text


def test_production_hides_graphiql_and_locked_reading_hides_the_counts(fresh_database: str) -> None:
    settings = Settings(environment="production", anonymous_read=False)
    with TestClient(create_app(settings, database_url=fresh_database)) as http:
        page = http.get("/")
    assert page.status_code == 200
    assert 'href="/graphql"' not in page.text
    assert "data-count" not in page.text
    assert "needs a token" in page.text


def test_the_schema_is_served_as_checked_in(sampled: tuple[TestClient, dataset.Sample]) -> None:
    http, _ = sampled
    served = http.get("/schema.graphql")
    assert served.status_code == 200
    assert served.headers["content-type"].startswith("application/graphql")
    assert served.text == SCHEMA_FILE.read_text(encoding="utf-8")


def test_the_public_url_names_the_permalinks(server_url: str, template_database: str) -> None:
    settings = Settings(public_url="https://chronology.example.org/archive")
    with sampled_client(server_url, template_database, settings) as (http, _):
        text = http.get("/").text
    assert "https://chronology.example.org/archive/" in text
    assert Settings.from_environment({"CHRONOLOGY_PUBLIC_URL": "https://x.example/ "}).public_url == "https://x.example"


def test_graphiql_is_served_from_this_package(sampled: tuple[TestClient, dataset.Sample]) -> None:
    http, _ = sampled
    page = http.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert re.search(r'src="/static/graphiql\.js\?v=[0-9a-f]{16}"', page.text)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page.text)  # nothing from a CDN
    assert "connect-src 'self'" in page.headers["content-security-policy"]
    assert http.get("/static/graphiql.js").status_code == 200
    assert http.get("/static/graphiql.css").status_code == 200


def test_production_serves_no_ide(fresh_database: str) -> None:
    with TestClient(create_app(Settings(environment="production"), database_url=fresh_database)) as http:
        page = http.get("/graphql", headers={"Accept": "text/html"})
    assert "graphiql.js" not in page.text


def test_every_page_has_the_favicon(sampled: tuple[TestClient, dataset.Sample]) -> None:
    http, _ = sampled
    for path in ("/", "/timeline", "/persons/yezhov"):
        icon = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', http.get(path).text)
        assert icon, path
        assert http.get(icon.group(1)).headers["content-type"].startswith("image/svg+xml")
    fallback = http.get("/favicon.ico")
    assert fallback.status_code == 200
    assert fallback.content.startswith(b"<svg")
