"""One way to name a person at every door: key, global id, Wikidata id, canonical name or any stored form.

The CLI, the exports, the timeline and GraphQL all ask `person_naming`, so a name that works at
one door works at all of them; a name several people share answers with them, not with a guess.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, func, literal, or_, select, union
from sqlalchemy.ext.asyncio import AsyncConnection

from chronology import models

persons = models.Person.__table__
variants = models.NameVariant.__table__

_QID = re.compile(r"^Q[1-9][0-9]*$", re.IGNORECASE)
MAX_CANDIDATES = 10


@dataclass(frozen=True)
class Candidate:
    """A person a name may mean."""

    number: int
    canonical_name: str
    key: str | None


@dataclass(frozen=True)
class PersonNaming:
    """What a name given at a door means: one person, no one, or several (the candidates)."""

    given: str
    candidates: tuple[Candidate, ...]

    @property
    def person(self) -> Candidate | None:
        """Return the one person the name means, or None when it means no one or several."""
        return self.candidates[0] if len(self.candidates) == 1 else None

    def problem(self) -> str:
        """Say why the name names no single person (to show the caller)."""
        if not self.candidates:
            return f"no person is called {self.given!r}"
        listed = "; ".join(f"{c.canonical_name} ({c.key or c.number})" for c in self.candidates)
        return f"{self.given!r} may mean several persons: {listed}"


def person_number(value: str) -> int | None:
    """Read a Person global id (base64 of `Person:<n>`); the API's ids module owns the format."""
    try:
        decoded = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    name, _, number = decoded.partition(":")
    return int(number) if name == "Person" and number.isdigit() else None


def naming_statement(value: str) -> Select[Any]:
    """Return the candidates VALUE names, tried strictest first: id, Wikidata id, key, then names."""
    columns = (persons.c.id, persons.c.canonical_name, persons.c.authority_key)
    number = person_number(value)
    if number is not None:
        return select(*columns).where(persons.c.id == number)
    if _QID.match(value):
        return select(*columns).where(persons.c.wikidata_qid == value.upper())
    # Both sides folded by PostgreSQL, so that Cyrillic forms (`Ежов`) fold as the database's own text does.
    folded = func.lower(literal(value))
    # A key is exact; names are compared case-folded, and a stored form (`Ezhov`, `I.St[alin]`) counts as a name.
    by_key = select(persons.c.id, literal(0).label("rank")).where(persons.c.authority_key == value)
    by_name = select(persons.c.id, literal(1).label("rank")).where(
        or_(func.lower(persons.c.canonical_name) == folded, func.lower(persons.c.short_name) == folded)
    )
    by_form = select(variants.c.person_id, literal(1).label("rank")).where(func.lower(variants.c.name) == folded)
    found = union(by_key, by_name, by_form).subquery()
    best = select(func.min(found.c.rank)).scalar_subquery()
    chosen = select(found.c.id).where(found.c.rank == best)
    return select(*columns).where(persons.c.id.in_(chosen)).order_by(persons.c.id).limit(MAX_CANDIDATES)


def _naming(value: str, rows: Any) -> PersonNaming:
    return PersonNaming(value, tuple(Candidate(int(r[0]), str(r[1]), r[2]) for r in rows))


def person_naming(connection: Connection, value: str) -> PersonNaming:
    """Return whom VALUE names (synchronous doors: the CLI and the exports)."""
    value = value.strip()
    return _naming(value, connection.execute(naming_statement(value)).all() if value else [])


async def person_naming_async(connection: AsyncConnection, value: str) -> PersonNaming:
    """Return whom VALUE names (asynchronous doors: the pages and the API)."""
    value = value.strip()
    return _naming(value, (await connection.execute(naming_statement(value))).all() if value else [])
