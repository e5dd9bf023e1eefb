"""The SQL that keeps `timeline_counts`: records counted by type, kind and span of possible days.

Statement-level triggers with transition tables add the inserted rows' spans and take
away the deleted ones' (an update does both), so an import of a thousand documents
costs one upsert per statement, not one per row. Bulk loads that switch triggers off
call `chronology_refresh_timeline_counts()` afterwards. Kept in one place so that the
migration, the bench generator and the tests name the same objects.
"""

# ruff: noqa: S608 - the SQL is built from the constants below only; no outside input reaches it.
from __future__ import annotations

# Table -> (record type, the column giving a row's kind, if any). Every record counts
# twice where it has a kind: under its kind, and under '' (all kinds), so that a
# histogram without a kind filter reads only the '' rows.
COUNTED_TABLES = {
    "documents": ("document", "kind"),
    "decisions": ("decision", None),
    "events": ("event", "type"),
}
ALL_KINDS = ""
_OPERATIONS = {"INSERT": "insert", "UPDATE": "update", "DELETE": "delete"}


def _kinds(kind: str | None) -> str:
    return f"(VALUES (s.{kind}), ('{ALL_KINDS}'))" if kind else f"(VALUES ('{ALL_KINDS}'))"


def _spans(kind: str | None, source: str, sign: int) -> str:
    return (
        f"SELECT k.kind, s.date_lower, s.date_upper, {sign} AS n FROM {source} s "
        f"CROSS JOIN LATERAL {_kinds(kind)} AS k(kind) "
        "WHERE s.date_lower IS NOT NULL AND s.date_lower <= s.date_upper"
    )


def _function(table: str) -> str:
    record_type, kind = COUNTED_TABLES[table]
    changed = f"{_spans(kind, 'old_rows', -1)} UNION ALL {_spans(kind, 'new_rows', 1)}"
    sources = {"INSERT": _spans(kind, "new_rows", 1), "DELETE": _spans(kind, "old_rows", -1)}
    branches = []
    for operation, source in (*sources.items(), ("UPDATE", changed)):
        branches.append(
            f"""    IF TG_OP = '{operation}' THEN
        -- Sorted, so that concurrent writers lock the count rows in the same order.
        INSERT INTO timeline_counts AS t (record_type, kind, date_lower, date_upper, records)
        SELECT '{record_type}', kind, date_lower, date_upper, sum(n) FROM ({source}) c
         GROUP BY kind, date_lower, date_upper HAVING sum(n) <> 0
         ORDER BY kind, date_lower, date_upper
        ON CONFLICT (record_type, kind, date_lower, date_upper)
        DO UPDATE SET records = t.records + excluded.records;
    END IF;"""
        )
    # Spans left with no record go, wherever a row was deleted or moved away.
    cleanup = f"""    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM timeline_counts t USING ({_spans(kind, "old_rows", -1)}) o
         WHERE t.record_type = '{record_type}' AND t.kind = o.kind AND t.date_lower = o.date_lower
           AND t.date_upper = o.date_upper AND t.records <= 0;
    END IF;"""
    body = "\n".join(branches)
    return f"""
CREATE FUNCTION chronology_count_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
{body}
{cleanup}
    RETURN NULL;
END $$;
"""


def recount_sql() -> str:
    """Return a SELECT of every count (record_type, kind, date_lower, date_upper, records) from the record tables."""
    return " UNION ALL ".join(
        f"SELECT '{record_type}' AS record_type, kind, date_lower, date_upper, count(*) AS records "
        f"FROM ({_spans(kind, table, 1)}) c GROUP BY 2, 3, 4"
        for table, (record_type, kind) in COUNTED_TABLES.items()
    )


def refresh_sql() -> str:
    """Return the SQL that rebuilds every count from the record tables."""
    return (
        "DELETE FROM timeline_counts; "
        f"INSERT INTO timeline_counts (record_type, kind, date_lower, date_upper, records) {recount_sql()}"
    )


REFRESH_FUNCTION = f"""
CREATE FUNCTION chronology_refresh_timeline_counts() RETURNS void LANGUAGE sql AS $$
{refresh_sql()}
$$;
"""


def create_span_counting() -> list[str]:
    """Return the statements creating the counting functions and triggers, then filling the counts."""
    statements = [REFRESH_FUNCTION]
    for table in COUNTED_TABLES:
        statements.append(_function(table))
        for operation, name in _OPERATIONS.items():
            transition = {
                "INSERT": "NEW TABLE AS new_rows",
                "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
                "DELETE": "OLD TABLE AS old_rows",
            }[operation]
            statements.append(
                f"CREATE TRIGGER {table}_count_{name} AFTER {operation} ON {table} "
                f"REFERENCING {transition} FOR EACH STATEMENT EXECUTE FUNCTION chronology_count_{table}()"
            )
    statements.append("SELECT chronology_refresh_timeline_counts()")
    return statements


def drop_span_counting() -> list[str]:
    """Return the statements dropping what `create_span_counting` made."""
    statements = [
        f"DROP TRIGGER IF EXISTS {table}_count_{name} ON {table}"
        for table in COUNTED_TABLES
        for name in _OPERATIONS.values()
    ]
    statements += [f"DROP FUNCTION IF EXISTS chronology_count_{table}()" for table in COUNTED_TABLES]
    statements.append("DROP FUNCTION IF EXISTS chronology_refresh_timeline_counts()")
    return statements
