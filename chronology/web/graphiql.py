"""GraphiQL with the explorer, served from this package's own assets: no request leaves the machine."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse

from chronology.web.assets import asset_version
from chronology.web.rendering import environment, local_root


def graphiql_page(request: Request) -> HTMLResponse:
    """Serve the IDE page that `/graphql` shows a browser (development only; production has no IDE)."""
    root = local_root(request)
    page = (
        environment()
        .get_template("graphiql.html")
        .render(
            root=root,
            graphql=f"{root}/graphql",
            script_version=asset_version("graphiql.js"),
            style_version=asset_version("graphiql.css"),
        )
    )
    # The IDE's own code and styles only, from this origin: a CDN link slipped in later would be refused.
    policy = (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'self'"
    )
    return HTMLResponse(page, headers={"Content-Security-Policy": policy, "X-Content-Type-Options": "nosniff"})
