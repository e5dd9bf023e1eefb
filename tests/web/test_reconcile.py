"""OpenRefine reconciliation (Reconciliation Service API v0.2), checked against the specification's schemas."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import jsonschema  # type: ignore[import-untyped] # no stubs in the lock; used for validate() alone
import pytest
from sqlalchemy import create_engine
from starlette.testclient import TestClient

from chronology.app import create_app
from chronology.sample.load import load_sample
from chronology.settings import Settings
from tests.paths import CORPUS
from tests.web.conftest import own_database

BASE = "https://chronology.example.org"

# The v0.2 specification's JSON schemas (reconciliation-api/specs: 0.2/schemas/manifest.json,
# reconciliation-result-batch.json, suggest-*-response.json), restated for the parts these answers use;
# stricter where this service promises more (every candidate carries `match` and its `type`).
MANIFEST = {
    "type": "object",
    "required": ["versions", "name", "identifierSpace", "schemaSpace"],
    "properties": {
        "versions": {"type": "array", "items": {"type": "string"}, "contains": {"const": "0.2"}},
        "name": {"type": "string"},
        "identifierSpace": {"type": "string", "format": "uri"},
        "schemaSpace": {"type": "string", "format": "uri"},
        "defaultTypes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
            },
        },
        "view": {
            "type": "object",
            "required": ["url"],
            "properties": {"url": {"type": "string", "pattern": ".*\\{\\{id\\}\\}.*"}},
        },
        "preview": {
            "type": "object",
            "required": ["url", "width", "height"],
            "properties": {
                "url": {"type": "string", "pattern": ".*\\{\\{id\\}\\}.*"},
                "width": {"type": "integer"},
                "height": {"type": "integer"},
            },
        },
        "suggest": {
            "type": "object",
            "properties": {
                kind: {
                    "type": "object",
                    "required": ["service_url", "service_path"],
                    "properties": {"service_url": {"type": "string"}, "service_path": {"type": "string"}},
                }
                for kind in ("entity", "type", "property")
            },
        },
    },
}
CANDIDATE = {
    "type": "object",
    "required": ["id", "name", "score", "match"],
    "properties": {
        "id": {"type": "string"},
        "name": {"type": "string"},
        "score": {"type": "number"},
        "match": {"type": "boolean"},
        "type": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
            },
        },
    },
}
BATCH_RESPONSE = {
    "type": "object",
    "patternProperties": {
        ".*": {
            "type": "object",
            "required": ["result"],
            "properties": {"result": {"type": "array", "items": CANDIDATE}},
        }
    },
}
SUGGEST_RESPONSE = {
    "type": "object",
    "required": ["result"],
    "properties": {
        "result": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
            },
        }
    },
}

# Spellings printed in the corpus, and the person each means (authority keys).
SPELLINGS = {
    "Ezhov": "yezhov",
    "Yezhov": "yezhov",
    "Kaganovich": "kaganovich",
    "Molotov": "molotov",
    "Voroshilov": "voroshilov",
    "Sergo": "ordzhonikidze",
    "Ordzhonikidze": "ordzhonikidze",
    "Mikoyan": "mikoyan",
    "Chubar": "chubar",
    "Andreev": "andreev",
    "Kalinin": "kalinin",
    "Zhdanov": "zhdanov",
    "Kosior": "kosior",
    "Postyshev": "postyshev",
    "Rudzutak": "rudzutak",
    "Yagoda": "yagoda",
    "Vyshinsky": "vyshinsky",
    "Zinoviev": "zinoviev",
    "Pyatakov": "piatakov",
    "Bukharin": "bukharin",
    "Tomsky": "tomsky",
}


@pytest.fixture(scope="module")
def http(server_url: str, template_database: str) -> Iterator[TestClient]:
    """A client over the shipped sample (its authority list of persons and bodies)."""
    with own_database(server_url, template_database, "reconcile") as url:
        engine = create_engine(url)
        load_sample(engine)
        engine.dispose()
        with TestClient(create_app(Settings(public_url=BASE), database_url=url)) as client:
            yield client


def _batch(http: TestClient, queries: dict[str, Any], *, post: bool = True) -> dict[str, Any]:
    payload = {"queries": json.dumps(queries)}
    answer = http.post("/reconcile", data=payload) if post else http.get("/reconcile", params=payload)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    jsonschema.validate(body, BATCH_RESPONSE)
    assert set(body) == set(queries)
    return body


def test_the_manifest_follows_the_specification(http: TestClient) -> None:
    manifest = http.get("/reconcile").json()
    jsonschema.validate(manifest, MANIFEST, format_checker=jsonschema.FormatChecker())
    assert manifest["view"]["url"] == f"{BASE}/{{{{id}}}}"
    jsonp = http.get("/reconcile", params={"callback": "jsonp123"})
    assert jsonp.text.startswith("/**/jsonp123(")
    assert "javascript" in jsonp.headers["content-type"]
    hostile = http.get("/reconcile", params={"callback": "alert(1)//"})
    assert hostile.headers["content-type"].startswith("application/json")  # a bad callback gets plain JSON


def test_twenty_spellings_from_the_corpus_find_the_right_person_first(http: TestClient) -> None:
    if not CORPUS.exists():
        pytest.skip(f"the corpus is not at {CORPUS}")
    corpus = " ".join(path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt")))
    for spelling in SPELLINGS:
        assert re.search(rf"\b{re.escape(spelling)}\b", corpus), f"{spelling} is not printed in the corpus"
    assert len(SPELLINGS) >= 20
    queries = {f"q{i}": {"query": s, "type": "person", "limit": 3} for i, s in enumerate(SPELLINGS)}
    body = _batch(http, queries)
    for i, (spelling, key) in enumerate(SPELLINGS.items()):
        result = body[f"q{i}"]["result"]
        assert result, spelling
        assert result[0]["id"] == f"persons/{key}", (spelling, result[:2])
        assert result[0]["type"] == [{"id": "person", "name": "Person"}]
    # The same batch by GET answers the same.
    assert _batch(http, {"q0": queries["q0"]}, post=False)["q0"] == body["q0"]


@pytest.mark.parametrize(
    ("query", "expected_first", "match"),
    [
        ("Nikolai Ivanovich Yezhov", "persons/yezhov", True),
        ("yezhov", "persons/yezhov", True),
        ("Yezhof", "persons/yezhov", False),  # a misspelling: the right person, but no automatic match
        ("Kaganovitch", "persons/kaganovich", True),  # a stored transliteration is a name he is known by
        ("Kaganovic", "persons/kaganovich", False),
    ],
)
def test_scores_and_match(http: TestClient, query: str, expected_first: str, match: bool) -> None:
    result = _batch(http, {"q": {"query": query}})["q"]["result"]
    assert result[0]["id"] == expected_first
    assert result[0]["match"] is match
    assert 0 <= result[0]["score"] <= 100
    assert all(not candidate["match"] for candidate in result[1:])


def test_bodies_and_property_constraints(http: TestClient) -> None:
    body = _batch(http, {"b": {"query": "Politburo", "type": "body"}})["b"]["result"]
    assert body[0]["id"] == "bodies/politburo"
    assert body[0]["match"] is True
    born = _batch(http, {"p": {"query": "Yezhov", "type": "person", "properties": [{"pid": "born", "v": "1895"}]}})
    assert born["p"]["result"][0]["id"] == "persons/yezhov"
    wrong = _batch(http, {"p": {"query": "Yezhov", "type": "person", "properties": [{"pid": "born", "v": "1920"}]}})
    assert all(c["id"] != "persons/yezhov" for c in wrong["p"]["result"])


@pytest.mark.parametrize(
    "queries",
    ["not json", "[]", "{}", '{"q": {"query": ""}}', '{"q": {"query": "x", "type": "ship"}}',
     '{"q": {"query": "x", "limit": 0}}', '{"q": {"query": "x", "properties": [{"pid": "colour", "v": "red"}]}}'],
)  # fmt: skip
def test_bad_batches_are_a_400_with_a_reason(http: TestClient, queries: str) -> None:
    answer = http.post("/reconcile", data={"queries": queries})
    assert answer.status_code == 400
    assert answer.json()["error"]


def test_suggest_and_preview(http: TestClient) -> None:
    people = http.get("/reconcile/suggest/entity", params={"prefix": "Ezhov"}).json()
    jsonschema.validate(people, SUGGEST_RESPONSE)
    assert people["result"][0]["id"] == "persons/yezhov"
    types = http.get("/reconcile/suggest/type", params={"prefix": "Pe"}).json()
    assert types["result"] == [{"id": "person", "name": "Person"}]
    properties = http.get("/reconcile/suggest/property", params={"prefix": "born"}).json()
    jsonschema.validate(properties, SUGGEST_RESPONSE)
    assert properties["result"][0]["id"] == "born"
    preview = http.get("/reconcile/preview", params={"id": "persons/yezhov"})
    assert preview.status_code == 200
    assert "Yezhov" in preview.text
    assert f"{BASE}/persons/yezhov" in preview.text
    assert http.get("/reconcile/preview", params={"id": "persons/nobody"}).status_code == 404
    # The view URL the manifest gives leads to the record page.
    assert http.get("/persons/yezhov").status_code == 200
