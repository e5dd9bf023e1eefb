"""The HistoricalDate type: a date as the source states it and as a span of days, built from a row or from EDTF."""

from __future__ import annotations

import datetime
from typing import Any

import strawberry

from chronology.dates.fuzzy import DateParseError, from_edtf
from chronology.graphql.types.date.vocabulary import DateOpenSide, DatePrecision, DateQualifier


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
