"""The landing page at `/` and the schema at `/schema.graphql`."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from chronology.exporters import EXPORTERS
from chronology.graphql.schema import schema_sdl
from chronology.queries.holdings import holdings
from chronology.web.rendering import may_read, render


async def landing_page(request: Request) -> Response:
    """Say what the service holds and where to go from here, readable without JavaScript."""
    refusal = await may_read(request)
    held = None
    if refusal is None:
        engine: AsyncEngine = request.state.engine
        async with engine.connect() as connection:
            held = await holdings(connection)
    exports = [(exporter.name, exporter.description) for exporter in EXPORTERS.values()]
    return render(request, "home.html", held=held, refusal=refusal, exports=exports)


async def schema_file(request: Request) -> Response:
    """Serve the GraphQL schema (SDL), the same text as the checked-in schema.graphql."""
    return PlainTextResponse(
        schema_sdl(),
        media_type="application/graphql",
        headers={"Content-Disposition": 'inline; filename="schema.graphql"', "Cache-Control": "no-cache"},
    )
