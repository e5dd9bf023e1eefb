"""Each record type's fields as SQL building their JSON: what the ordinary resolvers give, computed in the database.

Only fields whose value PostgreSQL can produce exactly as the resolvers do are here; any
other field (arguments, dates for display, floats, paged lists) raises UnsupportedError and
the whole selection is answered the ordinary way.

Every compiled value comes with SQL counting the records its lists hold, which the
ordinary path charges to the request's record budget (parties, copies, relations).
"""

# ruff: noqa: S608 - the SQL is made of our own table and column names; values are bound or `to_json`-quoted.
from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from chronology.graphql.compiled import sql
from chronology.graphql.compiled.selection import Field, UnsupportedError
from chronology.graphql.types.common import DateQualifier
from chronology.graphql.types.enums import (
    BodyKind,
    Certainty,
    CopyForm,
    DatePrecision,
    DecisionOutcome,
    DecisionProcedure,
    DocumentKind,
    EventType,
    PartyRole,
    RelationType,
)


@dataclass(frozen=True)
class Compiled:
    """SQL for a value's JSON text, and SQL for how many budgeted records it lists."""

    json: str
    count: str = "0"


Scalar = Callable[[str], str]  # table alias -> SQL for the JSON text


def _column(name: str) -> Scalar:
    return lambda alias: sql.value(f"{alias}.{name}")


def _enum(name: str, vocabulary: type) -> Scalar:
    return lambda alias: sql.enum(f"{alias}.{name}", vocabulary)


def _wikidata_uri(alias: str) -> str:
    qid = f"{alias}.wikidata_qid"
    uri = f"to_json('http://www.wikidata.org/entity/' || {qid})::text"
    return f"CASE WHEN coalesce({qid}, '') <> '' THEN {uri} ELSE 'null' END"


# The tables holding each record type, by GraphQL type name and by record kind.
TABLES = {
    "Document": "documents",
    "Decision": "decisions",
    "Event": "events",
    "Person": "persons",
    "Body": "bodies",
    "Vote": "votes",
}
KINDS = {"Document": "document", "Decision": "decision", "Event": "event", "Person": "person", "Body": "body"}
KINDS["Vote"] = "vote"

_SCALARS: dict[str, dict[str, Scalar]] = {
    "Document": {
        "kind": _enum("kind", DocumentKind),
        "title": _column("title"),
        "place": _column("place"),
        "classification": _column("classification"),
        "language": _column("language"),
        "summary": _column("summary"),
        "fullText": _column("full_text"),
        "protocolNumber": _column("protocol_number"),
        "protocolItem": _column("protocol_item"),
        "needsReview": _column("needs_review"),
        "version": _column("version"),
    },
    "Decision": {
        "title": _column("title"),
        "procedure": _enum("procedure", DecisionProcedure),
        "outcome": _enum("outcome", DecisionOutcome),
        "protocolNumber": _column("protocol_number"),
        "protocolItem": _column("protocol_item"),
        "summary": _column("summary"),
        "fullText": _column("full_text"),
        "specialFile": _column("special_file"),
        "needsReview": _column("needs_review"),
        "version": _column("version"),
    },
    "Event": {
        "type": _enum("type", EventType),
        "title": _column("title"),
        "places": lambda alias: sql.text_list(f"{alias}.places"),
        "description": _column("description"),
        "version": _column("version"),
    },
    "Person": {
        "canonicalName": _column("canonical_name"),
        "sortName": _column("sort_name"),
        "shortName": _column("short_name"),
        "wikidataQid": _column("wikidata_qid"),
        "viafId": _column("viaf_id"),
        "note": _column("note"),
        "needsReview": _column("needs_review"),
        "version": _column("version"),
        "wikidataUri": _wikidata_uri,
    },
    "Body": {
        "name": _column("name"),
        "shortName": _column("short_name"),
        "kind": _enum("kind", BodyKind),
        "variants": lambda alias: sql.text_list(f"{alias}.variants"),
        "description": _column("description"),
        "needsReview": _column("needs_review"),
        "version": _column("version"),
    },
    "Vote": {},
}
_ARCHIVAL_REFERENCE: dict[str, Scalar] = {
    name: _column(column)
    for name, column in (
        ("repository", "repository"),
        ("repositoryAsPrinted", "repository_as_printed"),
        ("fond", "fond"),
        ("opis", "opis"),
        ("delo", "delo"),
        ("folios", "folios"),
        ("verbatim", "verbatim"),
        ("normalised", "normalised"),
        ("doubtful", "doubtful"),
        ("note", "note"),
    )
} | {"inferred": lambda alias: sql.value(f"right({alias}.normalised, 11) = ' [inferred]'")}


