"""OpenRefine reconciliation (Reconciliation Service API v0.2) against the persons and bodies.

A historian's spreadsheet of names goes in; for each, the candidates come back scored, with `match`
set only when one is certain (an exact naming, alone, that meets every constraint given).
"""

from __future__ import annotations

import datetime
import json
import re
from typing import Any
from urllib.parse import parse_qs

from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Route

from chronology.graphql.runtime.ids import encode_id
from chronology.queries.reconciling import Scored, body_candidates, described, person_candidates
from chronology.web.rendering import environment, may_read, public_base

TYPES = {"person": "Person", "body": "Body"}
PATHS = {"person": "persons", "body": "bodies"}
PROPERTIES = [
    {"id": "born", "name": "Year of birth"},
    {"id": "died", "name": "Year of death"},
    {"id": "memberOf", "name": "Member of (a body's key or name)"},
]
MAX_QUERIES = 100
MAX_LIMIT = 25
MAX_BODY = 1_000_000
_CALLBACK = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$.]{0,63}$")


class ReconcileError(ValueError):
    """A request the service cannot answer, with the reason to show."""


def _record_id(kind: str, scored: Scored) -> str:
    """Return the id OpenRefine stores: `persons/<key>`, the tail of the record's address."""
    return f"{PATHS[kind]}/{scored.key or encode_id(TYPES[kind], scored.number)}"


def _year_fits(value: Any, bounds: tuple[datetime.date | None, datetime.date | None]) -> bool | None:
    """Tell whether a year given for a life date fits the stored one; None when either is unknown."""
    try:
        year = int(str(value).strip()[:4])
    except ValueError:
        return False
    low, high = bounds
    if low is None or high is None:
        return None
    return low.year <= year <= high.year


def _meets(scored: Scored, properties: list[dict[str, Any]]) -> tuple[bool, float]:
    """Return whether SCORED contradicts no constraint, and how much the ones it meets add."""
    bonus = 0.0
    for constraint in properties:
        pid, values = constraint.get("pid"), constraint.get("v")
        given = values if isinstance(values, list) else [values]
        for value in given:
            if isinstance(value, dict):
                value = value.get("id") or value.get("name")
            if pid in ("born", "died"):
                fits = _year_fits(value, scored.born if pid == "born" else scored.died)
            elif pid == "memberOf":
                fits = str(value).strip().casefold() in {b.casefold() for b in scored.bodies}
            else:
                raise ReconcileError(f"unknown property {pid!r}; use one of born, died, memberOf")
            if fits is False:
                return False, 0.0
            bonus += 0.05 if fits else 0.0
    return True, bonus


async def _answer(engine: AsyncEngine, query: dict[str, Any]) -> dict[str, Any]:
    text = query.get("query")
    if not isinstance(text, str) or not text.strip():
        raise ReconcileError("each query needs a non-empty `query` string")
    kind = str(query.get("type") or "person").removeprefix("/")
    if kind not in TYPES:
        raise ReconcileError(f"unknown type {kind!r}; use person or body")
    limit = query.get("limit", 5)
    if not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise ReconcileError(f"`limit` must be a whole number from 1 to {MAX_LIMIT}")
    properties = query.get("properties") or []
    if not isinstance(properties, list) or not all(isinstance(p, dict) for p in properties):
        raise ReconcileError("`properties` must be a list of {pid, v}")
    known = {p["id"] for p in PROPERTIES}
    for constraint in properties:
        if constraint.get("pid") not in known:
            raise ReconcileError(f"unknown property {constraint.get('pid')!r}; use one of {', '.join(sorted(known))}")
    async with engine.connect() as connection:
        if kind == "person":
            found = await person_candidates(connection, text.strip(), limit * 2)
        else:
            found = await body_candidates(connection, text.strip(), limit * 2)
    results = []
    for scored in found:
        fits, bonus = _meets(scored, properties)
        if fits:
            results.append((min(1.0, scored.score + bonus), scored))
    results.sort(key=lambda pair: -pair[0])
    results = results[:limit]
    exact = [s for _, s in results if s.exact]
    return {
        "result": [
            {
                "id": _record_id(kind, scored),
                "name": scored.name,
                "type": [{"id": kind, "name": TYPES[kind]}],
                "score": round(score * 100, 1),
                # Certain only when the name is one the record is known by, and no one else's.
                "match": scored.exact and len(exact) == 1,
            }
            for score, scored in results
        ]
    }


def _jsonp(request: Request, payload: dict[str, Any], status_code: int = 200) -> Response:
    """Answer JSON, or JSONP when a well-formed `callback` is given (v0.2 allows it)."""
    callback = request.query_params.get("callback")
    if callback and _CALLBACK.match(callback):
        body = f"/**/{callback}({json.dumps(payload, ensure_ascii=False)});"
        return Response(body, status_code=status_code, media_type="application/javascript")
    return JSONResponse(payload, status_code=status_code)


