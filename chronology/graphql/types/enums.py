"""The vocabularies of the model as GraphQL enums, every value described for historians."""

from __future__ import annotations

from enum import Enum

import strawberry


def describe(enum: type[Enum], descriptions: dict[str, str]) -> None:
    """Attach a description to every value of a strawberry enum (the SDL shows them)."""
    definition = enum.__strawberry_definition__  # type: ignore[attr-defined]
    assert {value.name for value in definition.values} == set(descriptions), enum.__name__
    for value in definition.values:
        value.description = descriptions[value.name]


@strawberry.enum(description="What sort of archival object a document is.")
class DocumentKind(Enum):
    LETTER = "letter"
    CIPHER_TELEGRAM = "cipher_telegram"
    TELEGRAM = "telegram"
    TICKER_TAPE = "ticker_tape"
    MEMORANDUM = "memorandum"
    PROTOCOL_EXTRACT = "protocol_extract"
    DECREE = "decree"
    RESOLUTION = "resolution"
    CIRCULAR = "circular"
    ORDER = "order"
    SPEECH = "speech"
    REPORT = "report"
    NOTE = "note"
    ARTICLE = "article"
    TRANSCRIPT = "transcript"
    OTHER = "other"


describe(
    DocumentKind,
    {
        "LETTER": "A letter, handwritten or typed.",
        "CIPHER_TELEGRAM": "A telegram sent in cipher (`Encryption.`, `Cipher.`).",
        "TELEGRAM": "A telegram sent en clair.",
        "TICKER_TAPE": "A message sent by teleprinter and kept as pasted tape.",
        "MEMORANDUM": "A memorandum or report note (zapiska).",
        "PROTOCOL_EXTRACT": "An extract from the protocol of a meeting of a body.",
        "DECREE": "A decree (postanovlenie) of a party or state body.",
        "RESOLUTION": "A resolution adopted by a body.",
        "CIRCULAR": "A circular letter sent down to subordinate bodies.",
        "ORDER": "An order (prikaz) of a commissariat, e.g. of the NKVD.",
        "SPEECH": "A speech, e.g. at a Central Committee plenum.",
        "REPORT": "A report (doklad, svodka).",
        "NOTE": "A short note, including a suicide note.",
        "ARTICLE": "A newspaper article or published announcement.",
        "TRANSCRIPT": "A stenographic transcript.",
        "OTHER": "Any other kind of document.",
    },
)


@strawberry.enum(description="How a person or body takes part in a document.")
class PartyRole(Enum):
    AUTHOR = "author"
    RECIPIENT = "recipient"
    INTERMEDIARY = "intermediary"


describe(
    PartyRole,
    {
        "AUTHOR": "Wrote or signed the document (authors are ordered as printed).",
        "RECIPIENT": "The document is addressed to them.",
        "INTERMEDIARY": "Passed the document on (a secretary, a bodyguard, a cipher clerk).",
    },
)


@strawberry.enum(description="The physical form of a surviving copy of a document.")
class CopyForm(Enum):
    ORIGINAL = "original"
    AUTOGRAPH = "autograph"
    TYPESCRIPT = "typescript"
    TICKER_TAPE = "ticker_tape"
    CERTIFIED_TYPEWRITTEN_COPY = "certified_typewritten_copy"
    TYPEWRITTEN_COPY = "typewritten_copy"
    DRAFT_WITH_CORRECTIONS = "draft_with_corrections"
    HANDWRITTEN = "handwritten"
    UNKNOWN = "unknown"


describe(
    CopyForm,
    {
        "ORIGINAL": "The original (podlinnik).",
        "AUTOGRAPH": "Written in the author's own hand.",
        "TYPESCRIPT": "Typed.",
        "TICKER_TAPE": "Teleprinter tape.",
        "CERTIFIED_TYPEWRITTEN_COPY": "A typed copy certified as true.",
        "TYPEWRITTEN_COPY": "A typed copy.",
        "DRAFT_WITH_CORRECTIONS": "A draft bearing corrections.",
        "HANDWRITTEN": "Handwritten, not necessarily by the author.",
        "UNKNOWN": "The edition does not say.",
    },
)


