"""Whole operations answered without GraphQL execution, when one compiled statement is the answer.

A client sends the same operation again and again with new variables: the next telegram's
chain, another search term, another id. When its one root field is `node`, `documents` or
`chain` and everything it asks below can be compiled (see `plans`, `resolvers`, `types/chain/compiled`),
the response is that statement's JSON: graphql-core's execution (a resolver call, argument
conversion and type resolution per field) would only pass it through. Such operations are
answered here from the parsed text, the coerced variables and the same query builders the
resolvers use. Only texts that already passed validation are considered, and anything else
— a refusal, a missing record, a budget overrun, an argument the shortcut does not read —
falls back to ordinary execution, which answers it (errors included) as it always has.
"""

from __future__ import annotations

import json
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLError,
    OperationDefinitionNode,
    OperationType,
    parse,
)
from graphql.execution.values import get_argument_values, get_variable_values
from strawberry.types.arguments import convert_arguments

from chronology.graphql.compiled import plans, resolvers
from chronology.graphql.compiled.page_templates import page_template
from chronology.graphql.compiled.plans import Plan
from chronology.graphql.compiled.raw import RawJSON
from chronology.graphql.compiled.selection import (
    Selection,
    UnsupportedError,
    root_fields,
    selection_below,
    variables_used,
)
from chronology.graphql.runtime.context import Context
from chronology.graphql.runtime.errors import ChronologyError, ErrorCode
from chronology.graphql.runtime.ids import decode_id
from chronology.graphql.runtime.pagination import keyset_page, page_request, page_rows
from chronology.graphql.runtime.validation_cache import ValidQueries
from chronology.graphql.types.chain.compiled import ChainWriters, write_edges, write_nodes
from chronology.graphql.types.chain.query import chain_walk
from chronology.graphql.types.document.filter import document_criteria, document_keys
from chronology.queries.documents import filtered

logger = logging.getLogger(__name__)

MAX_OPERATIONS = 256
T = TypeVar("T")


class Fallback(Exception):  # noqa: N818 - a signal, not an error
    """This request is for ordinary execution to answer."""


@dataclass(frozen=True)
class Operation:
    """A valid query text's one query operation, parsed."""

    text: str
    name: str | None
    definition: OperationDefinitionNode
    fragments: Mapping[str, Any]


@dataclass(frozen=True)
class Asked:
    """One root field of a request: its response key, arguments (as its resolver receives them) and selection."""

    key: str
    arguments: dict[str, Any]
    below: Selection
    compiled: Compiled  # what was compiled from this selection, kept for the next request asking it


class Compiled:
    """What has been compiled from one selection (plans, writers), by what it was compiled into."""

    def __init__(self) -> None:
        self._built: dict[str, Any] = {}

    def get(self, tag: str, build: Callable[[Selection], T], below: Selection) -> T:
        """Return BUILD(BELOW), built on the first call for TAG."""
        if tag not in self._built:
            self._built[tag] = build(below)
        found: T = self._built[tag]
        return found


Answer = Callable[[Context, Asked], Awaitable[Any]]


class Shortcuts:
    """Answers for operations whose whole response one compiled statement builds."""

    def __init__(self, schema: Any, valid: ValidQueries) -> None:
        self._schema = schema  # strawberry's, for argument conversion; its graphql-core schema for the rest
        self._valid = valid
        self._operations: OrderedDict[tuple[str, str | None], Operation | None] = OrderedDict()
        self._below: dict[tuple[Any, ...], tuple[Selection | None, Compiled]] = {}
        self._used: dict[tuple[Any, ...], frozenset[str]] = {}
        self._answers: dict[str, Answer] = {"node": _node, "documents": _documents, "chain": _chain}

    async def answer(
        self, query: str, variables: dict[str, Any] | None, operation_name: str | None, context: Context
    ) -> dict[str, Any] | None:
        """Return the response's `data` for this request, or None for ordinary execution to answer."""
        if not isinstance(context, Context) or not context.settings.compile_selections:
            return None
        operation = self._operation(query, operation_name)
        if operation is None:
            return None
        remaining = context.budget.remaining
        try:
            context.require_read()
            name, asked = self._asked(operation, variables or {})
            return {asked.key: await self._answers[name](context, asked)}
        except ChronologyError as error:
            if error.code is ErrorCode.TIMEOUT:
                # Execution would run the same statement first: it reports the timeout instead, after no second wait.
                context.database.refuse_next(error)
        except (Fallback, UnsupportedError, GraphQLError):
            pass
        except Exception:  # an unforeseen case must cost speed, never a wrong answer or a 500
            logger.exception("a shortcut failed; the operation is executed the ordinary way")
        context.budget.remaining = remaining
        return None

    def _operation(self, query: str, name: str | None) -> Operation | None:
        """Return the parsed operation of a text validation has passed, or None (cached either way)."""
        key = (query, name)
        if key in self._operations:
            self._operations.move_to_end(key)
            return self._operations[key]
        if query not in self._valid:
            return None  # ordinary execution validates it first (and reports what is wrong)
        found = _one_query(parse(query), name, set(self._answers))
        self._operations[key] = None if found is None else Operation(query, name, *found)
        while len(self._operations) > MAX_OPERATIONS:
            self._operations.popitem(last=False)
        return self._operations[key]

    def _asked(self, operation: Operation, inputs: dict[str, Any]) -> tuple[str, Asked]:
        """Return the one root field of this request with its coerced arguments and its selection."""
        schema = self._schema._schema
        variables = get_variable_values(schema, operation.definition.variable_definitions or (), inputs)
        if isinstance(variables, list):
            raise Fallback  # the variables are wrong: ordinary execution says how
        fields = root_fields(schema, operation.fragments, variables, operation.definition)
        if len(fields) != 1:
            raise Fallback
        [(key, nodes)] = fields.items()
        name = nodes[0].name.value
        if name not in self._answers:
            raise Fallback
        definition = schema.query_type.fields.get(name)
        strawberry_field = self._schema.get_field_for_type(name, "Query")
        if definition is None or strawberry_field is None:
            raise Fallback
        arguments = convert_arguments(
            get_argument_values(definition, nodes[0], variables),
            strawberry_field.arguments,
            scalar_registry=self._schema.schema_converter.scalar_registry,
            config=self._schema.config,
        )
        below, compiled = self._selection(operation, key, nodes, definition.type, variables)
        if below is None:
            raise Fallback
        return name, Asked(key, arguments, below, compiled)

    def _selection(
        self, operation: Operation, key: str, nodes: list[FieldNode], output: Any, variables: Any
    ) -> tuple[Selection | None, Compiled]:
        """Return the selection below a root field, cached per the variables it reads (@skip/@include)."""
        place = (operation.text, operation.name, key)
        used = self._used.get(place)
        if used is None:
            used = variables_used([node.selection_set for node in nodes], operation.fragments)
            self._used[place] = used
        values = json.dumps([variables.coerced.get(name) for name in sorted(used)], sort_keys=True, default=str)
        cache_key = (*place, values)
        if cache_key not in self._below:
            if len(self._below) >= MAX_OPERATIONS * 4:
                self._below.clear()  # operations are few; a flood of distinct ones only costs recompiling
                self._used.clear()
            below = selection_below(self._schema._schema, operation.fragments, variables, nodes, output)
            self._below[cache_key] = (below, Compiled())
        return self._below[cache_key]


