"""GET /export/{format}: the filtered documents in any registered export format, streamed.

The query parameters are the `documents` query's filters (`from`, `to`, `match`, `kind`
(repeatable), `person`, `body`, `repository`, `fond`, `opis`, `delo`, `text`). A bad one is a
400 with a JSON error naming it. The export is read by one synchronous reader in the thread
pool, a batch at a time, inside one read-only snapshot, and sent as it is written.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator
from urllib.parse import urlencode

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from chronology.exporters import EXPORTERS, ExportOptions, Writer
from chronology.exporters.jsonld import CONTEXT
from chronology.graphql.http import RETRY_AFTER_SECONDS, DatabaseUnavailableError, UnauthenticatedError, authenticate
from chronology.graphql.runtime.database import is_unavailable
from chronology.queries.documents import DocumentCriteria
from chronology.queries.export.filters import ExportFilter, ExportFilterError, build_criteria
from chronology.queries.export.provenance import database_identity, export_options, schema_revision
from chronology.queries.export.reader import ExportReader
from chronology.settings import Settings
from chronology.web.downloads import ExportGate, ExportStream

PARAMETERS = ("from", "to", "match", "kind", "person", "body", "repository", "fond", "opis", "delo", "text")
FLAVOURS = ("cmif", "full")  # of the TEI export: the letters' metadata, or everything


def _error(status: int, code: str, message: str, field: str | None = None) -> JSONResponse:
    body: dict[str, object] = {"code": code, "message": message}
    if field is not None:
        body["field"] = field
    response = JSONResponse({"error": body}, status_code=status)
    if status == 503:
        response.headers["retry-after"] = str(RETRY_AFTER_SECONDS)
    return response


def _unavailable() -> JSONResponse:
    return _error(503, "UNAVAILABLE", "the database is unavailable; try again in a few seconds")


def export_filter(params: dict[str, list[str]]) -> ExportFilter:
    """Read the filters from query parameters; a repeated single-valued one is an error."""
    unknown = sorted(set(params) - set(PARAMETERS))
    if unknown:
        raise ExportFilterError(unknown[0], f"unknown parameter {unknown[0]!r}; use {', '.join(PARAMETERS)}")

    def one(name: str) -> str | None:
        values = params.get(name, [])
        if len(values) > 1:
            raise ExportFilterError(name, f"give {name!r} once")
        return values[0] if values and values[0].strip() else None

    return ExportFilter(
        start=one("from"),
        end=one("to"),
        match=one("match"),
        kinds=tuple(params.get("kind", [])),
        person=one("person"),
        body=one("body"),
        repository=one("repository"),
        fond=one("fond"),
        opis=one("opis"),
        delo=one("delo"),
        text=one("text"),
    )


def filename(stem_parameters: list[tuple[str, str]], extension: str) -> str:
    """Return a stable file name: the same filters always give the same name."""
    if not stem_parameters:
        return f"chronology{extension}"
    digest = hashlib.sha256(urlencode(sorted(stem_parameters)).encode()).hexdigest()[:10]
    return f"chronology-{digest}{extension}"


def _criteria(engine: Engine, given: ExportFilter) -> tuple[DocumentCriteria, str | None, str | None]:
    with engine.connect() as connection:
        return build_criteria(connection, given), schema_revision(connection), database_identity(connection)


class ExportEndpoint:
    """The export endpoint, holding the synchronous engine its reader uses."""

    def __init__(self, settings: Settings, engine: Engine, async_engine: AsyncEngine) -> None:
        self.settings = settings
        self.engine = engine
        self.async_engine = async_engine
        self.gate = ExportGate(settings.export_concurrency, settings.export_queue)

    async def export(self, request: Request) -> Response:
        """Stream the filtered documents in the format the path names."""
        name = request.path_params["format"]
        exporter = EXPORTERS.get(name)
        if exporter is None:
            return _error(404, "NOT_FOUND", f"no export format {name!r}; use one of {', '.join(EXPORTERS)}")
        refusal = await self._refuse(request)
        if refusal is not None:
            return refusal
        params: dict[str, list[str]] = {}
        for key, value in request.query_params.multi_items():
            params.setdefault(key, []).append(value)
        flavours = params.pop("flavour", ["cmif"])
        if len(flavours) != 1 or flavours[0] not in FLAVOURS:
            return _error(400, "VALIDATION", "give 'flavour' once: cmif or full", "flavour")
        try:
            given = export_filter(params)
        except ExportFilterError as error:
            return _error(400, "VALIDATION", error.message, error.field)
        if not await self.gate.enter(wait_seconds=self.settings.export_max_seconds):
            busy = f"{self.gate.concurrency} exports are being written and more are waiting; try again shortly"
            return _error(503, "BUSY", busy)
        stream: ExportStream | None = None
        try:
            criteria, revision, database = await run_in_threadpool(_criteria, self.engine, given)
            # The links come from the configured public URL, never from the request's host.
            options = export_options(
                self.settings, exporter.name, given, revision=revision, database=database, flavour=flavours[0]
            )
            write = functools.partial(_write, exporter.writer, options)
            stream = ExportStream(self.engine, criteria, write, self.settings, on_finish=self.gate.leave)
            # The filters are checked and the first batch read before the headers: those failures are answers.
            await run_in_threadpool(stream.open)
        except BaseException as error:
            await _ended(stream, self.gate)
            if isinstance(error, ExportFilterError):
                return _error(400, "VALIDATION", error.message, error.field)
            if isinstance(error, DBAPIError) and is_unavailable(error):
                return _unavailable()
            raise
        name = filename(request.query_params.multi_items(), exporter.extension)
        headers = {"Content-Disposition": f'attachment; filename="{name}"'}
        return StreamingResponse(
            stream.body(), media_type=exporter.media_type, headers=headers, background=BackgroundTask(stream.finish)
        )

    async def _refuse(self, request: Request) -> JSONResponse | None:
        try:
            actor = await authenticate(self.async_engine, request)
        except UnauthenticatedError as error:
            return _error(401, "UNAUTHENTICATED", str(error))
        except DatabaseUnavailableError:
            return _unavailable()
        if actor.role is None and not self.settings.anonymous_read:
            return _error(403, "FORBIDDEN", "reading needs a token on this service")
        return None

    async def context(self, request: Request) -> Response:
        """Serve the JSON-LD context the exports use."""
        return JSONResponse({"@context": CONTEXT}, media_type="application/ld+json")

    def routes(self) -> list[BaseRoute]:
        """Return the export routes."""
        return [
            Route("/export/{format}", self.export, methods=["GET"]),
            Route("/contexts/chronology.jsonld", self.context, methods=["GET"]),
        ]


def _write(writer: Writer, options: ExportOptions, reader: ExportReader) -> Iterator[bytes]:
    return writer(reader, options)


async def _ended(stream: ExportStream | None, gate: ExportGate) -> None:
    """Close a stream that will not be sent, or give back the slot when there is none."""
    if stream is not None:
        await stream.finish()
    else:
        gate.leave()
