"""Candidates for a name from a spreadsheet: persons and bodies, scored, with the facts constraints are checked on."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from sqlalchemy import func, literal, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from chronology import models
from chronology.queries.naming import person_naming_async, person_number
from chronology.queries.persons import person_matches

persons = models.Person.__table__
bodies = models.Body.__table__
memberships = models.Membership.__table__


@dataclass(frozen=True)
class Scored:
    """A record a name may mean, how well the name fits it (0 to 1), and what constraints are checked against."""

    number: int
    name: str
    key: str | None
    score: float
    exact: bool
    born: tuple[datetime.date | None, datetime.date | None] = (None, None)
    died: tuple[datetime.date | None, datetime.date | None] = (None, None)
    bodies: tuple[str, ...] = ()


async def person_candidates(connection: AsyncConnection, name: str, limit: int) -> list[Scored]:
    """Return the persons NAME may mean, best first: an exact naming scores 1, others by trigram likeness."""
    exact = {c.number for c in (await person_naming_async(connection, name)).candidates}
    query, score = person_matches(name)
    rows = (await connection.execute(query.order_by(score.desc(), persons.c.id).limit(limit + len(exact)))).all()
    found = {row.id: row for row in rows}
    missing = exact - set(found)
    if missing:
        extra = select(persons, literal(1.0).label("score")).where(persons.c.id.in_(missing))
        found.update({row.id: row for row in (await connection.execute(extra)).all()})
    member_rows = (
        await connection.execute(
            select(memberships.c.person_id, bodies.c.authority_key, bodies.c.name, bodies.c.short_name)
            .join(bodies, bodies.c.id == memberships.c.body_id)
            .where(memberships.c.person_id.in_(list(found)))
        )
    ).all()
    member_of: dict[int, list[str]] = {}
    for m in member_rows:
        member_of.setdefault(m.person_id, []).extend(v for v in (m.authority_key, m.name, m.short_name) if v)
    scored = [
        Scored(
            number=row.id,
            name=row.canonical_name,
            key=row.authority_key,
            score=1.0 if row.id in exact else float(row.score),
            exact=row.id in exact,
            born=(row.born_lower, row.born_upper),
            died=(row.died_lower, row.died_upper),
            bodies=tuple(member_of.get(row.id, ())),
        )
        for row in found.values()
    ]
    scored.sort(key=lambda s: (-s.score, s.number))
    return scored[:limit]


async def body_candidates(connection: AsyncConnection, name: str, limit: int) -> list[Scored]:
    """Return the bodies NAME may mean: exact key, name or short name first, then by likeness of the name."""
    folded = func.lower(literal(name.strip()))
    variant = func.unnest(bodies.c.variants).table_valued("value").render_derived()
    likeness = func.greatest(
        func.similarity(bodies.c.name, name), func.similarity(func.coalesce(bodies.c.short_name, ""), name)
    )
    exact = or_(
        bodies.c.authority_key == name.strip(),
        func.lower(bodies.c.name) == folded,
        func.lower(bodies.c.short_name) == folded,
        select(variant.column).where(func.lower(variant.column) == folded).exists(),
    )
    query = (
        select(bodies.c.id, bodies.c.name, bodies.c.authority_key, likeness.label("score"), exact.label("exact"))
        .where(or_(exact, likeness >= 0.3))
        .order_by(exact.desc(), likeness.desc(), bodies.c.id)
        .limit(limit)
    )
    rows = (await connection.execute(query)).all()
    return [
        Scored(number=r.id, name=r.name, key=r.authority_key, score=1.0 if r.exact else float(r.score), exact=r.exact)
        for r in rows
    ]


async def described(connection: AsyncConnection, kind: str, key: str) -> tuple[str, str | None] | None:
    """Return the name and a line about the person or body KEY names (authority key or global id)."""
    table = persons if kind == "person" else bodies
    name = table.c.canonical_name if kind == "person" else table.c.name
    detail = table.c.sort_name if kind == "person" else table.c.description
    condition = table.c.authority_key == key
    number = person_number(key) if kind == "person" else None
    if number is not None:
        condition = or_(condition, table.c.id == number)
    row = (await connection.execute(select(name, detail).where(condition).limit(1))).first()
    return None if row is None else (str(row[0]), row[1])
