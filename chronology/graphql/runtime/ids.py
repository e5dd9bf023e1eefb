"""Opaque global ids: base64 of "Type:number", as Relay clients expect."""

from __future__ import annotations

import base64
import binascii

from chronology.graphql.runtime.errors import validation

# The GraphQL type of each record kind.
TYPE_OF_KIND = {
    "person": "Person",
    "body": "Body",
    "document": "Document",
    "decision": "Decision",
    "vote": "Vote",
    "event": "Event",
}
KIND_OF_TYPE = {value: key for key, value in TYPE_OF_KIND.items()}


def encode_id(type_name: str, number: int) -> str:
    """Return the global id of record NUMBER of TYPE_NAME."""
    return base64.urlsafe_b64encode(f"{type_name}:{number}".encode()).decode().rstrip("=")


def decode_id(global_id: str, *, field: str = "id", expect: str | None = None) -> tuple[str, int]:
    """Return (type name, number) from a global id, or raise a VALIDATION error."""
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        type_name, _, number = base64.urlsafe_b64decode(padded).decode().partition(":")
        value = int(number)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise validation(f"{global_id!r} is not a Chronology id", field=field) from None
    if type_name not in KIND_OF_TYPE or value <= 0:
        raise validation(f"{global_id!r} is not a Chronology id", field=field)
    if expect is not None and type_name != expect:
        raise validation(f"{global_id!r} is a {type_name} id, not a {expect} id", field=field)
    return type_name, value


def number_of(global_id: str | None, *, expect: str, field: str) -> int | None:
    """Return the number of an optional global id of the type EXPECT (None when it is absent)."""
    return None if global_id is None else decode_id(str(global_id), field=field, expect=expect)[1]
