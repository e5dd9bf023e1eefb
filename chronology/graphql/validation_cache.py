"""Validate each distinct query text once: clients send the same few operations again and again."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator

from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

# Distinct valid query texts remembered; the oldest is forgotten first.
MAX_QUERIES = 256


class ValidQueries:
    """The query texts that passed validation, for one schema and its fixed rules."""

    def __init__(self, size: int = MAX_QUERIES) -> None:
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._size = size

    def __contains__(self, query: str) -> bool:
        if query in self._seen:
            self._seen.move_to_end(query)
            return True
        return False

    def add(self, query: str) -> None:
        """Remember QUERY as valid, forgetting the least recently seen beyond the size."""
        self._seen[query] = None
        while len(self._seen) > self._size:
            self._seen.popitem(last=False)


class CachedValidation(SchemaExtension):
    """Skip validation for a query text already found valid; validate and remember the rest.

    Only successes are remembered, so an invalid query is checked (and reported) every time.
    """

    def __init__(self, valid: ValidQueries) -> None:
        super().__init__()
        self._valid = valid

    def on_validate(self) -> Iterator[None]:
        """Validate unless the same text already passed the same rules."""
        context = self.execution_context
        query = context.query
        if query is not None and context.graphql_document is not None and context.validation_rules:
            if query in self._valid:
                context.pre_execution_errors = []
            else:
                errors = validate_document(context.schema._schema, context.graphql_document, context.validation_rules)
                context.pre_execution_errors = errors
                if not errors:
                    self._valid.add(query)
        yield
