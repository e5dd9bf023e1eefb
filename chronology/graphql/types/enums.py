"""The vocabularies of the model as GraphQL enums, every value described for historians."""

from __future__ import annotations

from enum import Enum
import strawberry


@strawberry.enum(description="What sort of archival object a document is.")
class DocumentKind(Enum):
    LETTER = strawberry.enum_value("letter", description="A letter, handwritten or typed.")
    CIPHER_TELEGRAM = strawberry.enum_value(
        "cipher_telegram", description="A telegram sent in cipher (`Encryption.`, `Cipher.`)."
    )
    TELEGRAM = strawberry.enum_value("telegram", description="A telegram sent en clair.")
    TICKER_TAPE = strawberry.enum_value(
        "ticker_tape", description="A message sent by teleprinter and kept as pasted tape."
    )
    MEMORANDUM = strawberry.enum_value(
        "memorandum", description="A memorandum or report note (zapiska)."
    )
    PROTOCOL_EXTRACT = strawberry.enum_value(
        "protocol_extract", description="An extract from the protocol of a meeting of a body."
    )
    DECREE = strawberry.enum_value(
        "decree", description="A decree (postanovlenie) of a party or state body."
    )
    RESOLUTION = strawberry.enum_value("resolution", description="A resolution adopted by a body.")
    CIRCULAR = strawberry.enum_value(
        "circular", description="A circular letter sent down to subordinate bodies."
    )
    ORDER = strawberry.enum_value(
        "order", description="An order (prikaz) of a commissariat, e.g. of the NKVD."
    )
    SPEECH = strawberry.enum_value(
        "speech", description="A speech, e.g. at a Central Committee plenum."
    )
    REPORT = strawberry.enum_value("report", description="A report (doklad, svodka).")
    NOTE = strawberry.enum_value("note", description="A short note, including a suicide note.")
    ARTICLE = strawberry.enum_value(
        "article", description="A newspaper article or published announcement."
    )
    TRANSCRIPT = strawberry.enum_value("transcript", description="A stenographic transcript.")
    OTHER = strawberry.enum_value("other", description="Any other kind of document.")


@strawberry.enum(description="How a person or body takes part in a document.")
class PartyRole(Enum):
    AUTHOR = strawberry.enum_value(
        "author", description="Wrote or signed the document (authors are ordered as printed)."
    )
    RECIPIENT = strawberry.enum_value("recipient", description="The document is addressed to them.")
    INTERMEDIARY = strawberry.enum_value(
        "intermediary",
        description="Passed the document on (a secretary, a bodyguard, a cipher clerk).",
    )


@strawberry.enum(description="The physical form of a surviving copy of a document.")
class CopyForm(Enum):
    ORIGINAL = strawberry.enum_value("original", description="The original (podlinnik).")
    AUTOGRAPH = strawberry.enum_value("autograph", description="Written in the author's own hand.")
    TYPESCRIPT = strawberry.enum_value("typescript", description="Typed.")
    TICKER_TAPE = strawberry.enum_value("ticker_tape", description="Teleprinter tape.")
    CERTIFIED_TYPEWRITTEN_COPY = strawberry.enum_value(
        "certified_typewritten_copy", description="A typed copy certified as true."
    )
    TYPEWRITTEN_COPY = strawberry.enum_value("typewritten_copy", description="A typed copy.")
    DRAFT_WITH_CORRECTIONS = strawberry.enum_value(
        "draft_with_corrections", description="A draft bearing corrections."
    )
    HANDWRITTEN = strawberry.enum_value(
        "handwritten", description="Handwritten, not necessarily by the author."
    )
    UNKNOWN = strawberry.enum_value("unknown", description="The edition does not say.")


@strawberry.enum(description="What was written on a document.")
class AnnotationKind(Enum):
    MARGINALIA = strawberry.enum_value("marginalia", description="A note in the margin.")
    RESOLUTION = strawberry.enum_value(
        "resolution",
        description="A resolution written on the document (e.g. Stalin's in red pencil).",
    )
    CROSSED_OUT = strawberry.enum_value("crossed_out", description="A phrase crossed out.")
    SECRETARY_MARK = strawberry.enum_value(
        "secretary_mark", description="A secretary's mark: a number, a date, 'to the file'."
    )
    TELEGRAPH_TAPE = strawberry.enum_value(
        "telegraph_tape", description="A telegraph tape pasted on, recording transmission."
    )
    EDITORIAL_NOTE = strawberry.enum_value(
        "editorial_note", description="A note the edition's editors set in the text."
    )


