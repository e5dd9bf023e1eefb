"""GraphQL over HTTP: the strawberry view, its context, request limits, and the unit of work."""

from __future__ import annotations

import asyncio
import datetime
import json
import re
from collections.abc import Callable
from typing import Any, cast

import strawberry
from cross_web import HTTPException
from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from chronology.graphql.compiled.raw import encode
from chronology.graphql.runtime.budget import RecordBudget
from chronology.graphql.runtime.context import Actor, Context, Role
from chronology.graphql.runtime.database import RequestDatabase, is_unavailable
from chronology.graphql.runtime.errors import ChronologyError, ErrorCode, unavailable
from chronology.graphql.runtime.strings import well_formed
from chronology.models import ApiToken
from chronology.services.tokens import token_hash
from chronology.settings import Settings

MAX_REQUEST_BYTES = 100_000
RECORD_BUDGET = 5_000
# A client that stops sending its body mid-way gives up its turn after this long (a slow-loris guard).
BODY_TIMEOUT_S = 10.0
MEDIA_TYPE = "application/graphql-response+json"
RETRY_AFTER_SECONDS = 5
SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


class ChronologyGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI view with Chronology's context and response media type."""

    def __init__(
        self,
        schema: strawberry.Schema,
        *,
        settings: Settings,
        engine: AsyncEngine,
        ide: Callable[[Request], Response] | None = None,
    ) -> None:
        super().__init__(
            schema,
            graphql_ide=None if settings.production else "graphiql",
            allow_queries_via_get=True,
        )
        self.settings = settings
        self.engine = engine
        # The web door passes its bundled GraphiQL; strawberry's own page loads the IDE from a CDN.
        self.ide = ide

    async def get_context(self, request: Request, response: Response) -> Context:  # type: ignore[override]
        actor = await authenticate(self.engine, request)
        database = RequestDatabase(
            self.engine, statement_timeout_ms=self.settings.statement_timeout_ms, actor=actor.name
        )
        context = Context(
            request=request,
            response=response,
            settings=self.settings,
            database=database,
            actor=actor,
            budget=RecordBudget(RECORD_BUDGET),
        )
        request.scope.setdefault("chronology.contexts", []).append(context)
        return context

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer as strawberry does, but every refusal as GraphQL JSON with a code, never plain text."""
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            response = await self.run(Request(scope=scope, receive=receive))
        except HTTPException as error:
            response = _refusal(error.status_code, error.reason)
        await response(scope, receive, send)

    def parse_json(self, data: str | bytes) -> Any:
        """Read a request body: a JSON object (or a batch, refused later) of well-formed text, else a 400."""
        try:
            value = json.loads(data)
        except (ValueError, RecursionError):
            # Not JSON, not UTF-8, or nested deeper than the parser goes.
            raise HTTPException(400, "the body is not a JSON document in UTF-8") from None
        if not isinstance(value, (dict, list)):
            raise HTTPException(400, "the body must be a JSON object with `query`")
        if not well_formed(value):
            raise HTTPException(400, "the body holds a lone surrogate (such as \\ud800), which is not text")
        if isinstance(value, dict):
            name = value.get("operationName")
            if name is not None and not isinstance(name, str):
                raise HTTPException(400, "`operationName` must be a string or null")
        return value

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        """Answer a request error (parse, validation, variables, limits) as the GraphQL-over-HTTP spec asks."""
        response = await super().process_result(request, result)
        errors: list[dict[str, Any]] = cast("list[dict[str, Any]]", response.get("errors") or [])
        for error in errors:
            if "path" not in error:
                # The request's own mistake (syntax, an unknown field, a value that does not coerce).
                error.setdefault("extensions", {}).setdefault("code", "VALIDATION")
            if self.settings.production:
                # Suggestions would spell out the schema that production keeps from introspection.
                error["message"] = SUGGESTION.sub("", error["message"])
        # No data and no error on a field: the operation never ran.
        request_error = result.data is None and bool(result.errors) and all(e.path is None for e in result.errors or ())
        if request_error and _wants_graphql_response(request.headers.get("accept", "")):
            response.pop("data", None)
            for context in request.scope.get("chronology.contexts", []):
                context.response.status_code = 400
        return response

    async def render_graphql_ide(self, request: Request) -> Response:
        """Serve the IDE page given by the web door, or strawberry's when there is none."""
        if self.ide is not None:
            return self.ide(request)
        return await super().render_graphql_ide(request)

    def encode_json(self, data: object) -> str:
        """Encode a response, splicing in the JSON that compiled selections built in the database."""
        return encode(data)

    def create_response(
        self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response
    ) -> Response:
        response = super().create_response(response_data, sub_response)
        response.headers["content-type"] = MEDIA_TYPE
        if _unavailable(response_data):
            # A client (or a load balancer) should retry later, not take the missing data as an answer.
            response.status_code = 503
            response.headers["retry-after"] = str(RETRY_AFTER_SECONDS)
        return response


