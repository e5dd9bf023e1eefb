"""Input types of the mutations: what a historian sends to create or change a record.

Create inputs name what a record needs; update inputs hold only what changes: a field
left out stays as it is, a field sent as null is cleared, a list sent replaces the old one.
"""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from chronology.graphql.types.decision.vocabulary import (
    DecisionOutcome,
    DecisionProcedure,
    VotePosition,
    VoteRecordedIn,
)
from chronology.graphql.types.event.vocabulary import EventType
from chronology.graphql.types.person.vocabulary import BodyKind, NameVariantKind
from chronology.graphql.types.relation.vocabulary import Certainty, RelationType

DATE = (
    "The date in your own words or in EDTF: `August 17 [1936]`, `4 [?] December 1936`, "
    "`[end of 1935]`, `1935-12~`. The words are kept as written; null clears the date."
)


def keep(description: str) -> Any:
    """Declare an update field that stays unchanged when left out."""
    return strawberry.field(default=strawberry.UNSET, description=description)


def listed(description: str) -> Any:
    """Declare a list field that defaults to empty."""
    return strawberry.field(default_factory=list, description=description)


@strawberry.input(description="A publication: found by its title and year, created if new.")
class PublicationInput:
    title: str = strawberry.field(description="The publication's title.")
    year: int | None = strawberry.field(default=None, description="The year of publication.")
    editors: str | None = strawberry.field(default=None, description="Its editors.")
    publisher: str | None = strawberry.field(default=None, description="The publisher.")
    place: str | None = strawberry.field(default=None, description="The place of publication.")
    language: str | None = strawberry.field(default=None, description="Its language.")
    url: str | None = strawberry.field(default=None, description="Where it can be read online.")


# --- persons and bodies ---------------------------------------------------------------------


@strawberry.input(description="A form of a person's name found in a source or reference work.")
class NameVariantInput:
    name: str = strawberry.field(description="The name as found.")
    kind: NameVariantKind = strawberry.field(
        default=NameVariantKind.SPELLING, description="Why the name takes this form."
    )
    note: str | None = strawberry.field(default=None, description="Where it is found.")


@strawberry.input(description="A new person.")
class CreatePersonInput:
    canonical_name: str = strawberry.field(description="The name this service will use.")
    sort_name: str | None = strawberry.field(
        default=None, description="The name for sorting (`Stalin, Iosif`); the name if left out."
    )
    short_name: str | None = strawberry.field(default=None, description="The surname alone.")
    wikidata_qid: str | None = strawberry.field(default=None, description="E.g. Q855.")
    viaf_id: str | None = strawberry.field(default=None, description="The VIAF identifier.")
    born: str | None = strawberry.field(default=None, description="Date of birth. " + DATE)
    died: str | None = strawberry.field(default=None, description="Date of death. " + DATE)
    note: str | None = strawberry.field(default=None, description="An editor's note.")
    needs_review: bool = strawberry.field(default=False, description="Flag the person to check.")
    variants: list[NameVariantInput] = listed("Other forms of the name.")


@strawberry.input(description="Changes to a person; what is left out stays as it is.")
class UpdatePersonInput:
    canonical_name: str | None = keep("The name this service uses.")
    sort_name: str | None = keep("The name for sorting.")
    short_name: str | None = keep("The surname alone.")
    wikidata_qid: str | None = keep("E.g. Q855.")
    viaf_id: str | None = keep("The VIAF identifier.")
    born: str | None = keep("Date of birth. " + DATE)
    died: str | None = keep("Date of death. " + DATE)
    note: str | None = keep("An editor's note.")
    needs_review: bool | None = keep("Flag the person to check.")
    variants: list[NameVariantInput] | None = keep("Every other form of the name (replaces all).")


@strawberry.input(description="A new party or state body.")
class CreateBodyInput:
    name: str = strawberry.field(description="The body's name in English; unique.")
    kind: BodyKind = strawberry.field(description="Where the body sits.")
    short_name: str | None = strawberry.field(default=None, description="E.g. PB, SNK, NKVD.")
    variants: list[str] = listed("Other names the sources use.")
    parent: strawberry.ID | None = strawberry.field(default=None, description="The Body this one belongs to.")
    description: str | None = strawberry.field(default=None, description="What the body was.")


@strawberry.input(description="Changes to a body; what is left out stays as it is.")
class UpdateBodyInput:
    name: str | None = keep("The body's name in English; unique.")
    kind: BodyKind | None = keep("Where the body sits.")
    short_name: str | None = keep("E.g. PB, SNK, NKVD.")
    variants: list[str] | None = keep("Other names the sources use (replaces all).")
    parent: strawberry.ID | None = keep("The Body this one belongs to.")
    description: str | None = keep("What the body was.")


# --- decisions, votes, tallies --------------------------------------------------------------


@strawberry.input(description="A new decision of a body.")
class CreateDecisionInput:
    body: strawberry.ID = strawberry.field(description="The deciding Body.")
    title: str = strawberry.field(description="The decision's title (`On …`, `Re: …`).")
    procedure: DecisionProcedure = strawberry.field(description="Meeting, poll or plenum vote.")
    outcome: DecisionOutcome = strawberry.field(description="What was decided.")
    date: str | None = strawberry.field(default=None, description="When it was taken. " + DATE)
    protocol_number: str | None = strawberry.field(default=None, description="E.g. `93`.")
    protocol_item: str | None = strawberry.field(default=None, description="E.g. `17/10`.")
    summary: str | None = strawberry.field(default=None, description="In your own words.")
    full_text: str | None = strawberry.field(default=None, description="The decision's text.")
    archival_reference: str | None = strawberry.field(
        default=None,
        description="Where it is recorded, as printed: `RGASPI. F. 17. Op. 3. D. 974`.",
    )
    special_file: bool = strawberry.field(
        default=False, description="Recorded in the secret special file (osobaya papka)."
    )
    needs_review: bool = strawberry.field(default=False, description="Flag it to check.")


