"""A review item as a GraphQL type, with its own opaque id."""

from __future__ import annotations

import base64
import binascii
import datetime
from enum import Enum
from typing import Any

import strawberry

from chronology.graphql.runtime.errors import validation
from chronology.graphql.runtime.ids import TYPE_OF_KIND, encode_id
from chronology.graphql.types.describe import describe

TYPE_NAME = "ReviewItem"


@strawberry.enum(description="What kind of doubt a review item records.")
class ReviewKind(Enum):
    NAME = "name"
    REFERENCE = "reference"
    MISPRINT = "misprint"
    DATE = "date"
    COUNT = "count"
    STRUCTURE = "structure"
    VOCABULARY = "vocabulary"
    READING = "reading"


describe(
    ReviewKind,
    {
        "NAME": "A printed name that matched no person or body of the authority lists, or only by similarity.",
        "REFERENCE": "An archival reference that could not be read, or only in part.",
        "MISPRINT": "A value that looks misprinted; its likely reading is given.",
        "DATE": "A date that could not be read, or only in part.",
        "COUNT": "What the file shows (headers, archive labels, notes) differs from what was made.",
        "STRUCTURE": "A document boundary, header or note the reader was unsure of.",
        "VOCABULARY": "A value outside the controlled vocabulary; not imported.",
        "READING": "Any other doubtful reading.",
    },
)


@strawberry.enum(description="Whether a review item still waits for an editor.")
class ReviewStatus(Enum):
    OPEN = "open"
    RESOLVED = "resolved"


describe(ReviewStatus, {"OPEN": "Still to check.", "RESOLVED": "Checked; see who resolved it and how."})


def encode_review_id(number: int) -> str:
    """Return the opaque id of review item NUMBER."""
    return encode_id(TYPE_NAME, number)


def review_number(global_id: str, *, field: str = "id") -> int:
    """Return the number of a review item's id, or raise a VALIDATION error."""
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        type_name, _, number = base64.urlsafe_b64decode(padded).decode().partition(":")
        value = int(number)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise validation(f"{global_id!r} is not a review item id", field=field) from None
    if type_name != TYPE_NAME or value <= 0:
        raise validation(f"{global_id!r} is not a review item id", field=field)
    return value


@strawberry.type(description="Something an import asked a human to check, where it was printed and why.")
class ReviewItem:
    id: strawberry.ID = strawberry.field(description="The item's opaque id.")
    source_file: str = strawberry.field(description="The imported file the item comes from.")
    line: int = strawberry.field(description="The line of that file.")
    kind: ReviewKind = strawberry.field(description="What kind of doubt it is.")
    reason: str = strawberry.field(description="What the reader found doubtful, in its words.")
    verbatim: str = strawberry.field(description="The text as printed.")
    likely_reading: str | None = strawberry.field(description="What it most likely says, when the reader could tell.")
    record: strawberry.ID | None = strawberry.field(
        description="The id of the record concerned (a Person, Body, Document or Decision), when there is one."
    )
    status: ReviewStatus = strawberry.field(description="Open, or resolved.")
    resolved_by: str | None = strawberry.field(description="Who resolved it: an editor's token, or an import.")
    resolved_at: datetime.datetime | None = strawberry.field(description="When it was resolved.")
    resolution: str | None = strawberry.field(description="What the editor said when resolving it.")

    @classmethod
    def from_row(cls, row: Any) -> ReviewItem:
        """Build from a review_items row joined with its record's kind (`record_kind`)."""
        record = None
        if row.record_id is not None and row.record_kind in TYPE_OF_KIND:
            record = strawberry.ID(encode_id(TYPE_OF_KIND[row.record_kind], row.record_id))
        return cls(
            id=strawberry.ID(encode_review_id(row.id)),
            source_file=row.source_file,
            line=row.line,
            kind=ReviewKind(row.kind),
            reason=row.reason,
            verbatim=row.verbatim,
            likely_reading=row.likely_reading,
            record=record,
            status=ReviewStatus(row.status),
            resolved_by=row.resolved_by,
            resolved_at=row.resolved_at,
            resolution=row.resolution,
        )
