"""The query classes: each a GraphQL operation, the same answer in one hand-written SQL statement,
and how to draw arguments and compare answers.

The SQL builds the GraphQL response's `data` itself (json_build_object / json_agg), so the
baseline server only passes bytes through.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from chronology.bench.samples import Samples
from chronology.models.records import DATE_REACHES, reach_predicate


def gid(type_sql: str, id_sql: str) -> str:
    """Return SQL computing the global id (`encode_id`) of a record."""
    return f"rtrim(translate(encode(convert_to({type_sql} || ':' || {id_sql}, 'UTF8'), 'base64'), '+/', '-_'), '=')"


def _kind_gid(id_sql: str) -> str:
    return gid(f"(SELECT initcap(k.kind) FROM records k WHERE k.id = {id_sql})", id_sql)  # noqa: S608


Arguments = tuple[dict[str, Any], dict[str, Any]]  # (GraphQL variables, SQL parameters)


@dataclass(frozen=True)
class QueryClass:
    """One kind of request a historian's client makes."""

    name: str
    title: str
    graphql: str
    sql: str
    draw: Callable[[random.Random, Samples], Arguments]
    normalise: Callable[[Any], Any] = lambda data: data


# 1. A page of 50 documents with parties, copies and how many relations each has.
PAGE_GRAPHQL = """
query Page($after: String) {
  documents(first: 50, after: $after) {
    nodes {
      id kind title
      date { edtf earliest latest precision }
      parties { role position agent { __typename ... on Person { id canonicalName } ... on Body { id name } } }
      copies { position archivalReference { normalised } }
      relationCount { outgoing incoming }
    }
  }
}"""


def _count(column: str) -> str:
    return f"(SELECT count(*) FROM relations x WHERE x.{column} = d.id)"  # noqa: S608


PAGE_SQL = f"""
SELECT json_build_object('documents', json_build_object('nodes', coalesce(json_agg(json_build_object(
  'id', {gid("'Document'", "d.id")}, 'kind', upper(d.kind), 'title', d.title,
  'date', CASE WHEN d.date_edtf IS NOT NULL THEN json_build_object('edtf', d.date_edtf,
          'earliest', d.date_lower, 'latest', d.date_upper, 'precision', upper(d.date_precision)) END,
  'parties', (SELECT coalesce(json_agg(json_build_object('role', upper(p.role), 'position', p.position,
      'agent', CASE WHEN p.person_id IS NOT NULL
        THEN json_build_object('__typename', 'Person', 'id', {gid("'Person'", "p.person_id")},
                               'canonicalName', pe.canonical_name)
        ELSE json_build_object('__typename', 'Body', 'id', {gid("'Body'", "p.body_id")}, 'name', b.name) END)
      ORDER BY p.role, p.position), '[]')
    FROM document_parties p LEFT JOIN persons pe ON pe.id = p.person_id LEFT JOIN bodies b ON b.id = p.body_id
    WHERE p.document_id = d.id),
  'copies', (SELECT coalesce(json_agg(json_build_object('position', c.position,
      'archivalReference', json_build_object('normalised', r.normalised)) ORDER BY c.position), '[]')
    FROM copies c JOIN archival_references r ON r.id = c.archival_reference_id WHERE c.document_id = d.id),
  'relationCount', json_build_object('outgoing', {_count("source_id")}, 'incoming', {_count("target_id")})
) ORDER BY d.date_lower, d.id), '[]')))::text
FROM (SELECT * FROM documents WHERE (date_lower, id) > (%(date)s::date, %(id)s)
      ORDER BY date_lower, id LIMIT 50) d"""  # noqa: S608


def _draw_page(rng: random.Random, samples: Samples) -> Arguments:
    date, pk = rng.choice(samples.positions)
    return {"after": samples.cursor(date, pk)}, {"date": date, "id": pk}


# 2. One document with two hops of relations.
HOPS_GRAPHQL = """
query TwoHops($id: ID!) {
  node(id: $id) {
    id
    ... on Document {
      title
      relationsOut { type target { id ...Hop } }
      relationsIn { type source { id ...Hop } }
    }
  }
}
fragment Hop on Node {
  ... on Document { title relationsOut { type target { id } } relationsIn { type source { id } } }
  ... on Decision { title relations { type source { id } target { id } } }
  ... on Event { title relations { type source { id } target { id } } }
}"""


def _links(record: str, column: str, name: str, nested: str, alias: str = "x") -> str:
    """Return SQL for a list of relations of RECORD, each with its type and its other end."""
    return (
        f"(SELECT coalesce(json_agg(json_build_object('type', upper({alias}.type), '{name}', {nested}) "  # noqa: S608
        f"ORDER BY {alias}.type, {alias}.id), '[]') FROM relations {alias} WHERE {alias}.{column} = {record})"
    )


