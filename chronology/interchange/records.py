"""Plain export records: what the writers see of the database, with no SQLAlchemy in sight.

Every record carries its database id; the exports' IRIs are built from it by
`interchange.links` (the record's page under the public URL), and the data package keeps it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class ExportDate:
    """A fuzzy historical date as stored: the source's words, EDTF, bounds, precision, qualifiers."""

    verbatim: str | None
    edtf: str
    lower: datetime.date
    upper: datetime.date
    precision: str
    qualifiers: tuple[str, ...] = ()

    @property
    def uncertain(self) -> bool:
        """Tell whether the source or its editors doubt the date (uncertain or approximate)."""
        return "uncertain" in self.qualifiers or "approximate" in self.qualifiers


@dataclass(frozen=True)
class ExportArchivalReference:
    """Where an archive keeps a document or a decision."""

    id: int
    repository: str | None
    repository_as_printed: str | None
    fond: str
    opis: str | None
    delo: str | None
    folios: str | None
    verbatim: str
    normalised: str
    doubtful: bool = False
    note: str | None = None
    confidence: float = 1.0


@dataclass(frozen=True)
class ExportPublication:
    """A published edition of documents."""

    id: int
    title: str
    editors: str | None = None
    publisher: str | None = None
    place: str | None = None
    year: int | None = None
    language: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class ExportParty:
    """An author, recipient or intermediary: a person or a body, with the name to show."""

    role: str
    position: int
    person_id: int | None
    body_id: int | None
    name: str  # the person's canonical name or the body's name
    sort_name: str | None = None  # "Family, Given" for persons
    wikidata_qid: str | None = None
    name_as_printed: str | None = None
    authority_key: str | None = None  # the person's or body's key in the authority lists


@dataclass(frozen=True)
class ExportCopy:
    """A surviving witness of a document and its archival reference."""

    position: int
    reference: ExportArchivalReference
    forms: tuple[str, ...] = ()
    form_verbatim: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class ExportEdition:
    """A document as one publication prints it."""

    publication: ExportPublication
    document_number: str | None = None
    pages: str | None = None
    translation_text: str | None = None


@dataclass(frozen=True)
class ExportAnnotation:
    """Something written on a document."""

    kind: str
    text: str
    author_person_id: int | None = None
    author_as_printed: str | None = None
    locator: str | None = None


@dataclass(frozen=True)
class ExportTransmission:
    """When a document was sent or received, as the telegraph marks say."""

    verbatim: str | None = None
    edtf: str | None = None
    lower: datetime.date | None = None
    upper: datetime.date | None = None
    time: str | None = None

    @property
    def empty(self) -> bool:
        """Tell whether nothing is known of this transmission."""
        return all(v is None for v in (self.verbatim, self.edtf, self.lower, self.upper, self.time))


@dataclass(frozen=True)
class ExportDocument:
    """One archival document with its parties, copies, editions and annotations."""

    id: int
    kind: str
    title: str
    date: ExportDate | None = None
    natural_key: str | None = None
    place: str | None = None
    classification: str | None = None
    language: str | None = None
    summary: str | None = None
    full_text: str | None = None
    sent: ExportTransmission = field(default_factory=ExportTransmission)
    received: ExportTransmission = field(default_factory=ExportTransmission)
    incoming_number: str | None = None
    outgoing_number: str | None = None
    secretary_number: str | None = None
    protocol_number: str | None = None
    protocol_item: str | None = None
    needs_review: bool = False
    parties: tuple[ExportParty, ...] = ()
    copies: tuple[ExportCopy, ...] = ()
    editions: tuple[ExportEdition, ...] = ()
    annotations: tuple[ExportAnnotation, ...] = ()

    def parties_in(self, role: str) -> tuple[ExportParty, ...]:
        """Return the parties of one role in their order."""
        return tuple(p for p in self.parties if p.role == role)


@dataclass(frozen=True)
class ExportNameVariant:
    """A form of a person's name."""

    name: str
    kind: str
    note: str | None = None


@dataclass(frozen=True)
class ExportPerson:
    """One historical person and the forms of their name."""

    id: int
    canonical_name: str
    sort_name: str
    authority_key: str | None = None
    short_name: str | None = None
    wikidata_qid: str | None = None
    viaf_id: str | None = None
    born_edtf: str | None = None
    born_lower: datetime.date | None = None
    born_upper: datetime.date | None = None
    died_edtf: str | None = None
    died_lower: datetime.date | None = None
    died_upper: datetime.date | None = None
    note: str | None = None
    needs_review: bool = False
    variants: tuple[ExportNameVariant, ...] = ()


@dataclass(frozen=True)
class ExportBody:
    """A party or state body."""

    id: int
    name: str
    kind: str
    authority_key: str | None = None
    short_name: str | None = None
    variants: tuple[str, ...] = ()
    parent_id: int | None = None
    description: str | None = None


