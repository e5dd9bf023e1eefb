"""Helpers for the tests of the writing side: tokens of each role, error codes, global ids."""

from __future__ import annotations

import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chronology import models
from chronology.graphql.runtime.ids import encode_id
from chronology.services.tokens import create_token
from tests import factories

ROLES = (None, "reader", "editor", "admin")


def issue(db: Session, role: str, name: str | None = None) -> str:
    """Create a token with ROLE, commit it, and return its secret."""
    secret = create_token(db, name=name or f"{role}-token", role=role).secret
    db.commit()
    return secret


def failure(body: dict[str, Any]) -> tuple[str, str | None]:
    """Return the code and field of the single error of a response."""
    assert "errors" in body, body
    [error] = body["errors"]
    extensions = error.get("extensions", {})
    return extensions.get("code"), extensions.get("field")


def gid(type_name: str, pk: int) -> str:
    """Return the global id of a record."""
    return encode_id(type_name, pk)


def count(db: Session, model: Any) -> int:
    """Return how many rows a table holds now (a fresh statement, so the app's commits show)."""
    db.rollback()
    return int(db.scalar(select(func.count()).select_from(model)) or 0)


def vote(db: Session, **values: Any) -> models.Vote:
    """Add a vote 'for' on a new decision by a new person unless told otherwise."""
    fields: dict[str, Any] = {"position": "for", "recorded_in": "cipher_marks"}
    fields.update(values)
    if "decision_id" not in fields:
        fields["decision_id"] = factories.decision(db).id
    if "person_id" not in fields:
        fields["person_id"] = factories.person(db, "Molotov").id
    row = models.Vote(**fields)
    db.add(row)
    db.flush()
    return row


def event(db: Session, title: str = "Plenum", **values: Any) -> models.Event:
    """Add an event dated 7–12 January 1933 unless told otherwise."""
    fields: dict[str, Any] = {
        "type": "plenum",
        "title": title,
        "date_verbatim": "7-12 January 1933",
        "date_edtf": "1933-01-07/1933-01-12",
        "date_lower": datetime.date(1933, 1, 7),
        "date_upper": datetime.date(1933, 1, 12),
        "date_precision": "day",
    }
    fields.update(values)
    row = models.Event(**fields)
    db.add(row)
    db.flush()
    return row


def relation(db: Session, source: int, target: int, type: str = "proposes") -> models.Relation:
    """Add a certain link from SOURCE to TARGET."""
    row = models.Relation(type=type, source_id=source, target_id=target, certainty="certain")
    db.add(row)
    db.flush()
    return row
