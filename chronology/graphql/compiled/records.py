"""Any record's selected fields as SQL building their JSON: the Compiler, dispatching to each type's compiled form.

Each record type declares in its folder (`types/<family>/compiled.py`) the fields PostgreSQL can
produce exactly as the ordinary resolvers do; any other field (arguments, dates for display,
floats, paged lists) raises UnsupportedError and the whole selection is answered the ordinary way.

Every compiled value comes with SQL counting the records its lists hold, which the
ordinary path charges to the request's record budget (parties, copies, relations).
"""

# ruff: noqa: S608 - the SQL is made of our own table and column names; values are bound or `to_json`-quoted.
from __future__ import annotations

import itertools

from chronology.graphql.compiled import sql
from chronology.graphql.compiled.fields import Compiled, RecordSQL
from chronology.graphql.compiled.selection import Field, UnsupportedError
from chronology.graphql.runtime.ids import KIND_OF_TYPE
from chronology.graphql.types.decision.compiled import DECISION, VOTE
from chronology.graphql.types.document.compiled import DOCUMENT
from chronology.graphql.types.event.compiled import EVENT
from chronology.graphql.types.person.compiled import BODY, PERSON

# Each record type's compiled form, by GraphQL type name; a link's end tries them in this order.
RECORDS: dict[str, RecordSQL] = {record.type_name: record for record in (DOCUMENT, DECISION, EVENT, PERSON, BODY, VOTE)}


class Compiler:
    """Compiles selections into SQL, naming each table it joins afresh."""

    def __init__(self) -> None:
        self._numbers = itertools.count()

    def alias(self, prefix: str) -> str:
        """Return a table alias not used before in this statement."""
        return f"{prefix}{next(self._numbers)}"

    def record(self, type_name: str, alias: str, fields: tuple[Field, ...]) -> Compiled:
        """Compile FIELDS of the record of TYPE_NAME in the row ALIAS."""
        record = RECORDS.get(type_name)
        if record is None:
            raise UnsupportedError(type_name)
        members: list[tuple[str, str]] = []
        counts: list[str] = []
        for field in fields:
            if field.arguments:
                raise UnsupportedError(f"{type_name}.{field.name}")
            compiled = self._record_field(record, alias, field)
            members.append((field.key, compiled.json))
            if compiled.count != "0":
                counts.append(compiled.count)
        return Compiled(sql.json_object(members), " + ".join(counts) or "0")

    def _record_field(self, record: RecordSQL, alias: str, field: Field) -> Compiled:
        name = field.name
        if name == "__typename":
            return Compiled(sql.string(record.type_name))
        if name == "id":
            return Compiled(sql.global_id(record.type_name, f"{alias}.id"))
        if name in record.scalars:
            return Compiled(record.scalars[name](alias))
        nested = record.nested.get(name)
        if nested is None:
            raise UnsupportedError(f"{record.type_name}.{name}")
        return nested(self, alias, field)

    def end(self, kind: str, id_sql: str, field: Field) -> Compiled:
        """Compile the record at one end of a link, whatever its type (by `records.kind` in KIND)."""
        json_cases: list[str] = []
        count_cases: list[str] = []
        for type_name, record in RECORDS.items():
            fields = field.only(type_name)
            when = f"WHEN {sql.literal(KIND_OF_TYPE[type_name])} THEN"
            if all(f.name in {"id", "__typename"} and not f.arguments for f in fields):
                # Its id alone: answered from the number, as `types.node.loading.reference` does.
                members = [
                    (f.key, sql.global_id(type_name, id_sql) if f.name == "id" else sql.string(type_name))
                    for f in fields
                ]
                json_cases.append(f"{when} {sql.json_object(members)}")
                continue
            row = self.alias("z")
            compiled = self.record(type_name, row, fields)
            table = record.table
            json_cases.append(f"{when} (SELECT {compiled.json} FROM {table} {row} WHERE {row}.id = {id_sql})")
            if compiled.count != "0":
                count_cases.append(f"{when} (SELECT {compiled.count} FROM {table} {row} WHERE {row}.id = {id_sql})")
        json = f"CASE {kind}.kind {' '.join(json_cases)} END"
        count = f"coalesce(CASE {kind}.kind {' '.join(count_cases)} END, 0)" if count_cases else "0"
        return Compiled(json, count)
