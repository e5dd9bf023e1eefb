"""Archival references as structured rows: repository, fond, opis, delo, folios."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, Float, Index, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from chronology.models.base import Audited, Base, serial_pk


class ArchivalReferenceRow(Audited, Base):
    """Where a document or decision is kept, as printed and as normalised.

    The verbatim string is what the edition printed; the structured fields are
    our reading of it; `doubtful` and `note` say when that reading is a repair.
    """

    __tablename__ = "archival_references"
    __table_args__ = (
        CheckConstraint("length(btrim(fond)) > 0", name="fond_not_blank"),
        CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence_range"),
        Index("ix_archival_references_location", "repository", "fond", "opis", "delo"),
    )

    id: Mapped[serial_pk]
    repository: Mapped[str | None] = mapped_column(Text)
    repository_as_printed: Mapped[str | None] = mapped_column(Text)
    fond: Mapped[str] = mapped_column(Text)
    opis: Mapped[str | None] = mapped_column(Text)
    delo: Mapped[str | None] = mapped_column(Text)
    folios: Mapped[str | None] = mapped_column(Text)
    verbatim: Mapped[str] = mapped_column(Text)
    normalised: Mapped[str] = mapped_column(Text, index=True)
    doubtful: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    note: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float, server_default=text("1.0"))
