"""The Decision's and the Vote's fields as SQL building their JSON: own columns, date and links."""

from __future__ import annotations

from chronology.graphql.compiled.fields import RecordSQL, column, enum
from chronology.graphql.types.date.compiled import date
from chronology.graphql.types.decision.vocabulary import DecisionOutcome, DecisionProcedure
from chronology.graphql.types.relation.compiled import relations

DECISION = RecordSQL(
    "Decision",
    "decisions",
    scalars={
        "title": column("title"),
        "procedure": enum("procedure", DecisionProcedure),
        "outcome": enum("outcome", DecisionOutcome),
        "protocolNumber": column("protocol_number"),
        "protocolItem": column("protocol_item"),
        "summary": column("summary"),
        "fullText": column("full_text"),
        "specialFile": column("special_file"),
        "needsReview": column("needs_review"),
        "version": column("version"),
    },
    nested={"date": date, "relations": relations},
)

# Only a vote's id is compiled (as a link's end, say); asked anything more, it is answered the ordinary way.
VOTE = RecordSQL("Vote", "votes", scalars={})
