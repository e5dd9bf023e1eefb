"""An HTTP export: admitted by a bounded gate, opened before the answer starts, aborted (never ended) on failure."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable, Generator, Iterator

import anyio
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from chronology.queries.documents import DocumentCriteria
from chronology.queries.export.reader import ExportReader
from chronology.queries.export.snapshot import export_transaction
from chronology.settings import Settings

logger = logging.getLogger(__name__)


class ExportGate:
    """A few exports written at a time, a bounded queue waiting behind them, and a refusal beyond."""

    def __init__(self, concurrency: int, queue: int) -> None:
        self.concurrency = concurrency
        self.limit = concurrency + queue
        self.admitted = 0
        self._slots = asyncio.Semaphore(concurrency)

    async def enter(self, wait_seconds: float) -> bool:
        """Take a slot, waiting in the queue up to WAIT_SECONDS; False when the queue is full or the wait too long."""
        if self.admitted >= self.limit:
            return False
        self.admitted += 1
        if not self._slots.locked():
            await self._slots.acquire()  # a free slot: taken at once, whatever the wait allowed
            return True
        try:
            await asyncio.wait_for(self._slots.acquire(), wait_seconds)
        except TimeoutError:
            self.admitted -= 1
            return False
        return True

    def leave(self) -> None:
        """Give the slot back."""
        self.admitted -= 1
        self._slots.release()


class ExportCutShortError(Exception):
    """An export stopped part-way: the connection is aborted so the client sees an incomplete transfer."""


class ExportStream:
    """One export written from one snapshot in the thread pool, a chunk at a time, under a size and a time cap."""

    def __init__(
        self,
        engine: Engine,
        criteria: DocumentCriteria,
        write: Callable[[ExportReader], Iterator[bytes]],
        settings: Settings,
        on_finish: Callable[[], None],
    ) -> None:
        self.settings = settings
        self.reader: ExportReader | None = None
        self._chunks = self._generate(engine, criteria, write)
        self._on_finish: Callable[[], None] | None = on_finish
        self._head: list[bytes] = []

    def _generate(
        self, engine: Engine, criteria: DocumentCriteria, write: Callable[[ExportReader], Iterator[bytes]]
    ) -> Generator[bytes]:
        timeout = self.settings.statement_timeout_ms
        with export_transaction(engine, statement_timeout_ms=timeout) as connection:
            self.reader = ExportReader(connection, criteria)
            yield from write(self.reader)

    def open(self) -> None:
        """Write until the first batch of records is read (or the export ends), so its failures precede the headers."""
        for chunk in self._chunks:
            self._head.append(chunk)
            if self.reader is not None and self.reader.batches > 0:
                return

    async def body(self) -> AsyncIterator[bytes]:
        """Yield the export's bytes; past a cap or on a failure raise, so that the transfer is aborted, not ended."""
        started = time.monotonic()
        sent = 0
        try:
            pending = self._head
            self._head = []
            while True:
                for chunk in pending:
                    room = self.settings.export_max_bytes - sent
                    if len(chunk) > room:
                        # The bytes up to the cap go first: a compressing middleware starts the answer only with
                        # its first body bytes, and an error before any would become a complete 500, not a cut.
                        if room > 0:
                            sent += room
                            yield chunk[:room]
                        raise ExportCutShortError(
                            f"the export passed CHRONOLOGY_EXPORT_MAX_BYTES ({self.settings.export_max_bytes})"
                        )
                    sent += len(chunk)
                    yield chunk
                if time.monotonic() - started > self.settings.export_max_seconds:
                    raise ExportCutShortError(
                        f"the export passed CHRONOLOGY_EXPORT_MAX_SECONDS ({self.settings.export_max_seconds})"
                    )
                following = await run_in_threadpool(self._next)
                if following is None:
                    return
                pending = [following]
        except ExportCutShortError as error:
            logger.warning("export cut short after %d bytes: %s; the client sees an incomplete transfer", sent, error)
            raise
        except Exception:
            logger.exception("export failed after %d bytes; the client sees an incomplete transfer", sent)
            raise
        finally:
            with anyio.CancelScope(shield=True):
                await self.finish()

    def _next(self) -> bytes | None:
        return next(self._chunks, None)

    async def finish(self) -> None:
        """End the snapshot and give the gate's slot back (once, however the stream ended)."""
        if self._on_finish is None:
            return
        on_finish, self._on_finish = self._on_finish, None
        try:
            await run_in_threadpool(self._chunks.close)
        finally:
            on_finish()
