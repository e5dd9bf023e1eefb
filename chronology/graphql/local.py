"""Asking the API from inside the process: the record pages read through the same schema as clients."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from chronology.graphql.compiled.raw import encode
from chronology.graphql.http import ChronologyGraphQL


class LocalQueryError(Exception):
    """The API answered a page's own query with errors (a fault in the page, not in the request)."""


async def ask(view: ChronologyGraphQL, request: Request, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    """Run QUERY as the request's caller would, read-only, and return its data as plain JSON values."""
    context = await view.get_context(request, Response())
    try:
        result = await view.schema.execute(query, variable_values=variables, context_value=context)
    finally:
        await context.database.close(commit=False)
    if result.errors:
        raise LocalQueryError("; ".join(error.message for error in result.errors))
    # Compiled selections hand back JSON text built in the database; one encode splices it in.
    data: dict[str, Any] = json.loads(encode(result.data))
    return data