class Reconciliation:
    """The `/reconcile` service."""

    def manifest(self, request: Request) -> dict[str, Any]:
        """Return the service manifest."""
        base = public_base(request.state.settings, request)
        return {
            "versions": ["0.2"],
            "name": "Chronology persons and bodies",
            "identifierSpace": f"{base}/",
            "schemaSpace": f"{base}/schema.graphql#",
            "defaultTypes": [{"id": kind, "name": name} for kind, name in TYPES.items()],
            "view": {"url": f"{base}/{{{{id}}}}"},
            "preview": {"url": f"{base}/reconcile/preview?id={{{{id}}}}", "width": 400, "height": 200},
            "suggest": {
                "entity": {"service_url": f"{base}/reconcile", "service_path": "/suggest/entity"},
                "type": {"service_url": f"{base}/reconcile", "service_path": "/suggest/type"},
                "property": {"service_url": f"{base}/reconcile", "service_path": "/suggest/property"},
            },
        }

    async def service(self, request: Request) -> Response:
        """Answer the manifest (no `queries`) or a batch of queries."""
        refusal = await may_read(request)
        if refusal is not None:
            return JSONResponse({"error": refusal}, status_code=403)
        raw = request.query_params.get("queries")
        if raw is None and request.method == "POST":
            body = await request.body()
            if len(body) > MAX_BODY:
                return _jsonp(request, {"error": f"a batch is limited to {MAX_BODY} bytes"}, 413)
            # OpenRefine posts a form (x-www-form-urlencoded); read it without a multipart parser.
            raw = next(iter(parse_qs(body.decode("utf-8", "replace")).get("queries", [])), None)
        if raw is None:
            return _jsonp(request, self.manifest(request))
        try:
            batch = json.loads(str(raw))
            if not isinstance(batch, dict) or not batch or len(batch) > MAX_QUERIES:
                raise ReconcileError(f"`queries` must be an object of 1 to {MAX_QUERIES} queries")
            engine: AsyncEngine = request.state.engine
            answers = {}
            for name, query in batch.items():
                if not isinstance(query, dict):
                    raise ReconcileError(f"query {name!r} is not an object")
                answers[name] = await _answer(engine, query)
        except json.JSONDecodeError as error:
            return _jsonp(request, {"error": f"`queries` is not JSON: {error.msg}"}, 400)
        except ReconcileError as error:
            return _jsonp(request, {"error": str(error)}, 400)
        return _jsonp(request, answers)

    async def suggest_entity(self, request: Request) -> Response:
        """Suggest persons and bodies whose names begin like the prefix typed."""
        prefix = request.query_params.get("prefix", "").strip()
        if not prefix:
            return _jsonp(request, {"result": []})
        engine: AsyncEngine = request.state.engine
        async with engine.connect() as connection:
            people = await person_candidates(connection, prefix, 8)
            groups = await body_candidates(connection, prefix, 4)
        result = [{"id": _record_id("person", s), "name": s.name, "description": "person"} for s in people]
        result += [{"id": _record_id("body", s), "name": s.name, "description": "body"} for s in groups]
        return _jsonp(request, {"result": result})

    async def suggest_type(self, request: Request) -> Response:
        """Suggest the types this service reconciles against."""
        prefix = request.query_params.get("prefix", "").casefold()
        types = [{"id": k, "name": n} for k, n in TYPES.items() if n.casefold().startswith(prefix)]
        return _jsonp(request, {"result": types})

    async def suggest_property(self, request: Request) -> Response:
        """Suggest the properties queries may constrain."""
        prefix = request.query_params.get("prefix", "").casefold()
        found = [p for p in PROPERTIES if prefix in p["name"].casefold() or p["id"].casefold().startswith(prefix)]
        return _jsonp(request, {"result": found})

    async def preview(self, request: Request) -> Response:
        """Show a small card of the record, for OpenRefine's preview pane."""
        path, _, key = request.query_params.get("id", "").partition("/")
        kinds = {p: k for k, p in PATHS.items()}
        engine: AsyncEngine = request.state.engine
        found = None
        if path in kinds and key:
            async with engine.connect() as connection:
                found = await described(connection, kinds[path], key)
        if found is None:
            return HTMLResponse("<p>No such record.</p>", status_code=404)
        base = public_base(request.state.settings, request)
        page = (
            environment()
            .get_template("reconcile_preview.html")
            .render(address=f"{base}/{path}/{key}", kind=TYPES[kinds[path]], name=found[0], detail=found[1])
        )
        return HTMLResponse(page)

    def routes(self) -> list[BaseRoute]:
        """Return the service's routes."""
        return [
            Route("/reconcile", self.service, methods=["GET", "POST"]),
            Route("/reconcile/suggest/entity", self.suggest_entity, methods=["GET"]),
            Route("/reconcile/suggest/type", self.suggest_type, methods=["GET"]),
            Route("/reconcile/suggest/property", self.suggest_property, methods=["GET"]),
            Route("/reconcile/preview", self.preview, methods=["GET"]),
        ]
