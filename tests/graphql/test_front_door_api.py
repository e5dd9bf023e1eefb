"""API gaps a client hit: decisions by voter, by votes and by words; `node` for unknown and malformed ids."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from chronology.graphql.runtime.ids import encode_id
from chronology.settings import Settings
from tests.web import dataset
from tests.web.sampled import sampled_client

DECISIONS = "query($f: DecisionFilter) { decisions(filter: $f) { nodes { title } } }"


@pytest.fixture(scope="module")
def sampled(server_url: str, template_database: str) -> Iterator[tuple[TestClient, dataset.Sample]]:
    """A client over the sample: one decision, voted on by Stalin, Molotov, Voroshilov and Ordzhonikidze."""
    with sampled_client(server_url, template_database, Settings()) as pair:
        yield pair


def _ask(http: TestClient, query: str, **variables: Any) -> dict[str, Any]:
    answer = http.post("/graphql", json={"query": query, "variables": variables})
    assert answer.status_code == 200
    body: dict[str, Any] = answer.json()
    return body


def _titles(http: TestClient, **filter: Any) -> list[str]:
    body = _ask(http, DECISIONS, f=filter)
    assert "errors" not in body, body
    return [node["title"] for node in body["data"]["decisions"]["nodes"]]


WAGONS = ["On the repair of freight wagons"]


@pytest.mark.parametrize(
    ("filter", "expected"),
    [
        ({"person": "Sergo"}, WAGONS),  # a party name
        ({"person": "Ordhonikidze"}, WAGONS),  # an OCR form stored for him
        ({"person": "Iosif Vissarionovich Stalin"}, WAGONS),
        ({"person": "Kaganovich"}, []),  # he wrote the telegram but did not vote
        ({"hasVotes": True}, WAGONS),
        ({"hasVotes": False}, []),
        ({"text": "wagons"}, WAGONS),
        ({"text": "wagon repair"}, WAGONS),  # stemmed words, in any order
        ({"text": "wagons -repair"}, []),
        ({"text": "coal"}, []),
        ({"person": "Sergo", "hasVotes": True, "text": "freight"}, WAGONS),
    ],
)
def test_decisions_by_voter_votes_and_words(
    sampled: tuple[TestClient, dataset.Sample], filter: dict[str, Any], expected: list[str]
) -> None:
    http, _ = sampled
    assert _titles(http, **filter) == expected


@pytest.mark.parametrize(("filter", "words"), [({"person": "Bukharin"}, "no person"), ({"text": " "}, "1 to 500")])
def test_bad_decision_filters_are_validation_errors(
    sampled: tuple[TestClient, dataset.Sample], filter: dict[str, Any], words: str
) -> None:
    http, _ = sampled
    error = _ask(http, DECISIONS, f=filter)["errors"][0]
    assert error["extensions"]["code"] == "VALIDATION"
    assert words in error["message"]


def test_node_is_null_for_an_unknown_id_and_refuses_a_malformed_one(sampled: tuple[TestClient, dataset.Sample]) -> None:
    http, sample = sampled
    query = "query($id: ID!) { node(id: $id) { id } }"
    for unknown in (encode_id("Document", 999_999), encode_id("Person", sample.telegram)):
        body = _ask(http, query, id=unknown)
        assert body["data"] == {"node": None}, unknown
        assert "errors" not in body
    for malformed in ("yezhov", "", "!!", encode_id("Document", 1)[:-1] + "$", "Tm90aGluZzox"):
        body = _ask(http, query, id=malformed)
        assert body["errors"][0]["extensions"]["code"] == "VALIDATION", malformed


@pytest.mark.parametrize(
    ("column", "name"),
    [
        ("date_edtf", "date.edtf"),
        ("date_lower", "date.earliest"),
        ("date_qualifiers", "date.qualifiers"),
        ("born_verbatim", "born.verbatim"),
        ("body_id", "body"),
        ("source_document_id", "sourceDocument"),
        ("canonical_name", "canonicalName"),
        ("authority_key", "key"),
        ("title", "title"),
        ("id", "id"),
    ],
)
def test_history_names_fields_as_the_schema_does(column: str, name: str) -> None:
    from chronology.graphql.types.history import schema_name

    assert schema_name(column) == name


def test_history_answers_with_schema_names(sampled: tuple[TestClient, dataset.Sample]) -> None:
    http, sample = sampled
    query = "query($id: ID!) { history(id: $id) { nodes { changes { field name } } } }"
    body = _ask(http, query, id=encode_id("Decision", sample.decision))
    assert "errors" not in body, body
    pairs = {(c["field"], c["name"]) for n in body["data"]["history"]["nodes"] for c in n["changes"]}
    assert ("date_edtf", "date.edtf") in pairs
    assert ("body_id", "body") in pairs
