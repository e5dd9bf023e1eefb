"""Archival references as a GraphQL type: where a document or decision is kept, how to cite it, and its SQL."""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Annotated, Any

import strawberry

from chronology.archives.parsing import ReferenceParseError, parse_reference
from chronology.archives.reference import INFERRED_MARK
from chronology.archives.reference import CitationStyle as ArchiveStyle
from chronology.graphql.compiled import sql
from chronology.graphql.compiled.fields import Scalar, column, scalar
from chronology.graphql.compiled.selection import Field
from chronology.graphql.types.describe import describe


@strawberry.enum(description="A style of archival citation.")
class CitationStyle(Enum):
    CHICAGO = "chicago"
    GOST = "gost"


describe(
    CitationStyle,
    {
        "CHICAGO": "Chicago: `RGASPI, f. 558, op. 11, d. 93, ll. 42–46`.",
        "GOST": "GOST, the Russian standard: `RGASPI. F. 558. Op. 11. D. 93. L. 42–46.`",
    },
)


@strawberry.type(description="Where a document or decision is kept: repository, fond, opis, delo, folios.")
class ArchivalReference:
    repository: str | None = strawberry.field(description="Today's name of the archive, e.g. RGASPI.")
    repository_as_printed: str | None = strawberry.field(
        description="The archive as the source names it (RTsKhIDNI is today's RGASPI)."
    )
    fond: str = strawberry.field(description="The fond (collection), e.g. 558 for Stalin's papers.")
    opis: str | None = strawberry.field(description="The opis (inventory) within the fond.")
    delo: str | None = strawberry.field(description="The delo (file) within the opis.")
    folios: str | None = strawberry.field(description="The folios (listy), e.g. `42–46`, `55, 55v`.")
    verbatim: str = strawberry.field(description="The reference exactly as printed.")
    normalised: str = strawberry.field(description="The reference in one canonical form.")
    doubtful: bool = strawberry.field(description="The reading needed repair or looks like a misprint.")
    note: str | None = strawberry.field(description="Why the reading is doubtful, and the likely reading.")
    confidence: float = strawberry.field(description="How sure the reading is, from 0 to 1.")

    @strawberry.field(
        description="Nothing was printed for this reference: it is reasoned from neighbouring documents, "
        "and every citation of it ends `[inferred]`."
    )
    def inferred(self) -> bool:
        return self.normalised.endswith(INFERRED_MARK)

    @strawberry.field(description="The reference written out in a citation style.")
    def citation(
        self,
        style: Annotated[CitationStyle, strawberry.argument(description="The citation style.")] = CitationStyle.CHICAGO,
    ) -> str:
        try:
            reference = parse_reference(self.normalised.removesuffix(INFERRED_MARK))
            return dataclasses.replace(reference, inferred=self.inferred()).cite(ArchiveStyle(style.value))
        except ReferenceParseError:
            return self.normalised


def archival_reference(row: Any, prefix: str = "") -> ArchivalReference:
    """Build an ArchivalReference from a row of archival_references (columns maybe prefixed)."""
    mapping = row._mapping if hasattr(row, "_mapping") else row
    get = lambda name: mapping[f"{prefix}{name}"]  # noqa: E731 - a local shorthand
    return ArchivalReference(
        repository=get("repository"),
        repository_as_printed=get("repository_as_printed"),
        fond=get("fond"),
        opis=get("opis"),
        delo=get("delo"),
        folios=get("folios"),
        verbatim=get("verbatim"),
        normalised=get("normalised"),
        doubtful=get("doubtful"),
        note=get("note"),
        confidence=get("confidence"),
    )


# ArchivalReference's fields as SQL over an archival_references row, as the ordinary resolvers give them.
_COLUMNS: dict[str, Scalar] = {
    name: column(name_in_table)
    for name, name_in_table in (
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


def archival_reference_json(reference: str, field: Field) -> str:
    """Return SQL for the JSON of the ArchivalReference in the archival_references row REFERENCE."""
    columns = {name: build(reference) for name, build in _COLUMNS.items()}
    columns["__typename"] = sql.string("ArchivalReference")
    members = [(asked.key, scalar(columns, "ArchivalReference", asked)) for asked in field.only("ArchivalReference")]
    return sql.json_object(members)
