"""What the client asked below the current field: whether it asks a field, whether it asks records for their id alone.

A chain or a hub's links name hundreds of records; a client that only wants their ids
(to draw a graph, to navigate) should not make the server load and build every row
(see `types.node.loading.reference`).
"""

from __future__ import annotations

from typing import Any

from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode, SelectionSetNode

from chronology.graphql.runtime.context import Info

_ID_ONLY = frozenset({"id", "__typename"})


def _asks_only_id(selection_set: SelectionSetNode | None, fragments: dict[str, Any]) -> bool:
    if selection_set is None:
        return False
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            if selection.name.value not in _ID_ONLY or selection.selection_set is not None:
                return False
        elif isinstance(selection, InlineFragmentNode):
            if not _asks_only_id(selection.selection_set, fragments):
                return False
        elif isinstance(selection, FragmentSpreadNode):
            fragment = fragments.get(selection.name.value)
            if fragment is None or not _asks_only_id(fragment.selection_set, fragments):
                return False
        else:
            return False
    return True


def _below(
    selection_set: SelectionSetNode | None, name: str, fragments: dict[str, Any]
) -> list[SelectionSetNode | None]:
    """Return the selection sets of the fields called NAME in SELECTION_SET, through fragments."""
    found: list[SelectionSetNode | None] = []
    if selection_set is None:
        return found
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            if selection.name.value == name:
                found.append(selection.selection_set)
        elif isinstance(selection, InlineFragmentNode):
            found.extend(_below(selection.selection_set, name, fragments))
        elif isinstance(selection, FragmentSpreadNode):
            fragment = fragments.get(selection.name.value)
            if fragment is not None:
                found.extend(_below(fragment.selection_set, name, fragments))
    return found


def _selection_sets(info: Info, path: tuple[str, ...]) -> list[SelectionSetNode | None]:
    raw = info._raw_info  # strawberry's Info wraps graphql-core's, which holds the parsed selection
    sets: list[SelectionSetNode | None] = [node.selection_set for node in raw.field_nodes]
    for name in path:
        sets = [child for selection_set in sets for child in _below(selection_set, name, raw.fragments)]
    return sets


def asks_for(info: Info, field: str, *path: str) -> bool:
    """Tell whether FIELD is asked of the records at PATH below the current field."""
    fragments = info._raw_info.fragments
    return any(_below(selection_set, field, fragments) for selection_set in _selection_sets(info, path))


def asks_only_id(info: Info, *path: str) -> bool:
    """Tell whether the records at PATH below the current field are asked for their id alone."""
    raw = info._raw_info  # strawberry's Info wraps graphql-core's, which holds the parsed selection
    cache = info.context.loaders.setdefault("asks_only_id", {})
    assert isinstance(cache, dict)
    key = (id(raw.field_nodes[0]), path)
    cached = cache.get(key)
    if cached is not None and cached[0] is raw.field_nodes[0]:
        return bool(cached[1])
    sets = _selection_sets(info, path)
    answer = bool(sets) and all(_asks_only_id(s, raw.fragments) for s in sets)
    cache[key] = (raw.field_nodes[0], answer)
    return answer
