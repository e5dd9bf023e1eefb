"""The timeline pages, their built assets and licences, and CORS for widgets on other origins."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from chronology.app import create_app
from chronology.settings import Settings
from chronology.web.assets import STATIC

WEB = Path(__file__).parents[2] / "web"
LICENCES = STATIC / "licenses" / "THIRD-PARTY-LICENSES.txt"


@pytest.fixture
def http(fresh_database: str) -> Iterator[TestClient]:
    """A client of the app with no CORS origins configured."""
    with TestClient(create_app(Settings(), database_url=fresh_database)) as client:
        yield client


def test_the_built_assets_exist_and_are_small() -> None:
    script = STATIC / "timeline.js"
    style = STATIC / "timeline.css"
    assert script.stat().st_size > 50_000  # vis-timeline is in it, not fetched from elsewhere
    assert script.stat().st_size < 700_000
    assert style.stat().st_size > 5_000
    assert "THIRD-PARTY-LICENSES" in script.read_text(encoding="utf-8")[:300]


def test_a_licence_is_listed_and_shipped_for_each_bundled_package() -> None:
    listing = LICENCES.read_text(encoding="utf-8")
    listed = set(re.findall(r"^(\S+) \d+\.\d+\.\d+", listing, flags=re.MULTILINE))
    assert {"vis-timeline", "vis-data", "vis-util", "moment", "@egjs/hammerjs", "xss"} <= listed
    # Every package the page depends on at run time is bundled, so each needs its licence.
    manifest = json.loads((WEB / "package.json").read_text(encoding="utf-8"))
    assert set(manifest["dependencies"]) <= listed
    texts = re.findall(r"^  text: (\S+)$", listing, flags=re.MULTILINE)
    assert len(texts) >= len(listed)
    for text in texts:
        assert (STATIC / text).stat().st_size > 200, text


def test_nothing_is_loaded_from_another_site() -> None:
    template = (Path(__file__).parents[2] / "chronology" / "web" / "templates" / "timeline.html").read_text(
        encoding="utf-8"
    )
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", template)
    style = (STATIC / "timeline.css").read_text(encoding="utf-8")
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", style)
    assert not re.search(r"@import", style)


def test_the_page_and_the_embed(http: TestClient) -> None:
    page = http.get("/timeline?person=UGVyc29uOjE")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert 'src="/static/timeline.js' in page.text
    assert 'data-graphql="/graphql"' in page.text
    assert 'class="page-header"' in page.text
    assert "frame-ancestors 'self'" in page.headers["content-security-policy"]
    embed = http.get("/timeline/embed")
    assert embed.status_code == 200
    assert 'class="page-header"' not in embed.text
    assert 'data-mode="embed"' in embed.text
    assert "content-security-policy" not in embed.headers  # other sites may frame it


def test_static_assets_and_licences_are_served(http: TestClient) -> None:
    script = http.get("/static/timeline.js")
    assert script.status_code == 200
    assert "javascript" in script.headers["content-type"]
    assert http.get("/static/timeline.css").headers["content-type"].startswith("text/css")
    licences = http.get("/static/licenses/THIRD-PARTY-LICENSES.txt")
    assert licences.status_code == 200
    assert "vis-timeline" in licences.text
    assert http.get("/static/../pages.py").status_code == 404


def test_no_cors_headers_unless_origins_are_configured(http: TestClient) -> None:
    response = http.post("/graphql", json={"query": "{ bodies { id } }"}, headers={"Origin": "https://example.org"})
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers


def test_cors_for_configured_origins(fresh_database: str) -> None:
    settings = Settings(cors_origins=("https://museum.example",))
    with TestClient(create_app(settings, database_url=fresh_database)) as http:
        preflight = http.options(
            "/graphql",
            headers={
                "Origin": "https://museum.example",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            },
        )
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == "https://museum.example"
        assert "POST" in preflight.headers["access-control-allow-methods"]
        assert "content-type" in preflight.headers["access-control-allow-headers"].lower()
        answer = http.post(
            "/graphql", json={"query": "{ bodies { id } }"}, headers={"Origin": "https://museum.example"}
        )
        assert answer.status_code == 200
        assert answer.headers["access-control-allow-origin"] == "https://museum.example"
        stranger = http.options(
            "/graphql",
            headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"},
        )
        assert stranger.status_code == 400
        assert "access-control-allow-origin" not in stranger.headers


def test_cors_origins_are_read_from_the_environment() -> None:
    settings = Settings.from_environment({"CHRONOLOGY_CORS_ORIGINS": "https://a.example, https://b.example"})
    assert settings.cors_origins == ("https://a.example", "https://b.example")
