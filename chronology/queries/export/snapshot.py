"""One snapshot for an export: a read-only REPEATABLE READ transaction that every pass of a writer reads."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from sqlalchemy import Connection, Engine, text

from chronology.queries.documents import DocumentCriteria
from chronology.queries.export.reader import BATCH_SIZE, ExportReader


@contextlib.contextmanager
def export_transaction(engine: Engine, *, statement_timeout_ms: int | None = None) -> Iterator[Connection]:
    """Yield a connection in one read-only REPEATABLE READ transaction: one snapshot for every pass."""
    with engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            connection.execute(text("SET TRANSACTION READ ONLY"))
            if statement_timeout_ms is not None:
                connection.execute(text(f"SET LOCAL statement_timeout = {int(statement_timeout_ms)}"))
            yield connection


def export_chunks(
    engine: Engine,
    criteria: DocumentCriteria,
    write: Callable[[ExportReader], Iterator[bytes]],
    *,
    batch_size: int = BATCH_SIZE,
    statement_timeout_ms: int | None = None,
) -> Iterator[bytes]:
    """Yield an export's bytes, reading the records in one snapshot; closing the iterator ends it."""
    with export_transaction(engine, statement_timeout_ms=statement_timeout_ms) as connection:
        yield from write(ExportReader(connection, criteria, batch_size=batch_size))
