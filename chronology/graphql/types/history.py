"""A record's audit trail: who changed what, and when, read from the audit table."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Annotated, Any

import strawberry
from sqlalchemy import ColumnElement, and_, func, or_, select
from strawberry.scalars import JSON

from chronology import models
from chronology.graphql.runtime.context import Actor, Info, Role
from chronology.graphql.runtime.ids import KIND_OF_TYPE, decode_id
from chronology.graphql.runtime.loaders import table
from chronology.graphql.runtime.pagination import Connection, Edge, SortKey, keyset_page, page_request
from chronology.graphql.types.describe import describe

_audit = table(models.AuditEntry)

# The table of each record kind, and the rows that belong to a record: (table, its key column).
_TABLE = {
    "person": "persons",
    "body": "bodies",
    "document": "documents",
    "decision": "decisions",
    "vote": "votes",
    "event": "events",
}
_CHILDREN: dict[str, tuple[tuple[str, str], ...]] = {
    "person": (("name_variants", "person_id"), ("memberships", "person_id")),
    "body": (("memberships", "body_id"),),
    "document": (
        ("document_parties", "document_id"),
        ("copies", "document_id"),
        ("editions", "document_id"),
        ("annotations", "document_id"),
    ),
    "decision": (("tallies", "decision_id"),),
    "vote": (),
    "event": (("event_participants", "event_id"),),
}
# What a historian calls a row of each table.
_PART = {
    "persons": "person",
    "bodies": "body",
    "documents": "document",
    "decisions": "decision",
    "votes": "vote",
    "events": "event",
    "name_variants": "name variant",
    "memberships": "membership",
    "document_parties": "party",
    "copies": "copy",
    "editions": "edition",
    "annotations": "annotation",
    "tallies": "tally",
    "event_participants": "participant",
    "relations": "link",
    "archival_references": "archival reference",
    "publications": "publication",
}
# Bookkeeping the triggers maintain; the trail shows what a person changed.
_HIDDEN = {"version", "created_at", "updated_at"}
# Who wrote without a token (the importers, the sample, a data package): no person's name, shown to all.
_IMPORT = "import: "
_PROGRAMS = {"sample", "datapackage import", "import: authority lists"}
_tokens = table(models.ApiToken)


@strawberry.enum(description="What happened to a row.")
class AuditAction(Enum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


describe(
    AuditAction,
    {"INSERT": "It was created.", "UPDATE": "It was changed.", "DELETE": "It was deleted."},
)


# A stored date's columns are the parts of the HistoricalDate the schema shows.
_DATE_PARTS = {
    "verbatim": "verbatim",
    "edtf": "edtf",
    "lower": "earliest",
    "upper": "latest",
    "precision": "precision",
    "qualifiers": "qualifiers",
}
# Columns whose schema name is not their name in camelCase.
_SCHEMA_NAMES = {"authority_key": "key"}


def schema_name(column: str) -> str:
    """Return a column's name as the schema spells it: `date_edtf` -> `date.edtf`, `body_id` -> `body`."""
    if column in _SCHEMA_NAMES:
        return _SCHEMA_NAMES[column]
    head, _, rest = column.partition("_")
    if head in {"date", "born", "died"} and rest in _DATE_PARTS:
        return f"{head}.{_DATE_PARTS[rest]}"
    if column.endswith("_id") and column != "id":
        column = column[: -len("_id")]
    first, *others = column.split("_")
    return first + "".join(word.capitalize() for word in others)


@strawberry.type(description="One field's value before and after a change.")
class FieldChange:
    field: str = strawberry.field(description="The field, as the database names it (`date_edtf`, `body_id`).")
    name: str = strawberry.field(
        description="The field as the schema spells it (`date.edtf`, `body`); a reference holds the number of "
        "the record it names."
    )
    old: JSON | None = strawberry.field(description="The value before (null when created).")
    new: JSON | None = strawberry.field(description="The value after (null when deleted).")


