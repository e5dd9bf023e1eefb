"""The closed vocabularies the model uses, as the database's CHECK constraints know them."""

from __future__ import annotations

from enum import StrEnum


class RecordKind(StrEnum):
    """What kind of record a global id names."""

    PERSON = "person"
    BODY = "body"
    DOCUMENT = "document"
    DECISION = "decision"
    VOTE = "vote"
    EVENT = "event"


class DatePrecision(StrEnum):
    """How finely a historical date is known."""

    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"


class NameVariantKind(StrEnum):
    """Why a person's name appears in another form."""

    CANONICAL = "canonical"
    TRANSLITERATION = "transliteration"
    SPELLING = "spelling"
    OCR_ERROR = "ocr_error"
    PARTY_NAME = "party_name"
    INITIALS = "initials"
    SHORT = "short"
    BIRTH_NAME = "birth_name"


class BodyKind(StrEnum):
    """Where a body sits in the party and state."""

    PARTY_ORGAN = "party_organ"
    STATE_ORGAN = "state_organ"
    COMMISSARIAT = "commissariat"
    COURT = "court"
    REGIONAL_COMMITTEE = "regional_committee"
    OTHER = "other"


class MembershipRole(StrEnum):
    """A person's standing in a body."""

    MEMBER = "member"
    CANDIDATE = "candidate"
    SECRETARY = "secretary"
    CHAIR = "chair"


class DocumentKind(StrEnum):
    """What sort of archival object a document is."""

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


class PartyRole(StrEnum):
    """How a person or body takes part in a document."""

    AUTHOR = "author"
    RECIPIENT = "recipient"
    INTERMEDIARY = "intermediary"


class CopyForm(StrEnum):
    """The physical form of a surviving witness."""

    ORIGINAL = "original"
    AUTOGRAPH = "autograph"
    TYPESCRIPT = "typescript"
    TICKER_TAPE = "ticker_tape"
    CERTIFIED_TYPEWRITTEN_COPY = "certified_typewritten_copy"
    TYPEWRITTEN_COPY = "typewritten_copy"
    DRAFT_WITH_CORRECTIONS = "draft_with_corrections"
    HANDWRITTEN = "handwritten"
    UNKNOWN = "unknown"


class AnnotationKind(StrEnum):
    """What was written on a document, and by whom it was put there."""

    MARGINALIA = "marginalia"
    RESOLUTION = "resolution"
    CROSSED_OUT = "crossed_out"
    SECRETARY_MARK = "secretary_mark"
    TELEGRAPH_TAPE = "telegraph_tape"
    EDITORIAL_NOTE = "editorial_note"


class DecisionProcedure(StrEnum):
    """How a body reached a decision."""

    MEETING = "meeting"
    POLL = "poll"
    PLENUM_VOTE = "plenum_vote"


class DecisionOutcome(StrEnum):
    """What a body decided."""

    APPROVED = "approved"
    APPROVED_WITH_CHANGES = "approved_with_changes"
    REJECTED = "rejected"
    POSTPONED = "postponed"
    REFERRED = "referred"


class VotePosition(StrEnum):
    """One member's recorded position."""

    FOR = "for"
    AGAINST = "against"
    ABSTAINED = "abstained"
    AGREED = "agreed"


class VoteRecordedIn(StrEnum):
    """Where a vote is recorded."""

    CIPHER_MARKS = "cipher_marks"
    SECRETARY_NOTE = "secretary_note"
    OWN_TELEGRAM = "own_telegram"
    MINUTES = "minutes"


class EventType(StrEnum):
    """What kind of thing happened."""

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


class RelationType(StrEnum):
    """The typed links between records."""

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


class Certainty(StrEnum):
    """How sure the source (or we) are of a link."""

    CERTAIN = "certain"
    PROBABLE = "probable"
    POSSIBLE = "possible"


def sql_in(values: type[StrEnum]) -> str:
    """Render an enum's values as a SQL list for a CHECK constraint."""
    return "(" + ", ".join(f"'{v.value}'" for v in values) + ")"
