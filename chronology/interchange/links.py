"""Where a record lives on the web: the public base URL, the record pages, the API's global ids.

Every export builds its IRIs here from the configured public URL (never a request's host), so
the CLI and the HTTP door write the same identifiers: `{base}/documents/<global id>`,
`{base}/persons/<authority key>`.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"

# The record kinds that have a page, and the path it is under.
PAGES = {"document": "documents", "decision": "decisions", "person": "persons", "body": "bodies", "event": "events"}
# The API's type of each kind; a global id is base64 of "Type:number" (as chronology.graphql.ids).
GRAPHQL_TYPES = {
    "person": "Person",
    "body": "Body",
    "document": "Document",
    "decision": "Decision",
    "vote": "Vote",
    "event": "Event",
}


def global_id(kind: str, number: int) -> str:
    """Return the API's global id of record NUMBER of KIND."""
    text = f"{GRAPHQL_TYPES[kind]}:{number}"
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@dataclass(frozen=True)
class Links:
    """The IRIs of one export's records, from the public base URL."""

    base: str = DEFAULT_PUBLIC_URL

    def record(self, kind: str, number: int, key: str | None = None) -> str:
        """Return the page of a record: persons and bodies by authority key where they have one."""
        page = PAGES.get(kind)
        if page is None:
            # Votes, relations and publications have no page of their own yet.
            return f"{self.base}/#{kind}-{number}"
        if key and kind in ("person", "body"):
            return f"{self.base}/{page}/{key}"
        return f"{self.base}/{page}/{global_id(kind, number)}"

    def party(self, person_id: int | None, body_id: int | None, key: str | None = None) -> str:
        """Return the page of a person or body who is a party."""
        if person_id is not None:
            return self.record("person", person_id, key)
        return self.record("body", body_id or 0, key)

    def export(self, format_name: str, parameters: Iterable[tuple[str, str]] = ()) -> str:
        """Return the URL that serves an export in FORMAT_NAME with these filters."""
        query = urlencode(sorted(parameters))
        return f"{self.base}/export/{format_name}" + (f"?{query}" if query else "")
