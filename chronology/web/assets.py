"""The built assets under `/static`: versioned by their content, so a browser may keep them for a year."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

STATIC = Path(__file__).parent / "static"
FOREVER = "public, max-age=31536000, immutable"


@cache
def asset_version(name: str) -> str:
    """Return the content hash that versions an asset's URL (`/static/timeline.js?v=<hash>`)."""
    return hashlib.sha256((STATIC / name).read_bytes()).hexdigest()[:16]


class VersionedStaticFiles(StaticFiles):
    """Static files cached for a year when asked for at their current version, revalidated otherwise."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code != 200:
            return response
        query = scope.get("query_string", b"").decode("latin-1")
        asked = dict(part.partition("=")[::2] for part in query.split("&") if part)
        try:
            current = asset_version(path)
        except OSError:
            current = None
        # Only the hash of the bytes served makes an asset immutable; a stale or absent `v` must revalidate.
        response.headers["Cache-Control"] = FOREVER if current and asked.get("v") == current else "no-cache"
        return response
