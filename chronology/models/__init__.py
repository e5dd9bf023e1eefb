"""ORM models, one module per aggregate; importing this package registers every table."""

from chronology.models.archival import ArchivalReferenceRow
from chronology.models.audit import AuditEntry
from chronology.models.decisions import Decision, Tally, Vote
from chronology.models.documents import (
    Annotation,
    Copy,
    Document,
    DocumentParty,
    Edition,
    Publication,
)
from chronology.models.events import Event, EventParticipant
from chronology.models.persons import Body, Membership, NameVariant, Person
from chronology.models.records import Record
from chronology.models.relations import Relation
from chronology.models.review import ReviewItem
from chronology.models.timeline import TimelineCount
from chronology.models.tokens import ApiToken

__all__ = [
    "Annotation",
    "ApiToken",
    "ArchivalReferenceRow",
    "AuditEntry",
    "Body",
    "Copy",
    "Decision",
    "Document",
    "DocumentParty",
    "Edition",
    "Event",
    "EventParticipant",
    "Membership",
    "NameVariant",
    "Person",
    "Publication",
    "Record",
    "Relation",
    "ReviewItem",
    "Tally",
    "TimelineCount",
    "Vote",
]
