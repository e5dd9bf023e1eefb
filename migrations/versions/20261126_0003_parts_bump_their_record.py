"""A change to a record's parts (parties, copies, variants …) changes the record's version

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 15:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Child table → (parent table, the column naming the parent).
PARTS = {
    "document_parties": ("documents", "document_id"),
    "copies": ("documents", "document_id"),
    "editions": ("documents", "document_id"),
    "annotations": ("documents", "document_id"),
    "name_variants": ("persons", "person_id"),
    "event_participants": ("events", "event_id"),
    "tallies": ("decisions", "decision_id"),
}

_DERIVED = "- 'search' - 'date_span' - 'updated_at' - 'version' - 'created_at'"

TOUCH = f"""
CREATE OR REPLACE FUNCTION chronology_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (to_jsonb(NEW) {_DERIVED}) IS DISTINCT FROM (to_jsonb(OLD) {_DERIVED}) THEN
        NEW.version := OLD.version + 1;
        NEW.updated_at := now();
    ELSIF NEW.version > OLD.version THEN
        -- An explicit bump: one of the record's parts changed (see chronology_touch_parent).
        NEW.version := OLD.version + 1;
        NEW.updated_at := now();
    ELSE
        NEW.version := OLD.version;
        NEW.updated_at := OLD.updated_at;
    END IF;
    RETURN NEW;
END $$;
"""

TOUCH_PARENT = """
CREATE FUNCTION chronology_touch_parent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    part jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
BEGIN
    -- Once per transaction: a record written in this transaction (created, or already
    -- bumped) has updated_at = now() and needs no second bump.
    EXECUTE format('UPDATE %I SET version = version + 1 WHERE id = $1 AND updated_at <> now()', TG_ARGV[0])
        USING (part ->> TG_ARGV[1])::bigint;
    RETURN NULL;
END $$;
"""

OLD_TOUCH = f"""
CREATE OR REPLACE FUNCTION chronology_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (to_jsonb(NEW) {_DERIVED}) IS DISTINCT FROM (to_jsonb(OLD) {_DERIVED}) THEN
        NEW.version := OLD.version + 1;
        NEW.updated_at := now();
    ELSE
        NEW.version := OLD.version;
        NEW.updated_at := OLD.updated_at;
    END IF;
    RETURN NEW;
END $$;
"""


def upgrade() -> None:
    """Let a change to a part bump its record's version, so stale edits of the whole are refused."""
    op.execute(TOUCH)
    op.execute(TOUCH_PARENT)
    for child, (parent, column) in PARTS.items():
        op.execute(
            f"CREATE TRIGGER touch_parent AFTER INSERT OR UPDATE OR DELETE ON {child} "
            f"FOR EACH ROW EXECUTE FUNCTION chronology_touch_parent('{parent}', '{column}')"
        )


def downgrade() -> None:
    """Revert this revision."""
    for child in PARTS:
        op.execute(f"DROP TRIGGER IF EXISTS touch_parent ON {child}")
    op.execute("DROP FUNCTION IF EXISTS chronology_touch_parent()")
    op.execute(OLD_TOUCH)