@strawberry.enum(description="What was written on a document.")
class AnnotationKind(Enum):
    MARGINALIA = "marginalia"
    RESOLUTION = "resolution"
    CROSSED_OUT = "crossed_out"
    SECRETARY_MARK = "secretary_mark"
    TELEGRAPH_TAPE = "telegraph_tape"
    EDITORIAL_NOTE = "editorial_note"


describe(
    AnnotationKind,
    {
        "MARGINALIA": "A note in the margin.",
        "RESOLUTION": "A resolution written on the document (e.g. Stalin's in red pencil).",
        "CROSSED_OUT": "A phrase crossed out.",
        "SECRETARY_MARK": "A secretary's mark: a number, a date, 'to the file'.",
        "TELEGRAPH_TAPE": "A telegraph tape pasted on, recording transmission.",
        "EDITORIAL_NOTE": "A note the edition's editors set in the text.",
    },
)


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


@strawberry.enum(description="How finely a historical date is known.")
class DatePrecision(Enum):
    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"


describe(
    DatePrecision,
    {
        "DAY": "To the day.",
        "MONTH": "To the month.",
        "SEASON": "To the season.",
        "YEAR": "To the year.",
        "DECADE": "To the decade.",
    },
)


@strawberry.enum(description="Where a body sits in the party and the state.")
class BodyKind(Enum):
    PARTY_ORGAN = "party_organ"
    STATE_ORGAN = "state_organ"
    COMMISSARIAT = "commissariat"
    COURT = "court"
    REGIONAL_COMMITTEE = "regional_committee"
    OTHER = "other"


describe(
    BodyKind,
    {
        "PARTY_ORGAN": "An organ of the party: Politburo, Orgburo, Secretariat, Central Committee.",
        "STATE_ORGAN": "An organ of the state: Council of People's Commissars, Central Executive Committee.",
        "COMMISSARIAT": "A people's commissariat (ministry), e.g. the NKVD.",
        "COURT": "A court, e.g. the Military Collegium of the Supreme Court.",
        "REGIONAL_COMMITTEE": "A regional or republican party committee.",
        "OTHER": "Any other body.",
    },
)


@strawberry.enum(description="A person's standing in a body.")
class MembershipRole(Enum):
    MEMBER = "member"
    CANDIDATE = "candidate"
    SECRETARY = "secretary"
    CHAIR = "chair"


describe(
    MembershipRole,
    {
        "MEMBER": "Full member.",
        "CANDIDATE": "Candidate (non-voting) member.",
        "SECRETARY": "Secretary.",
        "CHAIR": "Chair.",
    },
)


@strawberry.enum(description="Why a person's name appears in another form.")
class NameVariantKind(Enum):
    CANONICAL = "canonical"
    TRANSLITERATION = "transliteration"
    SPELLING = "spelling"
    OCR_ERROR = "ocr_error"
    PARTY_NAME = "party_name"
    INITIALS = "initials"
    SHORT = "short"
    BIRTH_NAME = "birth_name"


describe(
    NameVariantKind,
    {
        "CANONICAL": "The canonical form this service uses.",
        "TRANSLITERATION": "Another transliteration from Cyrillic (Ezhov for Yezhov).",
        "SPELLING": "Another spelling found in a source.",
        "OCR_ERROR": "A misreading by OCR (Yezhav).",
        "PARTY_NAME": "A party name or pseudonym (Sergo).",
        "INITIALS": "A form with initials (L. M. Kaganovich).",
        "SHORT": "The surname alone.",
        "BIRTH_NAME": "The name at birth, before a party name: Dzhugashvili.",
    },
)


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


@strawberry.enum(description="How a record's fuzzy date must relate to a window of time.")
class DateMatch(Enum):
    OVERLAPS = "overlaps"
    CERTAINLY_WITHIN = "certainly_within"
    POSSIBLY_WITHIN = "possibly_within"


describe(
    DateMatch,
    {
        "OVERLAPS": "Some day the record may fall on (or, for a period, lasted) lies in the window.",
        "CERTAINLY_WITHIN": "Every day the record may fall on lies in the window.",
        "POSSIBLY_WITHIN": "The record may fall in the window but may also fall outside it: it overlaps the "
        "window without lying certainly within it (the doubtful fringe).",
    },
)
