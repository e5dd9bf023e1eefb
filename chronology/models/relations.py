"""Typed, sourced links between any two records: the chains historians follow."""

from __future__ import annotations

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from chronology.models.base import Audited, Base, serial_pk
from chronology.models.vocabulary import Certainty, RelationType, sql_in


class Relation(Audited, Base):
    """An assertion that SOURCE relates to TARGET, who asserts it, and how surely."""

    __tablename__ = "relations"
    __table_args__ = (
        UniqueConstraint("type", "source_id", "target_id"),
        CheckConstraint(f"type IN {sql_in(RelationType)}", name="type"),
        CheckConstraint(f"certainty IN {sql_in(Certainty)}", name="certainty"),
        CheckConstraint("source_id <> target_id", name="not_to_itself"),
        # Both directions are walked: forward from the source, backward from the target.
        Index("ix_relations_source_type", "source_id", "type", "target_id"),
        Index("ix_relations_target_type", "target_id", "type", "source_id"),
    )

    id: Mapped[serial_pk]
    type: Mapped[str] = mapped_column(Text)
    source_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("records.id", ondelete="CASCADE"))
    target_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("records.id", ondelete="CASCADE"))
    certainty: Mapped[str] = mapped_column(Text)
    provenance_publication_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("publications.id", ondelete="SET NULL")
    )
    provenance_locator: Mapped[str | None] = mapped_column(Text)
    provenance_summary: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
