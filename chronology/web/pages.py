"""Serve `/timeline`, `/timeline/embed` and `/static`, and let other origins call the API."""

from __future__ import annotations

import html
from functools import cache
from importlib import resources
from pathlib import Path
from string import Template

from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from chronology import __version__
from chronology.settings import Settings
from chronology.web.home import landing_page, schema_file

STATIC = Path(__file__).parent / "static"

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


def web_routes() -> list[BaseRoute]:
    """Return the page routes and the static mount."""
    return [
        Route("/", landing_page, methods=["GET"]),
        Route("/schema.graphql", schema_file, methods=["GET"]),
        Route("/timeline", timeline_page, methods=["GET"]),
        Route("/timeline/embed", timeline_embed, methods=["GET"]),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]


def web_middleware(settings: Settings) -> list[Middleware]:
    """Return CORS for the configured origins (none when CHRONOLOGY_CORS_ORIGINS is unset)."""
    if not settings.cors_origins:
        return []
    return [
        Middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type", "Accept"],
            max_age=600,
        )
    ]
