"""The read queries: document filters and windows, paging, people by name, decisions, events,
nodes and chains."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from chronology import models
from chronology.dates.fuzzy import from_edtf
from chronology.graphql.runtime.ids import encode_id
from tests import factories
from tests.graphql.conftest import GraphQLClient

DOCUMENTS = """
query ($filter: DocumentFilter, $orderBy: DocumentOrder, $first: Int, $after: String,
       $last: Int, $before: String) {
  documents(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last,
            before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { title snippet } }
  }
}"""


def dated(edtf: str) -> dict[str, Any]:
    """Return fuzzy-date column values for an EDTF date."""
    parsed = from_edtf(edtf)
    return {
        "date_verbatim": edtf,
        "date_edtf": parsed.edtf,
        "date_lower": parsed.lower,
        "date_upper": parsed.upper,
        "date_precision": parsed.precision.value,
        "date_qualifiers": sorted(q.value for q in parsed.qualifiers),
    }


UNDATED = {"date_verbatim": None, "date_edtf": None, "date_lower": None, "date_upper": None, "date_precision": None}


def documents(client: GraphQLClient, **variables: Any) -> dict[str, Any]:
    """Return the documents connection."""
    result: dict[str, Any] = client.data(DOCUMENTS, variables)["documents"]
    return result


def titles(connection: dict[str, Any]) -> list[str]:
    """Return the titles of a page, in order."""
    return [edge["node"]["title"] for edge in connection["edges"]]


def party(db: Session, document: models.Document, role: str, position: int = 1, **agent: int) -> None:
    """Add a party (person_id= or body_id=) to a document."""
    db.add(models.DocumentParty(document_id=document.id, role=role, position=position, **agent))
    db.flush()


# --- dates --------------------------------------------------------------------------------

WINDOW = {"from": "1936-08-01", "to": "1936-08-31"}


@pytest.fixture
def dated_documents(db: Session) -> None:
    """Documents dated to the day, the month and the year around August 1936."""
    for title, edtf in [
        ("first day", "1936-08-01"),
        ("last day", "1936-08-31"),
        ("day after", "1936-09-01"),
        ("day before", "1936-07-31"),
        ("the month", "1936-08"),
        ("month before", "1936-07"),
        ("the year", "1936"),
        ("across the start", "1936-07-30/1936-08-02"),
        ("year before", "1935"),
    ]:
        factories.document(db, title, **dated(edtf))
    factories.document(db, "undated", **UNDATED)
    db.commit()


@pytest.mark.parametrize(
    ("match", "expected"),
    [
        ("OVERLAPS", {"first day", "last day", "the month", "the year", "across the start"}),
        ("CERTAINLY_WITHIN", {"first day", "last day", "the month"}),
        ("POSSIBLY_WITHIN", {"the year", "across the start"}),
    ],
)
def test_date_window_semantics_on_partial_dates(
    dated_documents: None, client: GraphQLClient, match: str, expected: set[str]
) -> None:
    result = documents(client, filter={"date": {**WINDOW, "match": match}}, first=100)
    assert set(titles(result)) == expected
    assert result["totalCount"] == len(expected)


def test_a_month_is_only_possibly_within_a_window_that_misses_its_last_day(
    dated_documents: None, client: GraphQLClient
) -> None:
    window = {"from": "1936-08-01", "to": "1936-08-30"}
    certainly = documents(client, filter={"date": {**window, "match": "CERTAINLY_WITHIN"}})
    possibly = documents(client, filter={"date": {**window, "match": "POSSIBLY_WITHIN"}})
    assert set(titles(certainly)) == {"first day"}
    assert set(titles(possibly)) == {"the month", "the year", "across the start"}


def test_a_reversed_window_is_refused(client: GraphQLClient) -> None:
    body = client(DOCUMENTS, {"filter": {"date": {"from": "1936-09-01", "to": "1936-08-01"}}})
    assert body["errors"][0]["extensions"]["code"] == "VALIDATION"


# --- kinds, parties, archives, editions, decisions ----------------------------------------


@pytest.fixture
def catalogue(db: Session) -> dict[str, str]:
    """Letters and telegrams between two men and a body, with copies, editions and a decision."""
    kaganovich = factories.person(db, "Lazar Kaganovich")
    stalin = factories.person(db, "Iosif Stalin")
    politburo = factories.body(db, short_name="PB")
    to_stalin = factories.document(db, "Kaganovich to Stalin", kind="letter", **factories.day("1936-01-10"))
    party(db, to_stalin, "author", person_id=kaganovich.id)
    party(db, to_stalin, "recipient", person_id=stalin.id)
    to_kaganovich = factories.document(db, "Stalin to Kaganovich", **factories.day("1936-01-11"))
    party(db, to_kaganovich, "author", person_id=stalin.id)
    party(db, to_kaganovich, "recipient", person_id=kaganovich.id)
    to_politburo = factories.document(db, "Stalin to the Politburo", **factories.day("1936-01-12"))
    party(db, to_politburo, "author", person_id=stalin.id)
    party(db, to_politburo, "recipient", body_id=politburo.id)

    personal = factories.archival_reference(
        db,
        repository="RGASPI",
        repository_as_printed="RTsKhIDNI",
        fond="558",
        opis="11",
        delo="93",
        folios="42-46",
        verbatim="RTsKhIDNI. F. 558. Op. 11. D. 93. L. 42-46",
        normalised="RGASPI, f. 558, op. 11, d. 93, ll. 42-46",
    )
    protocols = factories.archival_reference(db)
    state = factories.archival_reference(
        db,
        repository="GARF",
        fond="R-5446",
        opis="1",
        delo="487",
        folios="1",
        verbatim="GARF. F. R-5446. Op. 1. D. 487. L. 1",
        normalised="GARF, f. R-5446, op. 1, d. 487, l. 1",
    )
    for document, reference in [(to_stalin, personal), (to_kaganovich, protocols), (to_politburo, state)]:
        db.add(models.Copy(document_id=document.id, position=1, archival_reference_id=reference.id, forms=["original"]))
    correspondence = models.Publication(title="The Stalin-Kaganovich Correspondence", year=2003)
    db.add(correspondence)
    db.flush()
    db.add(models.Edition(document_id=to_stalin.id, publication_id=correspondence.id, document_number="136"))

    decision = factories.decision(db, body_id=politburo.id)
    db.add(models.Relation(type="proposes", source_id=to_politburo.id, target_id=decision.id, certainty="certain"))
    # A link to something other than a decision does not count.
    db.add(models.Relation(type="replies_to", source_id=to_kaganovich.id, target_id=to_stalin.id, certainty="certain"))
    db.commit()
    return {
        "kaganovich": encode_id("Person", kaganovich.id),
        "stalin": encode_id("Person", stalin.id),
        "politburo": encode_id("Body", politburo.id),
    }


ALL = {"Kaganovich to Stalin", "Stalin to Kaganovich", "Stalin to the Politburo"}


@pytest.mark.parametrize(
    ("filter_", "expected"),
    [
        ({"kinds": ["LETTER"]}, {"Kaganovich to Stalin"}),
        ({"kinds": ["CIPHER_TELEGRAM", "LETTER"]}, ALL),
        ({"party": {"person": "kaganovich"}}, {"Kaganovich to Stalin", "Stalin to Kaganovich"}),
        ({"party": {"person": "kaganovich", "role": "AUTHOR"}}, {"Kaganovich to Stalin"}),
        ({"party": {"person": "stalin", "role": "RECIPIENT"}}, {"Kaganovich to Stalin"}),
        ({"party": {"body": "politburo"}}, {"Stalin to the Politburo"}),
        ({"party": {"body": "politburo", "role": "AUTHOR"}}, set()),
        ({"archive": {"repository": "RGASPI"}}, {"Kaganovich to Stalin", "Stalin to Kaganovich"}),
        ({"archive": {"repository": "RTsKhIDNI"}}, {"Kaganovich to Stalin", "Stalin to Kaganovich"}),
        ({"archive": {"repository": "GARF"}}, {"Stalin to the Politburo"}),
        ({"archive": {"fond": "558"}}, {"Kaganovich to Stalin"}),
        ({"archive": {"repository": "RGASPI", "fond": "17", "opis": "3", "delo": "974"}}, {"Stalin to Kaganovich"}),
        ({"archive": {"fond": "17", "opis": "3", "delo": "93"}}, set()),
        ({"archive": {"opis": "1", "delo": "487"}}, {"Stalin to the Politburo"}),
        ({"edition": "Kaganovich Correspondence"}, {"Kaganovich to Stalin"}),
        ({"edition": "kaganovich"}, {"Kaganovich to Stalin"}),
        ({"edition": "Road to Terror"}, set()),
        ({"hasDecision": True}, {"Stalin to the Politburo"}),
        ({"hasDecision": False}, {"Kaganovich to Stalin", "Stalin to Kaganovich"}),
        ({"party": {"person": "stalin"}, "kinds": ["CIPHER_TELEGRAM"], "hasDecision": False}, {"Stalin to Kaganovich"}),
    ],
)
def test_document_filters(
    catalogue: dict[str, str], client: GraphQLClient, filter_: dict[str, Any], expected: set[str]
) -> None:
    if "party" in filter_:
        filter_ = {**filter_, "party": {k: catalogue.get(v, v) for k, v in filter_["party"].items()}}
    result = documents(client, filter=filter_)
    assert set(titles(result)) == expected
    assert result["totalCount"] == len(expected)


def test_a_party_filter_takes_ids_of_the_right_type(catalogue: dict[str, str], client: GraphQLClient) -> None:
    body = client(DOCUMENTS, {"filter": {"party": {"person": catalogue["politburo"]}}})
    assert body["errors"][0]["extensions"] == {"code": "VALIDATION", "field": "party.person"}


# --- full text ------------------------------------------------------------------------------


def test_full_text_ranked_with_marked_snippets(db: Session, client: GraphQLClient) -> None:
    factories.document(db, "Sheepskin coats for the army", summary="Supplies for the winter.")
    factories.document(
        db,
        "Kaganovich to Stalin",
        full_text="Among other matters the commissariat has yet to deliver the sheepskin coats it promised.",
    )
    factories.document(db, "Stalin to Kaganovich", full_text="Agreed on the grain figures.")
    db.commit()

    result = documents(client, filter={"text": "sheepskin"}, orderBy="RELEVANCE")

    assert titles(result) == ["Sheepskin coats for the army", "Kaganovich to Stalin"]
    assert result["totalCount"] == 2
    for edge in result["edges"]:
        assert "<b>sheepskin</b>" in edge["node"]["snippet"].lower(), edge


def test_relevance_needs_text(client: GraphQLClient) -> None:
    body = client(DOCUMENTS, {"orderBy": "RELEVANCE"})
    assert body["errors"][0]["extensions"] == {"code": "VALIDATION", "field": "orderBy"}


def test_no_snippet_without_text(db: Session, client: GraphQLClient) -> None:
    factories.document(db, "Telegram on coal")
    db.commit()
    assert documents(client)["edges"][0]["node"]["snippet"] is None


# --- paging ---------------------------------------------------------------------------------

SEVEN = ["d1", "d2", "d3 (same day)", "d4 (same day)", "d5", "d6", "undated"]


@pytest.fixture
def seven(db: Session) -> None:
    """Seven documents: two share a day, one is undated; inserted out of order."""
    for title, iso in [("d6", "1936-06-01"), ("d2", "1936-02-01"), ("d5", "1936-05-01"), ("d1", "1936-01-01")]:
        factories.document(db, title, **factories.day(iso))
    factories.document(db, "undated", **UNDATED)
    factories.document(db, "d3 (same day)", **factories.day("1936-03-01"))
    factories.document(db, "d4 (same day)", **factories.day("1936-03-01"))
    db.commit()


def test_paging_forward_lists_every_item_once_in_order(seven: None, client: GraphQLClient) -> None:
    seen: list[str] = []
    after = None
    pages = 0
    while True:
        page = documents(client, first=3, after=after)
        seen += titles(page)
        pages += 1
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        assert page["totalCount"] == 7
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
        assert pages < 5
    assert seen == SEVEN
    assert pages == 3


def test_paging_backward_lists_every_item_once_in_order(seven: None, client: GraphQLClient) -> None:
    seen: list[str] = []
    before = None
    pages = 0
    while True:
        page = documents(client, last=3, before=before)
        seen = titles(page) + seen
        pages += 1
        assert page["pageInfo"]["hasNextPage"] is (before is not None)
        if not page["pageInfo"]["hasPreviousPage"]:
            break
        before = page["pageInfo"]["startCursor"]
        assert pages < 5
    assert seen == SEVEN
    assert pages == 3


def test_paging_latest_first_keeps_undated_last(seven: None, client: GraphQLClient) -> None:
    seen: list[str] = []
    after = None
    for _ in range(3):
        page = documents(client, first=3, after=after, orderBy="DATE_DESC")
        seen += titles(page)
        after = page["pageInfo"]["endCursor"]
    assert seen == ["d6", "d5", "d4 (same day)", "d3 (same day)", "d2", "d1", "undated"]


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"first": 101}, "first"),
        ({"last": 101}, "last"),
        ({"first": -1}, "first"),
        ({"first": 2, "last": 2}, "last"),
        ({"after": "not a cursor"}, "after"),
    ],
)
def test_bad_paging_is_refused(client: GraphQLClient, variables: dict[str, Any], field: str) -> None:
    body = client(DOCUMENTS, variables)
    assert body["errors"][0]["extensions"] == {"code": "VALIDATION", "field": field}


# --- persons --------------------------------------------------------------------------------


@pytest.fixture
def people(db: Session) -> dict[str, str]:
    """People with the forms of their names the authority knows (not the misspellings)."""
    names = {
        "yezhov": ("Nikolai Yezhov", "Yezhov", ["N. I. Yezhov", "Yezhov"]),
        "piatakov": ("Georgy Piatakov", "Piatakov", ["Iu. L. Piatakov", "Piatakov"]),
        "ordzhonikidze": ("Grigory Ordzhonikidze", "Ordzhonikidze", ["Sergo", "G. K. Ordzhonikidze"]),
        "chubar": ("Vlas Chubar", "Chubar", ["V. Ia. Chubar", "Chubar"]),
        "zhdanov": ("Andrei Zhdanov", "Zhdanov", ["A. A. Zhdanov"]),
        "zinoviev": ("Grigory Zinoviev", "Zinoviev", ["G. E. Zinoviev"]),
        "kaganovich": ("Lazar Kaganovich", "Kaganovich", ["L. M. Kaganovich"]),
    }
    ids = {}
    for key, (name, short, variants) in names.items():
        person = factories.person(db, name, short_name=short)
        for variant in variants:
            db.add(models.NameVariant(person_id=person.id, name=variant, kind="spelling"))
        ids[key] = encode_id("Person", person.id)
    db.commit()
    return ids


PERSONS = """
query ($search: String, $first: Int) {
  persons(search: $search, first: $first) { totalCount nodes { id canonicalName } }
}"""


@pytest.mark.parametrize(
    ("search", "who"),
    [
        ("Ezhov", "yezhov"),
        ("Yezhav", "yezhov"),
        ("Pyatakov", "piatakov"),
        ("Ordhonikidze", "ordzhonikidze"),
        ("Sergo", "ordzhonikidze"),
        ("Chybar", "chubar"),
        ("kaganovich", "kaganovich"),
    ],
)
def test_persons_by_misspelt_names(people: dict[str, str], client: GraphQLClient, search: str, who: str) -> None:
    found = client.data(PERSONS, {"search": search})["persons"]
    assert found["nodes"], search
    assert found["nodes"][0]["id"] == people[who]


def test_persons_without_search_by_sort_name(people: dict[str, str], client: GraphQLClient) -> None:
    found = client.data(PERSONS, {"first": 3})["persons"]
    assert [n["canonicalName"] for n in found["nodes"]] == [
        "Andrei Zhdanov",
        "Georgy Piatakov",
        "Grigory Ordzhonikidze",
    ]
    assert found["totalCount"] == 7


def test_a_name_like_no_one_finds_no_one(people: dict[str, str], client: GraphQLClient) -> None:
    found = client.data(PERSONS, {"search": "Bukharin"})["persons"]
    assert found == {"totalCount": 0, "nodes": []}


# --- decisions and events -------------------------------------------------------------------

DECISIONS = """
query ($filter: DecisionFilter) { decisions(filter: $filter, first: 100) { totalCount nodes { title } } }"""
EVENTS = """
query ($filter: EventFilter) { events(filter: $filter, first: 100) { totalCount nodes { title } } }"""


def test_decision_filters(db: Session, client: GraphQLClient) -> None:
    politburo = factories.body(db, short_name="PB")
    sovnarkom = factories.body(db, "Council of People's Commissars", short_name="SNK")
    factories.decision(db, title="On the grain plan", body_id=politburo.id, **factories.day("1936-08-17"))
    factories.decision(
        db, title="On the harvest", body_id=politburo.id, procedure="meeting", outcome="postponed", **dated("1936-08")
    )
    factories.decision(db, title="On sowing", body_id=sovnarkom.id, **factories.day("1936-09-02"))
    db.commit()

    def decided(filter_: dict[str, Any]) -> set[str]:
        found = client.data(DECISIONS, {"filter": filter_})["decisions"]
        assert found["totalCount"] == len(found["nodes"])
        return {n["title"] for n in found["nodes"]}

    assert decided({"body": encode_id("Body", politburo.id)}) == {"On the grain plan", "On the harvest"}
    assert decided({"procedures": ["MEETING"]}) == {"On the harvest"}
    assert decided({"outcomes": ["APPROVED"]}) == {"On the grain plan", "On sowing"}
    window = {"from": "1936-08-10", "to": "1936-08-31"}
    assert decided({"date": window}) == {"On the grain plan", "On the harvest"}
    assert decided({"date": {**window, "match": "CERTAINLY_WITHIN"}}) == {"On the grain plan"}
    assert decided({"date": window, "body": encode_id("Body", sovnarkom.id)}) == set()


def test_event_filters(db: Session, client: GraphQLClient) -> None:
    tomsky = factories.person(db, "Mikhail Tomsky")
    trial = models.Event(type="trial", title="The August trial", **dated("1936-08-19/1936-08-24"))
    death = models.Event(type="suicide", title="Tomsky's death", **factories.day("1936-08-22"))
    vacation = models.Event(type="vacation", title="A vacation in Sochi", **dated("1935-08-10/1935-11-02"))
    db.add_all([trial, death, vacation])
    db.flush()
    db.add(models.EventParticipant(event_id=death.id, person_id=tomsky.id, role="victim"))
    db.commit()

    def happened(filter_: dict[str, Any]) -> set[str]:
        return {n["title"] for n in client.data(EVENTS, {"filter": filter_})["events"]["nodes"]}

    assert happened({"types": ["TRIAL", "VACATION"]}) == {"The August trial", "A vacation in Sochi"}
    assert happened({"participant": encode_id("Person", tomsky.id)}) == {"Tomsky's death"}
    assert happened({"date": {"from": "1936-08-20", "to": "1936-08-31"}}) == {"The August trial", "Tomsky's death"}
    within = {"from": "1936-08-20", "to": "1936-08-31", "match": "CERTAINLY_WITHIN"}
    assert happened({"date": within}) == {"Tomsky's death"}


# --- nodes and chains -----------------------------------------------------------------------

NODE = "query ($id: ID!) { node(id: $id) { id __typename } }"
NODES = "query ($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }"


def test_node_and_nodes(db: Session, client: GraphQLClient) -> None:
    person = factories.person(db)
    document = factories.document(db)
    decision = factories.decision(db)
    db.commit()
    for type_name, pk in [("Person", person.id), ("Document", document.id), ("Decision", decision.id)]:
        gid = encode_id(type_name, pk)
        assert client.data(NODE, {"id": gid})["node"] == {"id": gid, "__typename": type_name}

    missing = encode_id("Document", 999_999)
    mistyped = encode_id("Person", document.id)
    ids = [encode_id("Decision", decision.id), missing, mistyped, encode_id("Document", document.id)]
    assert client.data(NODES, {"ids": ids})["nodes"] == [
        {"id": ids[0], "__typename": "Decision"},
        None,
        None,
        {"id": ids[3], "__typename": "Document"},
    ]


@pytest.mark.parametrize(
    ("query", "variables", "field"),
    [
        (NODE, {"id": "not an id"}, "id"),
        (NODES, {"ids": [encode_id("Person", 1)] * 101}, "ids"),
    ],
)
def test_bad_ids_are_refused(client: GraphQLClient, query: str, variables: dict[str, Any], field: str) -> None:
    body = client(query, variables)
    assert body["errors"][0]["extensions"] == {"code": "VALIDATION", "field": field}


CHAIN = """
query ($from: ID!, $direction: ChainDirection, $maxDepth: Int) {
  chain(from: $from, direction: $direction, maxDepth: $maxDepth) {
    truncated
    nodes { depth node { id } }
    edges { type source target depth }
  }
}"""


def test_chain_from_a_telegram_forward(db: Session, client: GraphQLClient) -> None:
    stalin = factories.person(db, "Iosif Stalin")
    molotov = factories.person(db, "Viacheslav Molotov")
    telegram = factories.document(db, "Kaganovich to Stalin")
    decision = factories.decision(db)
    decree = factories.document(db, "Decree on the railways", kind="decree")
    unrelated = factories.document(db, "Stalin to Molotov")
    for kind, source, target in [("proposes", telegram.id, decision.id), ("formalised_as", decision.id, decree.id)]:
        db.add(models.Relation(type=kind, source_id=source, target_id=target, certainty="certain"))
    db.add(models.Relation(type="replies_to", source_id=unrelated.id, target_id=telegram.id, certainty="certain"))
    votes = [
        models.Vote(decision_id=decision.id, person_id=who.id, position="for", recorded_in="cipher_marks")
        for who in (stalin, molotov)
    ]
    db.add_all(votes)
    db.commit()

    chain = client.data(CHAIN, {"from": encode_id("Document", telegram.id), "direction": "FORWARD"})["chain"]

    depths = {n["node"]["id"]: n["depth"] for n in chain["nodes"]}
    assert depths == {
        encode_id("Document", telegram.id): 0,
        encode_id("Decision", decision.id): 1,
        encode_id("Document", decree.id): 2,
        encode_id("Vote", votes[0].id): 2,
        encode_id("Vote", votes[1].id): 2,
    }
    assert chain["nodes"][0]["node"]["id"] == encode_id("Document", telegram.id)
    links = {(e["type"], e["source"], e["target"]) for e in chain["edges"]}
    assert links == {
        ("PROPOSES", encode_id("Document", telegram.id), encode_id("Decision", decision.id)),
        ("FORMALISED_AS", encode_id("Decision", decision.id), encode_id("Document", decree.id)),
        ("VOTE_ON", encode_id("Vote", votes[0].id), encode_id("Decision", decision.id)),
        ("VOTE_ON", encode_id("Vote", votes[1].id), encode_id("Decision", decision.id)),
    }
    assert chain["truncated"] is False

    back = client.data(CHAIN, {"from": encode_id("Document", decree.id), "direction": "BACKWARD"})["chain"]
    assert encode_id("Document", unrelated.id) in {n["node"]["id"] for n in back["nodes"]}
    assert encode_id("Vote", votes[0].id) not in {n["node"]["id"] for n in back["nodes"]}


def test_chain_survives_a_cycle(db: Session, client: GraphQLClient) -> None:
    letter = factories.document(db, "Kaganovich to Stalin")
    reply = factories.document(db, "Stalin to Kaganovich")
    db.add(models.Relation(type="replies_to", source_id=reply.id, target_id=letter.id, certainty="certain"))
    db.add(models.Relation(type="mentions", source_id=letter.id, target_id=reply.id, certainty="possible"))
    db.commit()

    chain = client.data(CHAIN, {"from": encode_id("Document", letter.id), "direction": "BOTH", "maxDepth": 6})["chain"]

    assert sorted((n["node"]["id"], n["depth"]) for n in chain["nodes"]) == sorted(
        [(encode_id("Document", letter.id), 0), (encode_id("Document", reply.id), 1)]
    )
    assert sorted(e["type"] for e in chain["edges"]) == ["MENTIONS", "REPLIES_TO"]


@pytest.mark.parametrize("depth", [0, 7])
def test_chain_depth_is_bounded(db: Session, client: GraphQLClient, depth: int) -> None:
    letter = factories.document(db)
    db.commit()
    body = client(CHAIN, {"from": encode_id("Document", letter.id), "maxDepth": depth})
    assert body["errors"][0]["extensions"] == {"code": "VALIDATION", "field": "maxDepth"}


def test_chain_from_a_record_that_is_not_there(client: GraphQLClient) -> None:
    body = client(CHAIN, {"from": encode_id("Document", 424_242)})
    assert body["errors"][0]["extensions"] == {"code": "NOT_FOUND", "field": "from"}
