"""The Node interface: every record type answers `id` with its global id."""

from __future__ import annotations

import strawberry


@strawberry.interface(description="A record with a global id: fetch any of them with `node(id)`.")
class Node:
    @strawberry.field(description="The record's opaque global id.")
    def id(self) -> strawberry.ID:
        raise NotImplementedError  # every record type answers with its own global id
