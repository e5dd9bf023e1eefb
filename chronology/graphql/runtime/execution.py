"""Execution with a short path for plain fields: a page or a timeline holds thousands of them.

graphql-core resolves every field alike: it builds a resolve-info object, calls the
resolver, then completes the value through several layers, and does the same for every
object of a list. For a field that only reads an attribute, or calls a method of the
object that needs nothing else, and returns a scalar, an enum or a list of them, that
work is pure overhead. Here such fields are read and coerced directly, and an object
whose selected fields are all plain is built in one loop. Anything unusual (a null
where none may be, a value that does not coerce, an exception, arguments, middleware,
deferred fragments) takes the ordinary path, which also reports the errors.

A resolver may also return a `RawJSON` (a whole field's value already serialised by the
database, see `chronology.graphql.compiled`): it is passed through as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sized
from operator import attrgetter
from typing import Any

from graphql import GraphQLList, GraphQLNonNull, Undefined, get_named_type, is_leaf_type
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from chronology.graphql.compiled.raw import RawJSON

Getter = Callable[[Any], Any]


class _NotPlainError(Exception):
    """A value the short path cannot complete: hand the field or object to graphql-core."""


def _method(field_def: Any) -> Callable[[Any], Any] | None:
    """Return the function of a resolver that takes only `self`, if the field has such a resolver."""
    definition = field_def.extensions.get("strawberry-definition") if field_def.extensions else None
    resolver = getattr(definition, "base_resolver", None)
    if definition is None or resolver is None or resolver.is_async or resolver.arguments or definition.extensions:
        return None
    used = [param for param in resolver.reserved_parameters.values() if param is not None]
    if len(used) != 1 or used[0].name != "self":
        return None
    function: Callable[[Any], Any] = resolver.wrapped_func
    return function


def _coercer(output_type: Any) -> Getter | None:
    """Return a function completing a value of OUTPUT_TYPE if it is a (list of) leaf, else None."""
    non_null = isinstance(output_type, GraphQLNonNull)
    inner = output_type.of_type if non_null else output_type
    if is_leaf_type(inner):
        coerce = inner.coerce_output_value

        def leaf(value: Any) -> Any:
            if value is None:
                if non_null:
                    raise _NotPlainError
                return None
            coerced = coerce(value)
            if coerced is Undefined or coerced is None:
                raise _NotPlainError
            return coerced

        return leaf
    if isinstance(inner, GraphQLList):
        item = _coercer(inner.of_type)
        if item is None:
            return None

        def items(value: Any) -> Any:
            if value is None:
                if non_null:
                    raise _NotPlainError
                return None
            if isinstance(value, (str, bytes, dict)):
                raise _NotPlainError
            return [item(v) for v in value]

        return items
    return None


def _charged(parent_type: Any, return_type: Any) -> bool:
    """Tell whether a list is one of a record's lists of things (not a page, not leaves), charged as emitted."""
    if is_leaf_type(get_named_type(return_type)):
        return False
    return any(interface.name == "Node" for interface in getattr(parent_type, "interfaces", ()))


class PlainFieldExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context, completing plain fields and objects without the general machinery."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._getters: dict[tuple[str, str], Getter | None] = {}
        # Keyed by id(); the grouped field set is kept in the value so that the id stays its own.
        self._plans: dict[int, tuple[Any, list[tuple[str, Getter]] | None]] = {}
        self._plain = not (self.middleware_manager and self.middleware_manager.middlewares)

    def _getter(self, parent_type: Any, field_details_list: Any) -> Getter | None:
        node = field_details_list[0].node
        name = node.name.value
        key = (parent_type.name, name)
        if key in self._getters and not node.arguments:
            return self._getters[key]
        getter: Getter | None = None
        if name == "__typename":
            type_name = parent_type.name
            getter = lambda _source: type_name  # noqa: E731 - a constant per parent type
        else:
            field_def = self.schema.get_field(parent_type, name)
            if field_def is not None and not field_def.args and not node.arguments:
                getter = self._read(field_def)
        if not node.arguments:
            self._getters[key] = getter
        return getter

    @staticmethod
    def _read(field_def: Any) -> Getter | None:
        complete = _coercer(field_def.type)
        if complete is None:
            return None
        resolve = field_def.resolve
        if resolve is not None and getattr(resolve, "_is_default", False):
            definition = field_def.extensions.get("strawberry-definition") if field_def.extensions else None
            if definition is not None and definition.default_resolver is getattr:
                read = attrgetter(definition.python_name)
                return lambda source: complete(read(source))
            return lambda source: complete(resolve(source, None))
        method = _method(field_def)
        if method is not None:
            return lambda source: complete(method(source))
        return None

    def _plan(self, parent_type: Any, grouped_field_set: Any) -> list[tuple[str, Getter]] | None:
        found = self._plans.get(id(grouped_field_set))
        if found is not None and found[0] is grouped_field_set:
            return found[1]
        plan: list[tuple[str, Getter]] | None = []
        for response_key, field_details_list in grouped_field_set.items():
            if any(details.defer_usage is not None for details in field_details_list):
                plan = None
                break
            getter = self._getter(parent_type, field_details_list)
            if getter is None:
                plan = None
                break
            assert plan is not None
            plan.append((response_key, getter))
        self._plans[id(grouped_field_set)] = (grouped_field_set, plan)
        return plan

    def execute_fields(
        self,
        parent_type: Any,
        source_value: Any,
        path: Path | None,
        grouped_field_set: Any,
        position_context: Any,
    ) -> Any:
        """Build an object of plain fields in one loop; anything else as graphql-core does."""
        if self._plain and path is not None:
            plan = self._plan(parent_type, grouped_field_set)
            if plan is not None:
                try:
                    return {key: get(source_value) for key, get in plan}
                except Exception:  # noqa: S110 - the ordinary path below reports it properly
                    pass
        return super().execute_fields(parent_type, source_value, path, grouped_field_set, position_context)

    def execute_field(
        self,
        parent_type: Any,
        source: Any,
        field_details_list: Any,
        path: Path,
        position_context: Any,
    ) -> Any:
        """Resolve a field: plain ones directly, everything else as graphql-core does."""
        if self._plain and field_details_list[0].defer_usage is None:
            getter = self._getter(parent_type, field_details_list)
            if getter is not None:
                try:
                    return getter(source)
                except Exception:  # noqa: S110 - the ordinary path below reports it properly
                    pass
        return super().execute_field(parent_type, source, field_details_list, path, position_context)

    def complete_list_value(
        self,
        return_type: Any,
        field_details_list: Any,
        info: Any,
        path: Path,
        result: Any,
        position_context: Any,
    ) -> Any:
        """Charge a record's list to the budget each time it is emitted, then complete it as graphql-core does."""
        # A loader answers the same list under every parent that asks for it; the answer holds it each time.
        if isinstance(result, Sized) and _charged(info.parent_type, return_type):
            budget = getattr(self.context_value, "budget", None)
            if budget is not None:
                budget.spend(len(result))
        return super().complete_list_value(return_type, field_details_list, info, path, result, position_context)

    def complete_value(
        self,
        return_type: Any,
        field_details_list: Any,
        info: Any,
        path: Path,
        result: Any,
        position_context: Any,
    ) -> Any:
        """Complete a value as graphql-core does, except JSON the database already built."""
        if type(result) is RawJSON:
            return result
        return super().complete_value(return_type, field_details_list, info, path, result, position_context)
