"""The Document's fields as SQL building their JSON: its own columns, its date, parties, copies and links."""

# ruff: noqa: S608 - the SQL is made of our own table and column names; values are bound or `to_json`-quoted.
from __future__ import annotations

from typing import TYPE_CHECKING

from chronology.graphql.compiled import sql
from chronology.graphql.compiled.fields import Compiled, RecordSQL, column, enum, scalar
from chronology.graphql.compiled.selection import Field
from chronology.graphql.types.archival import archival_reference_json
from chronology.graphql.types.date.compiled import date
from chronology.graphql.types.document.vocabulary import CopyForm, DocumentKind, PartyRole
from chronology.graphql.types.relation.compiled import relation_count, relations_in, relations_out

if TYPE_CHECKING:
    from chronology.graphql.compiled.records import Compiler


def parties(compiler: Compiler, document: str, field: Field) -> Compiled:
    """Compile a document's parties, in the source's order, with their persons or bodies."""
    party, person, body = compiler.alias("p"), compiler.alias("pe"), compiler.alias("b")
    columns = {
        "role": sql.enum(f"{party}.role", PartyRole),
        "position": sql.value(f"{party}.position"),
        "nameAsPrinted": sql.value(f"{party}.name_as_printed"),
        "__typename": sql.string("DocumentParty"),
    }
    members: list[tuple[str, str]] = []
    for asked in field.only("DocumentParty"):
        if asked.name == "agent" and not asked.arguments:
            as_person = compiler.record("Person", person, asked.only("Person")).json
            as_body = compiler.record("Body", body, asked.only("Body")).json
            members.append((asked.key, f"CASE WHEN {party}.person_id IS NOT NULL THEN {as_person} ELSE {as_body} END"))
        else:
            members.append((asked.key, scalar(columns, "DocumentParty", asked)))
    source = (
        f"FROM document_parties {party} LEFT JOIN persons {person} ON {person}.id = {party}.person_id "
        f"LEFT JOIN bodies {body} ON {body}.id = {party}.body_id WHERE {party}.document_id = {document}.id"
    )
    counted = compiler.alias("p")
    count = f"(SELECT count(*) FROM document_parties {counted} WHERE {counted}.document_id = {document}.id)"
    return Compiled(sql.json_list(sql.json_object(members), f"{party}.role, {party}.position", source), count)


def copies(compiler: Compiler, document: str, field: Field) -> Compiled:
    """Compile a document's copies, by position, each with its archival reference."""
    copy, reference = compiler.alias("c"), compiler.alias("ar")
    columns = {
        "position": sql.value(f"{copy}.position"),
        "forms": sql.enum_list(f"coalesce({copy}.forms, '{{}}')", CopyForm),
        "formVerbatim": sql.value(f"{copy}.form_verbatim"),
        "note": sql.value(f"{copy}.note"),
        "__typename": sql.string("Copy"),
    }
    members: list[tuple[str, str]] = []
    for asked in field.only("Copy"):
        if asked.name == "archivalReference":
            members.append((asked.key, archival_reference_json(reference, asked)))
        else:
            members.append((asked.key, scalar(columns, "Copy", asked)))
    source = (
        f"FROM copies {copy} JOIN archival_references {reference} ON {reference}.id = {copy}.archival_reference_id "
        f"WHERE {copy}.document_id = {document}.id"
    )
    counted = compiler.alias("c")
    count = f"(SELECT count(*) FROM copies {counted} WHERE {counted}.document_id = {document}.id)"
    return Compiled(sql.json_list(sql.json_object(members), f"{copy}.position", source), count)


DOCUMENT = RecordSQL(
    "Document",
    "documents",
    scalars={
        "kind": enum("kind", DocumentKind),
        "title": column("title"),
        "place": column("place"),
        "classification": column("classification"),
        "language": column("language"),
        "summary": column("summary"),
        "fullText": column("full_text"),
        "protocolNumber": column("protocol_number"),
        "protocolItem": column("protocol_item"),
        "needsReview": column("needs_review"),
        "version": column("version"),
    },
    nested={
        "date": date,
        "parties": parties,
        "copies": copies,
        "relationCount": relation_count,
        "relationsOut": relations_out,
        "relationsIn": relations_in,
    },
)
