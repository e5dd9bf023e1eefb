"""the review queue as records

What an import asks a human to check is stored: source file, line, kind, reason, verbatim,
likely reading, the record concerned, and whether (and by whom) it was resolved. Audited and
versioned like every editable table.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copy of chronology.models.review.REVIEW_KINDS as of this revision.
_KINDS = ("name", "reference", "misprint", "date", "count", "structure", "vocabulary", "reading")


def upgrade() -> None:
    """Create the review_items table with its audit and version triggers."""
    op.create_table(
        "review_items",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("source_file", sa.Text(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("verbatim", sa.Text(), nullable=False),
        sa.Column("likely_reading", sa.Text(), nullable=True),
        sa.Column("fingerprint", sa.Text(), nullable=False),
        sa.Column("record_id", sa.BigInteger(), nullable=True),
        sa.Column("status", sa.Text(), server_default="open", nullable=False),
        sa.Column("resolved_by", sa.Text(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("status IN ('open', 'resolved')", name=op.f("ck_review_items_status")),
        sa.CheckConstraint(
            "kind IN (" + ", ".join(f"'{kind}'" for kind in _KINDS) + ")", name=op.f("ck_review_items_kind")
        ),
        sa.CheckConstraint(
            "(status = 'resolved') = (resolved_at IS NOT NULL)", name=op.f("ck_review_items_resolved_when")
        ),
        sa.ForeignKeyConstraint(
            ["record_id"], ["records.id"], name=op.f("fk_review_items_record_id_records"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_items")),
        sa.UniqueConstraint(
            "source_file", "line", "fingerprint", name=op.f("uq_review_items_source_file_line_fingerprint")
        ),
    )
    op.create_index("ix_review_items_open_file", "review_items", ["status", "source_file", "line"])
    op.create_index("ix_review_items_record_id", "review_items", ["record_id"])
    # The functions exist since 0001; the table joins the audited ones.
    op.execute("CREATE TRIGGER touch BEFORE UPDATE ON review_items FOR EACH ROW EXECUTE FUNCTION chronology_touch()")
    op.execute(
        "CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON review_items "
        "FOR EACH ROW EXECUTE FUNCTION chronology_audit('id')"
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("review_items")
