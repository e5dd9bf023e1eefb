"""a timeline window read in date order, one index per reach of a date

A window's items are the first few thousand of its overlapping records by first day. From a
GiST index on the spans every overlapping record had to be read and sorted (about 22,000 for
two months at a million documents). A record whose last possible day is at most R days after
its first began at most R days before the window, so one date-ordered index per reach (a day,
up to a month, up to a year, longer) is read in order from there and stopped early. The GiST
covering indexes they replace are dropped; the plain GiST index on the span stays for other windows.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of chronology.models.records' definitions as of this revision.
_SHOWN = ["date_upper", "date_verbatim", "date_edtf", "date_precision", "date_qualifiers", "title"]
_REACHES = (
    ("day", "(date_upper - date_lower) = 0"),
    ("month", "(date_upper - date_lower) BETWEEN 1 AND 31"),
    ("year", "(date_upper - date_lower) BETWEEN 32 AND 366"),
    ("longer", "(date_upper - date_lower) >= 367"),
)
_EXTRA = {"documents": "kind", "decisions": "body_id", "events": "type"}
_GIST_COVERING = {"documents": "kind", "decisions": "body_id"}


def upgrade() -> None:
    """Create the per-reach indexes; drop the GiST covering indexes."""
    for table, extra in _EXTRA.items():
        for name, predicate in _REACHES:
            op.create_index(
                f"ix_{table}_timeline_{name}",
                table,
                ["date_lower", "id"],
                postgresql_include=[*_SHOWN, extra],
                postgresql_where=sa.text(predicate),
            )
        # Without statistics on the reach the planner guesses 0.5% of rows per reach and
        # sorts a bitmap scan instead of reading the index in order.
        op.execute(f"CREATE STATISTICS st_{table}_reach ON (date_upper - date_lower) FROM {table}")
        op.execute(f"ANALYZE {table}")
    for table in _GIST_COVERING:
        op.drop_index(f"ix_{table}_timeline", table_name=table, postgresql_using="gist")


def downgrade() -> None:
    """Revert this revision."""
    for table, extra in _GIST_COVERING.items():
        op.create_index(
            f"ix_{table}_timeline",
            table,
            ["date_span"],
            postgresql_using="gist",
            postgresql_include=["id", "date_lower", *_SHOWN, extra],
        )
    for table in _EXTRA:
        op.execute(f"DROP STATISTICS st_{table}_reach")
        for name, _ in _REACHES:
            op.drop_index(f"ix_{table}_timeline_{name}", table_name=table)
