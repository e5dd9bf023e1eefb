"""Arguments for the query classes, drawn once from the benchmark database, deterministically."""

from __future__ import annotations

import random
from dataclasses import dataclass

import psycopg

from chronology.bench.names import misspelt
from chronology.bench.vocabulary import TermBands, term_bands
from chronology.graphql.runtime.ids import encode_id
from chronology.graphql.runtime.pagination import encode_cursor

SAMPLE = 200
# Hashing ids with a fixed salt picks the same "random" rows on every run.
_PICK = "ORDER BY md5(x.id::text || 'bench') LIMIT %s"


@dataclass(frozen=True)
class Samples:
    """Rows to start requests from: page positions, documents with links, telegrams, names, terms."""

    positions: list[tuple[str, int]]
    linked_documents: list[int]
    telegrams: list[int]
    misspelt_names: list[str]
    terms: TermBands

    @staticmethod
    def gid(type_name: str, pk: int) -> str:
        """Return the global id of a record."""
        return encode_id(type_name, pk)

    @staticmethod
    def cursor(date: str, pk: int) -> str:
        """Return the cursor the API gives out for a document with this date and id."""
        return encode_cursor([date, pk])


# The statements name only constants: no outside input reaches their text.
_POSITIONS = "SELECT x.date_lower, x.id FROM documents x WHERE x.date_lower IS NOT NULL " + _PICK  # noqa: S608
_LINKED = (
    "SELECT x.id FROM documents x WHERE EXISTS (SELECT 1 FROM relations r "  # noqa: S608
    "WHERE r.source_id = x.id OR r.target_id = x.id) " + _PICK
)
_TELEGRAMS = (
    "SELECT x.id FROM documents x WHERE x.kind = 'cipher_telegram' AND EXISTS "  # noqa: S608
    "(SELECT 1 FROM relations r WHERE r.source_id = x.id AND r.type = 'proposes') " + _PICK
)
_NAMES = "SELECT x.short_name FROM persons x " + _PICK  # noqa: S608


def draw_samples(url: str, size: int = SAMPLE) -> Samples:
    """Read the starting points of the requests from the database at URL (a libpq URL)."""
    with psycopg.connect(url) as connection:
        positions = [(date.isoformat(), pk) for date, pk in connection.execute(_POSITIONS, (size,))]
        linked = [pk for (pk,) in connection.execute(_LINKED, (size,))]
        telegrams = [pk for (pk,) in connection.execute(_TELEGRAMS, (size,))]
        names = [name for (name,) in connection.execute(_NAMES, (size,))]
    rng = random.Random(1936)  # noqa: S311
    return Samples(
        positions=positions,
        linked_documents=linked,
        telegrams=telegrams,
        misspelt_names=[misspelt(name, rng) for name in names],
        terms=term_bands(),
    )
