"""Decisions of party and state bodies, the votes on them, and surviving tallies."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Computed,
    ForeignKey,
    Index,
    Integer,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from chronology.models.base import Audited, Base
from chronology.models.records import (
    FuzzyDated,
    RecordMixin,
    date_order_index,
    fuzzy_date_constraints,
    timeline_indexes,
)
from chronology.models.vocabulary import (
    DecisionOutcome,
    DecisionProcedure,
    VotePosition,
    VoteRecordedIn,
    sql_in,
)

# As for documents: title outranks summary, which outranks the text.
DECISION_SEARCH_VECTOR = (
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(full_text, '')), 'C')"
)


class Decision(RecordMixin, FuzzyDated, Audited, Base):
    """What a body decided, when, how, and where it is recorded."""

    __tablename__ = "decisions"
    __table_args__ = (
        CheckConstraint(f"procedure IN {sql_in(DecisionProcedure)}", name="procedure"),
        CheckConstraint(f"outcome IN {sql_in(DecisionOutcome)}", name="outcome"),
        CheckConstraint("length(btrim(title)) > 0", name="title_not_blank"),
        *fuzzy_date_constraints("decisions"),
        date_order_index("decisions"),
        *timeline_indexes("decisions", "body_id"),
        Index("ix_decisions_search", "search", postgresql_using="gin"),
    )

    natural_key: Mapped[str | None] = mapped_column(Text, unique=True)
    body_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("bodies.id", ondelete="RESTRICT"), index=True)
    procedure: Mapped[str] = mapped_column(Text)
    protocol_number: Mapped[str | None] = mapped_column(Text)
    protocol_item: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    full_text: Mapped[str | None] = mapped_column(Text)
    search: Mapped[object] = mapped_column(TSVECTOR, Computed(DECISION_SEARCH_VECTOR, persisted=True), deferred=True)
    outcome: Mapped[str] = mapped_column(Text)
    archival_reference_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("archival_references.id", ondelete="SET NULL"), index=True
    )
    special_file: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    needs_review: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))


class Vote(RecordMixin, Audited, Base):
    """One member's recorded position on one decision."""

    __tablename__ = "votes"
    __table_args__ = (
        UniqueConstraint("decision_id", "person_id"),
        CheckConstraint(f"position IN {sql_in(VotePosition)}", name="position"),
        CheckConstraint(f"recorded_in IN {sql_in(VoteRecordedIn)}", name="recorded_in"),
    )

    decision_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("decisions.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("persons.id", ondelete="RESTRICT"), index=True)
    position: Mapped[str] = mapped_column(Text)
    recorded_in: Mapped[str] = mapped_column(Text)
    source_document_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    name_as_printed: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class Tally(Audited, Base):
    """The counts of a vote where no names survive ("unanimously", "Who is against? Fewer.")."""

    __tablename__ = "tallies"
    __table_args__ = (
        CheckConstraint(
            "coalesce(votes_for, 0) >= 0 AND coalesce(votes_against, 0) >= 0 AND coalesce(abstentions, 0) >= 0",
            name="counts_not_negative",
        ),
    )

    decision_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("decisions.id", ondelete="CASCADE"), primary_key=True
    )
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)
    abstentions: Mapped[int | None] = mapped_column(Integer)
    unanimous: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    verbatim: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
