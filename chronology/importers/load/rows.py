"""Write rows by natural key: insert what is new, update only what differs, count both."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, insert, select, update
from sqlalchemy.engine import RowMapping
from sqlalchemy.orm import Session

from chronology.archives.reference import ArchivalReference
from chronology.dates.fuzzy import FuzzyDate

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
DELETED = "deleted"

# Passed as `known` to say "not looked up yet": None already means "looked up, absent".
_UNKNOWN: Any = object()


def table_of(model: type[Any]) -> Table:
    """Return the Core table behind an ORM model."""
    return cast(Table, model.__table__)


class Writer:
    """Insert-or-update by key within one session, counting outcomes per table."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.counts: dict[str, Counter[str]] = {}

    def count(self, table: Table, outcome: str, n: int = 1) -> None:
        """Record an outcome for a table."""
        self.counts.setdefault(table.name, Counter())[outcome] += n

    def find(self, table: Table, key: Mapping[str, Any]) -> RowMapping | None:
        """Return the row with these key values, or None."""
        where = [_equals(table, name, value) for name, value in key.items()]
        return self.session.execute(select(table).where(*where)).mappings().first()

    def prefetch(
        self, table: Table, key: tuple[str, ...], *where: ColumnElement[bool]
    ) -> dict[tuple[Any, ...], RowMapping]:
        """Load rows once, keyed by the given columns, so a batch needs no lookup per row."""
        rows = self.session.execute(select(table).where(*where)).mappings()
        return {tuple(row[name] for name in key): row for row in rows}

    def insert(self, table: Table, values: Mapping[str, Any]) -> int:
        """Insert a row and return its primary key."""
        pk = _pk(table)
        new_id = self.session.execute(insert(table).values(dict(values)).returning(pk)).scalar_one()
        self.count(table, CREATED)
        return int(new_id)

    def update_changed(self, table: Table, row: RowMapping, values: Mapping[str, Any]) -> bool:
        """Update only the columns whose value differs; return whether anything changed."""
        changed = {name: value for name, value in values.items() if row[name] != value}
        if not changed:
            self.count(table, UNCHANGED)
            return False
        pk = _pk(table)
        self.session.execute(update(table).where(pk == row[pk.name]).values(changed))
        self.count(table, UPDATED)
        return True

    def upsert(
        self,
        table: Table,
        key: Mapping[str, Any],
        values: Mapping[str, Any],
        *,
        known: RowMapping | None = _UNKNOWN,
        update: bool = True,
    ) -> int:
        """Insert the row with this key, or bring the existing one up to date; return its id.

        With `update=False` an existing row is left as it is: another source owns it.
        """
        row = self.find(table, key) if known is _UNKNOWN else known
        if row is None:
            return self.insert(table, {**key, **values})
        if update:
            self.update_changed(table, row, values)
        else:
            self.count(table, UNCHANGED)
        return int(row[_pk(table).name])

    def delete(self, table: Table, ids: Iterable[int]) -> None:
        """Delete rows by primary key."""
        ids = list(ids)
        if ids:
            pk = _pk(table)
            self.session.execute(table.delete().where(pk.in_(ids)))
            self.count(table, DELETED, len(ids))


def _pk(table: Table) -> Any:
    return next(iter(table.primary_key.columns))


def _equals(table: Table, name: str, value: Any) -> ColumnElement[bool]:
    column = table.c[name]
    return column.is_(None) if value is None else column == value


def date_columns(date: FuzzyDate | None) -> dict[str, Any]:
    """Return the fuzzy-date columns (`date_*`) for a date, all empty when there is none."""
    if date is None:
        return {
            "date_verbatim": None,
            "date_edtf": None,
            "date_lower": None,
            "date_upper": None,
            "date_precision": None,
            "date_qualifiers": [],
        }
    return {
        "date_verbatim": date.verbatim,
        "date_edtf": date.edtf,
        "date_lower": date.lower,
        "date_upper": date.upper,
        "date_precision": date.precision.value,
        # Sorted so that a re-import compares equal to what it wrote before.
        "date_qualifiers": sorted(q.value for q in date.qualifiers),
    }


def moment_columns(prefix: str, verbatim: str | None, date: FuzzyDate | None) -> dict[str, Any]:
    """Return `<prefix>_verbatim/_edtf/_lower/_upper` for a sending or receiving date."""
    return {
        f"{prefix}_verbatim": verbatim if verbatim is not None else date and date.verbatim,
        f"{prefix}_edtf": date.edtf if date else None,
        f"{prefix}_lower": date.lower if date else None,
        f"{prefix}_upper": date.upper if date else None,
    }


def reference_columns(reference: ArchivalReference) -> dict[str, Any]:
    """Return an archival_references row for a parsed reference, verbatim beside normalised."""
    return {
        "repository": reference.repository,
        "repository_as_printed": reference.repository_as_printed,
        "fond": reference.fond,
        "opis": reference.opis,
        "delo": reference.delo,
        "folios": reference.folio_text or None,
        "verbatim": reference.verbatim,
        "normalised": reference.normalised(),
        "doubtful": reference.doubtful,
        "note": reference.note,
        "confidence": reference.confidence,
    }


def reference_labels(reference: ArchivalReference) -> set[str]:
    """Return the normalised readings under which another edition may cite this reference."""
    labels = {reference.normalised()}
    if reference.likely is not None:
        labels.add(reference.likely.normalised())
    return labels
