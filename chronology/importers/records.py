"""Plain records that parsers produce and the loader writes: no database here."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from chronology.archives.reference import ArchivalReference
from chronology.dates.fuzzy import FuzzyDate


class PartyRole(StrEnum):
    """How a person or body takes part in a document."""

    AUTHOR = "author"
    RECIPIENT = "recipient"
    INTERMEDIARY = "intermediary"


@dataclass(frozen=True)
class Party:
    """A person or body named in a document's header, as printed."""

    name: str
    role: PartyRole
    position: int
    is_body: bool = False


@dataclass(frozen=True)
class Copy:
    """One surviving witness of a document: where it is kept and in what form."""

    reference: ArchivalReference
    form: str  # e.g. "original, typescript", "autograph", "certified typewritten copy"
    note: str | None = None  # e.g. "signatures are autographs"


@dataclass(frozen=True)
class Transmission:
    """The facts of sending and receiving a letter or telegram."""

    sent: str | None = None  # verbatim, "From Moscow 17/VIII - 36 at 21 o'clock. 52 min."
    sent_date: FuzzyDate | None = None
    sent_time: str | None = None  # "21:52"
    received: str | None = None  # verbatim "Entered the Central Committee ... 15–55."
    received_date: FuzzyDate | None = None
    received_time: str | None = None
    incoming_number: str | None = None  # "37/sh"
    outgoing_number: str | None = None  # "HP 2"
    secretary_number: str | None = None  # "No. 3"


@dataclass(frozen=True)
class Annotation:
    """Something written on the document: a resolution, mark, tape or crossing-out."""

    kind: str  # a chronology.models.vocabulary.AnnotationKind value
    text: str
    author: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Footnote:
    """An edition's numbered note and where its marker stands."""

    number: int
    text: str
    line: int


@dataclass(frozen=True)
class Edition:
    """A publication that prints the document, and where in it."""

    title: str
    editors: str | None = None
    year: int | None = None
    document_number: str | None = None
    pages: str | None = None
    language: str = "en"
    text: str | None = None  # the edition's translation of the document


@dataclass
class Document:
    """One archival document as an edition presents it."""

    key: str  # natural key inside the parsed file, stable across re-parses
    kind: str  # a chronology.models.vocabulary.DocumentKind value
    title: str
    date: FuzzyDate | None
    line: int
    parties: list[Party] = field(default_factory=list)
    copies: list[Copy] = field(default_factory=list)
    transmission: Transmission | None = None
    place: str | None = None
    classification: str | None = None
    body: str = ""
    signatures: list[str] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    edition: Edition | None = None
    protocol_number: str | None = None
    protocol_item: str | None = None
    # Where an edition took the text from print and names no archive: the printed source,
    # e.g. "Izvestiia TsK KPSS, no. 8, 1989, 95-115".
    published_source: str | None = None
    summary: str | None = None  # our own words, for a document the edition does not print
    needs_review: bool = False  # something about the record itself is doubtful (e.g. no date)


@dataclass(frozen=True)
class Tally:
    """The counts of a vote as one source states them, where names do not survive."""

    source: str  # locator, e.g. "road-to-terror-ocr.txt: document 41"
    line: int
    verbatim: str  # the questions and answers as printed, e.g. "Who is against? None"
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    unanimous: bool = False
    note: str | None = None  # what is doubtful: an answer in words, several votes in one record
    source_document_key: str | None = None


@dataclass
class Decision:
    """A decision stated by an edition, usually in a footnote."""

    key: str
    body: str  # "Politburo", "Central Committee", ...
    date: FuzzyDate | None
    procedure: str  # meeting | poll | plenum_vote
    outcome: str  # approved | approved_with_changes | rejected | postponed | referred
    title: str
    line: int
    reference: ArchivalReference | None = None
    protocol_number: str | None = None
    protocol_item: str | None = None
    special_file: bool = False
    summary: str | None = None
    # One per source that states counts; two versions of a record may disagree.
    tallies: list[Tally] = field(default_factory=list)


@dataclass(frozen=True)
class Vote:
    """One member's recorded position on one decision."""

    decision_key: str
    person: str  # the name as printed
    position: str  # for | against | abstained | agreed
    recorded_in: str  # cipher_marks | secretary_note | own_telegram | minutes
    line: int
    source_document_key: str | None = None


@dataclass(frozen=True)
class Link:
    """A typed assertion that one record relates to another, with its source."""

    type: str  # a chronology.models.vocabulary.RelationType value
    source_key: str
    target_key: str
    certainty: str  # certain | probable | possible
    provenance: str  # locator, e.g. "footnote 2 to the telegram of 15 January 1936"
    summary: str  # our own wording of what the footnote asserts
    line: int


@dataclass(frozen=True)
class ReviewItem:
    """Something a human should check: a misprint, a doubtful reading, an unknown name."""

    line: int
    reason: str
    verbatim: str
    suggestion: str | None = None
    record: str | None = None  # the parser key of the record concerned, when there is one
    kind: str | None = None  # a chronology.models.review kind; None lets the writer tell it from the reason


@dataclass(frozen=True)
class Unparsed:
    """A segment of the source that no rule understood."""

    line: int
    text: str
    reason: str


@dataclass
class ParsedSource:
    """Everything a parser read from one file."""

    format: str
    documents: list[Document] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)
    unparsed: list[Unparsed] = field(default_factory=list)
