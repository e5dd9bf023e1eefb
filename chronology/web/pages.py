"""Serve `/timeline`, `/timeline/embed` and `/static`, compress answers, and let other origins call the API."""

from __future__ import annotations

import html
from functools import cache
from importlib import resources
from string import Template

from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse
from starlette.routing import BaseRoute, Mount, Route

from chronology import __version__
from chronology.settings import Settings
from chronology.web.assets import STATIC, VersionedStaticFiles, asset_version
from chronology.web.home import landing_page, schema_file

_HEADER = """<header class="page-header">
  <h1>Chronology</h1>
  <p>Documents, decisions and events of Soviet decision-making, on a timeline.</p>
</header>"""


@cache
def _template() -> Template:
    text = resources.files("chronology.web").joinpath("templates", "timeline.html").read_text(encoding="utf-8")
    return Template(text)


def _page(request: Request, *, embed: bool) -> HTMLResponse:
    root = request.scope.get("root_path", "").rstrip("/")
    page = f"{root}/timeline"
    values = {
        "static": f"{root}/static",
        "version": html.escape(__version__),
        "script_version": asset_version("timeline.js"),
        "style_version": asset_version("timeline.css"),
        "icon_version": asset_version("favicon.svg"),
        "mode": "embed" if embed else "page",
        "graphql": f"{root}/graphql",
        "export": f"{root}/export",
        "page": page,
        "header": "" if embed else _HEADER,
        "filters_hidden": " hidden" if embed else "",
        "open_full": (
            f'<a id="open-full" class="open-full" href="{page}" target="_blank" rel="noopener">Open in Chronology</a>'
            if embed
            else ""
        ),
    }
    headers = {"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"}
    if not embed:
        # Only the embed is meant for other sites' frames.
        headers["Content-Security-Policy"] = "frame-ancestors 'self'"
    return HTMLResponse(_template().substitute(values), headers=headers)


async def timeline_page(request: Request) -> HTMLResponse:
    """Serve the timeline page."""
    return _page(request, embed=False)


async def timeline_embed(request: Request) -> HTMLResponse:
    """Serve the timeline without page chrome, for an iframe on another site."""
    return _page(request, embed=True)


async def favicon(request: Request) -> FileResponse:
    """Answer browsers that ask for /favicon.ico whatever the page says, with the SVG icon."""
    return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})


def web_routes() -> list[BaseRoute]:
    """Return the page routes and the static mount."""
    return [
        Route("/", landing_page, methods=["GET"]),
        Route("/schema.graphql", schema_file, methods=["GET"]),
        Route("/favicon.ico", favicon, methods=["GET"]),
        Route("/timeline", timeline_page, methods=["GET"]),
        Route("/timeline/embed", timeline_embed, methods=["GET"]),
        Mount("/static", app=VersionedStaticFiles(directory=STATIC), name="static"),
    ]


def web_middleware(settings: Settings) -> list[Middleware]:
    """Return gzip for every answer worth it, and CORS for the origins in CHRONOLOGY_CORS_ORIGINS."""
    # Level 6: most of level 9's saving at a fraction of its time, for streamed exports too.
    compression = Middleware(GZipMiddleware, minimum_size=500, compresslevel=6)
    if not settings.cors_origins:
        return [compression]
    return [
        compression,
        Middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type", "Accept"],
            max_age=600,
        ),
    ]