def _end(other: str) -> str:
    return f"json_build_object('id', {_kind_gid(other)})"


def _hop(record: str) -> str:
    """Return SQL for a record one hop away: the Hop fragment of HOPS_GRAPHQL."""
    both = (
        "(SELECT coalesce(json_agg(e.link ORDER BY e.part, e.type, e.id), '[]') FROM ("  # noqa: S608
        f"SELECT 1 AS part, y.type, y.id, json_build_object('type', upper(y.type), 'source', {_end('y.source_id')}, "
        f"'target', {_end('y.target_id')}) AS link FROM relations y WHERE y.source_id = {record} UNION ALL "
        f"SELECT 2, y.type, y.id, json_build_object('type', upper(y.type), 'source', {_end('y.source_id')}, "
        f"'target', {_end('y.target_id')}) FROM relations y WHERE y.target_id = {record}) e)"
    )
    return f"""(SELECT CASE k.kind
      WHEN 'document' THEN json_build_object('id', {gid("'Document'", record)},
        'title', (SELECT title FROM documents WHERE id = {record}),
        'relationsOut', {_links(record, "source_id", "target", _end("y.target_id"), "y")},
        'relationsIn', {_links(record, "target_id", "source", _end("y.source_id"), "y")})
      WHEN 'decision' THEN json_build_object('id', {gid("'Decision'", record)},
        'title', (SELECT title FROM decisions WHERE id = {record}), 'relations', {both})
      WHEN 'event' THEN json_build_object('id', {gid("'Event'", record)},
        'title', (SELECT title FROM events WHERE id = {record}), 'relations', {both})
      ELSE json_build_object('id', {gid("initcap(k.kind)", record)}) END
    FROM records k WHERE k.id = {record})"""  # noqa: S608


HOPS_SQL = f"""
SELECT json_build_object('node', json_build_object('id', {gid("'Document'", "d.id")}, 'title', d.title,
  'relationsOut', {_links("d.id", "source_id", "target", _hop("x.target_id"))},
  'relationsIn', {_links("d.id", "target_id", "source", _hop("x.source_id"))}))::text
FROM documents d WHERE d.id = %(id)s"""  # noqa: S608


def _draw_hops(rng: random.Random, samples: Samples) -> Arguments:
    pk = rng.choice(samples.linked_documents)
    return {"id": samples.gid("Document", pk)}, {"id": pk}


# 3. The chain from a cipher telegram, forward, four links deep.
CHAIN_GRAPHQL = """
query Chain($from: ID!) {
  chain(from: $from, direction: FORWARD, maxDepth: 4) {
    truncated
    nodes { depth node { id } }
    edges { type source target depth }
  }
}"""
CHAIN_SQL = f"""
WITH RECURSIVE walk(id, depth) AS (
  SELECT %(id)s::bigint, 0
  UNION
  SELECT n.next, w.depth + 1 FROM walk w
  CROSS JOIN LATERAL (SELECT r.target_id AS next FROM relations r WHERE r.source_id = w.id
                      UNION ALL SELECT v.id FROM votes v WHERE v.decision_id = w.id) n
  WHERE w.depth < 4
), reached AS (
  SELECT id, min(depth) AS depth FROM walk GROUP BY id
), steps AS (
  SELECT r.type, r.source_id, r.target_id, s.depth + 1 AS depth
    FROM reached s JOIN relations r ON r.source_id = s.id WHERE s.depth < 4
  UNION ALL
  SELECT 'vote_on', v.id, v.decision_id, s.depth + 1
    FROM reached s JOIN votes v ON v.decision_id = s.id WHERE s.depth < 4
)
SELECT json_build_object('chain', json_build_object(
  'truncated', (SELECT count(*) > 500 FROM reached),
  'nodes', (SELECT json_agg(json_build_object('depth', n.depth, 'node', json_build_object('id', {_kind_gid("n.id")}))
            ORDER BY n.depth, n.id) FROM reached n),
  'edges', (SELECT coalesce(json_agg(json_build_object('type', upper(e.type), 'source', {_kind_gid("e.source_id")},
            'target', {_kind_gid("e.target_id")}, 'depth', e.depth)
            ORDER BY e.depth, e.type, e.source_id, e.target_id), '[]') FROM steps e)))::text"""  # noqa: S608


def _normalise_chain(data: Any) -> Any:
    chain = dict(data["chain"])
    if chain["truncated"]:
        # Which records a truncated walk keeps depends on row order: compare the flag only.
        return {"truncated": True}
    chain["edges"] = sorted(chain["edges"], key=lambda e: (e["depth"], e["type"], e["source"], e["target"]))
    return chain