@strawberry.type(description="One change to a record or to a part of it (a party, a copy …).")
class HistoryEntry:
    action: AuditAction = strawberry.field(description="Created, changed or deleted.")
    actor: str | None = strawberry.field(
        description="Who made the change: the token's name for admins and for the caller's own token, otherwise "
        "the token's role (`editor`, `admin`); the importer for imports (`import: <file>`, `sample`); "
        "null for scripts."
    )
    at: datetime.datetime = strawberry.field(description="When the change was committed.")
    part: str = strawberry.field(
        description="What changed: the record itself, or a part such as `party`, `copy`, `link`."
    )
    part_key: str = strawberry.field(description="Which row of that part (its number).")
    changes: list[FieldChange] = strawberry.field(description="The fields that changed.")

    @classmethod
    def from_row(cls, row: Any, actor: str | None = None) -> HistoryEntry:
        """Build from an audit_log row, showing ACTOR as who made the change."""
        old: dict[str, Any] = row.old_values or {}
        new: dict[str, Any] = row.new_values or {}
        fields = sorted((set(old) | set(new)) - _HIDDEN)
        return cls(
            action=AuditAction(row.action),
            actor=actor,
            at=row.at,
            part=_PART.get(row.table_name, row.table_name),
            part_key=row.row_key,
            changes=[
                FieldChange(field=f, name=schema_name(f), old=old.get(f), new=new.get(f))
                for f in fields
                if old.get(f) != new.get(f)  # a created row's empty fields are no change
            ],
        )


def _mentions(column: str, key: str) -> ColumnElement[bool]:
    return or_(_audit.c.new_values[column].astext == key, _audit.c.old_values[column].astext == key)


def _references_of(table: str, condition: ColumnElement[bool]) -> Any:
    """Select the archival references that rows of TABLE matching CONDITION ever pointed to."""
    value = func.coalesce(
        _audit.c.new_values["archival_reference_id"].astext,
        _audit.c.old_values["archival_reference_id"].astext,
    )
    return select(value).where(_audit.c.table_name == table, condition)


def trail_condition(kind: str, pk: int) -> ColumnElement[bool]:
    """Return the condition that picks a record's audit entries and those of its parts."""
    key = str(pk)
    own = and_(_audit.c.table_name == _TABLE[kind], _audit.c.row_key == key)
    parts = [own]
    parts += [and_(_audit.c.table_name == table, _mentions(column, key)) for table, column in _CHILDREN[kind]]
    parts.append(
        and_(
            _audit.c.table_name == "relations",
            or_(_mentions("source_id", key), _mentions("target_id", key)),
        )
    )
    if kind in ("document", "decision"):
        holder = "copies" if kind == "document" else "decisions"
        held = _mentions("document_id", key) if kind == "document" else _audit.c.row_key == key
        parts.append(
            and_(
                _audit.c.table_name == "archival_references",
                _audit.c.row_key.in_(_references_of(holder, held)),
            )
        )
    return or_(*parts)


@strawberry.type
class HistoryQuery:
    @strawberry.field(
        description="A record's audit trail, oldest first: who changed what and when, for the "
        "record, its parts (a document's parties, copies …) and its links. Works after deletion."
    )
    async def history(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The record's global id.")],
        first: Annotated[int | None, strawberry.argument(description="Page size (≤ 100).")] = None,
        after: Annotated[str | None, strawberry.argument(description="Continue after this cursor.")] = None,
    ) -> Connection[HistoryEntry]:
        info.context.require_read()
        type_name, pk = decode_id(str(id))
        request = page_request(first, after, None, None)
        query = select(_audit).where(trail_condition(KIND_OF_TYPE[type_name], pk))
        rows, cursors, page, count = await keyset_page(info.context, query, [SortKey(_audit.c.id)], request)
        shown = await _actors_shown(info, {row.actor for row in rows if row.actor}, info.context.actor)
        edges = [
            Edge(cursor=cursor, node=HistoryEntry.from_row(row, shown.get(row.actor)))
            for row, cursor in zip(rows, cursors, strict=True)
        ]
        return Connection(edges=edges, page_info=page, count=count)


async def _actors_shown(info: Info, actors: set[str], viewer: Actor) -> dict[str, str]:
    """Map each actor to what VIEWER may see: a token's name only to admins and its holder, else its role."""
    if viewer.role is Role.ADMIN or not actors:
        return {actor: actor for actor in actors}
    query = select(_tokens.c.name, _tokens.c.role).where(_tokens.c.name.in_(sorted(actors)))
    roles: dict[str, str] = {row.name: row.role for row in await info.context.database.rows(query)}
    shown: dict[str, str] = {}
    for actor in actors:
        if actor == viewer.name or (actor not in roles and _program(actor)):
            shown[actor] = actor
        else:
            # A name that is no longer a token's is still a person's: shown as the least role that may write.
            shown[actor] = roles.get(actor, Role.EDITOR.value)
    return shown


def _program(actor: str) -> bool:
    """Tell whether ACTOR names a program that wrote without a token (an importer, the sample)."""
    return actor.startswith(_IMPORT) or actor in _PROGRAMS
