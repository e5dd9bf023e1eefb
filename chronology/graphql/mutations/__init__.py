"""The writing side of the API: one module per record family, each all-or-nothing."""

from chronology.graphql.mutations.decisions import DecisionMutation
from chronology.graphql.mutations.documents import DocumentMutation
from chronology.graphql.mutations.events import EventMutation
from chronology.graphql.mutations.persons import PersonMutation
from chronology.graphql.mutations.relations import RelationMutation
from chronology.graphql.mutations.tokens import TokenMutation, TokenQuery

MUTATIONS = (
    PersonMutation,
    DocumentMutation,
    DecisionMutation,
    EventMutation,
    RelationMutation,
    TokenMutation,
)

__all__ = ["MUTATIONS", "TokenQuery"]
