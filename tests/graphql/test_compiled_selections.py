"""Compiled selections answer byte for byte as the ordinary execution does, in fewer statements.

Every operation runs against the same database through two apps, one compiling selections
into SQL and one not; the response texts must be identical.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session
from starlette.testclient import TestClient

from chronology import models
from chronology.app import create_app
from chronology.bench.classes import HOPS_GRAPHQL, PAGE_GRAPHQL
from chronology.graphql import http as graphql_http
from chronology.graphql.compiled import plans, resolvers
from chronology.graphql.runtime.ids import encode_id
from chronology.graphql.types.document import query as document_query
from chronology.settings import Settings
from tests import factories

ALL_DOCUMENT = """
  __typename id kind title place classification language summary fullText protocolNumber protocolItem
  needsReview version date { __typename verbatim edtf earliest latest precision qualifiers }
  parties { __typename role position nameAsPrinted agent { __typename
    ... on Person { id canonicalName sortName shortName wikidataQid wikidataUri viafId note needsReview version }
    ... on Body { id name shortName kind variants description needsReview version } } }
  copies { __typename position forms formVerbatim note archivalReference { __typename repository
    repositoryAsPrinted fond opis delo folios verbatim normalised doubtful note } }
  relationCount { __typename outgoing incoming }
"""
LINKS = """
  relationsOut { __typename type certainty note provenance { __typename publication locator summary }
    target { __typename id ...Far } }
  relationsIn { type source { id ...Far } target { id } }
