"""Date windows with explicit semantics over fuzzy dates."""

from __future__ import annotations

import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal, not_
from sqlalchemy.dialects.postgresql import DATERANGE


class DateMatch(StrEnum):
    """How a record's possible days must relate to the window."""

    OVERLAPS = "overlaps"
    CERTAINLY_WITHIN = "certainly_within"
    POSSIBLY_WITHIN = "possibly_within"


def window_condition(span: Any, start: datetime.date, end: datetime.date, match: DateMatch) -> ColumnElement[bool]:
    """Return the condition that a `date_span` column meets a window, served by its GiST index."""
    window = func.daterange(literal(start), literal(end), literal("[]"), type_=DATERANGE)
    overlaps: ColumnElement[bool] = span.op("&&")(window)
    within: ColumnElement[bool] = span.op("<@")(window)
    if match is DateMatch.OVERLAPS:
        return overlaps
    if match is DateMatch.CERTAINLY_WITHIN:
        return within
    return and_(overlaps, not_(within))