def _draw_chain(rng: random.Random, samples: Samples) -> Arguments:
    pk = rng.choice(samples.telegrams)
    return {"from": samples.gid("Document", pk)}, {"id": pk}


# 4. Ranked full-text search.
SEARCH_GRAPHQL = """
query Search($text: String!) {
  documents(filter: {text: $text}, orderBy: RELEVANCE, first: 20) { nodes { id title } }
}"""
SEARCH_SQL = f"""
SELECT json_build_object('documents', json_build_object('nodes', coalesce(json_agg(
  json_build_object('id', {gid("'Document'", "d.id")}, 'title', d.title) ORDER BY d.rank DESC, d.date_lower, d.id),
  '[]')))::text
FROM (SELECT id, title, date_lower, ts_rank_cd(search, q, 32) AS rank
        FROM documents, websearch_to_tsquery('english', %(text)s) q
       WHERE search @@ q ORDER BY rank DESC, date_lower, id LIMIT 20) d"""  # noqa: S608


def _draw_terms(band: str) -> Callable[[random.Random, Samples], Arguments]:
    def draw(rng: random.Random, samples: Samples) -> Arguments:
        term = rng.choice(getattr(samples.terms, band))
        return {"text": term}, {"text": term}

    return draw


# 5. A person by a misspelt name.
PERSONS_GRAPHQL = """
query People($name: String!) { persons(search: $name, first: 10) { nodes { id canonicalName } } }"""
PERSONS_SQL = f"""
WITH candidates AS (
  SELECT v.person_id, greatest(similarity(v.name, %(name)s), word_similarity(%(name)s, v.name)) AS score
    FROM name_variants v
   WHERE v.name %% %(name)s OR %(name)s <%% v.name OR v.name ILIKE '%%' || %(name)s || '%%'
  UNION ALL
  SELECT p.id, greatest(similarity(p.canonical_name, %(name)s), word_similarity(%(name)s, p.canonical_name))
    FROM persons p WHERE p.canonical_name %% %(name)s OR %(name)s <%% p.canonical_name
), best AS (
  SELECT person_id, max(score) AS score FROM candidates GROUP BY person_id HAVING max(score) >= 0.25
), top AS (
  SELECT p.id, p.canonical_name, p.sort_name, b.score FROM best b JOIN persons p ON p.id = b.person_id
   ORDER BY b.score DESC, p.sort_name, p.id LIMIT 10
)
SELECT json_build_object('persons', json_build_object('nodes', coalesce(json_agg(
  json_build_object('id', {gid("'Person'", "id")}, 'canonicalName', canonical_name)
  ORDER BY score DESC, sort_name, id), '[]')))::text FROM top"""  # noqa: S608


def _draw_person(rng: random.Random, samples: Samples) -> Arguments:
    name = rng.choice(samples.misspelt_names)
    return {"name": name}, {"name": name}


# 6. A two-month timeline window, and a ten-year histogram by month.
TIMELINE_GRAPHQL = """
query Window($from: Date!, $to: Date!) {
  timeline(from: $from, to: $to) { truncated items { id type label start end kind group } }
}"""
_WINDOW = "daterange(%(from)s::date, %(to)s::date, '[]')"


def _first_by_reach(select: str, joins: str = "") -> str:
    """Return SELECT's first 2,001 rows overlapping the window, read reach by reach from the timeline indexes."""
    parts = []
    for _, shortest, longest in DATE_REACHES:
        earliest = "" if longest is None else f" AND date_lower >= %(from)s::date - {longest}"
        parts.append(
            f"({select}{joins} WHERE {reach_predicate(shortest, longest)} AND date_lower <= %(to)s::date"
            f" AND date_upper >= %(from)s::date{earliest} ORDER BY date_lower, id LIMIT 2001)"
        )
    return "\n  UNION ALL ".join(parts)


