"""The vocabularies of decisions as GraphQL enums: procedures, outcomes, votes and where they are recorded."""

from __future__ import annotations

from enum import Enum

import strawberry

from chronology.graphql.types.describe import describe


@strawberry.enum(description="How a body reached a decision.")
class DecisionProcedure(Enum):
    MEETING = "meeting"
    POLL = "poll"
    PLENUM_VOTE = "plenum_vote"


describe(
    DecisionProcedure,
    {
        "MEETING": "At a meeting, recorded as an item in a numbered protocol.",
        "POLL": "By poll of the members (oprosom), who voted in writing.",
        "PLENUM_VOTE": "By a vote at a Central Committee plenum.",
    },
)


@strawberry.enum(description="What the body decided.")
class DecisionOutcome(Enum):
    APPROVED = "approved"
    APPROVED_WITH_CHANGES = "approved_with_changes"
    REJECTED = "rejected"
    POSTPONED = "postponed"
    REFERRED = "referred"


describe(
    DecisionOutcome,
    {
        "APPROVED": "Approved as proposed.",
        "APPROVED_WITH_CHANGES": "Approved with changes.",
        "REJECTED": "Rejected.",
        "POSTPONED": "Postponed.",
        "REFERRED": "Referred to another body or commission.",
    },
)


@strawberry.enum(description="One member's recorded position.")
class VotePosition(Enum):
    FOR = "for"
    AGAINST = "against"
    ABSTAINED = "abstained"
    AGREED = "agreed"


describe(
    VotePosition,
    {
        "FOR": "Voted for.",
        "AGAINST": "Voted against.",
        "ABSTAINED": "Abstained.",
        "AGREED": "Recorded as agreeing ('soglasen'), e.g. in a secretary's note.",
    },
)


@strawberry.enum(description="Where a vote is recorded.")
class VoteRecordedIn(Enum):
    CIPHER_MARKS = "cipher_marks"
    SECRETARY_NOTE = "secretary_note"
    OWN_TELEGRAM = "own_telegram"
    MINUTES = "minutes"


describe(
    VoteRecordedIn,
    {
        "CIPHER_MARKS": "In the vote marks on the cipher telegram.",
        "SECRETARY_NOTE": "In a note by the Politburo's secretary.",
        "OWN_TELEGRAM": "In the member's own telegram (`I vote yes`).",
        "MINUTES": "In the minutes of the meeting.",
    },
)
