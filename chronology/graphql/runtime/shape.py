"""The shape of an operation (depth, introspection depth, aliases), measured in one pass over the document.

Strawberry's depth and alias limiters follow every fragment spread anew, so a document whose
fragments each spread the next one twice costs 2^N steps. Here each fragment is measured once
and its figures reused wherever it is spread: the work is linear in the document.
"""

from __future__ import annotations

from dataclasses import dataclass

from graphql import (
    ASTValidationRule,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
)


@dataclass(frozen=True)
class Shape:
    """How deep a selection reaches (ordinary, introspection); its aliases and fields, spreads expanded."""

    depth: int = 0
    introspection_depth: int = 0
    aliases: int = 0
    fields: int = 0

    def beside(self, other: Shape) -> Shape:
        """Return the shape of two selections side by side."""
        return Shape(
            max(self.depth, other.depth),
            max(self.introspection_depth, other.introspection_depth),
            self.aliases + other.aliases,
            self.fields + other.fields,
        )


class _Measure:
    """Measures selections, each fragment once (a cycle, which validation reports, counts as empty)."""

    def __init__(self, document: DocumentNode) -> None:
        self.fragments = {
            definition.name.value: definition
            for definition in document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }
        self.measured: dict[str, Shape] = {}
        self.measuring: set[str] = set()

    def selections(self, selection_set: SelectionSetNode | None) -> Shape:
        shape = Shape()
        if selection_set is None:
            return shape
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                shape = shape.beside(self.field(selection))
            elif isinstance(selection, InlineFragmentNode):
                shape = shape.beside(self.selections(selection.selection_set))
            elif isinstance(selection, FragmentSpreadNode):
                shape = shape.beside(self.fragment(selection.name.value))
        return shape

    def fragment(self, name: str) -> Shape:
        if name in self.measured:
            return self.measured[name]
        definition = self.fragments.get(name)
        if definition is None or name in self.measuring:
            return Shape()
        self.measuring.add(name)
        shape = self.measured[name] = self.selections(definition.selection_set)
        self.measuring.discard(name)
        return shape

    def field(self, node: FieldNode) -> Shape:
        below = self.selections(node.selection_set)
        aliases = below.aliases + (1 if node.alias else 0)
        fields = below.fields + 1
        if node.selection_set is None:
            return Shape(aliases=aliases, fields=fields)
        if node.name.value.startswith("__"):
            # Everything below an introspection root is introspection, however its fields are named.
            return Shape(0, 1 + max(below.depth, below.introspection_depth), aliases, fields)
        return Shape(1 + below.depth, below.introspection_depth, aliases, fields)


def measure(document: DocumentNode) -> dict[str, Shape]:
    """Return the shape of each operation of DOCUMENT, by name ("" for an anonymous one)."""
    measure = _Measure(document)
    return {
        (definition.name.value if definition.name else ""): measure.selections(definition.selection_set)
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode)
    }


def shape_rule(
    *, max_depth: int, max_introspection_depth: int, max_aliases: int, max_fields: int
) -> type[ASTValidationRule]:
    """Return a validation rule refusing operations deeper, or with more aliases or fields, than the limits."""

    class ShapeLimits(ASTValidationRule):
        """Refuse operations past the depth, introspection depth or alias limits."""

        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            for name, shape in measure(context.document).items():
                label = f"'{name}'" if name else "the operation"
                # Levels of fields that have fields below them: a leaf of the root field is at depth 1.
                if shape.depth > max_depth:
                    self._refuse(f"{label} exceeds the maximum operation depth of {max_depth}")
                if shape.introspection_depth > max_introspection_depth:
                    self._refuse(f"{label} exceeds the maximum introspection depth of {max_introspection_depth}")
                if shape.aliases > max_aliases:
                    self._refuse(f"{label} has {shape.aliases} aliases; the maximum is {max_aliases}")
                if shape.fields > max_fields:
                    # Fragments spread within fragments multiply: a short text can stand for millions of fields.
                    self._refuse(f"{label} expands to {shape.fields} fields; the maximum is {max_fields}")

        def _refuse(self, message: str) -> None:
            self.report_error(GraphQLError(message, extensions={"code": "LIMIT"}))

    return ShapeLimits
