"""A record's HistoricalDate as SQL building its JSON from the `date_*` columns, as the ordinary resolvers give it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronology.graphql.compiled import sql
from chronology.graphql.compiled.fields import Compiled, scalar
from chronology.graphql.compiled.selection import Field
from chronology.graphql.types.date.vocabulary import DatePrecision, DateQualifier

if TYPE_CHECKING:
    from chronology.graphql.compiled.records import Compiler


def date(compiler: Compiler, alias: str, field: Field) -> Compiled:
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
    members = [(asked.key, scalar(columns, "HistoricalDate", asked)) for asked in field.only("HistoricalDate")]
    return Compiled(f"CASE WHEN {alias}.date_edtf IS NULL THEN 'null' ELSE {sql.json_object(members)} END")
