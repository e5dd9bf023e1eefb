"""The data package's layout: its descriptor file, and tables with Table Schema types, primary and foreign keys.

The resource and field names are the database's, so that the importer can read a package
back without a mapping; `records` lists every exported record so that relations (which may
point at any kind of record) have one table to name in their foreign keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DESCRIPTOR = "datapackage.json"  # the package's own description, beside its tables
PROVENANCE = "chronology"  # the descriptor's property holding the filter and the schema revision
PACKAGE_FORMAT = 2  # 2: records its schema revision; an empty verbatim is "" in a NOT NULL column


@dataclass(frozen=True)
class Field:
    """A column: its name and Table Schema type."""

    name: str
    type: str = "string"
    description: str | None = None

    def descriptor(self) -> dict[str, Any]:
        """Return the Table Schema field descriptor."""
        value: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.description:
            value["description"] = self.description
        return value


@dataclass(frozen=True)
class ForeignKey:
    """Columns of this table that name rows of another (or, with resource "", this one)."""

    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...] = ("id",)

    def descriptor(self) -> dict[str, Any]:
        """Return the Table Schema foreign key descriptor."""
        return {"fields": list(self.fields), "reference": {"resource": self.resource, "fields": list(self.reference)}}


@dataclass(frozen=True)
class Table:
    """One CSV of the package."""

    name: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def path(self) -> str:
        """Return the file name of the table inside the package."""
        return f"{self.name}.csv"

    @property
    def columns(self) -> tuple[str, ...]:
        """Return the field names in order."""
        return tuple(f.name for f in self.fields)

    def descriptor(self) -> dict[str, Any]:
        """Return the Data Resource descriptor."""
        schema: dict[str, Any] = {
            "fields": [f.descriptor() for f in self.fields],
            "primaryKey": list(self.primary_key),
            "missingValues": [""],
        }
        if self.foreign_keys:
            schema["foreignKeys"] = [k.descriptor() for k in self.foreign_keys]
        return {
            "name": self.name,
            "path": self.path,
            "profile": "tabular-data-resource",
            "description": self.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema,
        }


def _date_fields(prefix: str = "date") -> tuple[Field, ...]:
    return (
        Field(f"{prefix}_verbatim", description="The date as the source prints it."),
        Field(f"{prefix}_edtf", description="The date in EDTF (ISO 8601-2)."),
        Field(f"{prefix}_lower", "date", "The first day the date can mean."),
        Field(f"{prefix}_upper", "date", "The last day the date can mean."),
        Field(f"{prefix}_precision", description="day, month, season, year or decade."),
        Field(f"{prefix}_qualifiers", "array", "uncertain, approximate, supplied (a JSON array)."),
    )


def _transmission(prefix: str) -> tuple[Field, ...]:
    return (
        Field(f"{prefix}_verbatim"),
        Field(f"{prefix}_edtf"),
        Field(f"{prefix}_lower", "date"),
        Field(f"{prefix}_upper", "date"),
        Field(f"{prefix}_time"),
    )


_ID = Field("id", "integer", "The record's stable identifier.")

TABLES: tuple[Table, ...] = (
    Table(
        "records",
        "Every exported record with a global id, and its kind.",
        (_ID, Field("kind")),
        ("id",),
    ),
    Table(
        "persons",
        "Historical persons.",
        (
            _ID,
            Field("authority_key"),
            Field("canonical_name"),
            Field("sort_name"),
            Field("short_name"),
            Field("wikidata_qid"),
            Field("viaf_id"),
            Field("born_edtf"),
            Field("born_lower", "date"),
            Field("born_upper", "date"),
            Field("died_edtf"),
            Field("died_lower", "date"),
            Field("died_upper", "date"),
            Field("note"),
            Field("needs_review", "boolean"),
        ),
        ("id",),
        (ForeignKey(("id",), "records"),),
    ),
    Table(
        "name_variants",
        "The forms of persons' names found in the sources.",
        (Field("person_id", "integer"), Field("name"), Field("kind"), Field("note")),
        ("person_id", "name"),
        (ForeignKey(("person_id",), "persons"),),
    ),
    Table(
        "bodies",
        "Party and state bodies.",
        (
            _ID,
            Field("authority_key"),
            Field("name"),
            Field("short_name"),
            Field("kind"),
            Field("variants", "array"),
            Field("parent_id", "integer"),
            Field("description"),
        ),
        ("id",),
        (ForeignKey(("id",), "records"), ForeignKey(("parent_id",), "")),
    ),
    Table(
        "archival_references",
        "Archival references: repository, fond, opis, delo, folios.",
        (
            _ID,
            Field("repository"),
            Field("repository_as_printed"),
            Field("fond"),
            Field("opis"),
            Field("delo"),
            Field("folios"),
            Field("verbatim"),
            Field("normalised"),
            Field("doubtful", "boolean"),
            Field("note"),
            Field("confidence", "number"),
        ),
        ("id",),
    ),
    Table(
        "publications",
        "Published editions of documents; also the provenance of relations.",
        (
            _ID,
            Field("title"),
            Field("editors"),
            Field("publisher"),
            Field("place"),
            Field("year", "integer"),
            Field("language"),
            Field("url"),
        ),
        ("id",),
    ),
    Table(
        "documents",
        "Archival documents.",
        (
            _ID,
            Field("natural_key"),
            Field("kind"),
            Field("title"),
            Field("place"),
            Field("classification"),
            Field("language"),
            Field("summary"),
            Field("full_text"),
            *_date_fields(),
            *_transmission("sent"),
            *_transmission("received"),
            Field("incoming_number"),
            Field("outgoing_number"),
            Field("secretary_number"),
            Field("protocol_number"),
            Field("protocol_item"),
            Field("needs_review", "boolean"),
        ),
        ("id",),
        (ForeignKey(("id",), "records"),),
    ),
    Table(
        "document_parties",
        "Authors, recipients and intermediaries of documents, in order.",
        (
            Field("document_id", "integer"),
            Field("role"),
            Field("position", "integer"),
            Field("person_id", "integer"),
            Field("body_id", "integer"),
            Field("name_as_printed"),
        ),
        ("document_id", "role", "position"),
        (
            ForeignKey(("document_id",), "documents"),
            ForeignKey(("person_id",), "persons"),
            ForeignKey(("body_id",), "bodies"),
        ),
    ),
    Table(
        "copies",
        "Surviving copies of documents with their archival references and forms.",
        (
            Field("document_id", "integer"),
            Field("position", "integer"),
            Field("archival_reference_id", "integer"),
            Field("forms", "array"),
            Field("form_verbatim"),
            Field("note"),
        ),
        ("document_id", "position"),
        (
            ForeignKey(("document_id",), "documents"),
            ForeignKey(("archival_reference_id",), "archival_references"),
        ),
    ),
    Table(
        "editions",
        "Documents as publications print them.",
        (
            Field("document_id", "integer"),
            Field("publication_id", "integer"),
            Field("document_number"),
            Field("pages"),
            Field("translation_text"),
        ),
        ("document_id", "publication_id"),
        (ForeignKey(("document_id",), "documents"), ForeignKey(("publication_id",), "publications")),
    ),
    Table(
        "annotations",
        "What is written on documents: resolutions, marks, crossings-out.",
        (
            Field("document_id", "integer"),
            Field("position", "integer", "The annotation's place among the document's annotations."),
            Field("kind"),
            Field("text"),
            Field("author_person_id", "integer"),
            Field("author_as_printed"),
            Field("locator"),
        ),
        ("document_id", "position"),
        (ForeignKey(("document_id",), "documents"), ForeignKey(("author_person_id",), "persons")),
    ),
    Table(
        "decisions",
        "Decisions of party and state bodies.",
        (
            _ID,
            Field("natural_key"),
            Field("body_id", "integer"),
            Field("procedure"),
            Field("protocol_number"),
            Field("protocol_item"),
            Field("title"),
            Field("summary"),
            Field("full_text"),
            Field("outcome"),
            Field("archival_reference_id", "integer"),
            Field("special_file", "boolean"),
            Field("needs_review", "boolean"),
            *_date_fields(),
        ),
        ("id",),
        (
            ForeignKey(("id",), "records"),
            ForeignKey(("body_id",), "bodies"),
            ForeignKey(("archival_reference_id",), "archival_references"),
        ),
    ),
    Table(
        "tallies",
        "Vote counts where no names survive.",
        (
            Field("decision_id", "integer"),
            Field("votes_for", "integer"),
            Field("votes_against", "integer"),
            Field("abstentions", "integer"),
            Field("unanimous", "boolean"),
            Field("verbatim"),
            Field("note"),
        ),
        ("decision_id",),
        (ForeignKey(("decision_id",), "decisions"),),
    ),
    Table(
        "votes",
        "Members' recorded positions on decisions.",
        (
            _ID,
            Field("decision_id", "integer"),
            Field("person_id", "integer"),
            Field("position"),
            Field("recorded_in"),
            Field("source_document_id", "integer"),
            Field("name_as_printed"),
            Field("note"),
        ),
        ("id",),
        (
            ForeignKey(("id",), "records"),
            ForeignKey(("decision_id",), "decisions"),
            ForeignKey(("person_id",), "persons"),
            ForeignKey(("source_document_id",), "documents"),
        ),
    ),
    Table(
        "events",
        "Things that happened over time.",
        (
            _ID,
            Field("natural_key"),
            Field("type"),
            Field("title"),
            Field("places", "array"),
            Field("description"),
            *_date_fields(),
        ),
        ("id",),
        (ForeignKey(("id",), "records"),),
    ),
    Table(
        "event_participants",
        "Persons' parts in events.",
        (Field("event_id", "integer"), Field("person_id", "integer"), Field("role")),
        ("event_id", "person_id", "role"),
        (ForeignKey(("event_id",), "events"), ForeignKey(("person_id",), "persons")),
    ),
    Table(
        "relations",
        "Typed links between records, with who asserts them and how surely.",
        (
            _ID,
            Field("type"),
            Field("source_id", "integer"),
            Field("target_id", "integer"),
            Field("certainty"),
            Field("provenance_publication_id", "integer"),
            Field("provenance_locator"),
            Field("provenance_summary"),
            Field("note"),
        ),
        ("id",),
        (
            ForeignKey(("source_id",), "records"),
            ForeignKey(("target_id",), "records"),
            ForeignKey(("provenance_publication_id",), "publications"),
        ),
    ),
)

TABLES_BY_NAME = {table.name: table for table in TABLES}