TIMELINE_SQL = f"""
WITH items AS (
  {
    _first_by_reach(
        "SELECT 'document' AS type, 1 AS rank, id, title AS label, date_lower, date_upper, kind FROM documents"
    )
}
  UNION ALL
  {
    _first_by_reach(
        "SELECT 'decision', 2, d.id, d.title, d.date_lower, d.date_upper, coalesce(b.short_name, b.name)"
        " FROM decisions d",
        " JOIN bodies b ON b.id = d.body_id",
    )
}
  UNION ALL
  {_first_by_reach("SELECT 'event', 3, id, title, date_lower, date_upper, type FROM events")}
), page AS (
  SELECT * FROM items ORDER BY date_lower, rank, id LIMIT 2001
)
SELECT json_build_object('timeline', json_build_object('truncated', (SELECT count(*) > 2000 FROM page),
  'items', coalesce((SELECT json_agg(json_build_object('id', {gid("initcap(t.type)", "t.id")}, 'type', upper(t.type),
    'label', t.label, 'start', t.date_lower, 'end', t.date_upper, 'kind', t.kind,
    'group', CASE t.type
      WHEN 'document' THEN (SELECT coalesce(pe.short_name, pe.canonical_name, b.short_name, b.name)
        FROM document_parties p LEFT JOIN persons pe ON pe.id = p.person_id LEFT JOIN bodies b ON b.id = p.body_id
        WHERE p.document_id = t.id AND p.role = 'author' ORDER BY p.position LIMIT 1)
      WHEN 'decision' THEN t.kind END) ORDER BY t.date_lower, t.rank, t.id)
    FROM (SELECT * FROM page ORDER BY date_lower, rank, id LIMIT 2000) t), '[]')))::text"""  # noqa: S608
HISTOGRAM_GRAPHQL = """
query Histogram($from: Date!, $to: Date!) {
  timelineHistogram(from: $from, to: $to, bucket: MONTH) { start end count documents decisions events }
}"""


def _spans(table: str, kind: str) -> str:
    return (
        f"SELECT '{kind}' AS type, date_trunc('month', greatest(date_lower, %(from)s::date))::date AS first, "  # noqa: S608
        f"date_trunc('month', least(date_upper, %(to)s::date))::date AS last, count(*) AS n "
        f"FROM {table} WHERE date_span && {_WINDOW} GROUP BY 2, 3"
    )


HISTOGRAM_SQL = f"""
WITH spans AS ({_spans("documents", "document")} UNION ALL {_spans("decisions", "decision")}
               UNION ALL {_spans("events", "event")}),
grid AS (SELECT generate_series(date_trunc('month', %(from)s::date), %(to)s::date, interval '1 month')::date AS first),
bars AS (
  SELECT g.first, coalesce(sum(s.n), 0)::int AS total,
         coalesce(sum(s.n) FILTER (WHERE s.type = 'document'), 0)::int AS documents,
         coalesce(sum(s.n) FILTER (WHERE s.type = 'decision'), 0)::int AS decisions,
         coalesce(sum(s.n) FILTER (WHERE s.type = 'event'), 0)::int AS events
    FROM grid g LEFT JOIN spans s ON g.first BETWEEN s.first AND s.last GROUP BY g.first
)
SELECT json_build_object('timelineHistogram', json_agg(json_build_object(
  'start', greatest(first, %(from)s::date), 'end', least((first + interval '1 month' - interval '1 day')::date,
  %(to)s::date), 'count', total, 'documents', documents, 'decisions', decisions, 'events', events)
  ORDER BY first))::text FROM bars"""  # noqa: S608


def _draw_window(months: int) -> Callable[[random.Random, Samples], Arguments]:
    def draw(rng: random.Random, samples: Samples) -> Arguments:
        year = rng.randint(1929, 1940) if months < 12 else rng.randint(1925, 1935)
        start = datetime.date(year, rng.randint(1, 12), 1)
        end_month = start.month - 1 + months
        end = datetime.date(start.year + end_month // 12, end_month % 12 + 1, 1) - datetime.timedelta(days=1)
        values = {"from": start.isoformat(), "to": end.isoformat()}
        return values, values

    return draw


CLASSES = (
    QueryClass("page", "1. page of 50 documents", PAGE_GRAPHQL, PAGE_SQL, _draw_page),
    QueryClass("hops", "2. document + 2 hops", HOPS_GRAPHQL, HOPS_SQL, _draw_hops),
    QueryClass("chain", "3. chain depth 4", CHAIN_GRAPHQL, CHAIN_SQL, _draw_chain, _normalise_chain),
    QueryClass("search_rare", "4a. search, rare term", SEARCH_GRAPHQL, SEARCH_SQL, _draw_terms("rare")),
    QueryClass("search_mid", "4b. search, mid term", SEARCH_GRAPHQL, SEARCH_SQL, _draw_terms("mid")),
    QueryClass("search_common", "4c. search, common term", SEARCH_GRAPHQL, SEARCH_SQL, _draw_terms("common")),
    QueryClass("person", "5. person, misspelt", PERSONS_GRAPHQL, PERSONS_SQL, _draw_person),
    QueryClass("timeline", "6a. timeline, 2 months", TIMELINE_GRAPHQL, TIMELINE_SQL, _draw_window(2)),
    QueryClass("histogram", "6b. histogram, 10 y by month", HISTOGRAM_GRAPHQL, HISTOGRAM_SQL, _draw_window(120)),
)
BY_NAME = {query_class.name: query_class for query_class in CLASSES}
