"""One ranked search across documents, decisions, events and people."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from chronology import models
from chronology.graphql.runtime.ids import encode_id
from tests import factories
from tests.graphql.conftest import GraphQLClient

SEARCH = """
query ($query: String!, $types: [SearchType!], $first: Int) {
  search(query: $query, types: $types, first: $first) {
    type score snippet
    node {
      id
      ... on Document { title }
      ... on Decision { title }
      ... on Event { title }
      ... on Person { canonicalName }
    }
  }
}"""


def search(client: GraphQLClient, query: str, **variables: Any) -> list[dict[str, Any]]:
    """Return the hits of a search."""
    data = client.data(SEARCH, {"query": query, **variables})
    hits: list[dict[str, Any]] = data["search"]
    return hits


def person(db: Session, name: str, *variants: str) -> models.Person:
    """Add a person known by these other forms of the name too."""
    row = factories.person(db, name)
    for variant in variants:
        db.add(models.NameVariant(person_id=row.id, name=variant, kind="spelling"))
    db.flush()
    return row


@pytest.fixture
def records(db: Session) -> dict[str, int]:
    """Records of every kind, some of them about locomotives."""
    in_title = factories.document(db, "Locomotive repairs at the depots", summary="Stalin asks for figures")
    in_text = factories.document(
        db,
        "Kaganovich to Stalin",
        full_text="The depots are short of coal, and a locomotive stands idle for want of parts.",
    )
    factories.document(db, "Letter on the harvest", kind="letter", full_text="Grain is coming in late.")
    decision = factories.decision(
        db, title="On the transport plan", summary="Locomotive works are to double their output."
    )
    event = models.Event(
        type="journey",
        title="Inspection tour of the eastern lines",
        description="Visits to depots where each locomotive was counted.",
        **factories.day("1936-02-01"),
    )
    db.add(event)
    yezhov = person(db, "Nikolai Yezhov", "N. I. Yezhov")
    person(db, "Andrei Zhdanov", "A. A. Zhdanov")
    db.commit()
    return {
        "in_title": in_title.id,
        "in_text": in_text.id,
        "decision": decision.id,
        "event": event.id,
        "yezhov": yezhov.id,
    }


def test_one_ranked_list_across_kinds(records: dict[str, int], client: GraphQLClient) -> None:
    hits = search(client, "locomotive")

    found = {hit["node"]["id"] for hit in hits}
    assert found == {
        encode_id("Document", records["in_title"]),
        encode_id("Document", records["in_text"]),
        encode_id("Decision", records["decision"]),
        encode_id("Event", records["event"]),
    }
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < score < 1 for score in scores)
    documents = [hit["node"]["id"] for hit in hits if hit["type"] == "DOCUMENT"]
    assert documents == [encode_id("Document", records["in_title"]), encode_id("Document", records["in_text"])]
    for hit in hits:
        assert "<b>locomotive</b>" in hit["snippet"].lower(), hit


def test_a_misspelt_name_finds_the_person_first(records: dict[str, int], client: GraphQLClient) -> None:
    [best, *_] = search(client, "Ezhov")

    assert best["type"] == "PERSON"
    assert best["node"] == {"id": encode_id("Person", records["yezhov"]), "canonicalName": "Nikolai Yezhov"}
    assert 0.25 <= best["score"] <= 1
    assert best["snippet"] in {"Nikolai Yezhov", "N. I. Yezhov"}


def test_an_exact_name_outscores_a_passing_mention(db: Session, client: GraphQLClient) -> None:
    chubar = person(db, "Vlas Chubar", "Chubar")
    factories.document(db, "Chubar to Molotov", full_text="Chubar writes about sowing in the Ukraine.")
    db.commit()

    hits = search(client, "Chubar")

    assert [hit["type"] for hit in hits] == ["PERSON", "DOCUMENT"]
    assert hits[0]["node"]["id"] == encode_id("Person", chubar.id)
    assert hits[0]["score"] == pytest.approx(1.0)
    assert hits[0]["snippet"] == "Chubar"


def test_types_and_first_narrow_the_list(records: dict[str, int], client: GraphQLClient) -> None:
    only_decisions = search(client, "locomotive", types=["DECISION", "EVENT"])
    assert sorted(hit["type"] for hit in only_decisions) == ["DECISION", "EVENT"]

    [top] = search(client, "locomotive", first=1)
    assert top == search(client, "locomotive")[0]
    assert search(client, "locomotive", types=[]) == []


def test_only_common_words_find_no_text(records: dict[str, int], client: GraphQLClient) -> None:
    # "the" and "of" are stop words: the text query is empty, which must not be an error.
    assert search(client, "the of", types=["DOCUMENT", "DECISION", "EVENT"]) == []


def test_words_in_no_record_find_nothing(records: dict[str, int], client: GraphQLClient) -> None:
    assert search(client, "submarine", types=["DOCUMENT", "DECISION", "EVENT"]) == []


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"query": "   "}, "query"),
        ({"query": "x" * 501}, "query"),
        ({"query": "railway", "first": 0}, "first"),
        ({"query": "railway", "first": 101}, "first"),
    ],
)
def test_bad_arguments_are_refused(client: GraphQLClient, variables: dict[str, Any], field: str) -> None:
    [error] = client(SEARCH, variables)["errors"]
    assert error["extensions"] == {"code": "VALIDATION", "field": field}
