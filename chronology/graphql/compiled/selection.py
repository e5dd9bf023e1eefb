"""A field's selection as a plain tree: fragments followed, @skip/@include applied, fields merged by response key.

GraphQL's own field collection (spec, "CollectFields") done once per operation rather than once
per object: for every concrete type a field's value may take, the fields asked of it in order.
Whatever this does not understand (other directives, a field the type lacks) gives None, and
the ordinary execution answers instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLIncludeDirective,
    GraphQLSkipDirective,
    InlineFragmentNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    is_abstract_type,
    is_composite_type,
)
from graphql.execution.values import VariableValues, get_argument_values, get_directive_values

# Per concrete type name, the fields asked of a value of that type, in response order.
Selection = Mapping[str, tuple["Field", ...]]


@dataclass(frozen=True)
class Field:
    """One entry of a response object: its key, the field it reads, its arguments and what is asked below it."""

    key: str
    name: str
    arguments: tuple[tuple[str, Any], ...]
    below: Selection | None  # None for scalars and enums

    def only(self, type_name: str) -> tuple[Field, ...]:
        """Return the fields asked below this one of a value of TYPE_NAME."""
        return self.below.get(type_name, ()) if self.below is not None else ()


class UnsupportedError(Exception):
    """The selection uses something the compiler leaves to the ordinary execution."""


def selection_of(info: Any) -> Selection | None:
    """Return the selection below the field being resolved (graphql-core's resolve info), or None."""
    variables = info.variable_values
    if not isinstance(variables, VariableValues):
        # Strawberry hands resolvers the coerced values alone; graphql-core's helpers want its container.
        variables = VariableValues(sources={}, coerced=dict(variables))
    try:
        return _selection(info.schema, info.fragments, variables, info.field_nodes, info.return_type)
    except UnsupportedError:
        return None


def _selection(
    schema: Any, fragments: Mapping[str, Any], variables: Any, nodes: list[FieldNode], output: Any
) -> Selection | None:
    named = get_named_type(output)
    if not is_composite_type(named):
        return None
    types = schema.get_possible_types(named) if is_abstract_type(named) else [named]
    sets = [node.selection_set for node in nodes if node.selection_set is not None]
    found: dict[str, tuple[Field, ...]] = {}
    for concrete in types:
        grouped: dict[str, list[FieldNode]] = {}
        for selection_set in sets:
            _collect(schema, fragments, variables, selection_set, concrete, grouped, set())
        found[concrete.name] = tuple(
            _field(schema, fragments, variables, concrete, key, group) for key, group in grouped.items()
        )
    return found


def _field(
    schema: Any,
    fragments: Mapping[str, Any],
    variables: Any,  # graphql-core's VariableValues
    parent: Any,
    key: str,
    nodes: list[FieldNode],
) -> Field:
    name = nodes[0].name.value
    if name == "__typename":
        return Field(key, name, (), None)
    definition = parent.fields.get(name)
    if definition is None:
        raise UnsupportedError(name)  # introspection fields and the like
    # An argument left at its default null (a list's `first`, a filter) asks nothing: the field compiles as without it.
    arguments = tuple(
        sorted(
            (argument, value)
            for argument, value in get_argument_values(definition, nodes[0], variables).items()
            if value is not None or definition.args[argument].default_value is not None
        )
    )
    below = _selection(schema, fragments, variables, nodes, definition.type)
    return Field(key, name, arguments, below)


def _included(node: Any, variables: Any) -> bool:
    for directive in node.directives or ():
        if directive.name.value not in {"skip", "include"}:
            raise UnsupportedError(directive.name.value)  # @defer, @stream, anything custom
    skip = get_directive_values(GraphQLSkipDirective, node, variables)
    if skip is not None and skip.get("if") is True:
        return False
    include = get_directive_values(GraphQLIncludeDirective, node, variables)
    return not (include is not None and include.get("if") is False)


def _applies(schema: Any, condition: Any, concrete: Any) -> bool:
    if condition is None:
        return True
    conditional = schema.get_type(condition.name.value)
    if conditional is None:
        raise UnsupportedError(condition.name.value)
    if conditional is concrete:
        return True
    return bool(is_abstract_type(conditional) and schema.is_sub_type(conditional, concrete))


def _collect(
    schema: Any,
    fragments: Mapping[str, Any],
    variables: Any,  # graphql-core's VariableValues
    selection_set: SelectionSetNode,
    concrete: Any,
    grouped: dict[str, list[FieldNode]],
    visited: set[str],
) -> None:
    for selection in selection_set.selections:
        if not _included(selection, variables):
            continue
        if isinstance(selection, FieldNode):
            key = selection.alias.value if selection.alias else selection.name.value
            grouped.setdefault(key, []).append(selection)
        elif isinstance(selection, InlineFragmentNode):
            if _applies(schema, selection.type_condition, concrete):
                _collect(schema, fragments, variables, selection.selection_set, concrete, grouped, visited)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is None:
                raise UnsupportedError(name)
            if name in visited or not _applies(schema, fragment.type_condition, concrete):
                continue
            visited.add(name)
            _collect(schema, fragments, variables, fragment.selection_set, concrete, grouped, visited)
        else:
            raise UnsupportedError(type(selection).__name__)


def variables_used(nodes: Iterable[Any], fragments: Mapping[str, Any]) -> frozenset[str]:
    """Return the names of the variables used anywhere below NODES (arguments and directives, through fragments)."""
    found: set[str] = set()
    seen: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, VariableNode):
            found.add(node.name.value)
            return
        if isinstance(node, FragmentSpreadNode) and node.name.value not in seen:
            seen.add(node.name.value)
            fragment = fragments.get(node.name.value)
            if fragment is not None:
                walk(fragment)
        for attribute in getattr(node, "keys", ()):
            if attribute == "loc":
                continue
            value = getattr(node, attribute, None)
            if isinstance(value, tuple | list):
                for item in value:
                    walk(item)
            elif hasattr(value, "keys") and not isinstance(value, str):
                walk(value)

    for node in nodes:
        walk(node)
    return frozenset(found)


def root_fields(
    schema: Any, fragments: Mapping[str, Any], variables: Any, operation: Any
) -> dict[str, list[FieldNode]]:
    """Return an operation's root fields by response key (@skip/@include applied), or raise UnsupportedError."""
    grouped: dict[str, list[FieldNode]] = {}
    _collect(schema, fragments, variables, operation.selection_set, schema.query_type, grouped, set())
    return grouped


def selection_below(
    schema: Any, fragments: Mapping[str, Any], variables: Any, nodes: list[FieldNode], output: Any
) -> Selection | None:
    """Return the selection below a field given its nodes and type, or raise UnsupportedError."""
    return _selection(schema, fragments, variables, nodes, output)
