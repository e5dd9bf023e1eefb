"""Finding people by any form of their name, tolerating misspellings."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, literal, or_, select

from chronology import models

persons = models.Person.__table__
variants = models.NameVariant.__table__

# pg_trgm's default threshold (0.3) misses short surnames with one wrong letter
# ("Ezhov" against "Yezhov" scores about 0.36, "Chybar" against "Chubar" 0.27).
WORD_SIMILARITY_FLOOR = 0.25


def person_matches(name: str) -> tuple[Select[Any], Any]:
    """Return a SELECT of persons matching NAME in any variant, and its score column."""
    needle = literal(name.lower())
    candidates = (
        select(
            variants.c.person_id.label("person_id"),
            func.greatest(
                func.similarity(func.lower(variants.c.name), needle),
                func.word_similarity(needle, func.lower(variants.c.name)),
            ).label("score"),
        )
        .where(
            or_(
                func.lower(variants.c.name).op("%")(needle),
                needle.op("<%")(func.lower(variants.c.name)),
                func.lower(variants.c.name).contains(name.lower()),
            )
        )
        .union_all(
            select(
                persons.c.id.label("person_id"),
                func.greatest(
                    func.similarity(func.lower(persons.c.canonical_name), needle),
                    func.word_similarity(needle, func.lower(persons.c.canonical_name)),
                ).label("score"),
            ).where(
                or_(
                    func.lower(persons.c.canonical_name).op("%")(needle),
                    needle.op("<%")(func.lower(persons.c.canonical_name)),
                )
            )
        )
        .subquery()
    )
    best = (
        select(candidates.c.person_id, func.max(candidates.c.score).label("score"))
        .group_by(candidates.c.person_id)
        .having(func.max(candidates.c.score) >= WORD_SIMILARITY_FLOOR)
        .subquery()
    )
    query = select(persons, best.c.score).join(best, best.c.person_id == persons.c.id)
    return query, best.c.score
