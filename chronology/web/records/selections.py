"""What each record page asks the API: one GraphQL query per family, read as the caller would."""

from __future__ import annotations

_DATE = """
fragment D on HistoricalDate { verbatim edtf earliest latest precision qualifiers display }
"""
_LABEL = """
fragment Label on Node {
  __typename id
  ... on Document { title date { display } }
  ... on Decision { title date { display } }
  ... on Event { title date { display } }
  ... on Person { canonicalName key }
  ... on Body { name key }
  ... on Vote { decision { id title } }
}
"""

DOCUMENT = (
    """
query DocumentPage($id: ID!) { node(id: $id) { __typename ... on Document {
  id kind title place classification language summary protocolNumber protocolItem needsReview
  date { ...D }
  transmission { sent sentDate { ...D } sentTime received receivedDate { ...D } receivedTime
                 incomingNumber outgoingNumber secretaryNumber }
  parties { role position nameAsPrinted
            agent { __typename ... on Person { id canonicalName key } ... on Body { id name key } } }
  copies { position forms formVerbatim note
           archivalReference { verbatim normalised doubtful confidence note } }
  editions { documentNumber pages publication { title editors year publisher place url } }
  annotations { kind text authorAsPrinted locator author { id canonicalName key } }
  decisions { id title date { display } body { name } }
  relationsOut { type certainty note target { ...Label } }
  relationsIn { type certainty note source { ...Label } }
  citation
} } }
"""
    + _DATE
    + _LABEL
)

DECISION = (
    """
query DecisionPage($id: ID!) { node(id: $id) { __typename ... on Decision {
  id title procedure outcome protocolNumber protocolItem summary specialFile needsReview
  date { ...D }
  body { id name key }
  archivalReference { verbatim normalised doubtful confidence note }
  votes { position recordedIn nameAsPrinted note person { id canonicalName key } sourceDocument { id title } }
  tally { votesFor votesAgainst abstentions recordedFor recordedAgainst recordedAbstentions unanimous verbatim note }
  proposedBy { id title kind date { display } }
  formalisedAs { id title kind date { display } }
  relations { type certainty note source { ...Label } target { ...Label } }
} } }
"""
    + _DATE
    + _LABEL
)

PERSON = (
    """
query PersonPage($id: ID!) { node(id: $id) { __typename ... on Person {
  id key canonicalName sortName shortName wikidataQid wikidataUri viafId note needsReview
  born { ...D } died { ...D }
  variants { name kind note }
  memberships { role period { display } body { id name key } }
  documents { role nameAsPrinted document { id title kind date { display } } }
  votes { position nameAsPrinted recordedIn decision { id title date { display } } }
  events { role event { id title date { display } } }
} } }
"""
    + _DATE
)

BODY = """
query BodyPage($id: ID!) { node(id: $id) { __typename ... on Body {
  id key name shortName kind variants description needsReview
  members { role period { display } person { id canonicalName key } }
} } }
"""

EVENT = (
    """
query EventPage($id: ID!) { node(id: $id) { __typename ... on Event {
  id type title places description
  date { ...D }
  participants { role person { id canonicalName key } }
  documents { id title kind date { display } }
  relations { type certainty note source { ...Label } target { ...Label } }
} } }
"""
    + _DATE
    + _LABEL
)

QUERIES = {"Document": DOCUMENT, "Decision": DECISION, "Person": PERSON, "Body": BODY, "Event": EVENT}
