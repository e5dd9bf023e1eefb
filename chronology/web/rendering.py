"""Server-rendered pages: the Jinja2 environment, the public base of permalinks, and who may read."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import HTMLResponse

from chronology import __version__
from chronology.graphql.http import UnauthenticatedError, authenticate
from chronology.settings import Settings
from chronology.web.assets import asset_version

# The pages are read by people and by crawlers; they carry no script of their own.
PAGE_HEADERS = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "frame-ancestors 'self'"}


@cache
def environment() -> Environment:
    """Return the template environment, escaping everything it substitutes."""
    return Environment(
        loader=PackageLoader("chronology.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def public_base(settings: Settings, request: Request) -> str:
    """Return the base URL permalinks are built from: CHRONOLOGY_PUBLIC_URL, else where the request came in."""
    if settings.public_url:
        return settings.public_url
    return str(request.base_url).rstrip("/")


def local_root(request: Request) -> str:
    """Return the path prefix of links within this deployment."""
    return str(request.scope.get("root_path", "")).rstrip("/")


def render(
    request: Request,
    template: str,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
    **values: Any,
) -> HTMLResponse:
    """Render a page template with the values every page uses."""
    settings: Settings = request.state.settings
    page = (
        environment()
        .get_template(template)
        .render(
            root=local_root(request),
            public=public_base(settings, request),
            version=__version__,
            asset_version=asset_version,
            graphiql=not settings.production,
            **values,
        )
    )
    return HTMLResponse(page, status_code=status_code, headers={**PAGE_HEADERS, **(headers or {})})


async def may_read(request: Request) -> str | None:
    """Return why this request may not read records, or None when it may."""
    settings: Settings = request.state.settings
    engine: AsyncEngine = request.state.engine
    try:
        actor = await authenticate(engine, request)
    except UnauthenticatedError as error:
        return str(error)
    if actor.role is None and not settings.anonymous_read:
        return "Reading needs a token on this service."
    return None
