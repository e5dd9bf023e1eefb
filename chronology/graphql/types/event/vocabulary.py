"""The vocabulary of events as a GraphQL enum: what kind of thing happened."""

from __future__ import annotations

from enum import Enum

import strawberry

from chronology.graphql.types.describe import describe


@strawberry.enum(description="What kind of thing happened.")
class EventType(Enum):
    TRIAL = "trial"
    PLENUM = "plenum"
    CONGRESS = "congress"
    CONFERENCE = "conference"
    MEETING = "meeting"
    APPOINTMENT = "appointment"
    DISMISSAL = "dismissal"
    ARREST = "arrest"
    EXECUTION = "execution"
    DEATH = "death"
    ASSASSINATION = "assassination"
    SUICIDE = "suicide"
    JOURNEY = "journey"
    VACATION = "vacation"
    CAMPAIGN = "campaign"
    OTHER = "other"


describe(
    EventType,
    {
        "TRIAL": "A trial.",
        "PLENUM": "A plenum of the Central Committee.",
        "CONGRESS": "A party or Soviet congress.",
        "CONFERENCE": "A conference.",
        "MEETING": "A meeting.",
        "APPOINTMENT": "An appointment to a post.",
        "DISMISSAL": "A removal from a post.",
        "ARREST": "An arrest.",
        "EXECUTION": "An execution.",
        "DEATH": "A death.",
        "ASSASSINATION": "An assassination.",
        "SUICIDE": "A suicide.",
        "JOURNEY": "A journey or inspection tour.",
        "VACATION": "A vacation away from Moscow.",
        "CAMPAIGN": "A campaign.",
        "OTHER": "Anything else.",
    },
)
