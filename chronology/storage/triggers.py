"""The SQL of the triggers that register records, bump versions and write the audit trail.

Kept in one place so that the migration and the tests name the same objects.
"""

from __future__ import annotations

# Tables whose rows are records with a global id, and the kind each registers.
RECORD_TABLES = {
    "persons": "person",
    "bodies": "body",
    "documents": "document",
    "decisions": "decision",
    "votes": "vote",
    "events": "event",
}

# Every editable table, with the column that names a row in the audit trail.
AUDITED_TABLES = {
    "archival_references": "id",
    "persons": "id",
    "name_variants": "id",
    "bodies": "id",
    "memberships": "id",
    "documents": "id",
    "document_parties": "id",
    "copies": "id",
    "publications": "id",
    "editions": "id",
    "annotations": "id",
    "decisions": "id",
    "votes": "id",
    "tallies": "decision_id",
    "events": "id",
    "event_participants": "id",
    "relations": "id",
}

# Derived columns stay out of comparisons and the trail: they follow from the rest.
_DERIVED = "- 'search' - 'date_span' - 'updated_at' - 'version' - 'created_at'"

# Built from the constants above only: no outside input reaches this SQL.
FUNCTIONS = f"""
CREATE FUNCTION chronology_register_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO records (id, kind) VALUES (NEW.id, TG_ARGV[0]);
    RETURN NEW;
END $$;

CREATE FUNCTION chronology_unregister_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM records WHERE id = OLD.id;
    RETURN OLD;
END $$;

CREATE FUNCTION chronology_touch() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE FUNCTION chronology_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_values jsonb;
    new_values jsonb;
    changed text[];
    row_key text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        new_values := to_jsonb(NEW) - 'search' - 'date_span';
        row_key := new_values ->> TG_ARGV[0];
    ELSIF TG_OP = 'DELETE' THEN
        old_values := to_jsonb(OLD) - 'search' - 'date_span';
        row_key := old_values ->> TG_ARGV[0];
    ELSE
        old_values := to_jsonb(OLD) {_DERIVED};
        new_values := to_jsonb(NEW) {_DERIVED};
        SELECT coalesce(array_agg(n.key), '{{}}') INTO changed
          FROM jsonb_each(new_values) AS n
         WHERE n.value IS DISTINCT FROM old_values -> n.key;
        IF cardinality(changed) = 0 THEN
            RETURN NULL;
        END IF;
        -- Keep only what changed: the trail answers "what changed", not "what was".
        SELECT jsonb_object_agg(key, value) INTO old_values
          FROM jsonb_each(old_values) WHERE key = ANY (changed);
        SELECT jsonb_object_agg(key, value) INTO new_values
          FROM jsonb_each(new_values) WHERE key = ANY (changed);
        row_key := to_jsonb(NEW) ->> TG_ARGV[0];
    END IF;
    INSERT INTO audit_log (table_name, row_key, action, old_values, new_values, actor,
                           transaction_id)
    VALUES (TG_TABLE_NAME, row_key, lower(TG_OP), old_values, new_values,
            nullif(current_setting('chronology.actor', true), ''),
            pg_current_xact_id()::text::bigint);
    RETURN NULL;
END $$;
"""  # noqa: S608


def create_triggers() -> list[str]:
    """Return the statements that attach the triggers to every table."""
    statements: list[str] = [FUNCTIONS]
    for table, kind in RECORD_TABLES.items():
        statements.append(
            f"CREATE TRIGGER register_record BEFORE INSERT ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION chronology_register_record('{kind}')"
        )
        statements.append(
            f"CREATE TRIGGER unregister_record AFTER DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION chronology_unregister_record()"
        )
    for table, key in AUDITED_TABLES.items():
        statements.append(
            f"CREATE TRIGGER touch BEFORE UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION chronology_touch()"
        )
        statements.append(
            f"CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION chronology_audit('{key}')"
        )
    return statements


def drop_triggers() -> list[str]:
    """Return the statements that remove what create_triggers made."""
    statements = [f"DROP TRIGGER IF EXISTS register_record ON {t}" for t in RECORD_TABLES]
    statements += [f"DROP TRIGGER IF EXISTS unregister_record ON {t}" for t in RECORD_TABLES]
    statements += [f"DROP TRIGGER IF EXISTS touch ON {t}" for t in AUDITED_TABLES]
    statements += [f"DROP TRIGGER IF EXISTS audit ON {t}" for t in AUDITED_TABLES]
    statements += [
        "DROP FUNCTION IF EXISTS chronology_register_record()",
        "DROP FUNCTION IF EXISTS chronology_unregister_record()",
        "DROP FUNCTION IF EXISTS chronology_touch()",
        "DROP FUNCTION IF EXISTS chronology_audit()",
    ]
    return statements
