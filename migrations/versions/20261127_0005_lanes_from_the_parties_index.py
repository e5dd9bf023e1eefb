"""a document's first author read from the parties index alone

The timeline puts each document in the lane of its first author: one lookup of
(document, 'author', lowest position) per item, thousands per window. The unique index on
(document_id, role, position) now also carries person_id and body_id, so the lookup never
visits the table; the plain index on document_id it makes redundant is dropped.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 11:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UNIQUE = "uq_document_parties_document_id_role_position"


def upgrade() -> None:
    """Rebuild the parties' unique index with the agent columns; drop the document_id index."""
    op.drop_constraint(_UNIQUE, "document_parties", type_="unique")
    # Raw DDL: Alembic's constraint helper builds a table of the key columns only and cannot name INCLUDE ones.
    op.execute(
        f"ALTER TABLE document_parties ADD CONSTRAINT {_UNIQUE}"
        " UNIQUE (document_id, role, position) INCLUDE (person_id, body_id)"
    )
    op.drop_index("ix_document_parties_document_id", table_name="document_parties")


def downgrade() -> None:
    """Revert this revision."""
    op.create_index("ix_document_parties_document_id", "document_parties", ["document_id"], unique=False)
    op.drop_constraint(_UNIQUE, "document_parties", type_="unique")
    op.create_unique_constraint(_UNIQUE, "document_parties", ["document_id", "role", "position"])
