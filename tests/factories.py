"""Factories that build valid records in a session: they flush, never commit."""

from __future__ import annotations

import datetime
import itertools

from sqlalchemy.orm import Session

from chronology import models

_counter = itertools.count(1)


def day(iso: str) -> dict[str, object]:
    """Return fuzzy-date column values for one exactly known day."""
    value = datetime.date.fromisoformat(iso)
    return {
        "date_verbatim": iso,
        "date_edtf": iso,
        "date_lower": value,
        "date_upper": value,
        "date_precision": "day",
    }


def person(session: Session, name: str = "Kaganovich", **values: object) -> models.Person:
    """Add a person."""
    row = models.Person(canonical_name=name, sort_name=name, **values)
    session.add(row)
    session.flush()
    return row


def body(session: Session, name: str = "Politburo", **values: object) -> models.Body:
    """Add a body."""
    row = models.Body(name=f"{name} {next(_counter)}", kind="party_organ", **values)
    session.add(row)
    session.flush()
    return row


def document(session: Session, title: str = "Telegram", **values: object) -> models.Document:
    """Add a document dated 15 January 1936 unless told otherwise."""
    fields: dict[str, object] = {"kind": "cipher_telegram", "title": title, **day("1936-01-15")}
    fields.update(values)
    row = models.Document(**fields)
    session.add(row)
    session.flush()
    return row


def decision(session: Session, **values: object) -> models.Decision:
    """Add a Politburo decision by poll."""
    fields: dict[str, object] = {
        "title": "On the railways",
        "procedure": "poll",
        "outcome": "approved",
        **day("1936-01-15"),
    }
    fields.update(values)
    if "body_id" not in fields:
        fields["body_id"] = body(session).id
    row = models.Decision(**fields)
    session.add(row)
    session.flush()
    return row


def archival_reference(session: Session, **values: object) -> models.ArchivalReferenceRow:
    """Add RGASPI f. 17, op. 3, d. 974, l. 48 unless told otherwise."""
    fields: dict[str, object] = {
        "repository": "RGASPI",
        "fond": "17",
        "opis": "3",
        "delo": "974",
        "folios": "48",
        "verbatim": "RGASPI. F. 17. Op. 3. D. 974. L. 48",
        "normalised": "RGASPI, f. 17, op. 3, d. 974, l. 48",
    }
    fields.update(values)
    row = models.ArchivalReferenceRow(**fields)
    session.add(row)
    session.flush()
    return row