def _one_query(
    document: DocumentNode, name: str | None, answerable: set[str]
) -> tuple[OperationDefinitionNode, dict[str, Any]] | None:
    """Return the operation to run and the fragments, if it is a query a shortcut might answer."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is not None:
        operations = [o for o in operations if o.name is not None and o.name.value == name]
    if len(operations) != 1 or operations[0].operation is not OperationType.QUERY:
        return None
    roots = operations[0].selection_set.selections
    if all(isinstance(r, FieldNode) and r.name.value not in answerable for r in roots):
        return None  # asks nothing a shortcut answers: not worth collecting its fields on every request
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    return operations[0], fragments


def _fields_of(below: Selection, allowed: set[str]) -> list[tuple[str, str]]:
    """Return (key, name) of what is asked of the one object type below, if all of it is ALLOWED."""
    if len(below) != 1:
        raise Fallback
    [fields] = below.values()
    asked = [(f.key, f.name) for f in fields]
    if not asked or any(name not in allowed and name != "__typename" for _, name in asked):
        raise Fallback
    return asked


def _typename(below: Selection) -> str:
    """Return the name of the one object type asked below a root field."""
    return next(iter(below))


async def _node(context: Context, asked: Asked) -> RawJSON | None:
    """Answer `node(id:)` as `NodeQuery.node` does, from its compiled plan."""
    type_name, pk = decode_id(str(asked.arguments["id"]))
    plan = _plan(asked.compiled.get("node", resolvers.node_plans, asked.below).get(type_name))
    found = await plans.run(context, plan, [pk])
    if found is None:
        raise Fallback  # over the record budget
    return found.get(pk)


def _plan(plan: Plan | None) -> Plan:
    """Return PLAN, or fall back when the selection did not compile."""
    if plan is None:
        raise Fallback
    return plan


async def _documents(context: Context, asked: Asked) -> dict[str, Any]:
    """Answer `documents { nodes }` as `DocumentQuery.documents` does, from its page's compiled SQL."""
    shown = _fields_of(asked.below, {"nodes"})
    plan = _plan(asked.compiled.get("documents", resolvers.page_plan, asked.below))
    arguments = asked.arguments
    criteria = document_criteria(arguments.get("filter"))
    request = page_request(
        arguments.get("first"), arguments.get("after"), arguments.get("last"), arguments.get("before")
    )
    template = page_template(context.database.dialect, criteria, arguments["order_by"], request, plan)
    if template is None:
        keys, descending = document_keys(criteria, arguments["order_by"])
        rows, _, _, _ = await keyset_page(
            context,
            filtered(criteria, only_ids=True),
            keys,
            request,
            descending=descending,
            attached=resolvers.attachment(plan),
        )
    else:
        # As `keyset_page` does, from SQL compiled once for this shape of page.
        context.budget.spend(request.size)
        rows, _ = page_rows(await context.database.rows(template.sql, template.bind(criteria, request)), request)
    nodes = resolvers.page_json(context.budget, rows)
    if nodes is None:
        raise Fallback
    typename = _typename(asked.below)
    return {key: nodes if name == "nodes" else typename for key, name in shown}


async def _chain(context: Context, asked: Asked) -> dict[str, Any]:
    """Answer `chain` as `ChainQuery.chain` does when its lists are written directly."""
    shown = _fields_of(asked.below, {"truncated", "nodes", "edges"})
    writers = asked.compiled.get("chain", ChainWriters, asked.below)
    if not writers.complete:
        raise Fallback
    arguments = asked.arguments
    result, kinds, ordered = await chain_walk(
        context, arguments["start"], arguments["direction"], arguments.get("types"), arguments["max_depth"]
    )
    values = {
        "truncated": result.truncated,
        "nodes": write_nodes(writers.node, ordered, kinds) if writers.node else None,
        "edges": write_edges(writers.edge, result.steps, kinds) if writers.edge else None,
        "__typename": _typename(asked.below),
    }
    return {key: values[name] for key, name in shown}
