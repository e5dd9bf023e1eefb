"""GraphQL over HTTP: the strawberry view, its context, request limits, and the unit of work."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import strawberry
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse

from chronology.graphql.compiled.raw import encode
from chronology.graphql.runtime.budget import RecordBudget
from chronology.graphql.runtime.context import Actor, Context, Role
from chronology.graphql.runtime.database import RequestDatabase
from chronology.models import ApiToken
from chronology.services.tokens import token_hash
from chronology.settings import Settings

MAX_REQUEST_BYTES = 100_000
RECORD_BUDGET = 5_000
MEDIA_TYPE = "application/graphql-response+json"


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
        return response


async def authenticate(engine: AsyncEngine, request: Request) -> Actor:
    """Return who presents the bearer token, or an anonymous actor (bad tokens are refused)."""
    header = request.headers.get("authorization")
    if not header:
        return Actor(name=None, role=None)
    scheme, _, secret = header.partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        raise UnauthenticatedError("use `Authorization: Bearer <token>`")
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
                ).where(ApiToken.token_hash == token_hash(secret.strip()))
            )
        ).first()
        if row is None or row.revoked_at is not None or (row.expires_at and row.expires_at <= now):
            raise UnauthenticatedError("the token is unknown, revoked or expired")
        await connection.execute(update(ApiToken).where(ApiToken.id == row.id).values(last_used_at=now))
    return Actor(name=row.name, role=Role(row.role))


class UnauthenticatedError(Exception):
    """A request presented credentials that are not valid."""


class GraphQLEndpoint:
    """The ASGI app at /graphql: limits the request, runs the view, ends the unit of work."""

    def __init__(self, view: ChronologyGraphQL) -> None:
        self.view = view

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.view(scope, receive, send)
            return
        request = Request(scope)
        refusal = _refuse(request)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        scope["chronology.contexts"] = []
        headers = dict(scope["headers"])
        accept = headers.get(b"accept", b"").decode("latin-1")
        committed = False
        try:
            await self.view(scope, _limited(receive, MAX_REQUEST_BYTES), _marking(send, accept))
            committed = True
        except UnauthenticatedError as error:
            await _error(401, "UNAUTHENTICATED", str(error))(scope, receive, send)
        except RequestTooLargeError:
            await _error(413, "LIMIT", f"requests are limited to {MAX_REQUEST_BYTES} bytes")(scope, receive, send)
        finally:
            for context in scope["chronology.contexts"]:
                await context.database.close(commit=committed and context.wrote)


class RequestTooLargeError(Exception):
    """The request body passed the limit."""


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


def _limited(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def wrapped() -> Any:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise RequestTooLargeError
        return message

    return wrapped


def _marking(send: Send, accept: str) -> Send:
    """Answer in plain JSON to a client that accepts only that (GraphQL over HTTP, legacy)."""
    legacy = "application/json" in accept and MEDIA_TYPE not in accept and "*/*" not in accept

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
