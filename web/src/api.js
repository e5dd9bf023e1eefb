// The GraphQL operations the timeline page sends, and one function to send them.

const DATE = "display verbatim edtf earliest latest precision qualifiers";

export const TIMELINE = `
query Timeline($from: Date!, $to: Date!, $filter: TimelineFilter, $limit: Int!) {
  timeline(from: $from, to: $to, filter: $filter, limit: $limit) {
    truncated
    items { id type label start end precision qualifiers displayDate kind group }
  }
}`;

export const DENSITY = `
query Density($from: Date!, $to: Date!, $bucket: HistogramBucket!, $filter: TimelineFilter) {
  timelineHistogram(from: $from, to: $to, bucket: $bucket, filter: $filter) {
    start end count documents decisions events
  }
}`;

export const PEOPLE = `
query People($search: String!) {
  persons(search: $search, first: 8) { nodes { id canonicalName variants { name } } }
}`;

export const NAMES = `
query Names($ids: [ID!]!) {
  nodes(ids: $ids) {
    __typename
    ... on Person { id canonicalName }
    ... on Body { id name shortName }
  }
}`;

export const BODIES = `query Bodies { bodies { id name shortName } }`;

export const DETAILS = `
query Details($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Document {
      kind title place classification summary
      date { ${DATE} }
      parties { role nameAsPrinted agent { __typename ... on Person { id canonicalName } ... on Body { id name } } }
      citation
      copies { forms formVerbatim archivalReference { citation verbatim } }
      editions { documentNumber pages publication { title editors year place url } }
    }
    ... on Decision {
      title procedure outcome protocolNumber protocolItem summary
      date { ${DATE} }
      body { id name shortName }
      archivalReference { citation }
      votes { id position recordedIn person { id canonicalName } }
    }
    ... on Event {
      type title places description
      date { ${DATE} }
      participants { role person { id canonicalName } }
    }
    ... on Vote {
      position recordedIn nameAsPrinted note
      person { id canonicalName }
      decision { id title date { display earliest latest } }
      sourceDocument { id title }
    }
    ... on Person { canonicalName }
    ... on Body { name }
  }
}`;

// The links that say what led to what; `mentions` and `part_of` would pull in half the record.
const CHAIN_LINKS =
  "[REPLIES_TO, PROPOSES, VOTE_ON, DECIDED_BY, FORMALISED_AS, IMPLEMENTS, PUBLISHED_AS, SUPERSEDES, VERSION_OF]";

export const CHAIN = `
query Chain($id: ID!) {
  chain(from: $id, direction: BOTH, maxDepth: 4, types: ${CHAIN_LINKS}) {
    truncated
    nodes {
      depth
      node {
        __typename
        id
        ... on Document { kind title date { display earliest latest } }
        ... on Decision { title date { display earliest latest } body { shortName name } }
        ... on Vote { position person { canonicalName shortName } }
        ... on Event { title date { display earliest latest } }
      }
    }
    edges { type source target certainty }
  }
}`;

export class ApiError extends Error {}

/** Send one operation; resolve to its data or reject with the first error's message. */
export async function graphql(endpoint, query, variables = {}, signal = undefined) {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`the service answered ${response.status}`);
  }
  if (body.errors && body.errors.length) throw new ApiError(body.errors[0].message);
  return body.data;
}
