"""Permanent addresses: `/documents/<key>` and its kin, the IRIs the JSON-LD export uses too."""

from __future__ import annotations

from typing import Any

# The path of each record family; a vote has no page of its own and is shown on its decision's.
PATHS = {"Document": "documents", "Decision": "decisions", "Person": "persons", "Body": "bodies", "Event": "events"}
FAMILIES = {path: type_name for type_name, path in PATHS.items()}


def record_key(record: dict[str, Any]) -> str:
    """Return the key in a record's address: its authority key if it has one, else its global id."""
    key = record.get("key")
    return str(key) if key else str(record["id"])


def address(base: str, record: dict[str, Any], type_name: str | None = None) -> str:
    """Return the permanent address of a record as the API gives it (its `__typename`, or TYPE_NAME, and `id`)."""
    type_name = type_name or record.get("__typename", "")
    if type_name == "Vote":
        return address(base, {"__typename": "Decision", **record["decision"]})
    return f"{base}/{PATHS[type_name]}/{record_key(record)}"
