"""Imports take turns: a transaction-scoped advisory lock, safe behind a transaction-mode pooler."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

# An arbitrary constant shared by every import (files, data packages, the sample); not the migrations' lock.
IMPORT_LOCK = 7_319_2027
WAITING = "another import is running; waiting…"


def take_turn(session: Session | Connection, waiting: Callable[[str], None] | None = None) -> None:
    """Hold the import lock until this transaction ends, saying once through WAITING if another import has it."""
    # Transaction-scoped, so it ends with the transaction even behind a pooler that reuses the session.
    if session.execute(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK}).scalar_one():
        return
    if waiting is not None:
        waiting(WAITING)
    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK})
