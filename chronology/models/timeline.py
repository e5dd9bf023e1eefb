"""Pre-aggregated counts of records by span of possible days, for timeline histograms."""

from __future__ import annotations

import datetime

from sqlalchemy import CheckConstraint, Date, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from chronology.models.base import Base


class TimelineCount(Base):
    """How many records of one type and kind share one span of possible days.

    Kept by statement triggers on documents, decisions and events (see
    chronology/span_counts.py), so a histogram reads a few thousand rows instead of
    every record. Bulk loads that switch triggers off rebuild it afterwards.
    """

    __tablename__ = "timeline_counts"
    __table_args__ = (
        CheckConstraint("record_type IN ('document', 'decision', 'event')", name="record_type"),
        CheckConstraint("date_lower <= date_upper", name="date_bounds_ordered"),
    )

    record_type: Mapped[str] = mapped_column(Text, primary_key=True)
    # A document's kind, an event's type; empty for decisions.
    kind: Mapped[str] = mapped_column(Text, primary_key=True)
    date_lower: Mapped[datetime.date] = mapped_column(Date, primary_key=True)
    date_upper: Mapped[datetime.date] = mapped_column(Date, primary_key=True)
    records: Mapped[int] = mapped_column(Integer)
