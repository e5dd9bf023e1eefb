"""The vocabularies of links as GraphQL enums: how one record relates to another, and how surely."""

from __future__ import annotations

from enum import Enum

import strawberry

from chronology.graphql.types.describe import describe


@strawberry.enum(description="How one record relates to another; the link runs from source to target.")
class RelationType(Enum):
    REPLIES_TO = "replies_to"
    PROPOSES = "proposes"
    VOTE_ON = "vote_on"
    DECIDED_BY = "decided_by"
    FORMALISED_AS = "formalised_as"
    IMPLEMENTS = "implements"
    PUBLISHED_AS = "published_as"
    MENTIONS = "mentions"
    ENCLOSES = "encloses"
    SUPERSEDES = "supersedes"
    VERSION_OF = "version_of"
    PART_OF = "part_of"


describe(
    RelationType,
    {
        "REPLIES_TO": "The source answers the target (Stalin's reply to a letter).",
        "PROPOSES": "The source proposes the target decision.",
        "VOTE_ON": "The source vote was cast on the target decision.",
        "DECIDED_BY": "The question raised in the source was decided by the target decision.",
        "FORMALISED_AS": "The source decision was formalised as the target decree or resolution.",
        "IMPLEMENTS": "The source (an order, a circular) implements the target.",
        "PUBLISHED_AS": "The source was published as the target (e.g. a Pravda article).",
        "MENTIONS": "The source mentions the target.",
        "ENCLOSES": "The source encloses the target (a draft sent with a letter).",
        "SUPERSEDES": "The source replaces the target.",
        "VERSION_OF": "The source is another version of the target.",
        "PART_OF": "The source is part of the target (a speech of a plenum).",
    },
)


@strawberry.enum(description="How sure the source, or the editor who made the link, is of it.")
class Certainty(Enum):
    CERTAIN = "certain"
    PROBABLE = "probable"
    POSSIBLE = "possible"


describe(
    Certainty,
    {
        "CERTAIN": "The source states it outright.",
        "PROBABLE": "Inferred with good grounds (e.g. matched by date and subject).",
        "POSSIBLE": "A possibility worth recording.",
    },
)