@strawberry.input(description="Changes to a decision; what is left out stays as it is.")
class UpdateDecisionInput:
    body: strawberry.ID | None = keep("The deciding Body.")
    title: str | None = keep("The decision's title.")
    procedure: DecisionProcedure | None = keep("Meeting, poll or plenum vote.")
    outcome: DecisionOutcome | None = keep("What was decided.")
    date: str | None = keep("When it was taken. " + DATE)
    protocol_number: str | None = keep("The protocol number.")
    protocol_item: str | None = keep("The protocol item.")
    summary: str | None = keep("In your own words.")
    full_text: str | None = keep("The decision's text.")
    archival_reference: str | None = keep("Where it is recorded, as printed; null removes it.")
    special_file: bool | None = keep("Recorded in the special file.")
    needs_review: bool | None = keep("Flag it to check.")


@strawberry.input(description="The counts of a vote where no names survive.")
class TallyInput:
    votes_for: int | None = strawberry.field(default=None, description="The count for.")
    votes_against: int | None = strawberry.field(default=None, description="The count against.")
    abstentions: int | None = strawberry.field(default=None, description="Abstentions.")
    unanimous: bool = strawberry.field(default=False, description="Recorded as unanimous.")
    verbatim: str | None = strawberry.field(default=None, description="The tally as worded.")
    note: str | None = strawberry.field(default=None, description="Anything doubtful about it.")


@strawberry.input(description="One member's recorded position on one decision.")
class RecordVoteInput:
    decision: strawberry.ID = strawberry.field(description="The Decision voted on.")
    person: strawberry.ID = strawberry.field(description="The Person who voted.")
    position: VotePosition = strawberry.field(description="For, against, abstained or agreed.")
    recorded_in: VoteRecordedIn = strawberry.field(description="Where the vote is recorded.")
    source_document: strawberry.ID | None = strawberry.field(
        default=None, description="The Document that records the vote."
    )
    name_as_printed: str | None = strawberry.field(default=None, description="The name as printed.")
    note: str | None = strawberry.field(default=None, description="Anything doubtful about it.")


@strawberry.input(description="Changes to a vote; what is left out stays as it is.")
class UpdateVoteInput:
    position: VotePosition | None = keep("For, against, abstained or agreed.")
    recorded_in: VoteRecordedIn | None = keep("Where the vote is recorded.")
    source_document: strawberry.ID | None = keep("The Document that records the vote.")
    name_as_printed: str | None = keep("The name as printed.")
    note: str | None = keep("Anything doubtful about it.")


# --- events ---------------------------------------------------------------------------------


@strawberry.input(description="A person's part in an event.")
class ParticipantInput:
    person: strawberry.ID = strawberry.field(description="The Person.")
    role: str = strawberry.field(description="Their part: defendant, chair, victim, traveller …")


@strawberry.input(description="A new event.")
class CreateEventInput:
    type: EventType = strawberry.field(description="What kind of event.")
    title: str = strawberry.field(description="The event's name.")
    date: str | None = strawberry.field(default=None, description="When it happened. " + DATE)
    places: list[str] = listed("Where it happened.")
    description: str | None = strawberry.field(default=None, description="What happened.")
    participants: list[ParticipantInput] = listed("Who took part, and how.")


@strawberry.input(description="Changes to an event; what is left out stays as it is.")
class UpdateEventInput:
    type: EventType | None = keep("What kind of event.")
    title: str | None = keep("The event's name.")
    date: str | None = keep("When it happened. " + DATE)
    places: list[str] | None = keep("Where it happened (replaces all).")
    description: str | None = keep("What happened.")
    participants: list[ParticipantInput] | None = keep("Who took part (replaces all).")


# --- relations ------------------------------------------------------------------------------


@strawberry.input(description="Who asserts a link, and where.")
class ProvenanceInput:
    publication: PublicationInput | None = strawberry.field(default=None, description="The publication that states it.")
    locator: str | None = strawberry.field(default=None, description="Where in it: e.g. `footnote 2 to document 1`.")
    summary: str | None = strawberry.field(default=None, description="What the source asserts, in your own words.")


@strawberry.input(description="A sourced link from one record to another.")
class AddRelationInput:
    type: RelationType = strawberry.field(description="How the source relates to the target.")
    source: strawberry.ID = strawberry.field(description="The record the link starts from.")
    target: strawberry.ID = strawberry.field(description="The record the link points to.")
    certainty: Certainty = strawberry.field(default=Certainty.CERTAIN, description="How sure the assertion is.")
    provenance: ProvenanceInput | None = strawberry.field(default=None, description="Who asserts it, and where.")
    note: str | None = strawberry.field(default=None, description="An editor's note on the link.")


# --- arguments every record's mutations take ------------------------------------------------

RecordId = Annotated[strawberry.ID, strawberry.argument(description="The record's global id.")]
ExpectedVersion = Annotated[
    int,
    strawberry.argument(
        description="The version you last read; the change is refused with CONFLICT "
        "if someone has changed the record since."
    ),
]
DeleteVersion = Annotated[
    int | None,
    strawberry.argument(
        description="The version you last read; if given, the deletion is refused with "
        "CONFLICT when the record has changed since."
    ),
]
