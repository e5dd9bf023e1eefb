"""What a record type's compiled form is made of: SQL for each field's JSON text, and for the records it lists."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from chronology.graphql.compiled import sql
from chronology.graphql.compiled.selection import Field, UnsupportedError

if TYPE_CHECKING:
    from chronology.graphql.compiled.records import Compiler


@dataclass(frozen=True)
class Compiled:
    """SQL for a value's JSON text, and SQL for how many budgeted records it lists."""

    json: str
    count: str = "0"


Scalar = Callable[[str], str]  # table alias -> SQL for the JSON text
# (the compiler, the record's table alias, the field asked) -> the field's SQL
Nested = Callable[["Compiler", str, Field], Compiled]


@dataclass(frozen=True)
class RecordSQL:
    """A record type's fields as SQL: those read from its own row, and those that join or nest more."""

    type_name: str
    table: str
    scalars: Mapping[str, Scalar]
    nested: Mapping[str, Nested] = field(default_factory=dict)


def column(name: str) -> Scalar:
    """Return the SQL of a field read as it is from the column NAME."""
    return lambda alias: sql.value(f"{alias}.{name}")


def enum(name: str, vocabulary: type[Enum]) -> Scalar:
    """Return the SQL of a field read from the column NAME, which stores values of VOCABULARY."""
    return lambda alias: sql.enum(f"{alias}.{name}", vocabulary)


def scalar(columns: Mapping[str, str], type_name: str, asked: Field) -> str:
    """Return the SQL of the field ASKED of a TYPE_NAME from its COLUMNS, or raise UnsupportedError."""
    if asked.arguments or asked.name not in columns:
        raise UnsupportedError(f"{type_name}.{asked.name}")
    return columns[asked.name]
