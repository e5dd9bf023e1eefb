"""The schema: the query and mutation roots merged from their modules, with protections."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

import strawberry
from graphql import ASTValidationRule, DocumentNode, GraphQLError, parse
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import MaskErrors, ParserCache
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionResult
from strawberry.types.base import get_object_definition
from strawberry.types.graphql import OperationType

from chronology.graphql.compiled.operations import Shortcuts
from chronology.graphql.mutations.decisions import DecisionMutation
from chronology.graphql.mutations.documents import DocumentMutation
from chronology.graphql.mutations.events import EventMutation
from chronology.graphql.mutations.persons import PersonMutation
from chronology.graphql.mutations.relations import RelationMutation
from chronology.graphql.mutations.review import ReviewMutation
from chronology.graphql.mutations.tokens import TokenMutation, TokenQuery
from chronology.graphql.runtime.context import Context
from chronology.graphql.runtime.cost import CostAnalysis, refusal
from chronology.graphql.runtime.errors import ChronologyError
from chronology.graphql.runtime.execution import PlainFieldExecutionContext
from chronology.graphql.runtime.shape import shape_rule
from chronology.graphql.runtime.strings import WellFormedStrings
from chronology.graphql.runtime.validation_cache import CachedValidation, ValidQueries
from chronology.graphql.types.chain.query import ChainQuery
from chronology.graphql.types.decision.query import DecisionQuery
from chronology.graphql.types.decision.record import Decision
from chronology.graphql.types.decision.vote import Vote
from chronology.graphql.types.document.query import DocumentQuery
from chronology.graphql.types.document.record import Document
from chronology.graphql.types.event.query import EventQuery
from chronology.graphql.types.event.record import Event
from chronology.graphql.types.history import HistoryQuery
from chronology.graphql.types.node.query import NodeQuery
from chronology.graphql.types.person.body import Body
from chronology.graphql.types.person.query import PersonQuery
from chronology.graphql.types.person.record import Person
from chronology.graphql.types.review.query import ReviewQuery
from chronology.graphql.types.search import SearchQuery
from chronology.graphql.types.timeline.histogram import HistogramQuery
from chronology.graphql.types.timeline.query import TimelineQuery
from chronology.settings import Settings

MAX_CACHED_QUERIES = 256

# Merged in this order, which is the order of the roots' fields in schema.graphql.
QUERY_PARTS: list[type[Any]] = [
    NodeQuery,
    DocumentQuery,
    PersonQuery,
    DecisionQuery,
    EventQuery,
    ChainQuery,
    SearchQuery,
    TimelineQuery,
    HistogramQuery,
    HistoryQuery,
    ReviewQuery,
    TokenQuery,
]
MUTATION_PARTS: list[type[Any]] = [
    PersonMutation,
    DocumentMutation,
    DecisionMutation,
    EventMutation,
    RelationMutation,
    ReviewMutation,
    TokenMutation,
]


def _expected(error: GraphQLError) -> bool:
    """Tell whether an error is one the client caused and may read in full."""
    # Without a path the operation never ran: a value the client sent did not coerce (a Date, an Int, an enum).
    return isinstance(error.original_error, ChronologyError) or error.original_error is None or not error.path


class ChronologySchema(strawberry.Schema):
    """The strawberry schema, answering the operations one compiled statement answers without execution."""

    def __init__(self, valid: ValidQueries, max_records: int, **options: Any) -> None:
        super().__init__(**options)
        self.valid = valid
        self.max_records = max_records
        self.shortcuts = Shortcuts(self, valid)
        self._documents: OrderedDict[str, DocumentNode] = OrderedDict()

    async def execute(
        self,
        query: str | None,
        variable_values: dict[str, Any] | None = None,
        context_value: Any | None = None,
        root_value: Any | None = None,
        operation_name: str | None = None,
        allowed_operation_types: Iterable[OperationType] | None = None,
        operation_extensions: dict[str, Any] | None = None,
    ) -> ExecutionResult:
        """Answer from a compiled statement if the operation allows it, else execute it."""
        queries_allowed = allowed_operation_types is None or OperationType.QUERY in allowed_operation_types
        if query is not None and queries_allowed and not operation_extensions and isinstance(context_value, Context):
            # A text validation has passed may be answered by a shortcut: estimate its cost first, as execution would.
            if query in self.valid:
                error = refusal(self._schema, self._document(query), variable_values, operation_name, self.max_records)
                if error is not None:
                    return ExecutionResult(data=None, errors=[error])
            data = await self.shortcuts.answer(query, variable_values, operation_name, context_value)
            if data is not None:
                return ExecutionResult(data=data, errors=None)
        return await super().execute(
            query,
            variable_values,
            context_value,
            root_value,
            operation_name,
            allowed_operation_types,
            operation_extensions,
        )

    def _document(self, query: str) -> DocumentNode:
        """Return the parsed text of a valid query (parsed once, the least recently used forgotten)."""
        document = self._documents.get(query)
        if document is None:
            document = self._documents[query] = parse(query)
            while len(self._documents) > MAX_CACHED_QUERIES:
                self._documents.popitem(last=False)
        else:
            self._documents.move_to_end(query)
        return document


def build_schema(settings: Settings) -> strawberry.Schema:
    """Build the schema; production hides introspection and unexpected errors' details."""
    query = merge_types("Query", tuple(QUERY_PARTS))
    get_object_definition(
        query, strict=True
    ).description = "Reading the documentary record: documents, decisions, votes, events, people, chains."
    mutation = None
    if MUTATION_PARTS:
        mutation = merge_types("Mutation", tuple(MUTATION_PARTS))
        get_object_definition(
            mutation, strict=True
        ).description = "Editing the record (editor tokens) and managing tokens (admin tokens)."
    # The limits as validation rules, built once; checked with each new query text.
    rules: list[type[ASTValidationRule]] = [
        shape_rule(
            max_depth=settings.max_depth,
            max_introspection_depth=settings.max_introspection_depth,
            max_aliases=settings.max_aliases,
            max_fields=settings.max_fields,
        ),
        WellFormedStrings,
    ]
    if settings.production:
        rules.append(NoSchemaIntrospectionCustomRule)
    valid = ValidQueries(MAX_CACHED_QUERIES)
    # Factories, not instances: strawberry builds fresh extensions for each request.
    extensions: list[Any] = []
    if settings.production:
        extensions.append(lambda: MaskErrors(should_mask_error=lambda error: not _expected(error)))
    # Clients send the same few operations again and again: parse and validate each text once.
    extensions.append(lambda: ParserCache(maxsize=MAX_CACHED_QUERIES))
    extensions.append(lambda: CachedValidation(valid, rules, settings.max_tokens))
    # After validation, before execution: refuse what could answer with too many records.
    extensions.append(lambda: CostAnalysis(settings.max_records))
    return ChronologySchema(
        valid,
        settings.max_records,
        query=query,
        mutation=mutation,
        types=[Person, Body, Document, Decision, Vote, Event],
        extensions=extensions,
        execution_context_class=PlainFieldExecutionContext,
        config=StrawberryConfig(disable_field_suggestions=settings.production),
    )


def schema_sdl() -> str:
    """Return the SDL of the development schema, as checked in at schema.graphql."""
    return build_schema(Settings()).as_str() + "\n"
