"""indexes and counts for speed at scale

Indexes for the keys the API pages by (undated records last), stored search vectors for
decisions and events, and `timeline_counts` for histograms, kept by statement triggers.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 14:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from chronology.storage.span_counts import create_span_counting, drop_span_counting

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_LAST = "coalesce(date_lower, '9999-12-31'::date)"
_FIRST = "coalesce(date_lower, '0001-01-01'::date)"
_TIMELINE = [
    "id",
    "date_lower",
    "date_upper",
    "date_verbatim",
    "date_edtf",
    "date_precision",
    "date_qualifiers",
    "title",
]
_DECISION_VECTOR = (
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(full_text, '')), 'C')"
)
_EVENT_VECTOR = (
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B')"
)


def upgrade() -> None:
    """Apply this revision."""
    # Paging by date sorts undated records last through coalesce(): index that very key.
    op.create_index("ix_documents_date_order", "documents", [sa.text(_LAST), "id"])
    op.create_index("ix_documents_date_order_desc", "documents", [sa.text(_FIRST), "id"])
    op.create_index("ix_decisions_date_order", "decisions", [sa.text(_LAST), "id"])
    op.create_index("ix_events_date_order", "events", [sa.text(_LAST), "id"])
    # A timeline window read from the index alone: its spans with what an item shows.
    op.create_index(
        "ix_documents_timeline",
        "documents",
        ["date_span"],
        postgresql_using="gist",
        postgresql_include=[*_TIMELINE, "kind"],
    )
    op.create_index(
        "ix_decisions_timeline",
        "decisions",
        ["date_span"],
        postgresql_using="gist",
        postgresql_include=[*_TIMELINE, "body_id"],
    )
    op.add_column(
        "decisions",
        sa.Column("search", postgresql.TSVECTOR(), sa.Computed(_DECISION_VECTOR, persisted=True)),
    )
    op.create_index("ix_decisions_search", "decisions", ["search"], postgresql_using="gin")
    op.add_column(
        "events",
        sa.Column("search", postgresql.TSVECTOR(), sa.Computed(_EVENT_VECTOR, persisted=True)),
    )
    op.create_index("ix_events_search", "events", ["search"], postgresql_using="gin")
    op.create_table(
        "timeline_counts",
        sa.Column("record_type", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("date_lower", sa.Date(), nullable=False),
        sa.Column("date_upper", sa.Date(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "record_type IN ('document', 'decision', 'event')",
            name=op.f("ck_timeline_counts_record_type"),
        ),
        sa.CheckConstraint("date_lower <= date_upper", name=op.f("ck_timeline_counts_date_bounds_ordered")),
        sa.PrimaryKeyConstraint("record_type", "kind", "date_lower", "date_upper", name=op.f("pk_timeline_counts")),
    )
    for statement in create_span_counting():
        op.execute(statement)


def downgrade() -> None:
    """Revert this revision."""
    for statement in drop_span_counting():
        op.execute(statement)
    op.drop_table("timeline_counts")
    op.drop_index("ix_events_search", table_name="events", postgresql_using="gin")
    op.drop_column("events", "search")
    op.drop_index("ix_decisions_search", table_name="decisions", postgresql_using="gin")
    op.drop_column("decisions", "search")
    op.drop_index("ix_decisions_timeline", table_name="decisions", postgresql_using="gist")
    op.drop_index("ix_documents_timeline", table_name="documents", postgresql_using="gist")
    op.drop_index("ix_events_date_order", table_name="events")
    op.drop_index("ix_decisions_date_order", table_name="decisions")
    op.drop_index("ix_documents_date_order_desc", table_name="documents")
    op.drop_index("ix_documents_date_order", table_name="documents")
