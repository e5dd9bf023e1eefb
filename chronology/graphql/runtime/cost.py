"""The cost analysis: how many records an operation's answer can hold, estimated before any SQL runs.

A list's size is the page the client asked for (`first`, `last`, `limit`, the number of `ids`) or,
when it asks for none, the list's default page or its declared maximum. A page argument on a field
that is not itself a list (a connection, a timeline) sizes the first lists below it. Lists multiply
down the tree; a fragment is estimated once per page size it is spread under, so the work is linear
in the document, and spreading a fragment twice counts it twice (an upper estimate, never less);
selections on different object types count the largest alone, as a record has one type.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    NullValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValueNode,
    VariableNode,
    get_named_type,
)
from graphql.execution import ExecutionResult as GraphQLExecutionResult
from strawberry.extensions import SchemaExtension

from chronology.graphql.runtime.errors import ChronologyError, ErrorCode
from chronology.graphql.runtime.pagination import DEFAULT_PAGE

# The arguments that size a list, in the order they are read.
PAGE_ARGUMENTS = ("first", "last", "limit", "ids")
# What a list of records may hold when the client names no page: the most `first` allows.
LIST_MAXIMUM = 100
# A record's own parts, written by its editors, not growing with the corpus: an estimate of the most one holds.
PARTS_MAXIMUM = 20
PARTS = frozenset(
    {
        ("Document", "parties"),
        ("Document", "copies"),
        ("Document", "editions"),
        ("Document", "annotations"),
        ("Person", "variants"),
        ("Body", "variants"),
        ("Event", "places"),
        ("HistoryEntry", "changes"),
    }
)


def _value(node: ValueNode | None, variables: Mapping[str, Any]) -> Any:
    if node is None or isinstance(node, NullValueNode):
        return None
    if isinstance(node, VariableNode):
        return variables.get(node.name.value)
    if isinstance(node, IntValueNode):
        # Over 4,300 digits Python refuses the conversion; such a page is refused by its resolver anyway.
        return int(node.value) if len(node.value) < 20 else 10**19
    if isinstance(node, ListValueNode):
        return list(node.values)
    return None


def _size(value: Any) -> int | None:
    """Return the number of records a page argument's value asks for, if it names one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return max(value, 0)
    if isinstance(value, (list, tuple)):
        return len(value)
    return None


class _Estimate:
    """Estimates the records below selections, each fragment once per page size above it."""

    def __init__(self, schema: GraphQLSchema, document: DocumentNode, variables: Mapping[str, Any]) -> None:
        self.schema = schema
        self.variables = variables
        self.fragments = {
            definition.name.value: definition
            for definition in document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }
        self.estimated: dict[tuple[str, int | None], int] = {}
        self.estimating: set[tuple[str, int | None]] = set()

    def selections(self, selection_set: SelectionSetNode | None, parent: Any, page: int | None) -> int:
        if selection_set is None:
            return 0
        total = 0
        # An object has one concrete type: selections on different object types are alternatives, not a sum.
        alternatives: dict[str, int] = {}
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.field(selection, parent, page)
                continue
            if isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner = self.schema.get_type(condition.name.value) if condition else parent
                records = self.selections(selection.selection_set, inner or parent, page)
            elif isinstance(selection, FragmentSpreadNode):
                definition = self.fragments.get(selection.name.value)
                inner = self.schema.get_type(definition.type_condition.name.value) if definition else None
                records = self.fragment(selection.name.value, page)
            else:
                continue
            if isinstance(inner, GraphQLObjectType) and inner is not parent:
                alternatives[inner.name] = alternatives.get(inner.name, 0) + records
            else:
                total += records
        return total + max(alternatives.values(), default=0)

    def fragment(self, name: str, page: int | None) -> int:
        key = (name, page)
        if key in self.estimated:
            return self.estimated[key]
        definition = self.fragments.get(name)
        if definition is None or key in self.estimating:
            return 0  # validation reports unknown and cyclic fragments
        self.estimating.add(key)
        parent = self.schema.get_type(definition.type_condition.name.value)
        self.estimated[key] = self.selections(definition.selection_set, parent, page)
        self.estimating.discard(key)
        return self.estimated[key]

    def field(self, node: FieldNode, parent: Any, page: int | None) -> int:
        name = node.name.value
        fields = getattr(parent, "fields", None)
        if name.startswith("__") or not fields or name not in fields:
            return 0  # introspection is bounded by the schema's size and the introspection depth
        definition = fields[name]
        asked = self._page(node, definition)
        output = definition.type.of_type if isinstance(definition.type, GraphQLNonNull) else definition.type
        named = get_named_type(output)
        if isinstance(output, GraphQLList):
            size = asked if asked is not None else page if page is not None else _declared(parent.name, name, output)
            return size * (1 + self.selections(node.selection_set, named, None))
        return self.selections(node.selection_set, named, asked if asked is not None else page)

    def _page(self, node: FieldNode, definition: Any) -> int | None:
        """Return the page size the field's arguments ask for, or its default page; None if it takes no page."""
        declared = [name for name in PAGE_ARGUMENTS if name in definition.args]
        if not declared:
            return None
        given = {argument.name.value: argument.value for argument in node.arguments or ()}
        for name in declared:
            size = _size(_value(given.get(name), self.variables)) if name in given else None
            if size is None and name not in given:
                size = _size(definition.args[name].default_value)
            if size is not None:
                return size
        output = definition.type.of_type if isinstance(definition.type, GraphQLNonNull) else definition.type
        # A list with no page asked is sized by its declared maximum below; a connection has a default page.
        return None if isinstance(output, GraphQLList) else DEFAULT_PAGE


