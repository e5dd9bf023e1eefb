"""The record pages: find the record by its key, ask the API for it, answer HTML or JSON-LD."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from chronology.exporters import EXPORTERS
from chronology.graphql.http import ChronologyGraphQL
from chronology.graphql.local import LocalQueryError, ask
from chronology.graphql.runtime.errors import ChronologyError
from chronology.graphql.runtime.ids import decode_id, encode_id
from chronology.queries.keys import key_by_number, number_by_key
from chronology.queries.naming import person_naming_async
from chronology.web.records.addresses import FAMILIES, PATHS, address
from chronology.web.records.linked import linked_data
from chronology.web.records.selections import QUERIES
from chronology.web.rendering import local_root, may_read, public_base, render

JSON_LD = "application/ld+json"
VOTE = "query VoteOf($id: ID!) { node(id: $id) { ... on Vote { decision { id } } } }"
# The families whose key is an authority key; the others are keyed by global id until edition keys exist.
AUTHORITY_KINDS = {"Person": "person", "Body": "body"}
# Which export filter narrows an export to this record.
EXPORT_FILTERS = {"Person": "person", "Body": "body"}


def wants_linked_data(request: Request) -> bool:
    """Tell whether the client asked for JSON-LD before HTML."""
    accept = request.headers.get("accept", "")
    return JSON_LD in accept and "text/html" not in accept.split(JSON_LD)[0]


class RecordPages:
    """The pages of records, asking the API through the app's own GraphQL view."""

    def __init__(self, view: ChronologyGraphQL) -> None:
        self.view = view

    async def page(self, request: Request, type_name: str) -> Response:
        """Serve one record at `/<family>/<key>`, or send the reader to its permanent address."""
        key = request.path_params["key"]
        refusal = await may_read(request)
        if refusal is not None:
            return render(request, "refused.html", status_code=403, reason=refusal)
        found = await self._find(request, type_name, key)
        if isinstance(found, Response):
            return found
        try:
            data = await ask(self.view, request, QUERIES[type_name], {"id": found})
        except LocalQueryError as error:
            # E.g. a record whose lists pass the request's record budget or its statement timeout.
            return render(
                request, "refused.html", status_code=503, heading="This page cannot be shown", reason=str(error)
            )
        record = data["node"]
        if record is None or record["__typename"] != type_name:
            return self._missing(request, type_name, key)
        base = public_base(request.state.settings, request)
        permalink = address(base, record)
        if wants_linked_data(request):
            return JSONResponse(linked_data(base, record), media_type=JSON_LD, headers={"Vary": "Accept"})
        return render(
            request,
            f"records/{PATHS[type_name]}.html",
            record=record,
            permalink=permalink,
            exports=self._exports(request, type_name, record),
            link=lambda other, family=None: address(base, other, family),
            headers={"Vary": "Accept", "Link": f'<{permalink}>; rel="canonical"'},
        )

    async def _find(self, request: Request, type_name: str, key: str) -> str | Response:
        """Return the global id KEY names in this family, or a redirect to the record's own address."""
        engine: AsyncEngine = request.state.engine
        kind = AUTHORITY_KINDS.get(type_name)
        if kind is not None:
            async with engine.connect() as connection:
                number = await number_by_key(connection, kind, key)
            if number is not None:
                return encode_id(type_name, number)
        try:
            named, number = decode_id(key)
        except ChronologyError:
            return await self._by_name(request, type_name, key)
        named_kind = AUTHORITY_KINDS.get(named)
        if named_kind is not None:
            async with engine.connect() as connection:
                authority_key = await key_by_number(connection, named_kind, number)
            if authority_key is not None:
                return self._redirect(request, named, authority_key)
        if named == "Vote":
            return await self._to_decision(request, key)
        if named != type_name:
            return self._redirect(request, named, key)
        return key

    async def _by_name(self, request: Request, type_name: str, key: str) -> Response:
        """Send `/persons/Ezhov` (any stored form of the name) on to the person's address."""
        if type_name != "Person":
            return self._missing(request, type_name, key)
        engine: AsyncEngine = request.state.engine
        async with engine.connect() as connection:
            naming = await person_naming_async(connection, key)
        if naming.person is None:
            if wants_linked_data(request):
                return JSONResponse({"error": naming.problem()}, status_code=404)
            root = local_root(request)
            candidates = [
                (f"{root}/persons/{c.key or encode_id('Person', c.number)}", c.canonical_name)
                for c in naming.candidates
            ]
            return render(request, "missing.html", status_code=404, family="person", key=key, candidates=candidates)
        found = naming.person
        return self._redirect(request, "Person", found.key or encode_id("Person", found.number))

    async def _to_decision(self, request: Request, vote: str) -> Response:
        """Send a vote's id on to the page of the decision it was cast on."""
        data = await ask(self.view, request, VOTE, {"id": vote})
        if data["node"] is None:
            return self._missing(request, "Vote", vote)
        return self._redirect(request, "Decision", data["node"]["decision"]["id"])

    def _redirect(self, request: Request, type_name: str, key: str) -> Response:
        if type_name not in PATHS:
            return self._missing(request, type_name, key)
        return RedirectResponse(f"{local_root(request)}/{PATHS[type_name]}/{key}", status_code=301)

    def _missing(self, request: Request, type_name: str, key: str) -> Response:
        if wants_linked_data(request):
            return JSONResponse({"error": f"no {type_name.lower()} {key!r}"}, status_code=404)
        return render(request, "missing.html", status_code=404, family=type_name.lower(), key=key)

    def _exports(self, request: Request, type_name: str, record: dict[str, Any]) -> list[tuple[str, str]]:
        field = EXPORT_FILTERS.get(type_name)
        if field is None:
            return []
        root = local_root(request)
        return [(f"{root}/export/{name}?{field}={record['id']}", name) for name in EXPORTERS]

    async def by_global_id(self, request: Request) -> Response:
        """Send `/records/<global id>` on to the record's own page."""
        key = request.path_params["key"]
        try:
            named, _ = decode_id(key)
        except ChronologyError:
            return self._missing(request, "record", key)
        if named not in PATHS and named != "Vote":
            return self._missing(request, "record", key)
        found = await self._find(request, named, key)
        return found if isinstance(found, Response) else self._redirect(request, named, found)

    def routes(self) -> list[BaseRoute]:
        """Return a route per family, and the one that resolves any global id."""
        return [
            Route("/records/{key}", self.by_global_id, methods=["GET"]),
            *(
                Route(f"/{path}/{{key}}", self._family(type_name), methods=["GET"])
                for path, type_name in FAMILIES.items()
            ),
        ]

    def _family(self, type_name: str) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            return await self.page(request, type_name)

        return endpoint
