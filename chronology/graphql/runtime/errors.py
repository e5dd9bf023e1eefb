"""Expected failures as GraphQL errors with a code a client can branch on."""

from __future__ import annotations

from enum import StrEnum

from graphql import GraphQLError


class ErrorCode(StrEnum):
    """Why an operation failed."""

    VALIDATION = "VALIDATION"
    NOT_FOUND = "NOT_FOUND"
    CONFLICT = "CONFLICT"
    FORBIDDEN = "FORBIDDEN"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    TIMEOUT = "TIMEOUT"
    LIMIT = "LIMIT"
    UNAVAILABLE = "UNAVAILABLE"


class ChronologyError(GraphQLError):
    """An expected failure: its message and code are always shown to the client."""

    def __init__(self, code: ErrorCode, message: str, *, field: str | None = None) -> None:
        extensions: dict[str, object] = {"code": code.value}
        if field is not None:
            extensions["field"] = field
        super().__init__(message, extensions=extensions)
        self.code = code
        self.field = field


def validation(message: str, *, field: str | None = None) -> ChronologyError:
    """Return a VALIDATION error naming FIELD."""
    return ChronologyError(ErrorCode.VALIDATION, message, field=field)


def not_found(what: str, *, field: str | None = None) -> ChronologyError:
    """Return a NOT_FOUND error."""
    return ChronologyError(ErrorCode.NOT_FOUND, f"{what} was not found", field=field)


def forbidden(message: str) -> ChronologyError:
    """Return a FORBIDDEN error."""
    return ChronologyError(ErrorCode.FORBIDDEN, message)


def conflict(message: str, *, field: str | None = None) -> ChronologyError:
    """Return a CONFLICT error."""
    return ChronologyError(ErrorCode.CONFLICT, message, field=field)


def unavailable() -> ChronologyError:
    """Return an UNAVAILABLE error: the database cannot be reached (never naming its host or port)."""
    return ChronologyError(ErrorCode.UNAVAILABLE, "the database is unavailable; try again in a few seconds")