def _unavailable(response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse]) -> bool:
    """Tell whether a response reports that the database was unavailable."""
    answers = response_data if isinstance(response_data, list) else [response_data]
    errors: list[Any] = [error for answer in answers for error in answer.get("errors") or []]
    return any((error.get("extensions") or {}).get("code") == ErrorCode.UNAVAILABLE.value for error in errors)


async def authenticate(engine: AsyncEngine, request: Request) -> Actor:
    """Return who presents the bearer token, or an anonymous actor (bad tokens are refused)."""
    header = request.headers.get("authorization")
    if not header:
        return Actor(name=None, role=None)
    scheme, _, secret = header.partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        raise UnauthenticatedError("use `Authorization: Bearer <token>`")
    try:
        return await _token_holder(engine, secret.strip())
    except DBAPIError as error:
        if is_unavailable(error):
            raise DatabaseUnavailableError from error
        raise


async def _token_holder(engine: AsyncEngine, secret: str) -> Actor:
    """Return the actor holding SECRET, marking the token used."""
    now = datetime.datetime.now(datetime.UTC)
    async with engine.begin() as connection:
        row = (
            await connection.execute(
                select(
                    ApiToken.id,
                    ApiToken.name,
                    ApiToken.role,
                    ApiToken.expires_at,
                    ApiToken.revoked_at,
                ).where(ApiToken.token_hash == token_hash(secret))
            )
        ).first()
        if row is None or row.revoked_at is not None or (row.expires_at and row.expires_at <= now):
            raise UnauthenticatedError("the token is unknown, revoked or expired")
        await connection.execute(update(ApiToken).where(ApiToken.id == row.id).values(last_used_at=now))
    return Actor(name=row.name, role=Role(row.role))


def _refusal(status: int, reason: str) -> Response:
    """Return strawberry's refusal as GraphQL JSON, with the status the GraphQL-over-HTTP spec asks for."""
    if reason == "Unsupported content type":
        return _error(415, "UNSUPPORTED_MEDIA_TYPE", "send `Content-Type: application/json`")
    if "not allowed when using GET" in reason:
        response = _error(405, "METHOD_NOT_ALLOWED", "mutations are sent with POST")
        response.headers["allow"] = "POST"
        return response
    if status == 405:
        response = _error(405, "METHOD_NOT_ALLOWED", reason)
        response.headers["allow"] = "GET, POST"
        return response
    return _error(status, "BAD_REQUEST", reason)


class UnauthenticatedError(Exception):
    """A request presented credentials that are not valid."""


class DatabaseUnavailableError(Exception):
    """The database could not be reached to check a request's token."""


