"""One way to name a person at every door: GraphQL's timeline, the HTTP exports, the CLI, the record pages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text
from starlette.testclient import TestClient
from typer.testing import CliRunner

from chronology.app import create_app
from chronology.cli.main import app as cli
from chronology.graphql.runtime.ids import encode_id
from chronology.settings import Settings
from tests.web import dataset
from tests.web.sampled import sampled_database

TIMELINE = """query($person: ID) { timeline(from: "1936-01-01", to: "1936-12-31", filter: {person: $person}) {
  items { label } } }"""
HISTOGRAM = """query($person: ID) { timelineHistogram(from: "1936-01-01", to: "1936-12-31", bucket: MONTH,
  filter: {person: $person}) { count } }"""


@dataclass(frozen=True)
class Door:
    """The app over the sample, its database URL and the sample's keys."""

    http: TestClient
    url: str
    sample: dataset.Sample


@pytest.fixture(scope="module")
def door(server_url: str, template_database: str) -> Iterator[Door]:
    """The sample with a Wikidata id for Yezhov and a name form two persons share."""
    with sampled_database(server_url, template_database) as (url, sample):
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text("UPDATE persons SET wikidata_qid = 'Q1368' WHERE id = :id"), {"id": sample.yezhov})
            # An invented ambiguous form: both Kaganovich and Voroshilov signed as "K."
            connection.execute(
                text(
                    "INSERT INTO name_variants (person_id, name, kind) SELECT id, 'K.', 'initials' FROM persons "
                    "WHERE short_name IN ('Kaganovich', 'Voroshilov')"
                )
            )
        engine.dispose()
        with TestClient(create_app(Settings(), database_url=url)) as http:
            yield Door(http, url, sample)


def _names(door: Door) -> list[str]:
    return ["yezhov", "Ezhov", "ezhov", " Yezhov ", "Nikolai Ivanovich Yezhov", "Q1368", "q1368", "Yezhav",
            encode_id("Person", door.sample.yezhov)]  # fmt: skip


def _graphql(door: Door, query: str, person: str) -> dict[str, object]:
    answer = door.http.post("/graphql", json={"query": query, "variables": {"person": person}})
    assert answer.status_code == 200
    body: dict[str, object] = answer.json()
    return body


def test_the_timeline_takes_every_name_of_a_person(door: Door) -> None:
    for name in _names(door):
        body = _graphql(door, TIMELINE, name)
        assert "errors" not in body, (name, body)
        titles = [item["label"] for item in body["data"]["timeline"]["items"]]  # type: ignore[index]
        assert "Trial of the Trotskyist-Zinovievite centre" in titles, name
        assert "Kaganovich to Stalin August 17, 1936" not in titles, name
        histogram = _graphql(door, HISTOGRAM, name)
        assert "errors" not in histogram, (name, histogram)


def test_no_one_and_several_are_told_apart(door: Door) -> None:
    nobody = _graphql(door, TIMELINE, "Bukharin")
    error = nobody["errors"][0]  # type: ignore[index]
    assert error["extensions"]["code"] == "VALIDATION"
    assert "no person is called 'Bukharin'" in error["message"]
    several = _graphql(door, TIMELINE, "K.")["errors"][0]  # type: ignore[index]
    assert several["extensions"]["code"] == "VALIDATION"
    assert "may mean several persons" in several["message"]
    assert "Lazar Moiseevich Kaganovich" in several["message"]
    assert "Kliment Efremovich Voroshilov" in several["message"]


def test_the_http_exports_take_every_name(door: Door) -> None:
    for name in _names(door):
        answer = door.http.get("/export/csl", params={"person": name})
        assert answer.status_code == 200, (name, answer.text)
        assert "Yezhov to Stalin August 1936" in answer.text, name
        assert "Kaganovich to Stalin" not in answer.text, name
    several = door.http.get("/export/csl", params={"person": "K."})
    assert several.status_code == 400
    assert "may mean several persons" in several.json()["error"]["message"]
    nobody = door.http.get("/export/csl", params={"person": "Bukharin"})
    assert nobody.status_code == 400
    assert "no person is called" in nobody.json()["error"]["message"]


def test_the_cli_takes_every_name(door: Door, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHRONOLOGY_DATABASE_URL", door.url)
    for name in ("yezhov", "Ezhov", "Q1368", encode_id("Person", door.sample.yezhov)):
        result = CliRunner().invoke(cli, ["export", "csl", "--person", name])
        assert result.exit_code == 0, (name, result.output)
        assert "Yezhov to Stalin August 1936" in result.stdout, name
    several = CliRunner().invoke(cli, ["export", "csl", "--person", "K."])
    assert several.exit_code != 0
    assert "may mean several persons" in several.output


def test_graphql_gives_the_key(door: Door) -> None:
    query = "query($id: ID!) { node(id: $id) { ... on Person { key canonicalName } } }"
    answer = door.http.post(
        "/graphql", json={"query": query, "variables": {"id": encode_id("Person", door.sample.yezhov)}}
    )
    assert answer.json()["data"]["node"] == {"key": "yezhov", "canonicalName": "Nikolai Ivanovich Yezhov"}


def test_the_record_pages_take_every_name(door: Door) -> None:
    for name in _names(door):
        answer = door.http.get(f"/persons/{name.strip()}", follow_redirects=False)
        if name.strip() == "yezhov":
            assert answer.status_code == 200
            continue
        assert answer.status_code == 301, name
        assert answer.headers["location"] == "/persons/yezhov", name
    several = door.http.get("/persons/K.")
    assert several.status_code == 404
    assert "may mean any of these" in several.text
    assert "Lazar Moiseevich Kaganovich" in several.text


def test_a_cyrillic_form_names_the_person_once_stored(door: Door) -> None:
    engine = create_engine(door.url)
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO name_variants (person_id, name, kind) VALUES (:id, 'Ежов', 'spelling')"),
            {"id": door.sample.yezhov},
        )
    engine.dispose()
    for name in ("Ежов", "ЕЖОВ"):
        assert door.http.get(f"/persons/{name}", follow_redirects=False).headers["location"] == "/persons/yezhov"
        assert door.http.get("/export/csl", params={"person": name}).status_code == 200
        assert "errors" not in _graphql(door, TIMELINE, name)
