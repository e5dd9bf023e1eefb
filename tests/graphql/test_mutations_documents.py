"""Documents with parties, copies (parsed archival references), editions and annotations."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from chronology import models
from tests import factories
from tests.graphql.conftest import GraphQLClient
from tests.graphql.mutation_helpers import count, failure, gid, issue

DOCUMENT = """id version kind title place date { verbatim edtf earliest latest precision qualifiers }
  transmission { sent sentDate { edtf } incomingNumber }
  parties { role position nameAsPrinted agent { ... on Person { canonicalName } ... on Body { name } } }
  copies { position forms archivalReference { repository repositoryAsPrinted fond opis delo folios
           verbatim normalised } }
  editions { pages documentNumber publication { title year } }
  annotations { kind text author { canonicalName } }"""
CREATE = f"mutation($input: CreateDocumentInput!) {{ createDocument(input: $input) {{ {DOCUMENT} }} }}"
UPDATE = (
    "mutation($id: ID!, $v: Int!, $input: UpdateDocumentInput!) {"
    f" updateDocument(id: $id, expectedVersion: $v, input: $input) {{ {DOCUMENT} }} }}"
)


@pytest.fixture
def editor(db: Session, client: GraphQLClient) -> GraphQLClient:
    client.token = issue(db, "editor", "ada")
    return client


@pytest.fixture
def cast(db: Session) -> dict[str, str]:
    kaganovich = factories.person(db, "Kaganovich")
    stalin = factories.person(db, "Stalin")
    politburo = factories.body(db, "Politburo")
    db.commit()
    return {
        "kaganovich": gid("Person", kaganovich.id),
        "stalin": gid("Person", stalin.id),
        "politburo": gid("Body", politburo.id),
    }


def _letter(cast: dict[str, str], **changes: Any) -> dict[str, Any]:
    letter: dict[str, Any] = {
        "kind": "CIPHER_TELEGRAM",
        "title": "Kaganovich to Stalin",
        "date": "August 17 [1936]",
        "place": "Moscow",
        "transmission": {"sent": "From Moscow 17/VIII", "sentDate": "1936-08-17", "incomingNumber": "37/sh"},
        "parties": [
            {"role": "AUTHOR", "person": cast["kaganovich"]},
            {"role": "RECIPIENT", "person": cast["stalin"], "nameAsPrinted": "Comrade Stalin"},
            {"role": "RECIPIENT", "body": cast["politburo"]},
        ],
        "copies": [
            {
                "archivalReference": "RTsKhIDNI. F. 558. Op. 11. D. 93. L. 42-46",
                "forms": ["ORIGINAL", "TYPESCRIPT"],
            }
        ],
        "editions": [{"publication": {"title": "Stalin-Kaganovich letters", "year": 2003}, "pages": "331-332"}],
        "annotations": [{"kind": "RESOLUTION", "text": "Agreed. St.", "author": cast["stalin"]}],
    }
    letter.update(changes)
    return letter


def test_create_document_with_everything(db: Session, editor: GraphQLClient, cast: dict[str, str]) -> None:
    document = editor.data(CREATE, {"input": _letter(cast)})["createDocument"]
    assert document["version"] == 1
    assert document["date"] == {
        "verbatim": "August 17 [1936]",
        "edtf": "1936-08-17",
        "earliest": "1936-08-17",
        "latest": "1936-08-17",
        "precision": "DAY",
        "qualifiers": ["SUPPLIED"],
    }
    assert document["transmission"]["sentDate"]["edtf"] == "1936-08-17"
    assert [(p["role"], p["position"]) for p in document["parties"]] == [
        ("AUTHOR", 1),
        ("RECIPIENT", 1),
        ("RECIPIENT", 2),
    ]
    assert document["parties"][2]["agent"]["name"].startswith("Politburo")
    [copy] = document["copies"]
    assert copy["forms"] == ["ORIGINAL", "TYPESCRIPT"]
    assert copy["archivalReference"] == {
        "repository": "RGASPI",
        "repositoryAsPrinted": "RTsKhIDNI",
        "fond": "558",
        "opis": "11",
        "delo": "93",
        "folios": "42–46",
        "verbatim": "RTsKhIDNI. F. 558. Op. 11. D. 93. L. 42-46",
        "normalised": "RGASPI, f. 558, op. 11, d. 93, ll. 42–46",
    }
    assert document["editions"][0]["publication"] == {"title": "Stalin-Kaganovich letters", "year": 2003}
    assert document["annotations"][0]["author"]["canonicalName"] == "Stalin"


def test_update_replaces_copies_and_drops_the_orphaned_reference(
    db: Session, editor: GraphQLClient, cast: dict[str, str]
) -> None:
    document = editor.data(CREATE, {"input": _letter(cast)})["createDocument"]
    updated = editor.data(
        UPDATE,
        {
            "id": document["id"],
            "v": 1,
            "input": {
                "title": "Kaganovich to Stalin (cipher)",
                "copies": [{"archivalReference": "RGASPI F. 17. Op. 3. D. 974. L. 48"}],
            },
        },
    )["updateDocument"]
    assert updated["version"] == 2
    assert [c["archivalReference"]["normalised"] for c in updated["copies"]] == ["RGASPI, f. 17, op. 3, d. 974, l. 48"]
    assert len(updated["parties"]) == 3  # not sent, so kept
    assert count(db, models.ArchivalReferenceRow) == 1


def test_update_can_clear_the_date(db: Session, editor: GraphQLClient) -> None:
    row = factories.document(db)
    db.commit()
    updated = editor.data(UPDATE, {"id": gid("Document", row.id), "v": 1, "input": {"date": None}})
    assert updated["updateDocument"]["date"] is None
    assert updated["updateDocument"]["version"] == 2


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"date": "sometime in the thaw"}, "VALIDATION", "date"),
        ({"title": " "}, "VALIDATION", "title"),
        ({"title": "bad\x00title"}, "VALIDATION", "title"),
        ({"copies": [{"archivalReference": "somewhere in Moscow"}]}, "VALIDATION", "copies[0].archivalReference"),
        ({"transmission": {"sentDate": "a while later"}}, "VALIDATION", "transmission.sentDate"),
        ({"parties": [{"role": "AUTHOR"}]}, "VALIDATION", "parties[0].person"),
        (
            {"annotations": [{"kind": "RESOLUTION", "text": "x", "author": "UGVyc29uOjk5OTk5"}]},
            "NOT_FOUND",
            "annotations[0].author",
        ),
    ],
)
def test_a_failing_create_writes_nothing(
    changes: dict[str, Any], code: str, field: str, db: Session, editor: GraphQLClient, cast: dict[str, str]
) -> None:
    body = editor(CREATE, {"input": _letter(cast, **changes)})
    assert failure(body) == (code, field)
    for table in (
        models.Document,
        models.DocumentParty,
        models.Copy,
        models.ArchivalReferenceRow,
        models.Edition,
        models.Publication,
        models.Annotation,
    ):
        assert count(db, table) == 0, table
    assert count(db, models.Record) == 3  # the cast only
    db.rollback()
    assert db.scalars(select(models.AuditEntry.table_name).where(models.AuditEntry.actor == "ada")).all() == []


def test_an_unknown_party_is_not_found(db: Session, editor: GraphQLClient, cast: dict[str, str]) -> None:
    parties = [{"role": "AUTHOR", "person": cast["stalin"]}, {"role": "AUTHOR", "body": gid("Body", 99999)}]
    body = editor(CREATE, {"input": _letter(cast, parties=parties)})
    assert failure(body) == ("NOT_FOUND", "parties[1].body")
    assert count(db, models.Document) == 0


def test_an_unknown_enum_value_is_refused_by_graphql(db: Session, editor: GraphQLClient, cast: dict[str, str]) -> None:
    body = editor(CREATE, {"input": _letter(cast, kind="PAMPHLET")})
    assert "errors" in body
    assert "PAMPHLET" in body["errors"][0]["message"]
    assert count(db, models.Document) == 0


def test_a_failing_update_leaves_the_document_as_it_was(
    db: Session, editor: GraphQLClient, cast: dict[str, str]
) -> None:
    document = editor.data(CREATE, {"input": _letter(cast)})["createDocument"]
    body = editor(
        UPDATE,
        {
            "id": document["id"],
            "v": 1,
            "input": {"title": "Changed", "parties": [], "copies": [{"archivalReference": "no fond here"}]},
        },
    )
    assert failure(body) == ("VALIDATION", "copies[0].archivalReference")
    db.rollback()
    stored = db.scalars(select(models.Document)).one()
    assert stored.title == "Kaganovich to Stalin"
    assert stored.version == 1
    assert count(db, models.DocumentParty) == 3
    assert count(db, models.Copy) == 1


def test_an_earlier_mutation_in_the_same_request_stays_when_a_later_one_fails(
    db: Session, editor: GraphQLClient
) -> None:
    body = editor(
        'mutation { a: createDocument(input: {kind: LETTER, title: "Kept"}) { id }'
        ' b: createDocument(input: {kind: LETTER, title: "Lost", date: "never"}) { id } }'
    )
    assert body["data"]["a"]["id"]
    assert body["errors"][0]["extensions"] == {"code": "VALIDATION", "field": "date"}
    db.rollback()
    assert db.scalars(select(models.Document.title)).all() == ["Kept"]


def test_stale_update_and_delete(db: Session, editor: GraphQLClient) -> None:
    row = factories.document(db)
    db.commit()
    document_id = gid("Document", row.id)
    editor.data(UPDATE, {"id": document_id, "v": 1, "input": {"place": "Sochi"}})
    stale = editor(UPDATE, {"id": document_id, "v": 1, "input": {"place": "Kislovodsk"}})
    assert failure(stale) == ("CONFLICT", "expectedVersion")
    stale_delete = editor("mutation($id: ID!) { deleteDocument(id: $id, expectedVersion: 1) }", {"id": document_id})
    assert failure(stale_delete) == ("CONFLICT", "expectedVersion")
    assert count(db, models.Document) == 1


def test_delete_document_takes_its_parts_and_references(
    db: Session, editor: GraphQLClient, cast: dict[str, str]
) -> None:
    document = editor.data(CREATE, {"input": _letter(cast)})["createDocument"]
    deleted = editor.data("mutation($id: ID!) { deleteDocument(id: $id, expectedVersion: 1) }", {"id": document["id"]})
    assert deleted["deleteDocument"] == document["id"]
    for table in (
        models.Document,
        models.DocumentParty,
        models.Copy,
        models.ArchivalReferenceRow,
        models.Annotation,
        models.Edition,
    ):
        assert count(db, table) == 0, table
    assert count(db, models.Publication) == 1  # a publication outlives the documents it prints
    again = editor("mutation($id: ID!) { deleteDocument(id: $id) }", {"id": document["id"]})
    assert failure(again) == ("NOT_FOUND", "id")


def test_a_doubtful_reference_is_stored_with_its_note_and_confidence(db: Session, editor: GraphQLClient) -> None:
    created = editor.data(
        """mutation { createDocument(input: {kind: MEMORANDUM, title: "Note",
             copies: [{archivalReference: "RGASPI F. 77. Op. 163. D. 1092. L. 70"}]}) {
             copies { archivalReference { fond verbatim doubtful note confidence } } } }"""
    )["createDocument"]
    [copy] = created["copies"]
    reference = copy["archivalReference"]
    assert (reference["fond"], reference["verbatim"]) == ("77", "RGASPI F. 77. Op. 163. D. 1092. L. 70")
    assert reference["doubtful"] is True
    assert reference["note"]
    assert 0 < reference["confidence"] < 1


def test_an_edit_of_the_parts_alone_makes_a_stale_edit_of_the_whole_conflict(
    db: Session, editor: GraphQLClient
) -> None:
    row = factories.document(db)
    db.commit()
    first = editor.data(
        UPDATE,
        {
            "id": gid("Document", row.id),
            "v": 1,
            "input": {"copies": [{"archivalReference": "RGASPI F. 17. Op. 3. D. 974. L. 48"}]},
        },
    )["updateDocument"]
    assert first["version"] == 2
    stale = editor(UPDATE, {"id": gid("Document", row.id), "v": 1, "input": {"title": "A title written blind"}})
    assert stale["errors"][0]["extensions"]["code"] == "CONFLICT"
