"""What the service holds: records counted by family, and the span of days they cover."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from chronology import models


@dataclass(frozen=True)
class Holdings:
    """How many records of each family there are, and the first and last day a dated record can fall on."""

    documents: int
    decisions: int
    votes: int
    events: int
    persons: int
    bodies: int
    earliest: datetime.date | None
    latest: datetime.date | None


async def holdings(connection: AsyncConnection) -> Holdings:
    """Count the records of each family and find the dated span, in one statement."""
    dated = [models.Document.__table__, models.Decision.__table__, models.Event.__table__]
    counts = [
        select(func.count()).select_from(table).scalar_subquery()
        for table in (
            models.Document.__table__,
            models.Decision.__table__,
            models.Vote.__table__,
            models.Event.__table__,
            models.Person.__table__,
            models.Body.__table__,
        )
    ]
    earliest = func.least(*(select(func.min(t.c.date_lower)).scalar_subquery() for t in dated))
    latest = func.greatest(*(select(func.max(t.c.date_upper)).scalar_subquery() for t in dated))
    row = (await connection.execute(select(*counts, earliest, latest))).one()
    values = tuple(row)
    return Holdings(
        documents=values[0],
        decisions=values[1],
        votes=values[2],
        events=values[3],
        persons=values[4],
        bodies=values[5],
        earliest=values[6],
        latest=values[7],
    )
