"""bodies need review

A body the import creates from a name outside the authority list ("Pravda") is flagged for a
human to check, as unknown persons already are.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the review flag to bodies; existing bodies start unflagged."""
    op.add_column(
        "bodies",
        sa.Column("needs_review", sa.Boolean(), server_default=sa.text("false"), nullable=False),
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_column("bodies", "needs_review")