"""
FAR = """
fragment Far on Node {
  ... on Document { title kind date { edtf } relationCount { incoming } }
  ... on Decision { title procedure outcome specialFile protocolNumber date { edtf precision }
    relations { type source { __typename id } target { id } } }
  ... on Event { type title places description date { latest } relations { type certainty } }
  ... on Person { canonicalName shortName }
  ... on Body { name bodyKind: kind }
  ... on Vote { __typename }
}"""


@dataclasses.dataclass
class Archive:
    """The ids of the records the operations ask about."""

    telegram: int
    undated: int
    month: int
    hub: int
    decision: int
    event: int
    person: int
    body: int
    vote: int


def _build(db: Session) -> Archive:
    kaganovich = factories.person(db, "Kaganovich", short_name="Kaganovich", wikidata_qid="Q193231")
    molotov = factories.person(db, "Molotov", note="Chair of the SNK")
    politburo = factories.body(db, short_name="PB", variants=["Politbiuro", "Политбюро"], description="The party's top")
    publication = models.Publication(title="Letters, 1931–1936", year=2001)
    db.add(publication)
    db.flush()
    telegram = factories.document(
        db,
        'Kaganovich to Stalin «cipher» – "urgent"\nsecond line',
        place="Moscow",
        classification="Top secret",
        protocol_number="93",
        needs_review=True,
    )
    undated = factories.document(
        db,
        "A letter without a date",
        kind="letter",
        date_verbatim=None,
        date_edtf=None,
        date_lower=None,
        date_upper=None,
        date_precision=None,
    )
    month = factories.document(
        db,
        "A note of February",
        kind="note",
        date_verbatim=None,
        date_edtf="1936-02",
        date_lower=datetime.date(1936, 2, 1),
        date_upper=datetime.date(1936, 2, 29),
        date_precision="month",
        date_qualifiers=["supplied", "uncertain"],
        summary="Summarised in our words.",
    )
    hub = factories.document(db, "The decree everyone cites", kind="decree", **factories.day("1935-11-02"))
    parties = [
        (telegram, "author", 1, kaganovich.id, None, "L. Kaganovich"),
        (telegram, "author", 2, None, politburo.id, None),
        (telegram, "recipient", 1, molotov.id, None, None),
        (month, "intermediary", 1, None, politburo.id, "the PB"),
        (month, "author", 1, molotov.id, None, None),
    ]
    for document, role, position, person, body, printed in parties:
        db.add(
            models.DocumentParty(
                document_id=document.id,
                role=role,
                position=position,
                person_id=person,
                body_id=body,
                name_as_printed=printed,
            )
        )
    first = factories.archival_reference(db, folios="42–46", note="read from a poor copy")
    second = factories.archival_reference(db, fond="558", opis="11", delo="93", folios="1", repository=None)
    db.add(models.Copy(document_id=telegram.id, position=1, archival_reference_id=first.id, forms=["original"]))
    db.add(
        models.Copy(
            document_id=telegram.id,
            position=2,
            archival_reference_id=second.id,
            forms=["typescript", "draft_with_corrections"],
            form_verbatim="Typescript copy",
            note="signed",
        )
    )
    decision = factories.decision(db, body_id=politburo.id, protocol_number="17", special_file=True)
    happening = models.Event(
        type="plenum", title="A plenum", places=["Moscow", "Kremlin"], **factories.day("1936-03-01")
    )
    db.add(happening)
    db.flush()
    vote = models.Vote(decision_id=decision.id, person_id=molotov.id, position="for", recorded_in="cipher_marks")
    db.add(vote)
    db.flush()
    links: list[tuple[int, str, int, dict[str, Any]]] = [
        (telegram.id, "proposes", decision.id, {"provenance_publication_id": publication.id, "note": "as printed"}),
        (decision.id, "formalised_as", hub.id, {"provenance_locator": "footnote 2", "provenance_summary": "So says."}),
        (telegram.id, "replies_to", undated.id, {"certainty": "probable"}),
        (undated.id, "replies_to", telegram.id, {}),
        (undated.id, "part_of", happening.id, {}),
        (telegram.id, "mentions", kaganovich.id, {}),
        (telegram.id, "mentions", politburo.id, {"certainty": "possible"}),
        (vote.id, "vote_on", decision.id, {}),
        (month.id, "implements", hub.id, {}),
    ]
    for i in range(12):
        citing = factories.document(db, f"Telegram {i}", **factories.day(f"1936-04-{i + 1:02d}"))
        links.append((citing.id, "implements" if i % 2 else "mentions", hub.id, {}))
    for source, kind, target, values in links:
        db.add(models.Relation(type=kind, source_id=source, target_id=target, **{"certainty": "certain", **values}))
    db.commit()
    return Archive(
        telegram.id, undated.id, month.id, hub.id, decision.id, happening.id, kaganovich.id, politburo.id, vote.id
    )


@pytest.fixture
def archive(db: Session) -> Archive:
    return _build(db)


@pytest.fixture
def clients(fresh_database: str) -> Iterator[tuple[TestClient, TestClient]]:
    """Two apps on one database: compiling selections, and not."""
    with (
        TestClient(create_app(Settings(compile_selections=True), database_url=fresh_database)) as compiling,
        TestClient(create_app(Settings(compile_selections=False), database_url=fresh_database)) as ordinary,
    ):
        yield compiling, ordinary


@pytest.fixture
def compiled_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the type of each compiled statement run (by execution or by a shortcut)."""
    seen: list[str] = []
    real = plans.run
    real_page = resolvers.page_json

    async def spy(context: Any, plan: Any, ids: Any) -> Any:
        seen.append(plan.type_name)
        return await real(context, plan, ids)

    def page_spy(budget: Any, rows: Any) -> Any:
        found = real_page(budget, rows)
        if found is not None:
            seen.append("Document")  # a page whose documents came with their JSON
        return found

    monkeypatch.setattr(plans, "run", spy)
    monkeypatch.setattr(resolvers, "page_json", page_spy)
    monkeypatch.setattr(document_query, "page_json", page_spy)
    return seen


