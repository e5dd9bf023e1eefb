"""The GraphQL enums say exactly what the database's vocabularies allow."""

from __future__ import annotations

from enum import Enum

import pytest

from chronology.graphql.types.date import vocabulary as dates
from chronology.graphql.types.decision import vocabulary as decisions
from chronology.graphql.types.document import vocabulary as documents
from chronology.graphql.types.event import vocabulary as events
from chronology.graphql.types.person import vocabulary as persons
from chronology.graphql.types.relation import vocabulary as relations
from chronology.models import vocabulary

PAIRS = [
    (documents.DocumentKind, vocabulary.DocumentKind),
    (documents.PartyRole, vocabulary.PartyRole),
    (documents.CopyForm, vocabulary.CopyForm),
    (documents.AnnotationKind, vocabulary.AnnotationKind),
    (decisions.DecisionProcedure, vocabulary.DecisionProcedure),
    (decisions.DecisionOutcome, vocabulary.DecisionOutcome),
    (decisions.VotePosition, vocabulary.VotePosition),
    (decisions.VoteRecordedIn, vocabulary.VoteRecordedIn),
    (events.EventType, vocabulary.EventType),
    (relations.RelationType, vocabulary.RelationType),
    (relations.Certainty, vocabulary.Certainty),
    (dates.DatePrecision, vocabulary.DatePrecision),
    (persons.BodyKind, vocabulary.BodyKind),
    (persons.MembershipRole, vocabulary.MembershipRole),
    (persons.NameVariantKind, vocabulary.NameVariantKind),
]


@pytest.mark.parametrize(("graphql", "database"), PAIRS, ids=[p[1].__name__ for p in PAIRS])
def test_graphql_enum_matches_the_vocabulary(graphql: type[Enum], database: type[Enum]) -> None:
    assert {(m.name, m.value) for m in graphql} == {(m.name, m.value) for m in database}
