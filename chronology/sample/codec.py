"""Plain records to JSON and back, driven by their type hints (no pickle, readable in review)."""

from __future__ import annotations

import dataclasses
import datetime
import types
import typing
from enum import Enum
from functools import cache
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

T = TypeVar("T")


def encode(value: Any) -> Any:
    """Turn a tree of dataclasses, enums, dates and collections into JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [encode(item) for item in value]
    if isinstance(value, frozenset | set):
        return sorted(encode(item) for item in value)
    return value


def decode(kind: type[T], value: Any) -> T:
    """Rebuild a value of KIND from what `encode` made."""
    result: T = _decode(kind, value)
    return result


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _decode(kind: Any, value: Any) -> Any:
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        if value is None:
            return None
        options = [option for option in get_args(kind) if option is not type(None)]
        return _decode(options[0], value) if len(options) == 1 else value
    if origin is Literal or kind is Any:
        return value
    if origin is list:
        return [_decode(get_args(kind)[0], item) for item in value]
    if origin is tuple:
        item = get_args(kind)[0]
        return tuple(_decode(item, element) for element in value)
    if origin is frozenset:
        return frozenset(_decode(get_args(kind)[0], element) for element in value)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        fields = {f.name for f in dataclasses.fields(kind)}
        return kind(**{name: _decode(hints[name], value[name]) for name in fields if name in value})
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if kind is datetime.date:
        return datetime.date.fromisoformat(value)
    return value