def _operations(a: Archive) -> list[tuple[str, str, dict[str, Any], bool]]:
    """Return (name, query, variables, compiled?) for every operation compared."""
    gid = encode_id
    return [
        ("bench page", PAGE_GRAPHQL, {}, True),
        ("bench hops: telegram", HOPS_GRAPHQL, {"id": gid("Document", a.telegram)}, True),
        ("bench hops: hub", HOPS_GRAPHQL, {"id": gid("Document", a.hub)}, True),
        ("bench hops: a decision", HOPS_GRAPHQL, {"id": gid("Decision", a.decision)}, True),
        ("every field", f"{{ documents(first: 30) {{ nodes {{ {ALL_DOCUMENT} }} }} }}", {}, True),
        ("links both ways", f"{{ documents(first: 30) {{ nodes {{ id {LINKS} }} }} }} {FAR}", {}, True),
        (
            "aliases",
            "{ documents(first: 4) { nodes { ident: id t: title d: date { e: edtf x: earliest } "
            "who: parties { r: role a: agent { ... on Person { n: canonicalName } ... on Body { n: name } } } } } }",
            {},
            True,
        ),
        (
            "edges, cursors, page info and count",
            "{ documents(first: 3) { totalCount edges { cursor node { id title } } "
            "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }",
            {},
            True,
        ),
        (
            "nodes and edges alike",
            "{ documents(first: 5) { nodes { id title } edges { node { ... on Document { id title } } } } }",
            {},
            True,
        ),
        (
            "nodes and edges differing",
            "{ documents(first: 5) { nodes { id } edges { node { title } } } }",
            {},
            False,
        ),
        (
            "typenames and the Agent union",
            "{ __typename documents(first: 8) { __typename nodes { __typename parties { agent { "
            "... on Agent { __typename } ... on Node { id } } } } } }",
            {},
            True,
        ),
        (
            "skip and include, on",
            "query Q($yes: Boolean!, $no: Boolean!) { documents(first: 6) { nodes { id @skip(if: $yes) "
            "title @include(if: $yes) ... on Document @include(if: $no) { kind } "
            "copies @skip(if: $no) { position } } } }",
            {"yes": True, "no": False},
            True,
        ),
        (
            "skip and include, off",
            "query Q($yes: Boolean!, $no: Boolean!) { documents(first: 6) { nodes { id @skip(if: $yes) "
            "title @include(if: $yes) ... on Document @include(if: $no) { kind } "
            "copies @skip(if: $no) { position } } } }",
            {"yes": False, "no": True},
            True,
        ),
        (
            "kinds filter",
            "{ documents(filter: {kinds: [DECREE, NOTE]}) { nodes { id kind title relationCount { incoming } } } }",
            {},
            True,
        ),
        (
            "latest first, dated window",
            '{ documents(orderBy: DATE_DESC, first: 7, filter: {date: {from: "1936-01-01", to: "1936-04-05"}}) '
            "{ nodes { id date { edtf } } } }",
            {},
            True,
        ),
        ("an empty page", "{ documents(filter: {kinds: [SPEECH]}) { nodes { id } } }", {}, True),
        (
            "a party filter",
            "query P($p: ID!) { documents(filter: {party: {person: $p}}) { nodes { id parties { role } } } }",
            {"p": gid("Person", a.person)},
            True,
        ),
        (
            "backwards from the end",
            "{ documents(last: 4) { edges { cursor node { id title } } pageInfo { hasPreviousPage } } }",
            {},
            True,
        ),
        (
            "every node type",
            f"query N($ids: [ID!]!) {{ nodes(ids: $ids) {{ __typename id ...Far }} }} {FAR}",
            {
                "ids": [
                    gid("Document", a.telegram),
                    gid("Decision", a.decision),
                    gid("Event", a.event),
                    gid("Person", a.person),
                    gid("Body", a.body),
                    gid("Vote", a.vote),
                    gid("Document", 999_999),
                    gid("Document", a.telegram),
                ]
            },
            True,
        ),
        ("a missing node", "query M($id: ID!) { node(id: $id) { id } }", {"id": gid("Event", 999_999)}, True),
        (
            "an event",
            f"query E($id: ID!) {{ node(id: $id) {{ id ...Far }} }} {FAR}",
            {"id": gid("Event", a.event)},
            True,
        ),
        (
            "a person at the end of a link",
            "query P($id: ID!) { node(id: $id) { ... on Document { relationsOut { target { "
            "... on Person { id canonicalName wikidataUri } ... on Body { id variants } } } } } }",
            {"id": gid("Document", a.telegram)},
            True,
        ),
        (
            "a decision's both lists",
            "query D($id: ID!) { node(id: $id) { ... on Decision { id title relations { type "
            "provenance { locator summary publication } source { id ...Far } target { id } } } } } " + FAR,
            {"id": gid("Decision", a.decision)},
            True,
        ),
        (
            "citation falls back",
            "{ documents(first: 10) { nodes { id title citation(style: GOST) copies { position } } } }",
            {},
            False,
        ),
        ("a display date falls back", "{ documents(first: 10) { nodes { id date { display } } } }", {}, False),
        (
            "a vote's fields fall back",
            "query V($id: ID!) { node(id: $id) { id ... on Vote { position recordedIn } } }",
            {"id": gid("Vote", a.vote)},
            False,
        ),
        (
            "a document's lists cut by first",
            "{ documents(first: 30) { nodes { id relationsOut(first: 1) { type } relationsIn(first: 0) { type } "
            "decisions(first: 1) { id } votes(first: 2) { id } } } }",
            {},
            False,
        ),
        (
            "a person's lists cut by first",
            "query P($id: ID!, $n: Int) { node(id: $id) { ... on Person { documents(first: $n) { role } "
            "votes(first: 0) { id } memberships(first: 1) { role } events(first: 1) { role } } } }",
            {"id": gid("Person", a.person), "n": 1},
            False,
        ),
        (
            "a decision's and a body's lists cut by first",
            "query D($id: ID!, $body: ID!) { node(id: $id) { ... on Decision { votes(first: 1) { id } "
            "proposedBy(first: 1) { id } formalisedAs(first: 0) { id } relations(first: 1) { type } } } "
            "body: node(id: $body) { ... on Body { members(first: 1) { role } } } bodies(first: 1) { name } }",
            {"id": gid("Decision", a.decision), "body": gid("Body", a.body)},
            False,
        ),
        (
            "an event's lists cut by first",
            "query E($id: ID!) { node(id: $id) { ... on Event { participants(first: 1) { role } "
            "documents(first: 1) { id } relations(first: 0) { type } } } }",
            {"id": gid("Event", a.event)},
            False,
        ),
    ]