@dataclass(frozen=True)
class ExportTally:
    """The counts of a vote where no names survive."""

    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    unanimous: bool = False
    verbatim: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class ExportDecision:
    """What a body decided, with its archival reference and surviving tally."""

    id: int
    body_id: int
    body_name: str
    procedure: str
    title: str
    outcome: str
    date: ExportDate | None = None
    natural_key: str | None = None
    protocol_number: str | None = None
    protocol_item: str | None = None
    summary: str | None = None
    full_text: str | None = None
    reference: ExportArchivalReference | None = None
    special_file: bool = False
    needs_review: bool = False
    tally: ExportTally | None = None


@dataclass(frozen=True)
class ExportVote:
    """One member's recorded position on one decision."""

    id: int
    decision_id: int
    person_id: int
    position: str
    recorded_in: str
    source_document_id: int | None = None
    name_as_printed: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class ExportParticipant:
    """A person's part in an event."""

    person_id: int
    role: str


@dataclass(frozen=True)
class ExportEvent:
    """Something that happened over a (fuzzy) span of time."""

    id: int
    type: str
    title: str
    date: ExportDate | None = None
    natural_key: str | None = None
    places: tuple[str, ...] = ()
    description: str | None = None
    participants: tuple[ExportParticipant, ...] = ()


@dataclass(frozen=True)
class ExportRelation:
    """A typed, sourced link between two exported records."""

    id: int
    type: str
    source_id: int
    source_kind: str
    target_id: int
    target_kind: str
    certainty: str
    provenance_publication_id: int | None = None
    provenance_locator: str | None = None
    provenance_summary: str | None = None
    note: str | None = None


class ExportSource(Protocol):
    """The records of one export; each method may be called again and starts afresh.

    Writers call a section more than once when a format needs several passes (a data
    package writes one CSV per record type); each call streams, so memory stays flat.
    """

    def documents(self) -> Iterator[ExportDocument]:
        """Yield the chosen documents, by date then id."""
        ...

    def persons(self) -> Iterator[ExportPerson]:
        """Yield the persons the exported records name, by sort name then id."""
        ...

    def bodies(self) -> Iterator[ExportBody]:
        """Yield the bodies the exported records name, by name then id."""
        ...

    def decisions(self) -> Iterator[ExportDecision]:
        """Yield the decisions linked to the documents, by date then id."""
        ...

    def votes(self) -> Iterator[ExportVote]:
        """Yield the votes on the exported decisions, by decision then id."""
        ...

    def events(self) -> Iterator[ExportEvent]:
        """Yield the events linked to the documents, by date then id."""
        ...

    def relations(self) -> Iterator[ExportRelation]:
        """Yield the relations between exported records, by id."""
        ...

    def publications(self) -> Iterator[ExportPublication]:
        """Yield the publications the exported records cite, by id."""
        ...

    def archival_references(self) -> Iterator[ExportArchivalReference]:
        """Yield the archival references of the exported copies and decisions, by id."""
        ...


@dataclass(frozen=True)
class ExportSet:
    """An export held in memory: for tests, and for small sets read back from a file."""

    document_list: tuple[ExportDocument, ...] = ()
    person_list: tuple[ExportPerson, ...] = ()
    body_list: tuple[ExportBody, ...] = ()
    decision_list: tuple[ExportDecision, ...] = ()
    vote_list: tuple[ExportVote, ...] = ()
    event_list: tuple[ExportEvent, ...] = ()
    relation_list: tuple[ExportRelation, ...] = ()
    publication_list: tuple[ExportPublication, ...] = ()
    reference_list: tuple[ExportArchivalReference, ...] = ()

    def documents(self) -> Iterator[ExportDocument]:
        """Yield the documents."""
        return iter(self.document_list)

    def persons(self) -> Iterator[ExportPerson]:
        """Yield the persons."""
        return iter(self.person_list)

    def bodies(self) -> Iterator[ExportBody]:
        """Yield the bodies."""
        return iter(self.body_list)

    def decisions(self) -> Iterator[ExportDecision]:
        """Yield the decisions."""
        return iter(self.decision_list)

    def votes(self) -> Iterator[ExportVote]:
        """Yield the votes."""
        return iter(self.vote_list)

    def events(self) -> Iterator[ExportEvent]:
        """Yield the events."""
        return iter(self.event_list)

    def relations(self) -> Iterator[ExportRelation]:
        """Yield the relations."""
        return iter(self.relation_list)

    def publications(self) -> Iterator[ExportPublication]:
        """Yield the publications."""
        return iter(self.publication_list)

    def archival_references(self) -> Iterator[ExportArchivalReference]:
        """Yield the archival references."""
        return iter(self.reference_list)
