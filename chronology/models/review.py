"""The review queue: what an import asks a human to check, kept until an editor resolves it."""

from __future__ import annotations

import datetime

from sqlalchemy import BigInteger, CheckConstraint, DateTime, ForeignKey, Index, Integer, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from chronology.models.base import Audited, Base, serial_pk

# What kind of doubt an item records; the CLI and the API filter on it.
REVIEW_KINDS = ("name", "reference", "misprint", "date", "count", "structure", "vocabulary", "reading")


class ReviewItem(Audited, Base):
    """One thing an import flagged in a source file: where, why, as printed, and its likely reading."""

    __tablename__ = "review_items"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'resolved')", name="status"),
        CheckConstraint(
            "kind IN (" + ", ".join(f"'{kind}'" for kind in REVIEW_KINDS) + ")",
            name="kind",
        ),
        CheckConstraint("(status = 'resolved') = (resolved_at IS NOT NULL)", name="resolved_when"),
        # A re-import of the same file finds its earlier items by this key instead of adding copies.
        UniqueConstraint("source_file", "line", "fingerprint"),
        Index("ix_review_items_open_file", "status", "source_file", "line"),
        Index("ix_review_items_record_id", "record_id"),
    )

    id: Mapped[serial_pk]
    source_file: Mapped[str] = mapped_column(Text)
    line: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    verbatim: Mapped[str] = mapped_column(Text)
    likely_reading: Mapped[str | None] = mapped_column(Text)
    # A digest of reason and verbatim: the unique key stays short however long the printed text is.
    fingerprint: Mapped[str] = mapped_column(Text)
    record_id: Mapped[int | None] = mapped_column(BigInteger, ForeignKey("records.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(Text, server_default="open")
    resolved_by: Mapped[str | None] = mapped_column(Text)
    resolved_at: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    resolution: Mapped[str | None] = mapped_column(Text)
