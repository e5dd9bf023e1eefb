"""The record budget: how many records one operation may still return, refused once spent."""

from __future__ import annotations

from dataclasses import dataclass

from chronology.graphql.runtime.errors import ChronologyError, ErrorCode


@dataclass
class RecordBudget:
    """How many records one operation may still return."""

    remaining: int

    def spend(self, count: int) -> None:
        """Take COUNT records from the budget, refusing the operation when it runs out."""
        self.remaining -= count
        if self.remaining < 0:
            raise ChronologyError(
                ErrorCode.LIMIT,
                "this operation asks for more records than one request may return; "
                "ask for fewer (smaller pages, fewer nested lists)",
            )