class GraphQLEndpoint:
    """The ASGI app at /graphql: limits the request, runs the view, ends the unit of work."""

    def __init__(self, view: ASGIApp, *, max_in_flight: int, busy_wait_ms: int) -> None:
        self.view = view
        # Executions past the cap wait their turn a little, then are told to come back: the loop stays free.
        self._slots = asyncio.Semaphore(max_in_flight)
        self._busy_wait = busy_wait_ms / 1000

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.view(scope, receive, send)
            return
        request = Request(scope)
        refusal = _refuse(request)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        try:
            await asyncio.wait_for(self._slots.acquire(), self._busy_wait)
        except TimeoutError:
            busy = _error(503, "BUSY", "the service is answering as many requests as it can; try again shortly")
            busy.headers["retry-after"] = "1"
            await busy(scope, receive, send)
            return
        try:
            await self._answer(scope, receive, send)
        finally:
            self._slots.release()

    async def _answer(self, scope: Scope, receive: Receive, send: Send) -> None:
        scope["chronology.contexts"] = []
        headers = dict(scope["headers"])
        accept = headers.get(b"accept", b"").decode("latin-1")
        committed = False
        try:
            await self.view(scope, _limited(receive, MAX_REQUEST_BYTES), _committing(_marking(send, accept), scope))
            committed = True
        except UnauthenticatedError as error:
            await _error(401, "UNAUTHENTICATED", str(error))(scope, receive, send)
        except DatabaseUnavailableError:
            await unavailable_response()(scope, receive, send)
        except SlowBodyError:
            await _error(408, "TIMEOUT", f"the request body did not arrive within {BODY_TIMEOUT_S} s")(
                scope, receive, send
            )
        except RequestTooLargeError:
            await _error(413, "LIMIT", f"requests are limited to {MAX_REQUEST_BYTES} bytes")(scope, receive, send)
        finally:
            for context in scope["chronology.contexts"]:
                await context.database.close(commit=committed and context.wrote)


class RequestTooLargeError(Exception):
    """The request body passed the limit."""


class SlowBodyError(Exception):
    """The client stopped sending its request body."""


def _refuse(request: Request) -> Response | None:
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > MAX_REQUEST_BYTES:
        return _error(413, "LIMIT", f"requests are limited to {MAX_REQUEST_BYTES} bytes")
    if len(request.url.query) > MAX_REQUEST_BYTES:
        return _error(414, "LIMIT", f"query strings are limited to {MAX_REQUEST_BYTES} bytes")
    return None


def _error(status: int, code: str, message: str) -> Response:
    return JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": code}}]},
        status_code=status,
        media_type=MEDIA_TYPE,
    )


def unavailable_response() -> Response:
    """Return the 503 answer for a request the database could not serve."""
    error = unavailable()
    response = _error(503, error.code.value, error.message)
    response.headers["retry-after"] = str(RETRY_AFTER_SECONDS)
    return response


def _committing(send: Send, scope: Scope) -> Send:
    """Commit the request's writes before its answer starts, so a failed commit is never reported as success."""
    replaced = False

    async def wrapped(message: Any) -> None:
        nonlocal replaced
        if replaced:
            return
        if message["type"] == "http.response.start":
            try:
                for context in scope["chronology.contexts"]:
                    if context.wrote:
                        await context.database.commit()
            except ChronologyError as error:
                if error.code is not ErrorCode.UNAVAILABLE:
                    raise
                for context in scope["chronology.contexts"]:
                    context.wrote = False  # nothing is left to commit when the request ends: roll back
                replaced = True
                await unavailable_response()(scope, _no_body, send)
                return
        await send(message)

    return wrapped


async def _no_body() -> Any:
    return {"type": "http.request", "body": b"", "more_body": False}


def _limited(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def wrapped() -> Any:
        nonlocal seen
        try:
            message = await asyncio.wait_for(receive(), BODY_TIMEOUT_S)
        except TimeoutError:
            raise SlowBodyError from None
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise RequestTooLargeError
        return message

    return wrapped


def _wants_graphql_response(accept: str) -> bool:
    """Tell whether the client names `application/graphql-response+json` among what it accepts."""
    return MEDIA_TYPE in accept.lower()


def _marking(send: Send, accept: str) -> Send:
    """Answer in plain JSON unless the client asks for the GraphQL response type (`*/*` and none get JSON)."""
    legacy = not _wants_graphql_response(accept)

    async def wrapped(message: Any) -> None:
        if legacy and message["type"] == "http.response.start":
            message["headers"] = [
                (
                    key,
                    b"application/json" if key == b"content-type" and MEDIA_TYPE.encode() in value else value,
                )
                for key, value in message["headers"]
            ]
        await send(message)

    return wrapped
