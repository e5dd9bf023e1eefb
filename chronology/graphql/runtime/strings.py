"""Strings must be well-formed Unicode: a lone surrogate (`\\ud800`) cannot be stored, so it is refused at the door."""

from __future__ import annotations

from typing import Any

from graphql import ASTValidationRule, GraphQLError, StringValueNode


def well_formed(value: Any) -> bool:
    """Tell whether every string in VALUE (JSON-like, nested) encodes as UTF-8."""
    stack = [value]
    while stack:  # a loop, not recursion: a deeply nested value must not exhaust the stack
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return False
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return True


class WellFormedStrings(ASTValidationRule):
    """Refuse string literals holding a lone surrogate."""

    def enter_string_value(self, node: StringValueNode, *_args: Any) -> None:
        """Report a string that does not encode as UTF-8."""
        if not well_formed(node.value):
            self.report_error(
                GraphQLError(
                    "a string holds a lone surrogate (such as \\ud800), which is not text",
                    node,
                    extensions={"code": "VALIDATION"},
                )
            )
