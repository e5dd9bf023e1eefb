"""The audit trail, written by database triggers so that direct SQL is covered too."""

from __future__ import annotations

from sqlalchemy import BigInteger, CheckConstraint, Index, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from chronology.models.base import Base, serial_pk, utc_now


class AuditEntry(Base):
    """One insert, update or delete of an audited row."""

    __tablename__ = "audit_log"
    __table_args__ = (
        CheckConstraint("action IN ('insert', 'update', 'delete')", name="action"),
        Index("ix_audit_log_table_key", "table_name", "row_key", "id"),
    )

    id: Mapped[serial_pk]
    table_name: Mapped[str] = mapped_column(Text)
    row_key: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text)
    old_values: Mapped[dict[str, object] | None] = mapped_column(JSONB)
    new_values: Mapped[dict[str, object] | None] = mapped_column(JSONB)
    actor: Mapped[str | None] = mapped_column(Text)
    transaction_id: Mapped[int] = mapped_column(BigInteger)
    at: Mapped[utc_now]
