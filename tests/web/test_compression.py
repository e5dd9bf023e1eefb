"""Compression of pages, scripts, API answers and exports, and long-lived caching of versioned assets."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from chronology.settings import Settings
from chronology.web.assets import FOREVER, asset_version
from tests.web import dataset
from tests.web.sampled import sampled_client

GZIP = {"Accept-Encoding": "gzip"}
PLAIN = {"Accept-Encoding": "identity"}


@pytest.fixture(scope="module")
def sampled(server_url: str, template_database: str) -> Iterator[tuple[TestClient, dataset.Sample]]:
    """A client over the sample."""
    with sampled_client(server_url, template_database, Settings()) as pair:
        yield pair


def _raw(
    http: TestClient, method: str, path: str, headers: dict[str, str], **kwargs: object
) -> tuple[int, dict[str, str], bytes]:
    """Return status, headers and the body as sent on the wire (not decoded by the client)."""
    with http.stream(method, path, headers=headers, **kwargs) as answer:  # type: ignore[arg-type]
        body = b"".join(answer.iter_raw())
        return answer.status_code, dict(answer.headers), body


@pytest.mark.parametrize(
    ("path", "media"),
    [
        ("/", "text/html"),
        ("/timeline", "text/html"),
        ("/static/timeline.js", "javascript"),
        ("/static/timeline.css", "text/css"),
        ("/schema.graphql", "application/graphql"),
        ("/export/jsonld", "application/ld+json"),
        ("/export/tei", "application/tei+xml"),
    ],
)
def test_answers_are_gzipped_when_asked_and_vary_by_encoding(
    sampled: tuple[TestClient, dataset.Sample], path: str, media: str
) -> None:
    http, _ = sampled
    status, headers, body = _raw(http, "GET", path, GZIP)
    assert status == 200
    assert media in headers["content-type"]
    assert headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in headers["vary"]
    unpacked = gzip.decompress(body)
    status, plain_headers, plain = _raw(http, "GET", path, PLAIN)
    assert "content-encoding" not in plain_headers
    assert "Accept-Encoding" in plain_headers["vary"]  # a cache must not hand the gzip to this client
    if not path.startswith("/export/"):  # an export names the time it was made
        assert unpacked == plain
    assert len(body) < len(plain)


def test_graphql_json_is_gzipped(sampled: tuple[TestClient, dataset.Sample]) -> None:
    http, _ = sampled
    query = '{ timeline(from: "1936-01-01", to: "1936-12-31") { items { id label displayDate } } }'
    query = query + " " * 600  # large enough to be worth compressing whatever the answer
    status, headers, body = _raw(http, "POST", "/graphql", GZIP, json={"query": query})
    assert status == 200
    assert headers["content-encoding"] == "gzip"
    assert b'"timeline"' in gzip.decompress(body)


def test_the_zipped_data_package_is_not_gzipped_again(sampled: tuple[TestClient, dataset.Sample]) -> None:
    http, _ = sampled
    status, headers, body = _raw(http, "GET", "/export/datapackage", GZIP)
    assert status == 200
    assert "content-encoding" not in headers
    assert body[:2] == b"PK"


def test_versioned_assets_are_cached_for_a_year_others_revalidate(sampled: tuple[TestClient, dataset.Sample]) -> None:
    http, _ = sampled
    page = http.get("/timeline").text
    script = re.search(r'src="(/static/timeline\.js\?v=([0-9a-f]+))"', page)
    assert script
    assert script.group(2) == asset_version("timeline.js")
    assert http.get(script.group(1)).headers["cache-control"] == FOREVER
    style = re.search(r'href="(/static/pages\.css\?v=[0-9a-f]+)"', http.get("/").text)
    assert style
    assert http.get(style.group(1)).headers["cache-control"] == FOREVER
    assert http.get("/static/timeline.js?v=0123456789abcdef").headers["cache-control"] == "no-cache"
    assert http.get("/static/timeline.js").headers["cache-control"] == "no-cache"
    assert http.get("/static/missing.js").status_code == 404
