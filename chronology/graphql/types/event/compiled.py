"""The Event's fields as SQL building their JSON: own columns, date and links."""

from __future__ import annotations

from chronology.graphql.compiled import sql
from chronology.graphql.compiled.fields import RecordSQL, column, enum
from chronology.graphql.types.date.compiled import date
from chronology.graphql.types.event.vocabulary import EventType
from chronology.graphql.types.relation.compiled import relations

EVENT = RecordSQL(
    "Event",
    "events",
    scalars={
        "type": enum("type", EventType),
        "title": column("title"),
        "places": lambda alias: sql.text_list(f"{alias}.places"),
        "description": column("description"),
        "version": column("version"),
    },
    nested={"date": date, "relations": relations},
)
