"""API tokens: only their hashes are kept."""

from __future__ import annotations

import datetime

from sqlalchemy import CheckConstraint, DateTime, Text
from sqlalchemy.orm import Mapped, mapped_column

from chronology.models.base import Base, serial_pk, utc_now


class ApiToken(Base):
    """A named bearer token with a role; the secret itself is never stored."""

    __tablename__ = "api_tokens"
    __table_args__ = (CheckConstraint("role IN ('reader', 'editor', 'admin')", name="role"),)

    id: Mapped[serial_pk]
    name: Mapped[str] = mapped_column(Text, unique=True)
    role: Mapped[str] = mapped_column(Text)
    token_hash: Mapped[str] = mapped_column(Text, unique=True)
    created_at: Mapped[utc_now]
    expires_at: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
