"""The sample's key events: written by us in events.toml, loaded by natural key."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chronology.dates.fuzzy import parse_date
from chronology.models import Event, EventParticipant, Person


def read_events() -> list[dict[str, Any]]:
    """Return the events of events.toml as plain tables."""
    text = resources.files("chronology.sample").joinpath("events.toml").read_text(encoding="utf-8")
    events: list[dict[str, Any]] = tomllib.loads(text)["event"]
    return events


def load_events(session: Session) -> dict[str, int]:
    """Create or update the key events and their participants; return what changed."""
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    rows = session.execute(select(Person.authority_key, Person.id).where(Person.authority_key.is_not(None)))
    people: dict[str | None, int] = {row.authority_key: row.id for row in rows}
    for entry in read_events():
        date = parse_date(entry["date"])
        values: dict[str, Any] = {
            "type": entry["type"],
            "title": entry["title"],
            "places": list(entry.get("places", [])),
            "description": entry.get("description"),
            "date_verbatim": date.verbatim,
            "date_edtf": date.edtf,
            "date_lower": date.lower,
            "date_upper": date.upper,
            "date_precision": date.precision.value,
            "date_qualifiers": sorted(q.value for q in date.qualifiers),
        }
        event = session.scalar(select(Event).where(Event.natural_key == entry["key"]))
        if event is None:
            event = Event(natural_key=entry["key"], **values)
            session.add(event)
            session.flush()
            counts["created"] += 1
        elif any(getattr(event, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(event, name, value)
            session.flush()
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
        wanted = {(people[p["person"]], p["role"]) for p in entry.get("participants", [])}
        present = {
            (row.person_id, row.role): row
            for row in session.scalars(select(EventParticipant).where(EventParticipant.event_id == event.id))
        }
        for person_id, role in sorted(wanted - present.keys()):
            session.add(EventParticipant(event_id=event.id, person_id=person_id, role=role))
        for key in present.keys() - wanted:
            session.delete(present[key])
        session.flush()
    return counts