def test_compiled_and_ordinary_answers_are_byte_identical(
    archive: Archive,
    clients: tuple[TestClient, TestClient],
    compiled_runs: list[str],
    shortcuts_taken: list[str],
) -> None:
    compiling, ordinary = clients
    operations = _operations(archive)
    assert len(operations) >= 25
    for name, query, variables, compiles in operations:
        body = {"query": query, "variables": variables}
        slow = ordinary.post("/graphql", json=body)
        assert slow.status_code == 200, (name, slow.text)
        assert "errors" not in slow.json(), (name, slow.text)
        # The first time a text is executed (and validated); once valid, a shortcut may answer it.
        for attempt in ("executed", "again"):
            compiled_runs.clear()
            fast = compiling.post("/graphql", json=body)
            assert (fast.status_code, fast.headers["content-type"]) == (slow.status_code, slow.headers["content-type"])
            assert fast.text == slow.text, (name, attempt)
            assert bool(compiled_runs) == compiles, (name, attempt, compiled_runs)
    # The benchmark's pages and hops, single nodes and their lists came the short way the second time.
    assert {"documents", "node"} <= set(shortcuts_taken)
    assert len(shortcuts_taken) >= 10


def test_pages_continue_alike_after_a_cursor(archive: Archive, clients: tuple[TestClient, TestClient]) -> None:
    compiling, ordinary = clients
    query = """query Next($after: String, $before: String) {
      forward: documents(first: 4, after: $after) { nodes { id title } pageInfo { endCursor } }
      backward: documents(last: 2, before: $before) { edges { node { id } } }
    }"""
    first = ordinary.post("/graphql", json={"query": query}).json()["data"]
    cursor = first["forward"]["pageInfo"]["endCursor"]
    for variables in ({"after": cursor, "before": cursor}, {"after": None, "before": cursor}):
        body = {"query": query, "variables": variables}
        fast, slow = compiling.post("/graphql", json=body), ordinary.post("/graphql", json=body)
        assert "errors" not in slow.json()
        assert fast.text == slow.text


