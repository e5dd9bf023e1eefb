"""Things that happened over time, and who took part."""

from __future__ import annotations

from sqlalchemy import BigInteger, CheckConstraint, Computed, ForeignKey, Index, Text, UniqueConstraint, text
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from chronology.models.base import Audited, Base, serial_pk
from chronology.models.records import (
    FuzzyDated,
    RecordMixin,
    date_order_index,
    fuzzy_date_constraints,
    timeline_indexes,
)
from chronology.models.vocabulary import EventType, sql_in

# The title outranks the description.
EVENT_SEARCH_VECTOR = (
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B')"
)


class Event(RecordMixin, FuzzyDated, Audited, Base):
    """A trial, a plenum, an arrest, a journey: something with a (fuzzy) span of time."""

    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint(f"type IN {sql_in(EventType)}", name="type"),
        CheckConstraint("length(btrim(title)) > 0", name="title_not_blank"),
        *fuzzy_date_constraints("events"),
        date_order_index("events"),
        *timeline_indexes("events", "type"),
        Index("ix_events_search", "search", postgresql_using="gin"),
    )

    natural_key: Mapped[str | None] = mapped_column(Text, unique=True)
    type: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    places: Mapped[list[str]] = mapped_column(ARRAY(Text), server_default=text("'{}'::text[]"))
    description: Mapped[str | None] = mapped_column(Text)
    search: Mapped[object] = mapped_column(TSVECTOR, Computed(EVENT_SEARCH_VECTOR, persisted=True), deferred=True)


class EventParticipant(Audited, Base):
    """A person's part in an event: defendant, chair, victim, traveller."""

    __tablename__ = "event_participants"
    __table_args__ = (UniqueConstraint("event_id", "person_id", "role"),)

    id: Mapped[serial_pk]
    event_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("events.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("persons.id", ondelete="RESTRICT"), index=True)
    role: Mapped[str] = mapped_column(Text)
