"""The registry of records: one global id space so that relations can point at anything."""

from __future__ import annotations

import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Computed,
    Date,
    ForeignKey,
    Index,
    Sequence,
    Text,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, DATERANGE
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from chronology.models.base import Base
from chronology.models.vocabulary import DatePrecision, RecordKind, sql_in

record_id_seq = Sequence("record_id_seq", metadata=Base.metadata)


class Record(Base):
    """A row for every person, body, document, decision, vote and event.

    Each record table inserts its row here from a trigger, and deleting the
    record deletes this row, which cascades to the relations that name it.
    """

    __tablename__ = "records"
    __table_args__ = (CheckConstraint(f"kind IN {sql_in(RecordKind)}", name="kind"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    kind: Mapped[str] = mapped_column(Text)


class RecordMixin:
    """The global id, shared with the records registry."""

    @declared_attr
    def id(cls) -> Mapped[int]:  # noqa: N805 - declared_attr receives the class
        return mapped_column(
            BigInteger,
            ForeignKey("records.id", ondelete="CASCADE"),
            primary_key=True,
            server_default=text("nextval('record_id_seq')"),
        )


class FuzzyDated:
    """A historical date as the source gives it and as it is understood.

    Lower and upper are inclusive day bounds; `date_span` is derived from them
    so that GiST can serve overlap and containment queries.
    """

    date_verbatim: Mapped[str | None] = mapped_column(Text)
    date_edtf: Mapped[str | None] = mapped_column(Text)
    date_lower: Mapped[datetime.date | None] = mapped_column(Date)
    date_upper: Mapped[datetime.date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(Text)
    date_qualifiers: Mapped[list[str]] = mapped_column(ARRAY(Text), server_default=text("'{}'::text[]"))

    @declared_attr
    def date_span(cls) -> Mapped[object | None]:  # noqa: N805
        return mapped_column(
            DATERANGE,
            # The CASE lets the bounds CHECK, not a range error, report reversed bounds.
            Computed(
                "CASE WHEN date_lower <= date_upper THEN daterange(date_lower, date_upper, '[]') END",
                persisted=True,
            ),
        )


def fuzzy_date_constraints(table: str) -> tuple[CheckConstraint | Index, ...]:
    """Return the checks and indexes every fuzzy-dated table carries."""
    return (
        CheckConstraint("date_lower <= date_upper", name="date_bounds_ordered"),
        CheckConstraint(
            "(date_edtf IS NULL) = (date_lower IS NULL) AND (date_lower IS NULL) = "
            "(date_upper IS NULL) AND (date_lower IS NULL) = (date_precision IS NULL)",
            name="date_complete",
        ),
        CheckConstraint(
            f"date_precision IS NULL OR date_precision IN {sql_in(DatePrecision)}",
            name="date_precision",
        ),
        Index(f"ix_{table}_date_span", "date_span", postgresql_using="gist"),
        Index(f"ix_{table}_date_lower_id", "date_lower", "id"),
    )


# The keys the API pages by: undated records after every dated one, whichever the direction.
UNDATED_LAST = "9999-12-31"
UNDATED_FIRST = "0001-01-01"


# What a timeline item shows, so that a window is read from the index alone.
TIMELINE_COLUMNS = (
    "id",
    "date_lower",
    "date_upper",
    "date_verbatim",
    "date_edtf",
    "date_precision",
    "date_qualifiers",
    "title",
)

# How many days after its first possible day a record's last possible day may fall: a day,
# up to a month, up to a year, longer. A record of a reach of at most R days that overlaps a
# window began no earlier than R days before it, so each reach is one range of a date-ordered
# index, read in order and stopped after the first items: no sorting of every overlapping record.
DATE_REACHES: tuple[tuple[str, int, int | None], ...] = (
    ("day", 0, 0),
    ("month", 1, 31),
    ("year", 32, 366),
    ("longer", 367, None),
)


def reach_predicate(shortest: int, longest: int | None) -> str:
    """Return the SQL condition that a record's reach in days lies between SHORTEST and LONGEST."""
    reach = "(date_upper - date_lower)"
    if longest is None:
        return f"{reach} >= {shortest}"
    if shortest == longest:
        return f"{reach} = {shortest}"
    return f"{reach} BETWEEN {shortest} AND {longest}"


def timeline_indexes(table: str, *extra: str) -> tuple[Index, ...]:
    """Return one date-ordered index per reach, covering a timeline item's columns (and EXTRA)."""
    return tuple(
        Index(
            f"ix_{table}_timeline_{name}",
            "date_lower",
            "id",
            postgresql_include=[c for c in (*TIMELINE_COLUMNS, *extra) if c not in ("id", "date_lower")],
            postgresql_where=text(reach_predicate(shortest, longest)),
        )
        for name, shortest, longest in DATE_REACHES
    )


def date_order_index(table: str, *, descending: bool = False) -> Index:
    """Return the index serving a list paged by date, undated records last."""
    placeholder = UNDATED_FIRST if descending else UNDATED_LAST
    suffix = "_desc" if descending else ""
    return Index(
        f"ix_{table}_date_order{suffix}",
        text(f"coalesce(date_lower, '{placeholder}'::date)"),
        "id",
    )
