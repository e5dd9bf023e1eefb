"""Through the API, the sample answers the questions the service exists for."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine
from starlette.testclient import TestClient

from chronology.app import create_app
from chronology.sample.load import load_sample
from chronology.settings import Settings
from tests.graphql.conftest import GraphQLClient


@pytest.fixture
def sample_client(fresh_database: str) -> Iterator[GraphQLClient]:
    engine = create_engine(fresh_database)
    load_sample(engine)
    engine.dispose()
    with TestClient(create_app(Settings(), database_url=fresh_database)) as http:
        yield GraphQLClient(http)


def test_chain_from_the_15_january_1936_telegram_reaches_its_votes_and_decision(
    sample_client: GraphQLClient,
) -> None:
    found = sample_client.data(
        """{ documents(filter: {date: {from: "1936-01-15", to: "1936-01-15", match: CERTAINLY_WITHIN},
                               archive: {fond: "17", opis: "163", delo: "1091"}}) {
               edges { node { id citation } } } }"""
    )
    [edge] = found["documents"]["edges"]
    assert edge["node"]["citation"] == "RGASPI, f. 17, op. 163, d. 1091, l. 59"
    chain = sample_client.data(
        """query($id: ID!) { chain(from: $id, direction: FORWARD, maxDepth: 4) {
             nodes { depth node { __typename
               ... on Decision { date { edtf } archivalReference { normalised } body { shortName } }
               ... on Vote { position person { canonicalName } } } }
             edges { type certainty provenance { locator } } } }""",
        {"id": edge["node"]["id"]},
    )["chain"]
    decisions = [n["node"] for n in chain["nodes"] if n["node"]["__typename"] == "Decision"]
    assert [d["archivalReference"]["normalised"] for d in decisions] == ["RGASPI, f. 17, op. 3, d. 974, l. 48"]
    assert decisions[0]["date"]["edtf"] == "1936-01-15"
    voters = sorted(
        n["node"]["person"]["canonicalName"].split()[-1] for n in chain["nodes"] if n["node"]["__typename"] == "Vote"
    )
    assert voters == ["Andreev", "Chubar", "Kalinin", "Mikoyan", "Molotov", "Stalin", "Voroshilov", "Zhdanov"]
    assert all(edge["provenance"]["locator"] for edge in chain["edges"] if edge["type"] != "VOTE_ON")


def test_person_search_tolerates_the_sources_spellings(sample_client: GraphQLClient) -> None:
    for spelling, surname in [("Ezhov", "Yezhov"), ("Pyatakov", "Piatakov"), ("Ordhonikidze", "Ordzhonikidze")]:
        data = sample_client.data(
            "query($q: String!) { persons(search: $q, first: 1) { edges { node { canonicalName } } } }",
            {"q": spelling},
        )
        assert data["persons"]["edges"][0]["node"]["canonicalName"].endswith(surname), spelling


def test_what_happened_in_august_1936(sample_client: GraphQLClient) -> None:
    data = sample_client.data(
        """{ timeline(from: "1936-08-01", to: "1936-08-31") { items { type label displayDate } } }"""
    )
    labels = {item["label"] for item in data["timeline"]["items"]}
    assert 'Trial of the "Trotskyist-Zinovievite Centre"' in labels
    assert "Suicide of Mikhail Tomsky" in labels
    assert sum(item["type"] == "DOCUMENT" for item in data["timeline"]["items"]) > 20
