"""Changing a part of a record (a party, a copy, a name variant) changes the record's version."""

from __future__ import annotations

from sqlalchemy import Connection, text


def _version(connection: Connection, table: str, row_id: int) -> int:
    return int(connection.execute(text(f"SELECT version FROM {table} WHERE id = :id"), {"id": row_id}).scalar_one())


def test_a_new_document_with_its_parties_stays_at_version_one(connection: Connection) -> None:
    person = connection.execute(
        text("INSERT INTO persons (canonical_name, sort_name) VALUES ('Kaganovich', 'Kaganovich') RETURNING id")
    ).scalar_one()
    document = connection.execute(
        text("INSERT INTO documents (kind, title) VALUES ('letter', 'L') RETURNING id")
    ).scalar_one()
    connection.execute(
        text("INSERT INTO document_parties (document_id, role, position, person_id) VALUES (:d, 'author', 1, :p)"),
        {"d": document, "p": person},
    )
    assert _version(connection, "documents", document) == 1


def test_changing_only_a_party_bumps_the_document_once(connection: Connection) -> None:
    person = connection.execute(
        text("INSERT INTO persons (canonical_name, sort_name) VALUES ('Yezhov', 'Yezhov') RETURNING id")
    ).scalar_one()
    # Written in an earlier transaction: now() is this transaction's start, a savepoint would not do.
    document = connection.execute(
        text(
            "INSERT INTO documents (kind, title, updated_at) "
            "VALUES ('letter', 'L', now() - interval '1 day') RETURNING id"
        )
    ).scalar_one()
    for position in (1, 2):
        connection.execute(
            text(
                "INSERT INTO document_parties (document_id, role, position, person_id) VALUES (:d, 'recipient', :n, :p)"
            ),
            {"d": document, "p": person, "n": position},
        )
    assert _version(connection, "documents", document) == 2
    audit_rows = connection.execute(
        text("SELECT count(*) FROM audit_log WHERE table_name = 'documents' AND action = 'update'")
    ).scalar_one()
    assert audit_rows == 0


def test_a_new_name_variant_bumps_the_person(connection: Connection) -> None:
    person = connection.execute(
        text(
            "INSERT INTO persons (canonical_name, sort_name, updated_at) "
            "VALUES ('Chubar', 'Chubar', now() - interval '1 day') RETURNING id"
        )
    ).scalar_one()
    connection.execute(
        text("INSERT INTO name_variants (person_id, name, kind) VALUES (:p, 'Chybar', 'ocr_error')"), {"p": person}
    )
    assert _version(connection, "persons", person) == 2
