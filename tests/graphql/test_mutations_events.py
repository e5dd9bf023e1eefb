"""Events and their participants."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from chronology import models
from tests import factories
from tests.graphql.conftest import GraphQLClient
from tests.graphql.mutation_helpers import count, event, failure, gid, issue

EVENT = (
    "id version type title places description date { edtf precision } participants { role person { canonicalName } }"
)
CREATE = f"mutation($input: CreateEventInput!) {{ createEvent(input: $input) {{ {EVENT} }} }}"
UPDATE = (
    "mutation($id: ID!, $v: Int!, $input: UpdateEventInput!) {"
    f" updateEvent(id: $id, expectedVersion: $v, input: $input) {{ {EVENT} }} }}"
)


@pytest.fixture
def editor(db: Session, client: GraphQLClient) -> GraphQLClient:
    client.token = issue(db, "editor", "ada")
    return client


def test_create_update_and_delete_an_event(db: Session, editor: GraphQLClient) -> None:
    piatakov = factories.person(db, "Piatakov")
    radek = factories.person(db, "Radek")
    db.commit()
    created = editor.data(
        CREATE,
        {
            "input": {
                "type": "TRIAL",
                "title": "Second Moscow trial",
                "date": "23-30 January 1937",
                "places": ["Moscow"],
                "participants": [{"person": gid("Person", piatakov.id), "role": "defendant"}],
            }
        },
    )["createEvent"]
    assert created["date"] == {"edtf": "1937-01-23/1937-01-30", "precision": "DAY"}
    assert created["participants"] == [{"role": "defendant", "person": {"canonicalName": "Piatakov"}}]
    updated = editor.data(
        UPDATE,
        {
            "id": created["id"],
            "v": 1,
            "input": {
                "description": "The trial of the parallel centre",
                "participants": [
                    {"person": gid("Person", radek.id), "role": "defendant"},
                    {"person": gid("Person", piatakov.id), "role": "defendant"},
                ],
            },
        },
    )["updateEvent"]
    assert updated["version"] == 2
    assert [p["person"]["canonicalName"] for p in updated["participants"]] == ["Radek", "Piatakov"]
    assert updated["title"] == "Second Moscow trial"
    deleted = editor.data("mutation($id: ID!) { deleteEvent(id: $id, expectedVersion: 2) }", {"id": created["id"]})
    assert deleted["deleteEvent"] == created["id"]
    assert count(db, models.Event) == 0
    assert count(db, models.EventParticipant) == 0


@pytest.mark.parametrize(
    ("participants", "code", "field"),
    [
        ([{"person": "UGVyc29uOjk5OTk5", "role": "chair"}], "NOT_FOUND", "participants[0].person"),
        ([{"person": "PERSON", "role": " "}], "VALIDATION", "participants[0].role"),
        (
            [{"person": "PERSON", "role": "chair"}, {"person": "PERSON", "role": "chair"}],
            "VALIDATION",
            "participants[1]",
        ),
    ],
)
def test_bad_participants_are_refused(
    participants: list[dict[str, str]], code: str, field: str, db: Session, editor: GraphQLClient
) -> None:
    person = gid("Person", factories.person(db, "Kirov").id)
    db.commit()
    for participant in participants:
        participant["person"] = participant["person"].replace("PERSON", person)
    body = editor(CREATE, {"input": {"type": "MEETING", "title": "A meeting", "participants": participants}})
    assert failure(body) == (code, field)
    assert count(db, models.Event) == 0


def test_updating_an_event_with_a_bad_date_changes_nothing(db: Session, editor: GraphQLClient) -> None:
    row = event(db)
    db.commit()
    body = editor(UPDATE, {"id": gid("Event", row.id), "v": 1, "input": {"title": "Renamed", "date": "soon"}})
    assert failure(body) == ("VALIDATION", "date")
    db.rollback()
    db.refresh(row)
    assert (row.title, row.version) == ("Plenum", 1)


def test_a_type_cannot_be_cleared(db: Session, editor: GraphQLClient) -> None:
    row = event(db)
    db.commit()
    body = editor(UPDATE, {"id": gid("Event", row.id), "v": 1, "input": {"type": None}})
    assert failure(body) == ("VALIDATION", "type")