@strawberry.enum(description="How a body reached a decision.")
class DecisionProcedure(Enum):
    MEETING = strawberry.enum_value(
        "meeting", description="At a meeting, recorded as an item in a numbered protocol."
    )
    POLL = strawberry.enum_value(
        "poll", description="By poll of the members (oprosom), who voted in writing."
    )
    PLENUM_VOTE = strawberry.enum_value(
        "plenum_vote", description="By a vote at a Central Committee plenum."
    )


@strawberry.enum(description="What the body decided.")
class DecisionOutcome(Enum):
    APPROVED = strawberry.enum_value("approved", description="Approved as proposed.")
    APPROVED_WITH_CHANGES = strawberry.enum_value(
        "approved_with_changes", description="Approved with changes."
    )
    REJECTED = strawberry.enum_value("rejected", description="Rejected.")
    POSTPONED = strawberry.enum_value("postponed", description="Postponed.")
    REFERRED = strawberry.enum_value(
        "referred", description="Referred to another body or commission."
    )


@strawberry.enum(description="One member's recorded position.")
class VotePosition(Enum):
    FOR = strawberry.enum_value("for", description="Voted for.")
    AGAINST = strawberry.enum_value("against", description="Voted against.")
    ABSTAINED = strawberry.enum_value("abstained", description="Abstained.")
    AGREED = strawberry.enum_value(
        "agreed", description="Recorded as agreeing ('soglasen'), e.g. in a secretary's note."
    )


@strawberry.enum(description="Where a vote is recorded.")
class VoteRecordedIn(Enum):
    CIPHER_MARKS = strawberry.enum_value(
        "cipher_marks", description="In the vote marks on the cipher telegram."
    )
    SECRETARY_NOTE = strawberry.enum_value(
        "secretary_note", description="In a note by the Politburo's secretary."
    )
    OWN_TELEGRAM = strawberry.enum_value(
        "own_telegram", description="In the member's own telegram (`I vote yes`)."
    )
    MINUTES = strawberry.enum_value("minutes", description="In the minutes of the meeting.")


@strawberry.enum(description="What kind of thing happened.")
class EventType(Enum):
    TRIAL = strawberry.enum_value("trial", description="A trial.")
    PLENUM = strawberry.enum_value("plenum", description="A plenum of the Central Committee.")
    CONGRESS = strawberry.enum_value("congress", description="A party or Soviet congress.")
    CONFERENCE = strawberry.enum_value("conference", description="A conference.")
    MEETING = strawberry.enum_value("meeting", description="A meeting.")
    APPOINTMENT = strawberry.enum_value("appointment", description="An appointment to a post.")
    DISMISSAL = strawberry.enum_value("dismissal", description="A removal from a post.")
    ARREST = strawberry.enum_value("arrest", description="An arrest.")
    EXECUTION = strawberry.enum_value("execution", description="An execution.")
    DEATH = strawberry.enum_value("death", description="A death.")
    ASSASSINATION = strawberry.enum_value("assassination", description="An assassination.")
    SUICIDE = strawberry.enum_value("suicide", description="A suicide.")
    JOURNEY = strawberry.enum_value("journey", description="A journey or inspection tour.")
    VACATION = strawberry.enum_value("vacation", description="A vacation away from Moscow.")
    CAMPAIGN = strawberry.enum_value("campaign", description="A campaign.")
    OTHER = strawberry.enum_value("other", description="Anything else.")


@strawberry.enum(
    description="How one record relates to another; the link runs from source to target."
)
class RelationType(Enum):
    REPLIES_TO = strawberry.enum_value(
        "replies_to", description="The source answers the target (Stalin's reply to a letter)."
    )
    PROPOSES = strawberry.enum_value(
        "proposes", description="The source proposes the target decision."
    )
    VOTE_ON = strawberry.enum_value(
        "vote_on", description="The source vote was cast on the target decision."
    )
    DECIDED_BY = strawberry.enum_value(
        "decided_by",
        description="The question raised in the source was decided by the target decision.",
    )
    FORMALISED_AS = strawberry.enum_value(
        "formalised_as",
        description="The source decision was formalised as the target decree or resolution.",
    )
    IMPLEMENTS = strawberry.enum_value(
        "implements", description="The source (an order, a circular) implements the target."
    )
    PUBLISHED_AS = strawberry.enum_value(
        "published_as",
        description="The source was published as the target (e.g. a Pravda article).",
    )
    MENTIONS = strawberry.enum_value("mentions", description="The source mentions the target.")
    ENCLOSES = strawberry.enum_value(
        "encloses", description="The source encloses the target (a draft sent with a letter)."
    )
    SUPERSEDES = strawberry.enum_value("supersedes", description="The source replaces the target.")
    VERSION_OF = strawberry.enum_value(
        "version_of", description="The source is another version of the target."
    )
    PART_OF = strawberry.enum_value(
        "part_of", description="The source is part of the target (a speech of a plenum)."
    )


