"""The rules an operation must pass, checked once per distinct query text.

Clients send the same few operations again and again. The limits (depth, aliases, tokens, and
introspection in production) are validation rules built once for the schema, and a query text
that passed them is not validated again: one extension instead of one per limit, each of which
rebuilt its rule class for every request.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Sequence

from graphql import ASTValidationRule, validate
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
    """Apply the operation limits; validate a query text only until it has once been found valid.

    Only successes are remembered, so an invalid query is checked (and reported) every time.
    """

    def __init__(self, valid: ValidQueries, rules: Sequence[type[ASTValidationRule]], max_tokens: int) -> None:
        super().__init__()
        self._valid = valid
        self._rules = tuple(rules)
        self._max_tokens = max_tokens

    def on_operation(self) -> Iterator[None]:
        """Limit the tokens the parser reads and add the limits to the validation rules."""
        context = self.execution_context
        context.parse_options["max_tokens"] = self._max_tokens
        context.validation_rules = (*context.validation_rules, *self._rules)
        yield

    def on_validate(self) -> Iterator[None]:
        """Validate unless the same text already passed the same rules."""
        context = self.execution_context
        query = context.query
        if query is not None and context.graphql_document is not None and context.validation_rules:
            if query in self._valid:
                context.pre_execution_errors = []
            else:
                # The limits first, alone: a document past them is refused before the general rules walk it.
                errors = validate(context.schema._schema, context.graphql_document, self._rules)
                if not errors:
                    errors = validate_document(
                        context.schema._schema, context.graphql_document, context.validation_rules
                    )
                context.pre_execution_errors = errors
                if not errors:
                    self._valid.add(query)
        yield
