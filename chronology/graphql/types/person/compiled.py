"""The Person's and the Body's fields as SQL building their JSON, read from their own rows."""

from __future__ import annotations

from chronology.graphql.compiled import sql
from chronology.graphql.compiled.fields import RecordSQL, column, enum
from chronology.graphql.types.person.vocabulary import BodyKind


def _wikidata_uri(alias: str) -> str:
    qid = f"{alias}.wikidata_qid"
    uri = f"to_json('http://www.wikidata.org/entity/' || {qid})::text"
    return f"CASE WHEN coalesce({qid}, '') <> '' THEN {uri} ELSE 'null' END"


PERSON = RecordSQL(
    "Person",
    "persons",
    scalars={
        "canonicalName": column("canonical_name"),
        "key": column("authority_key"),
        "sortName": column("sort_name"),
        "shortName": column("short_name"),
        "wikidataQid": column("wikidata_qid"),
        "viafId": column("viaf_id"),
        "note": column("note"),
        "needsReview": column("needs_review"),
        "version": column("version"),
        "wikidataUri": _wikidata_uri,
    },
)

BODY = RecordSQL(
    "Body",
    "bodies",
    scalars={
        "name": column("name"),
        "key": column("authority_key"),
        "shortName": column("short_name"),
        "kind": enum("kind", BodyKind),
        "variants": lambda alias: sql.text_list(f"{alias}.variants"),
        "description": column("description"),
        "needsReview": column("needs_review"),
        "version": column("version"),
    },
)
