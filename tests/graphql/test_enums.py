"""The GraphQL enums say exactly what the database's vocabularies allow."""

from __future__ import annotations

from enum import Enum

import pytest

from chronology.graphql.types import enums
from chronology.models import vocabulary

PAIRS = [
    (enums.DocumentKind, vocabulary.DocumentKind),
    (enums.PartyRole, vocabulary.PartyRole),
    (enums.CopyForm, vocabulary.CopyForm),
    (enums.AnnotationKind, vocabulary.AnnotationKind),
    (enums.DecisionProcedure, vocabulary.DecisionProcedure),
    (enums.DecisionOutcome, vocabulary.DecisionOutcome),
    (enums.VotePosition, vocabulary.VotePosition),
    (enums.VoteRecordedIn, vocabulary.VoteRecordedIn),
    (enums.EventType, vocabulary.EventType),
    (enums.RelationType, vocabulary.RelationType),
    (enums.Certainty, vocabulary.Certainty),
    (enums.DatePrecision, vocabulary.DatePrecision),
    (enums.BodyKind, vocabulary.BodyKind),
    (enums.MembershipRole, vocabulary.MembershipRole),
    (enums.NameVariantKind, vocabulary.NameVariantKind),
]


@pytest.mark.parametrize(("graphql", "database"), PAIRS, ids=[p[1].__name__ for p in PAIRS])
def test_graphql_enum_matches_the_vocabulary(graphql: type[Enum], database: type[Enum]) -> None:
    assert {(m.name, m.value) for m in graphql} == {(m.name, m.value) for m in database}