def test_the_same_operation_is_compiled_once_and_rebinds_its_ids(
    archive: Archive, clients: tuple[TestClient, TestClient]
) -> None:
    compiling, ordinary = clients
    query = "query H($id: ID!) { node(id: $id) { id ... on Document { title relationsIn { source { id } } } } }"
    for pk in (archive.telegram, archive.hub, archive.undated):
        body = {"query": query, "variables": {"id": encode_id("Document", pk)}}
        fast, slow = compiling.post("/graphql", json=body), ordinary.post("/graphql", json=body)
        assert fast.text == slow.text
        assert encode_id("Document", pk) in fast.text


def test_a_compiled_page_of_fifty_costs_at_most_three_statements(fresh_database: str, db: Session) -> None:
    author = factories.person(db, "Kaganovich")
    politburo = factories.body(db)
    for i in range(50):
        document = factories.document(db, f"Telegram {i}")
        db.add(models.DocumentParty(document_id=document.id, role="author", position=1, person_id=author.id))
        db.add(models.DocumentParty(document_id=document.id, role="recipient", position=1, body_id=politburo.id))
        reference = factories.archival_reference(db, folios=str(i + 1))
        db.add(models.Copy(document_id=document.id, position=1, archival_reference_id=reference.id, forms=["original"]))
    db.commit()
    statements: list[str] = []
    app = create_app(Settings(), database_url=fresh_database)

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    event.listen(app.state.engine.sync_engine, "before_cursor_execute", count)
    with TestClient(app) as http:
        body = http.post("/graphql", json={"query": PAGE_GRAPHQL}).json()
        statements.clear()
        body = http.post("/graphql", json={"query": PAGE_GRAPHQL}).json()
    assert "errors" not in body, body
    assert len(body["data"]["documents"]["nodes"]) == 50
    assert body["data"]["documents"]["nodes"][0]["parties"][0]["agent"]["canonicalName"] == "Kaganovich"
    # The transaction's set-up, the page's keys, and one statement building all fifty documents.
    assert len(statements) <= 3, statements


def test_compiled_lists_are_charged_to_the_record_budget(
    archive: Archive, fresh_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    charged: list[int] = []

    def spy(budget: Any, rows: Any) -> Any:
        before = budget.remaining
        found = resolvers.page_json(budget, rows)
        charged.append(before - budget.remaining)
        return found

    monkeypatch.setattr(document_query, "page_json", spy)
    query = "{ documents(first: 20) { nodes { id parties { role } copies { position } relationsIn { type } } } }"
    with TestClient(create_app(Settings(), database_url=fresh_database)) as http:
        allowed = http.post("/graphql", json={"query": query}).json()
        monkeypatch.setattr(graphql_http, "RECORD_BUDGET", 20 + 22)
        refused = http.post("/graphql", json={"query": query}).json()
    assert "errors" not in allowed, allowed
    # As the ordinary path charges: 5 parties, 2 copies and 16 links (the page's 20 are charged before).
    assert charged[0] == 23
    assert refused["errors"][0]["extensions"]["code"] == "LIMIT", refused
