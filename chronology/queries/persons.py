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


def _substring(name: str) -> str:
    escaped = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def person_matches(name: str) -> tuple[Select[Any], Any]:
    """Return a SELECT of persons matching NAME in any variant, and its score column."""
    # pg_trgm folds case itself, so the columns are compared bare: that is what lets the
    # trigram GIN indexes on them serve `%`, `<%` and ILIKE.
    needle = literal(name)
    candidates = (
        select(
            variants.c.person_id.label("person_id"),
            func.greatest(
                func.similarity(variants.c.name, needle),
                func.word_similarity(needle, variants.c.name),
            ).label("score"),
        )
        .where(
            or_(
                variants.c.name.op("%")(needle),
                needle.op("<%")(variants.c.name),
                variants.c.name.ilike(_substring(name), escape="\\"),
            )
        )
        .union_all(
            select(
                persons.c.id.label("person_id"),
                func.greatest(
                    func.similarity(persons.c.canonical_name, needle),
                    func.word_similarity(needle, persons.c.canonical_name),
                ).label("score"),
            ).where(
                or_(
                    persons.c.canonical_name.op("%")(needle),
                    needle.op("<%")(persons.c.canonical_name),
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
