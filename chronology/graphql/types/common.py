"""Types every record shares: the Node interface, historical dates, archival references."""

from __future__ import annotations

import dataclasses
import datetime
from enum import Enum
from typing import Annotated, Any

import strawberry

from chronology.archives.parsing import ReferenceParseError, parse_reference
from chronology.archives.reference import INFERRED_MARK
from chronology.archives.reference import CitationStyle as ArchiveStyle
from chronology.dates.fuzzy import DateParseError, from_edtf
from chronology.graphql.types.enums import CitationStyle, DatePrecision, describe


@strawberry.interface(description="A record with a global id: fetch any of them with `node(id)`.")
class Node:
    @strawberry.field(description="The record's opaque global id.")
    def id(self) -> strawberry.ID:
        raise NotImplementedError  # every record type answers with its own global id


@strawberry.enum(description="What the source or its editors say about how sure a date is.")
class DateQualifier(Enum):
    UNCERTAIN = "uncertain"
    APPROXIMATE = "approximate"
    SUPPLIED = "supplied"


describe(
    DateQualifier,
    {
        "UNCERTAIN": "Marked doubtful: `4 [?] December 1936`.",
        "APPROXIMATE": "Approximate: `c. December 1935`.",
        "SUPPLIED": "Supplied by the editors, in square brackets: `August 17 [1936]`.",
    },
)


@strawberry.enum(description="The side a terminus leaves open: the source gives one bound only.")
class DateOpenSide(Enum):
    START = "start"
    END = "end"


describe(
    DateOpenSide,
    {
        "START": "Open towards earlier days: `not later than 17 August 1936`, EDTF `../1936-08-17`.",
        "END": "Open towards later days: `not earlier than 17 August 1936`, EDTF `1936-08-17/..`.",
    },
)


@strawberry.type(description="A historical date as the source states it and as a span of days.")
class HistoricalDate:
    verbatim: str = strawberry.field(description="Exactly what the source says, e.g. `August 17 [1936]`.")
    edtf: str = strawberry.field(description="The date in EDTF (ISO 8601-2), e.g. `1936-08-17`, `1935-12~`.")
    earliest: datetime.date = strawberry.field(description="The first day the date may mean.")
    latest: datetime.date = strawberry.field(description="The last day the date may mean.")
    precision: DatePrecision = strawberry.field(description="How finely the date is known.")
    qualifiers: list[DateQualifier] = strawberry.field(description="Doubt, approximation, editorial supply.")

    @strawberry.field(
        description="Which side a terminus leaves open, or null for a date bounded on both sides; "
        "`earliest` and `latest` then stop the open side at the rest of the terminus's year."
    )
    def open_side(self) -> DateOpenSide | None:
        if self.edtf.endswith("/.."):
            return DateOpenSide.END
        return DateOpenSide.START if self.edtf.startswith("../") else None

    @strawberry.field(description="The date for display: `17 August [1936]`, `c. December 1935`.")
    def display(self) -> str:
        try:
            supplied = DateQualifier.SUPPLIED in self.qualifiers
            return from_edtf(self.edtf, self.verbatim, supplied=supplied).display()
        except (DateParseError, ValueError):
            return self.verbatim


def date_from_edtf(edtf: str | None, verbatim: str | None = None) -> HistoricalDate | None:
    """Build a HistoricalDate from an EDTF string alone (life dates, transmission dates)."""
    if edtf is None:
        return None
    try:
        parsed = from_edtf(edtf, verbatim)
    except (DateParseError, ValueError):
        return None
    return HistoricalDate(
        verbatim=verbatim or edtf,
        edtf=parsed.edtf,
        earliest=parsed.lower,
        latest=parsed.upper,
        precision=DatePrecision(parsed.precision.value),
        qualifiers=[DateQualifier(q.value) for q in sorted(parsed.qualifiers)],
    )


def historical_date(row: Any, prefix: str = "date") -> HistoricalDate | None:
    """Build a HistoricalDate from a row's `<prefix>_*` columns, or None when it has none."""
    mapping = row._mapping if hasattr(row, "_mapping") else row
    edtf = mapping.get(f"{prefix}_edtf")
    if edtf is None:
        return None
    qualifiers = mapping.get(f"{prefix}_qualifiers") or []
    return HistoricalDate(
        verbatim=mapping.get(f"{prefix}_verbatim") or edtf,
        edtf=edtf,
        earliest=mapping[f"{prefix}_lower"],
        latest=mapping[f"{prefix}_upper"],
        precision=DatePrecision(mapping[f"{prefix}_precision"]),
        qualifiers=[DateQualifier(q) for q in qualifiers],
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