class Compiler:
    """Compiles selections into SQL, naming each table it joins afresh."""

    def __init__(self) -> None:
        self._numbers = itertools.count()

    def alias(self, prefix: str) -> str:
        """Return a table alias not used before in this statement."""
        return f"{prefix}{next(self._numbers)}"

    def record(self, type_name: str, alias: str, fields: tuple[Field, ...]) -> Compiled:
        """Compile FIELDS of the record of TYPE_NAME in the row ALIAS."""
        scalars = _SCALARS.get(type_name)
        if scalars is None:
            raise UnsupportedError(type_name)
        members: list[tuple[str, str]] = []
        counts: list[str] = []
        for field in fields:
            if field.arguments:
                raise UnsupportedError(f"{type_name}.{field.name}")
            compiled = self._record_field(type_name, alias, field, scalars)
            members.append((field.key, compiled.json))
            if compiled.count != "0":
                counts.append(compiled.count)
        return Compiled(sql.json_object(members), " + ".join(counts) or "0")

    def _record_field(self, type_name: str, alias: str, field: Field, scalars: dict[str, Scalar]) -> Compiled:
        name = field.name
        if name == "__typename":
            return Compiled(sql.string(type_name))
        if name == "id":
            return Compiled(sql.global_id(type_name, f"{alias}.id"))
        if name in scalars:
            return Compiled(scalars[name](alias))
        if name == "date" and type_name in {"Document", "Decision", "Event"}:
            return Compiled(self.date(alias, field.only("HistoricalDate")))
        if type_name == "Document":
            if name == "parties":
                return self.parties(alias, field.only("DocumentParty"))
            if name == "copies":
                return self.copies(alias, field.only("Copy"))
            if name == "relationCount":
                return Compiled(self.relation_count(alias, field.only("RelationCount")))
            if name in {"relationsOut", "relationsIn"}:
                return self.relations(alias, field.only("Relation"), outgoing=name == "relationsOut")
        if name == "relations" and type_name in {"Decision", "Event"}:
            return self.both_relations(alias, field.only("Relation"))
        raise UnsupportedError(f"{type_name}.{name}")

    def date(self, alias: str, fields: tuple[Field, ...]) -> str:
        """Compile a HistoricalDate from the `date_*` columns of ALIAS (null when it has none)."""
        columns: dict[str, str] = {
            "verbatim": sql.value(f"coalesce(nullif({alias}.date_verbatim, ''), {alias}.date_edtf)"),
            "edtf": sql.value(f"{alias}.date_edtf"),
            "earliest": sql.value(f"{alias}.date_lower"),
            "latest": sql.value(f"{alias}.date_upper"),
            "precision": sql.enum(f"{alias}.date_precision", DatePrecision),
            "qualifiers": sql.enum_list(f"coalesce({alias}.date_qualifiers, '{{}}')", DateQualifier),
            "openSide": f"""CASE WHEN right({alias}.date_edtf, 3) = '/..' THEN '"END"' """
            f"""WHEN left({alias}.date_edtf, 3) = '../' THEN '"START"' ELSE 'null' END""",
            "__typename": sql.string("HistoricalDate"),
        }
        members = [(field.key, _scalar(columns, "HistoricalDate", field)) for field in fields]
        return f"CASE WHEN {alias}.date_edtf IS NULL THEN 'null' ELSE {sql.json_object(members)} END"

    def parties(self, document: str, fields: tuple[Field, ...]) -> Compiled:
        """Compile a document's parties, in the source's order, with their persons or bodies."""
        party, person, body = self.alias("p"), self.alias("pe"), self.alias("b")
        columns = {
            "role": sql.enum(f"{party}.role", PartyRole),
            "position": sql.value(f"{party}.position"),
            "nameAsPrinted": sql.value(f"{party}.name_as_printed"),
            "__typename": sql.string("DocumentParty"),
        }
        members: list[tuple[str, str]] = []
        for field in fields:
            if field.name == "agent" and not field.arguments:
                as_person = self.record("Person", person, field.only("Person")).json
                as_body = self.record("Body", body, field.only("Body")).json
                members.append(
                    (field.key, f"CASE WHEN {party}.person_id IS NOT NULL THEN {as_person} ELSE {as_body} END")
                )
            else:
                members.append((field.key, _scalar(columns, "DocumentParty", field)))
        source = (
            f"FROM document_parties {party} LEFT JOIN persons {person} ON {person}.id = {party}.person_id "
            f"LEFT JOIN bodies {body} ON {body}.id = {party}.body_id WHERE {party}.document_id = {document}.id"
        )
        counted = self.alias("p")
        count = f"(SELECT count(*) FROM document_parties {counted} WHERE {counted}.document_id = {document}.id)"
        return Compiled(sql.json_list(sql.json_object(members), f"{party}.role, {party}.position", source), count)

    def copies(self, document: str, fields: tuple[Field, ...]) -> Compiled:
        """Compile a document's copies, by position, each with its archival reference."""
        copy, reference = self.alias("c"), self.alias("ar")
        columns = {
            "position": sql.value(f"{copy}.position"),
            "forms": sql.enum_list(f"coalesce({copy}.forms, '{{}}')", CopyForm),
            "formVerbatim": sql.value(f"{copy}.form_verbatim"),
            "note": sql.value(f"{copy}.note"),
            "__typename": sql.string("Copy"),
        }
        members: list[tuple[str, str]] = []
        for field in fields:
            if field.name == "archivalReference":
                reference_columns = {name: scalar(reference) for name, scalar in _ARCHIVAL_REFERENCE.items()}
                reference_columns["__typename"] = sql.string("ArchivalReference")
                inner = [
                    (f.key, _scalar(reference_columns, "ArchivalReference", f)) for f in field.only("ArchivalReference")
                ]
                members.append((field.key, sql.json_object(inner)))
            else:
                members.append((field.key, _scalar(columns, "Copy", field)))
        source = (
            f"FROM copies {copy} JOIN archival_references {reference} ON {reference}.id = {copy}.archival_reference_id "
            f"WHERE {copy}.document_id = {document}.id"
        )
        counted = self.alias("c")
        count = f"(SELECT count(*) FROM copies {counted} WHERE {counted}.document_id = {document}.id)"
        return Compiled(sql.json_list(sql.json_object(members), f"{copy}.position", source), count)

    def relation_count(self, record: str, fields: tuple[Field, ...]) -> str:
        """Compile how many links start and end at a record."""
        counted = self.alias("x")
        columns = {
            "outgoing": f"(SELECT count(*) FROM relations {counted} WHERE {counted}.source_id = {record}.id)::text",
            "incoming": f"(SELECT count(*) FROM relations {counted} WHERE {counted}.target_id = {record}.id)::text",
            "__typename": sql.string("RelationCount"),
        }
        return sql.json_object([(field.key, _scalar(columns, "RelationCount", field)) for field in fields])

    def relations(self, record: str, fields: tuple[Field, ...], *, outgoing: bool) -> Compiled:
        """Compile the links that start (OUTGOING) or end at a record, by type and number."""
        link = self.alias("x")
        item, item_count, joins = self._relation(link, fields)
        end = "source_id" if outgoing else "target_id"
        source = f"FROM relations {link} {joins} WHERE {link}.{end} = {record}.id"
        count = f"(SELECT count(*) + coalesce(sum({item_count}), 0) {source})"
        return Compiled(sql.json_list(item, f"{link}.type, {link}.id", source), count)

    def both_relations(self, record: str, fields: tuple[Field, ...]) -> Compiled:
        """Compile every link of a record: those starting at it, then those ending at it."""
        parts = []
        for part, end in ((1, "source_id"), (2, "target_id")):
            link = self.alias("x")
            item, item_count, joins = self._relation(link, fields)
            parts.append(
                f"SELECT {part} AS part, {link}.type, {link}.id, {item} AS item, {item_count} AS n "
                f"FROM relations {link} {joins} WHERE {link}.{end} = {record}.id"
            )
        both = self.alias("e")
        source = f"FROM ({' UNION ALL '.join(parts)}) {both}"
        json = sql.json_list(f"{both}.item", f"{both}.part, {both}.type, {both}.id", source)
        return Compiled(json, f"(SELECT count(*) + coalesce(sum({both}.n), 0) {source})")

    def _relation(self, link: str, fields: tuple[Field, ...]) -> tuple[str, str, str]:
        """Return SQL for one link's JSON, for what its ends list, and the joins both need."""
        publication = self.alias("pub")
        columns = {
            "type": sql.enum(f"{link}.type", RelationType),
            "certainty": sql.enum(f"{link}.certainty", Certainty),
            "note": sql.value(f"{link}.note"),
            "__typename": sql.string("Relation"),
        }
        members: list[tuple[str, str]] = []
        counts: list[str] = []
        joins: list[str] = []
        for field in fields:
            if field.name == "provenance" and not field.arguments:
                provenance = {
                    "publication": sql.value(f"{publication}.title"),
                    "locator": sql.value(f"{link}.provenance_locator"),
                    "summary": sql.value(f"{link}.provenance_summary"),
                    "__typename": sql.string("Provenance"),
                }
                inner = [(f.key, _scalar(provenance, "Provenance", f)) for f in field.only("Provenance")]
                members.append((field.key, sql.json_object(inner)))
                if not any(f"{publication} " in join for join in joins):
                    joins.append(
                        f"LEFT JOIN publications {publication} ON {publication}.id = {link}.provenance_publication_id"
                    )
            elif field.name in {"source", "target"} and not field.arguments:
                kind = self.alias("k")
                joins.append(f"JOIN records {kind} ON {kind}.id = {link}.{field.name}_id")
                compiled = self.end(kind, f"{link}.{field.name}_id", field)
                members.append((field.key, compiled.json))
                if compiled.count != "0":
                    counts.append(compiled.count)
            else:
                members.append((field.key, _scalar(columns, "Relation", field)))
        return sql.json_object(members), " + ".join(counts) or "0", " ".join(joins)

    def end(self, kind: str, id_sql: str, field: Field) -> Compiled:
        """Compile the record at one end of a link, whatever its type (by `records.kind` in KIND)."""
        json_cases: list[str] = []
        count_cases: list[str] = []
        for type_name, table in TABLES.items():
            fields = field.only(type_name)
            when = f"WHEN {sql.literal(KINDS[type_name])} THEN"
            if all(f.name in {"id", "__typename"} and not f.arguments for f in fields):
                # Its id alone: answered from the number, as `references.reference` does.
                members = [
                    (f.key, sql.global_id(type_name, id_sql) if f.name == "id" else sql.string(type_name))
                    for f in fields
                ]
                json_cases.append(f"{when} {sql.json_object(members)}")
                continue
            row = self.alias("z")
            compiled = self.record(type_name, row, fields)
            json_cases.append(f"{when} (SELECT {compiled.json} FROM {table} {row} WHERE {row}.id = {id_sql})")
            if compiled.count != "0":
                count_cases.append(f"{when} (SELECT {compiled.count} FROM {table} {row} WHERE {row}.id = {id_sql})")
        json = f"CASE {kind}.kind {' '.join(json_cases)} END"
        count = f"coalesce(CASE {kind}.kind {' '.join(count_cases)} END, 0)" if count_cases else "0"
        return Compiled(json, count)


def _scalar(columns: dict[str, str], type_name: str, field: Field) -> str:
    if field.arguments or field.name not in columns:
        raise UnsupportedError(f"{type_name}.{field.name}")
    return columns[field.name]
