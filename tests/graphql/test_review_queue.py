"""The review queue over GraphQL: listed and filtered, resolved by an editor, and the needsReview filters."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from chronology import models
from tests import factories
from tests.graphql.conftest import GraphQLClient
from tests.graphql.mutation_helpers import failure, gid, issue

LIST = """query($filter: ReviewItemFilter, $first: Int, $after: String) {
  reviewItems(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id sourceFile line kind reason verbatim likelyReading record status resolvedBy resolvedAt resolution }
  } }"""
RESOLVE = """mutation($id: ID!, $resolution: String) {
  resolveReviewItem(id: $id, resolution: $resolution) { id status resolvedBy resolvedAt resolution } }"""


def _item(db: Session, line: int, **values: Any) -> models.ReviewItem:
    item = models.ReviewItem(
        source_file=values.pop("source_file", "letters-1936.txt"),
        line=line,
        kind=values.pop("kind", "date"),
        reason=values.pop("reason", "month cannot be read"),
        verbatim=values.pop("verbatim", f"Febr. {line}"),
        fingerprint=f"fp-{line}-{values.get('record_id')}",
        **values,
    )
    db.add(item)
    db.flush()
    return item


@pytest.fixture
def queue(db: Session) -> dict[str, Any]:
    """Items in two files, one about a document, one about an unknown person."""
    letter = factories.document(db, "Kosior to Stalin", needs_review=False)
    stranger = factories.person(db, "Qwrtyplenko", needs_review=False)
    clean = factories.document(db, "Chubar to Stalin", needs_review=False)
    flagged = factories.document(db, "Postyshev to Stalin", needs_review=True)
    items = {
        "folio": _item(db, 3, kind="reference", reason="folio unreadable", verbatim="L. 4a", likely_reading="L. 4"),
        "doc": _item(db, 5, record_id=letter.id),
        "name": _item(db, 9, kind="name", reason="unknown name", verbatim="Qwrtyplenko", record_id=stranger.id),
        "other": _item(db, 2, source_file="another.txt"),
    }
    db.commit()
    return {"items": items, "letter": letter, "stranger": stranger, "clean": clean, "flagged": flagged}


def test_the_queue_is_listed_by_file_and_line_and_paged(client: GraphQLClient, queue: dict[str, Any]) -> None:
    first = client.data(LIST, {"first": 2})["reviewItems"]
    assert first["totalCount"] == 4
    assert [(n["sourceFile"], n["line"]) for n in first["nodes"]] == [("another.txt", 2), ("letters-1936.txt", 3)]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = client.data(LIST, {"first": 2, "after": first["pageInfo"]["endCursor"]})["reviewItems"]
    assert [n["line"] for n in rest["nodes"]] == [5, 9]
    assert rest["pageInfo"]["hasNextPage"] is False
    folio = first["nodes"][1]
    assert (folio["kind"], folio["verbatim"], folio["likelyReading"], folio["status"]) == (
        "REFERENCE",
        "L. 4a",
        "L. 4",
        "OPEN",
    )
    by_line = {n["line"]: n for n in rest["nodes"]}
    assert by_line[5]["record"] == gid("Document", queue["letter"].id)
    assert by_line[9]["record"] == gid("Person", queue["stranger"].id)


@pytest.mark.parametrize(
    ("filter", "lines"),
    [
        ({"sourceFile": "letters-1936.txt"}, [3, 5, 9]),
        ({"kinds": ["NAME", "REFERENCE"]}, [3, 9]),
        ({"kinds": ["DATE"], "sourceFile": "another.txt"}, [2]),
        ({"sourceFile": "nowhere.txt"}, []),
    ],
)
def test_the_queue_is_filtered(
    client: GraphQLClient, queue: dict[str, Any], filter: dict[str, Any], lines: list[int]
) -> None:
    nodes = client.data(LIST, {"filter": filter})["reviewItems"]["nodes"]
    assert [n["line"] for n in nodes] == lines


def test_the_queue_is_filtered_by_record(client: GraphQLClient, queue: dict[str, Any]) -> None:
    record = gid("Person", queue["stranger"].id)
    nodes = client.data(LIST, {"filter": {"record": record}})["reviewItems"]["nodes"]
    assert [n["verbatim"] for n in nodes] == ["Qwrtyplenko"]


def test_an_editor_resolves_an_item_once_and_the_audit_trail_says_who(
    db: Session, client: GraphQLClient, queue: dict[str, Any]
) -> None:
    item = queue["items"]["folio"]
    client.token = issue(db, "editor", "ada")
    resolved = client.data(RESOLVE, {"id": _id(client, item.line), "resolution": "folio 4 on the scan"})
    answer = resolved["resolveReviewItem"]
    assert (answer["status"], answer["resolvedBy"], answer["resolution"]) == ("RESOLVED", "ada", "folio 4 on the scan")
    assert answer["resolvedAt"] is not None
    open_lines = [n["line"] for n in client.data(LIST, {"filter": {"open": True}})["reviewItems"]["nodes"]]
    assert open_lines == [2, 5, 9]
    trail = db.scalars(
        select(models.AuditEntry).where(
            models.AuditEntry.table_name == "review_items",
            models.AuditEntry.row_key == str(item.id),
            models.AuditEntry.action == "update",
        )
    ).all()
    assert [(entry.actor, (entry.new_values or {})["status"]) for entry in trail] == [("ada", "resolved")]
    again = client(RESOLVE, {"id": _id(client, item.line)})
    assert failure(again) == ("CONFLICT", "id")


def _id(client: GraphQLClient, line: int) -> str:
    nodes = client.data(LIST, {"filter": {"sourceFile": "letters-1936.txt"}})["reviewItems"]["nodes"]
    return str(next(n["id"] for n in nodes if n["line"] == line))


def test_resolving_needs_an_editor_and_a_real_item(db: Session, client: GraphQLClient, queue: dict[str, Any]) -> None:
    some = _id(client, 3)
    assert failure(client(RESOLVE, {"id": some}))[0] == "FORBIDDEN"
    assert failure(client(RESOLVE, {"id": some}, token=issue(db, "reader", "rita")))[0] == "FORBIDDEN"
    client.token = issue(db, "editor", "ada")
    assert failure(client(RESOLVE, {"id": "not-an-id"})) == ("VALIDATION", "id")
    assert failure(client(RESOLVE, {"id": gid("Document", queue["letter"].id)})) == ("VALIDATION", "id")
    missing = some[:-1] + ("B" if some[-1] != "B" else "C")
    assert failure(client(RESOLVE, {"id": missing}))[0] in {"NOT_FOUND", "VALIDATION"}


def test_needs_review_finds_records_flagged_or_with_an_open_item(
    db: Session, client: GraphQLClient, queue: dict[str, Any]
) -> None:
    query = "query($r: Boolean) { documents(filter: {needsReview: $r}) { nodes { title } } }"
    flagged = {n["title"] for n in client.data(query, {"r": True})["documents"]["nodes"]}
    assert flagged == {"Kosior to Stalin", "Postyshev to Stalin"}
    clean = {n["title"] for n in client.data(query, {"r": False})["documents"]["nodes"]}
    assert clean == {"Chubar to Stalin"}
    persons = "query($r: Boolean) { persons(needsReview: $r) { nodes { canonicalName } } }"
    assert [n["canonicalName"] for n in client.data(persons, {"r": True})["persons"]["nodes"]] == ["Qwrtyplenko"]
    client.token = issue(db, "editor", "ada")
    client.data(RESOLVE, {"id": _id(client, 5)})
    flagged = {n["title"] for n in client.data(query, {"r": True})["documents"]["nodes"]}
    assert flagged == {"Postyshev to Stalin"}


def test_needs_review_on_bodies_and_decisions(db: Session, client: GraphQLClient) -> None:
    factories.body(db, "Pravda", needs_review=True)
    factories.body(db, "Orgburo", needs_review=False)
    decision = factories.decision(db, needs_review=False)
    _item(db, 4, kind="structure", reason="decision statement half read", record_id=decision.id)
    db.commit()
    bodies = client.data("{ bodies(needsReview: true) { name } }")["bodies"]
    assert [b["name"].split()[0] for b in bodies] == ["Pravda"]
    decisions = "query($r: Boolean) { decisions(filter: {needsReview: $r}) { nodes { id } } }"
    assert [n["id"] for n in client.data(decisions, {"r": True})["decisions"]["nodes"]] == [
        gid("Decision", decision.id)
    ]
    assert client.data(decisions, {"r": False})["decisions"]["nodes"] == []
