"""Triggers keep versions and the audit trail, whoever writes: the ORM or plain SQL."""

from __future__ import annotations

from sqlalchemy import Connection, text


def test_an_update_in_plain_sql_is_audited_with_its_actor(connection: Connection) -> None:
    connection.execute(text("SET LOCAL chronology.actor = 'archivist'"))
    document_id = connection.execute(
        text("INSERT INTO documents (kind, title) VALUES ('letter', 'Draft title') RETURNING id")
    ).scalar_one()
    connection.execute(text("UPDATE documents SET title = 'Corrected title' WHERE id = :id"), {"id": document_id})
    trail = connection.execute(
        text(
            "SELECT action, old_values, new_values, actor FROM audit_log "
            "WHERE table_name = 'documents' AND row_key = :key ORDER BY id"
        ),
        {"key": str(document_id)},
    ).all()
    assert [row.action for row in trail] == ["insert", "update"]
    update = trail[1]
    assert update.old_values == {"title": "Draft title"}
    assert update.new_values == {"title": "Corrected title"}
    assert update.actor == "archivist"


def test_a_real_change_bumps_the_version_and_a_no_op_does_not(connection: Connection) -> None:
    document_id = connection.execute(
        text("INSERT INTO documents (kind, title) VALUES ('note', 'A note') RETURNING id")
    ).scalar_one()
    version = "SELECT version FROM documents WHERE id = :id"
    connection.execute(text("UPDATE documents SET title = 'A note' WHERE id = :id"), {"id": document_id})
    assert connection.execute(text(version), {"id": document_id}).scalar_one() == 1
    connection.execute(text("UPDATE documents SET title = 'A longer note' WHERE id = :id"), {"id": document_id})
    assert connection.execute(text(version), {"id": document_id}).scalar_one() == 2
    updates = connection.execute(
        text("SELECT count(*) FROM audit_log WHERE table_name = 'documents' AND row_key = :key AND action = 'update'"),
        {"key": str(document_id)},
    ).scalar_one()
    assert updates == 1


def test_a_delete_keeps_the_old_values(connection: Connection) -> None:
    document_id = connection.execute(
        text("INSERT INTO documents (kind, title) VALUES ('note', 'Doomed') RETURNING id")
    ).scalar_one()
    connection.execute(text("DELETE FROM documents WHERE id = :id"), {"id": document_id})
    old = connection.execute(
        text(
            "SELECT old_values FROM audit_log WHERE table_name = 'documents' AND row_key = :key AND action = 'delete'"
        ),
        {"key": str(document_id)},
    ).scalar_one()
    assert old["title"] == "Doomed"