@strawberry.enum(description="How sure the source, or the editor who made the link, is of it.")
class Certainty(Enum):
    CERTAIN = strawberry.enum_value("certain", description="The source states it outright.")
    PROBABLE = strawberry.enum_value(
        "probable", description="Inferred with good grounds (e.g. matched by date and subject)."
    )
    POSSIBLE = strawberry.enum_value("possible", description="A possibility worth recording.")


@strawberry.enum(description="How finely a historical date is known.")
class DatePrecision(Enum):
    DAY = strawberry.enum_value("day", description="To the day.")
    MONTH = strawberry.enum_value("month", description="To the month.")
    SEASON = strawberry.enum_value("season", description="To the season.")
    YEAR = strawberry.enum_value("year", description="To the year.")
    DECADE = strawberry.enum_value("decade", description="To the decade.")


@strawberry.enum(description="Where a body sits in the party and the state.")
class BodyKind(Enum):
    PARTY_ORGAN = strawberry.enum_value(
        "party_organ",
        description="An organ of the party: Politburo, Orgburo, Secretariat, Central Committee.",
    )
    STATE_ORGAN = strawberry.enum_value(
        "state_organ",
        description="An organ of the state: Council of People's Commissars, Central Executive Committee.",
    )
    COMMISSARIAT = strawberry.enum_value(
        "commissariat", description="A people's commissariat (ministry), e.g. the NKVD."
    )
    COURT = strawberry.enum_value(
        "court", description="A court, e.g. the Military Collegium of the Supreme Court."
    )
    REGIONAL_COMMITTEE = strawberry.enum_value(
        "regional_committee", description="A regional or republican party committee."
    )
    OTHER = strawberry.enum_value("other", description="Any other body.")


@strawberry.enum(description="A person's standing in a body.")
class MembershipRole(Enum):
    MEMBER = strawberry.enum_value("member", description="Full member.")
    CANDIDATE = strawberry.enum_value("candidate", description="Candidate (non-voting) member.")
    SECRETARY = strawberry.enum_value("secretary", description="Secretary.")
    CHAIR = strawberry.enum_value("chair", description="Chair.")


@strawberry.enum(description="Why a person's name appears in another form.")
class NameVariantKind(Enum):
    CANONICAL = strawberry.enum_value(
        "canonical", description="The canonical form this service uses."
    )
    TRANSLITERATION = strawberry.enum_value(
        "transliteration", description="Another transliteration from Cyrillic (Ezhov for Yezhov)."
    )
    SPELLING = strawberry.enum_value("spelling", description="Another spelling found in a source.")
    OCR_ERROR = strawberry.enum_value("ocr_error", description="A misreading by OCR (Yezhav).")
    PARTY_NAME = strawberry.enum_value(
        "party_name", description="A party name or pseudonym (Sergo)."
    )
    INITIALS = strawberry.enum_value(
        "initials", description="A form with initials (L. M. Kaganovich)."
    )
    SHORT = strawberry.enum_value("short", description="The surname alone.")
    BIRTH_NAME = strawberry.enum_value(
        "birth_name", description="The name at birth, before a party name: Dzhugashvili."
    )


@strawberry.enum(description="A style of archival citation.")
class CitationStyle(Enum):
    CHICAGO = strawberry.enum_value(
        "chicago", description="Chicago: `RGASPI, f. 558, op. 11, d. 93, ll. 42–46`."
    )
    GOST = strawberry.enum_value(
        "gost", description="GOST, the Russian standard: `RGASPI. F. 558. Op. 11. D. 93. L. 42–46.`"
    )


@strawberry.enum(description="How a record's fuzzy date must relate to a window of time.")
class DateMatch(Enum):
    OVERLAPS = strawberry.enum_value(
        "overlaps",
        description="Some day the record may fall on (or, for a period, lasted) lies in the window.",
    )
    CERTAINLY_WITHIN = strawberry.enum_value(
        "certainly_within", description="Every day the record may fall on lies in the window."
    )
    POSSIBLY_WITHIN = strawberry.enum_value(
        "possibly_within",
        description=(
            "The record may fall in the window but may also fall outside it: it overlaps the "
            "window without lying certainly within it (the doubtful fringe)."
        ),
    )
