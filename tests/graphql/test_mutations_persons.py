"""Persons (with name variants) and bodies: create, update with versions, delete."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from chronology import models
from tests import factories
from tests.graphql.conftest import GraphQLClient
from tests.graphql.mutation_helpers import count, failure, gid, issue

PERSON = "id version canonicalName sortName shortName wikidataQid born { edtf verbatim } note"
CREATE_PERSON = f"mutation($input: CreatePersonInput!) {{ createPerson(input: $input) {{ {PERSON} }} }}"
UPDATE_PERSON = (
    "mutation($id: ID!, $v: Int!, $input: UpdatePersonInput!) {"
    f" updatePerson(id: $id, expectedVersion: $v, input: $input) {{ {PERSON} variants {{ name kind }} }} }}"
)


@pytest.fixture
def editor(db: Session, client: GraphQLClient) -> GraphQLClient:
    client.token = issue(db, "editor", "ada")
    return client


def test_create_person_with_variants_and_a_birth_date(db: Session, editor: GraphQLClient) -> None:
    person = editor.data(
        CREATE_PERSON,
        {
            "input": {
                "canonicalName": "Lazar Moiseevich Kaganovich",
                "shortName": "Kaganovich",
                "wikidataQid": "Q193451",
                "born": "22 November 1893",
                "variants": [{"name": "Kaganovic", "kind": "OCR_ERROR"}, {"name": "L. M. K."}],
            }
        },
    )["createPerson"]
    assert person["version"] == 1
    assert person["sortName"] == "Lazar Moiseevich Kaganovich"
    assert person["born"]["edtf"] == "1893-11-22"
    db.rollback()
    stored = db.scalars(select(models.NameVariant.name).order_by(models.NameVariant.name)).all()
    assert stored == ["Kaganovic", "L. M. K."]


def test_update_person_bumps_the_version_and_replaces_variants(db: Session, editor: GraphQLClient) -> None:
    row = factories.person(db, "Yezhov")
    db.add(models.NameVariant(person_id=row.id, name="Ezhov", kind="transliteration"))
    db.commit()
    updated = editor.data(
        UPDATE_PERSON,
        {"id": gid("Person", row.id), "v": 1, "input": {"note": "NKVD", "variants": [{"name": "Jezow"}]}},
    )["updatePerson"]
    assert updated["version"] == 2
    assert updated["note"] == "NKVD"
    assert updated["variants"] == [{"name": "Jezow", "kind": "SPELLING"}]
    assert updated["canonicalName"] == "Yezhov"  # left out, so unchanged


def test_an_update_that_changes_nothing_keeps_the_version(db: Session, editor: GraphQLClient) -> None:
    row = factories.person(db, "Yezhov", note="same")
    db.commit()
    updated = editor.data(UPDATE_PERSON, {"id": gid("Person", row.id), "v": 1, "input": {"note": "same"}})[
        "updatePerson"
    ]
    assert updated["version"] == 1


def test_a_stale_version_is_a_conflict_naming_the_current_one(db: Session, editor: GraphQLClient) -> None:
    row = factories.person(db, "Yezhov")
    db.commit()
    variables = {"id": gid("Person", row.id), "v": 1, "input": {"note": "first"}}
    editor.data(UPDATE_PERSON, variables)
    body = editor(UPDATE_PERSON, {**variables, "input": {"note": "second"}})
    assert failure(body) == ("CONFLICT", "expectedVersion")
    assert "version 2" in body["errors"][0]["message"]
    db.rollback()
    assert db.get(models.Person, row.id).note == "first"  # type: ignore[union-attr]


def test_update_of_an_unknown_person_is_not_found(editor: GraphQLClient) -> None:
    body = editor(UPDATE_PERSON, {"id": gid("Person", 999_999), "v": 1, "input": {"note": "x"}})
    assert failure(body) == ("NOT_FOUND", "id")


def test_a_required_name_cannot_be_cleared(db: Session, editor: GraphQLClient) -> None:
    row = factories.person(db, "Yezhov")
    db.commit()
    body = editor(UPDATE_PERSON, {"id": gid("Person", row.id), "v": 1, "input": {"canonicalName": None}})
    assert failure(body) == ("VALIDATION", "canonicalName")


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"canonicalName": "  "}, "canonicalName"),
        ({"canonicalName": "Yezhov", "wikidataQid": "855"}, "wikidataQid"),
        ({"canonicalName": "Yezhov", "born": "the spring of long ago"}, "born"),
        ({"canonicalName": "Yez\x00hov"}, "canonicalName"),
        ({"canonicalName": "Yezhov", "variants": [{"name": "Ezhov"}, {"name": "Ezhov"}]}, "variants[1].name"),
        ({"canonicalName": "Yezhov", "variants": [{"name": "ok"}, {"name": "E\x00"}]}, "variants[1].name"),
    ],
)
def test_invalid_person_input_is_refused_and_nothing_is_written(
    values: dict[str, object], field: str, db: Session, editor: GraphQLClient
) -> None:
    body = editor(CREATE_PERSON, {"input": values})
    assert failure(body) == ("VALIDATION", field)
    assert count(db, models.Person) == 0
    assert count(db, models.NameVariant) == 0


def test_a_wikidata_id_taken_by_another_person_is_a_conflict(db: Session, editor: GraphQLClient) -> None:
    factories.person(db, "Stalin", wikidata_qid="Q855")
    db.commit()
    body = editor(CREATE_PERSON, {"input": {"canonicalName": "Dzhugashvili", "wikidataQid": "Q855"}})
    assert failure(body) == ("CONFLICT", "wikidataQid")
    assert count(db, models.Person) == 1


def test_delete_person(db: Session, editor: GraphQLClient) -> None:
    row = factories.person(db, "Yezhov")
    db.commit()
    deleted = editor.data("mutation($id: ID!) { deletePerson(id: $id) }", {"id": gid("Person", row.id)})
    assert deleted["deletePerson"] == gid("Person", row.id)
    assert count(db, models.Person) == 0
    assert count(db, models.Record) == 0


def test_a_person_who_voted_cannot_be_deleted(db: Session, editor: GraphQLClient) -> None:
    voter = factories.person(db, "Molotov")
    decision = factories.decision(db)
    db.add(models.Vote(decision_id=decision.id, person_id=voter.id, position="for", recorded_in="minutes"))
    db.commit()
    body = editor("mutation($id: ID!) { deletePerson(id: $id) }", {"id": gid("Person", voter.id)})
    code, field = failure(body)
    assert (code, field) == ("CONFLICT", "id")
    assert "recorded votes" in body["errors"][0]["message"]
    assert count(db, models.Person) == 1


def test_delete_with_a_stale_version_is_a_conflict(db: Session, editor: GraphQLClient) -> None:
    row = factories.person(db, "Yezhov")
    db.commit()
    body = editor("mutation($id: ID!) { deletePerson(id: $id, expectedVersion: 7) }", {"id": gid("Person", row.id)})
    assert failure(body) == ("CONFLICT", "expectedVersion")
    assert count(db, models.Person) == 1


def test_an_id_of_another_type_is_refused(db: Session, editor: GraphQLClient) -> None:
    body = editor("mutation($id: ID!) { deletePerson(id: $id) }", {"id": gid("Body", 1)})
    assert failure(body) == ("VALIDATION", "id")


BODY = "mutation($input: CreateBodyInput!) { createBody(input: $input) { id name kind variants version } }"


def test_create_and_update_a_body(db: Session, editor: GraphQLClient) -> None:
    parent = factories.body(db, "Central Committee")
    db.commit()
    created = editor.data(
        BODY,
        {"input": {"name": "Politburo", "kind": "PARTY_ORGAN", "variants": ["PB"], "parent": gid("Body", parent.id)}},
    )["createBody"]
    assert created["variants"] == ["PB"]
    db.rollback()
    stored = db.scalars(select(models.Body).where(models.Body.name == "Politburo")).one()
    assert stored.parent_id == parent.id
    updated = editor.data(
        'mutation($id: ID!) { updateBody(id: $id, expectedVersion: 1, input: {shortName: "PB",'
        " parent: null}) { version } }",
        {"id": created["id"]},
    )["updateBody"]
    assert updated["version"] == 2
    db.rollback()
    db.refresh(stored)
    assert stored.parent_id is None


def test_a_body_name_in_use_is_a_conflict(db: Session, editor: GraphQLClient) -> None:
    editor.data(BODY, {"input": {"name": "Orgburo", "kind": "PARTY_ORGAN"}})
    body = editor(BODY, {"input": {"name": "Orgburo", "kind": "PARTY_ORGAN"}})
    assert failure(body) == ("CONFLICT", "name")
    assert count(db, models.Body) == 1


def test_an_unknown_parent_body_is_not_found(editor: GraphQLClient) -> None:
    body = editor(BODY, {"input": {"name": "Orgburo", "kind": "PARTY_ORGAN", "parent": gid("Body", 4242)}})
    assert failure(body) == ("NOT_FOUND", "parent")


def test_a_body_that_decided_cannot_be_deleted(db: Session, editor: GraphQLClient) -> None:
    decision = factories.decision(db)
    db.commit()
    body = editor("mutation($id: ID!) { deleteBody(id: $id) }", {"id": gid("Body", decision.body_id)})
    assert failure(body) == ("CONFLICT", "id")
    assert "decisions" in body["errors"][0]["message"]