# Lists whose resolver keeps its own bound, above the usual maximum.
DECLARED = {("Query", "bodies"): 500}


def _declared(parent: str, name: str, output: GraphQLList[Any]) -> int:
    """Return the most items a list holds when no page is asked: an enum's values, a record's parts, or the maximum."""
    named = get_named_type(output)
    if isinstance(named, GraphQLEnumType):
        return len(named.values)
    if (parent, name) in DECLARED:
        return DECLARED[parent, name]
    return PARTS_MAXIMUM if (parent, name) in PARTS else LIST_MAXIMUM


def estimate(
    schema: GraphQLSchema, document: DocumentNode, variables: Mapping[str, Any], operation_name: str | None
) -> int:
    """Return how many records the answer to the operation can hold."""
    operations = [definition for definition in document.definitions if isinstance(definition, OperationDefinitionNode)]
    chosen = [
        operation
        for operation in operations
        if operation_name is None or (operation.name is not None and operation.name.value == operation_name)
    ]
    if len(chosen) != 1:
        return 0  # execution reports a missing or ambiguous operation
    [operation] = chosen
    root = schema.get_root_type(operation.operation)
    return _Estimate(schema, document, variables).selections(operation.selection_set, root, None)


def refusal(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Mapping[str, Any] | None,
    operation_name: str | None,
    max_records: int,
) -> ChronologyError | None:
    """Return the LIMIT error for an operation whose answer can hold more records than MAX_RECORDS, else None."""
    records = estimate(schema, document, variables or {}, operation_name)
    if records <= max_records:
        return None
    return ChronologyError(
        ErrorCode.LIMIT,
        f"this operation's answer can hold {records} records; one request may return at most {max_records}: "
        "ask for smaller pages (`first`) and fewer nested lists",
    )


class CostAnalysis(SchemaExtension):
    """Refuse, before execution, an operation whose answer can hold more records than the limit."""

    def __init__(self, max_records: int) -> None:
        super().__init__()
        self._max_records = max_records

    def on_execute(self) -> Iterator[None]:
        """Set the refusal as the result, so that execution does not start."""
        context = self.execution_context
        if context.graphql_document is not None and context.result is None:
            error = refusal(
                context.schema._schema,
                context.graphql_document,
                context.variables,
                context.operation_name,
                self._max_records,
            )
            if error is not None:
                context.result = GraphQLExecutionResult(data=None, errors=[error])
        yield
