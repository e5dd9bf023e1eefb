"""the chronology data model

Revision ID: 0001
Revises:
Create Date: 2026-11-25 13:16:14.157256
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from chronology.storage.triggers import create_triggers, drop_triggers

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    # Trigram search over names and variants; GiST over date ranges.
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    # One id space for every record, so that relations can point at any of them.
    op.execute("CREATE SEQUENCE record_id_seq AS bigint")
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("token_hash", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("role IN ('reader', 'editor', 'admin')", name=op.f("ck_api_tokens_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("name", name=op.f("uq_api_tokens_name")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
    )
    op.create_table(
        "archival_references",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("repository", sa.Text(), nullable=True),
        sa.Column("repository_as_printed", sa.Text(), nullable=True),
        sa.Column("fond", sa.Text(), nullable=False),
        sa.Column("opis", sa.Text(), nullable=True),
        sa.Column("delo", sa.Text(), nullable=True),
        sa.Column("folios", sa.Text(), nullable=True),
        sa.Column("verbatim", sa.Text(), nullable=False),
        sa.Column("normalised", sa.Text(), nullable=False),
        sa.Column("doubtful", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("confidence", sa.Float(), server_default=sa.text("1.0"), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "confidence >= 0 AND confidence <= 1",
            name=op.f("ck_archival_references_confidence_range"),
        ),
        sa.CheckConstraint("length(btrim(fond)) > 0", name=op.f("ck_archival_references_fond_not_blank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_archival_references")),
    )
    op.create_index(
        "ix_archival_references_location",
        "archival_references",
        ["repository", "fond", "opis", "delo"],
        unique=False,
    )
    op.create_index(
        op.f("ix_archival_references_normalised"),
        "archival_references",
        ["normalised"],
        unique=False,
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("table_name", sa.Text(), nullable=False),
        sa.Column("row_key", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("old_values", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("new_values", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column("transaction_id", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("action IN ('insert', 'update', 'delete')", name=op.f("ck_audit_log_action")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index("ix_audit_log_table_key", "audit_log", ["table_name", "row_key", "id"], unique=False)
    op.create_table(
        "publications",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("editors", sa.Text(), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publications")),
        sa.UniqueConstraint("title", "year", name=op.f("uq_publications_title_year")),
    )
    op.create_table(
        "records",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('person', 'body', 'document', 'decision', 'vote', 'event')",
            name=op.f("ck_records_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_records")),
    )
    op.create_table(
        "bodies",
        sa.Column("authority_key", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("short_name", sa.Text(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column(
            "variants",
            postgresql.ARRAY(sa.Text()),
            server_default=sa.text("'{}'::text[]"),
            nullable=False,
        ),
        sa.Column("parent_id", sa.BigInteger(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column(
            "id",
            sa.BigInteger(),
            server_default=sa.text("nextval('record_id_seq')"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "kind IN ('party_organ', 'state_organ', 'commissariat', 'court', 'regional_committee', 'other')",
            name=op.f("ck_bodies_kind"),
        ),
        sa.ForeignKeyConstraint(["id"], ["records.id"], name=op.f("fk_bodies_id_records"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["bodies.id"],
            name=op.f("fk_bodies_parent_id_bodies"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bodies")),
        sa.UniqueConstraint("authority_key", name=op.f("uq_bodies_authority_key")),
        sa.UniqueConstraint("name", name=op.f("uq_bodies_name")),
    )
    op.create_table(
        "documents",
        sa.Column("natural_key", sa.Text(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("classification", sa.Text(), nullable=True),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("full_text", sa.Text(), nullable=True),
        sa.Column(
            "search",
            postgresql.TSVECTOR(),
            sa.Computed(
                "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(full_text, '')), 'C')",
                persisted=True,
            ),
            nullable=False,
        ),
        sa.Column("sent_verbatim", sa.Text(), nullable=True),
        sa.Column("sent_edtf", sa.Text(), nullable=True),
        sa.Column("sent_lower", sa.Date(), nullable=True),
        sa.Column("sent_upper", sa.Date(), nullable=True),
        sa.Column("sent_time", sa.Text(), nullable=True),
        sa.Column("received_verbatim", sa.Text(), nullable=True),
        sa.Column("received_edtf", sa.Text(), nullable=True),
        sa.Column("received_lower", sa.Date(), nullable=True),
        sa.Column("received_upper", sa.Date(), nullable=True),
        sa.Column("received_time", sa.Text(), nullable=True),
        sa.Column("incoming_number", sa.Text(), nullable=True),
        sa.Column("outgoing_number", sa.Text(), nullable=True),
        sa.Column("secretary_number", sa.Text(), nullable=True),
        sa.Column("protocol_number", sa.Text(), nullable=True),
        sa.Column("protocol_item", sa.Text(), nullable=True),
        sa.Column("needs_review", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column(
            "id",
            sa.BigInteger(),
            server_default=sa.text("nextval('record_id_seq')"),
            nullable=False,
        ),
        sa.Column("date_verbatim", sa.Text(), nullable=True),
        sa.Column("date_edtf", sa.Text(), nullable=True),
        sa.Column("date_lower", sa.Date(), nullable=True),
        sa.Column("date_upper", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.Text(), nullable=True),
        sa.Column(
            "date_qualifiers",
            postgresql.ARRAY(sa.Text()),
            server_default=sa.text("'{}'::text[]"),
            nullable=False,
        ),
        sa.Column(
            "date_span",
            postgresql.DATERANGE(),
            sa.Computed(
                "CASE WHEN date_lower <= date_upper THEN daterange(date_lower, date_upper, '[]') END",
                persisted=True,
            ),
            nullable=True,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "date_precision IS NULL OR date_precision IN ('day', 'month', 'season', 'year', 'decade')",
            name=op.f("ck_documents_date_precision"),
        ),
        sa.CheckConstraint(
            "kind IN ('letter', 'cipher_telegram', 'telegram', 'ticker_tape', 'memorandum', 'protocol_extract', 'decree', 'resolution', 'circular', 'order', 'speech', 'report', 'note', 'article', 'transcript', 'other')",
            name=op.f("ck_documents_kind"),
        ),
        sa.CheckConstraint(
            "(date_edtf IS NULL) = (date_lower IS NULL) AND (date_lower IS NULL) = (date_upper IS NULL) AND (date_lower IS NULL) = (date_precision IS NULL)",
            name=op.f("ck_documents_date_complete"),
        ),
        sa.CheckConstraint("date_lower <= date_upper", name=op.f("ck_documents_date_bounds_ordered")),
        sa.CheckConstraint("length(btrim(title)) > 0", name=op.f("ck_documents_title_not_blank")),
        sa.CheckConstraint(
            "received_lower IS NULL OR received_upper IS NULL OR received_lower <= received_upper",
            name=op.f("ck_documents_received_bounds_ordered"),
        ),
        sa.CheckConstraint(
            "sent_lower IS NULL OR sent_upper IS NULL OR sent_lower <= sent_upper",
            name=op.f("ck_documents_sent_bounds_ordered"),
        ),
        sa.ForeignKeyConstraint(["id"], ["records.id"], name=op.f("fk_documents_id_records"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("natural_key", name=op.f("uq_documents_natural_key")),
    )
    op.create_index("ix_documents_date_lower_id", "documents", ["date_lower", "id"], unique=False)
    op.create_index("ix_documents_date_span", "documents", ["date_span"], unique=False, postgresql_using="gist")
    op.create_index("ix_documents_kind_date_lower_id", "documents", ["kind", "date_lower", "id"], unique=False)
    op.create_index("ix_documents_search", "documents", ["search"], unique=False, postgresql_using="gin")
    op.create_table(
        "events",
        sa.Column("natural_key", sa.Text(), nullable=True),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column(
            "places",
            postgresql.ARRAY(sa.Text()),
            server_default=sa.text("'{}'::text[]"),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column(
            "id",
            sa.BigInteger(),
            server_default=sa.text("nextval('record_id_seq')"),
            nullable=False,
        ),
        sa.Column("date_verbatim", sa.Text(), nullable=True),
        sa.Column("date_edtf", sa.Text(), nullable=True),
        sa.Column("date_lower", sa.Date(), nullable=True),
        sa.Column("date_upper", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.Text(), nullable=True),
        sa.Column(
            "date_qualifiers",
            postgresql.ARRAY(sa.Text()),
            server_default=sa.text("'{}'::text[]"),
            nullable=False,
        ),
        sa.Column(
            "date_span",
            postgresql.DATERANGE(),
            sa.Computed(
                "CASE WHEN date_lower <= date_upper THEN daterange(date_lower, date_upper, '[]') END",
                persisted=True,
            ),
            nullable=True,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "date_precision IS NULL OR date_precision IN ('day', 'month', 'season', 'year', 'decade')",
            name=op.f("ck_events_date_precision"),
        ),
        sa.CheckConstraint(
            "type IN ('trial', 'plenum', 'congress', 'conference', 'meeting', 'appointment', 'dismissal', 'arrest', 'execution', 'death', 'assassination', 'suicide', 'journey', 'vacation', 'campaign', 'other')",
            name=op.f("ck_events_type"),
        ),
        sa.CheckConstraint(
            "(date_edtf IS NULL) = (date_lower IS NULL) AND (date_lower IS NULL) = (date_upper IS NULL) AND (date_lower IS NULL) = (date_precision IS NULL)",
            name=op.f("ck_events_date_complete"),
        ),
        sa.CheckConstraint("date_lower <= date_upper", name=op.f("ck_events_date_bounds_ordered")),
        sa.CheckConstraint("length(btrim(title)) > 0", name=op.f("ck_events_title_not_blank")),
        sa.ForeignKeyConstraint(["id"], ["records.id"], name=op.f("fk_events_id_records"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("natural_key", name=op.f("uq_events_natural_key")),
    )
    op.create_index("ix_events_date_lower_id", "events", ["date_lower", "id"], unique=False)
    op.create_index("ix_events_date_span", "events", ["date_span"], unique=False, postgresql_using="gist")
    op.create_table(
        "persons",
        sa.Column("authority_key", sa.Text(), nullable=True),
        sa.Column("canonical_name", sa.Text(), nullable=False),
        sa.Column("sort_name", sa.Text(), nullable=False),
        sa.Column("short_name", sa.Text(), nullable=True),
        sa.Column("wikidata_qid", sa.Text(), nullable=True),
        sa.Column("viaf_id", sa.Text(), nullable=True),
        sa.Column("born_edtf", sa.Text(), nullable=True),
        sa.Column("born_lower", sa.Date(), nullable=True),
        sa.Column("born_upper", sa.Date(), nullable=True),
        sa.Column("died_edtf", sa.Text(), nullable=True),
        sa.Column("died_lower", sa.Date(), nullable=True),
        sa.Column("died_upper", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("needs_review", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column(
            "id",
            sa.BigInteger(),
            server_default=sa.text("nextval('record_id_seq')"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("wikidata_qid ~ '^Q[0-9]+$'", name=op.f("ck_persons_wikidata_qid_format")),
        sa.CheckConstraint(
            "born_lower IS NULL OR born_upper IS NULL OR born_lower <= born_upper",
            name=op.f("ck_persons_born_bounds_ordered"),
        ),
        sa.CheckConstraint(
            "died_lower IS NULL OR died_upper IS NULL OR died_lower <= died_upper",
            name=op.f("ck_persons_died_bounds_ordered"),
        ),
        sa.ForeignKeyConstraint(["id"], ["records.id"], name=op.f("fk_persons_id_records"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_persons")),
        sa.UniqueConstraint("authority_key", name=op.f("uq_persons_authority_key")),
        sa.UniqueConstraint("wikidata_qid", name=op.f("uq_persons_wikidata_qid")),
    )
    op.create_index(
        "ix_persons_canonical_name_trgm",
        "persons",
        ["canonical_name"],
        unique=False,
        postgresql_using="gin",
        postgresql_ops={"canonical_name": "gin_trgm_ops"},
    )
    op.create_table(
        "relations",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("source_id", sa.BigInteger(), nullable=False),
        sa.Column("target_id", sa.BigInteger(), nullable=False),
        sa.Column("certainty", sa.Text(), nullable=False),
        sa.Column("provenance_publication_id", sa.BigInteger(), nullable=True),
        sa.Column("provenance_locator", sa.Text(), nullable=True),
        sa.Column("provenance_summary", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("certainty IN ('certain', 'probable', 'possible')", name=op.f("ck_relations_certainty")),
        sa.CheckConstraint(
            "type IN ('replies_to', 'proposes', 'vote_on', 'decided_by', 'formalised_as', 'implements', 'published_as', 'mentions', 'encloses', 'supersedes', 'version_of', 'part_of')",
            name=op.f("ck_relations_type"),
        ),
        sa.CheckConstraint("source_id <> target_id", name=op.f("ck_relations_not_to_itself")),
        sa.ForeignKeyConstraint(
            ["provenance_publication_id"],
            ["publications.id"],
            name=op.f("fk_relations_provenance_publication_id_publications"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["records.id"],
            name=op.f("fk_relations_source_id_records"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["records.id"],
            name=op.f("fk_relations_target_id_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relations")),
        sa.UniqueConstraint("type", "source_id", "target_id", name=op.f("uq_relations_type_source_id_target_id")),
    )
    op.create_index("ix_relations_source_type", "relations", ["source_id", "type", "target_id"], unique=False)
    op.create_index("ix_relations_target_type", "relations", ["target_id", "type", "source_id"], unique=False)
    op.create_table(
        "annotations",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author_person_id", sa.BigInteger(), nullable=True),
        sa.Column("author_as_printed", sa.Text(), nullable=True),
        sa.Column("locator", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "kind IN ('marginalia', 'resolution', 'crossed_out', 'secretary_mark', 'telegraph_tape', 'editorial_note')",
            name=op.f("ck_annotations_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["author_person_id"],
            ["persons.id"],
            name=op.f("fk_annotations_author_person_id_persons"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_annotations_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_annotations")),
    )
    op.create_index(op.f("ix_annotations_document_id"), "annotations", ["document_id"], unique=False)
    op.create_table(
        "copies",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.BigInteger(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("archival_reference_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "forms",
            postgresql.ARRAY(sa.Text()),
            server_default=sa.text("'{}'::text[]"),
            nullable=False,
        ),
        sa.Column("form_verbatim", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "forms <@ ARRAY['original', 'autograph', 'typescript', 'ticker_tape', 'certified_typewritten_copy', 'typewritten_copy', 'draft_with_corrections', 'handwritten', 'unknown']::text[]",
            name=op.f("ck_copies_forms"),
        ),
        sa.ForeignKeyConstraint(
            ["archival_reference_id"],
            ["archival_references.id"],
            name=op.f("fk_copies_archival_reference_id_archival_references"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_copies_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_copies")),
        sa.UniqueConstraint("document_id", "position", name=op.f("uq_copies_document_id_position")),
    )
    op.create_index(op.f("ix_copies_archival_reference_id"), "copies", ["archival_reference_id"], unique=False)
    op.create_index(op.f("ix_copies_document_id"), "copies", ["document_id"], unique=False)
    op.create_table(
        "decisions",
        sa.Column("natural_key", sa.Text(), nullable=True),
        sa.Column("body_id", sa.BigInteger(), nullable=False),
        sa.Column("procedure", sa.Text(), nullable=False),
        sa.Column("protocol_number", sa.Text(), nullable=True),
        sa.Column("protocol_item", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("full_text", sa.Text(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("archival_reference_id", sa.BigInteger(), nullable=True),
        sa.Column("special_file", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("needs_review", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column(
            "id",
            sa.BigInteger(),
            server_default=sa.text("nextval('record_id_seq')"),
            nullable=False,
        ),
        sa.Column("date_verbatim", sa.Text(), nullable=True),
        sa.Column("date_edtf", sa.Text(), nullable=True),
        sa.Column("date_lower", sa.Date(), nullable=True),
        sa.Column("date_upper", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.Text(), nullable=True),
        sa.Column(
            "date_qualifiers",
            postgresql.ARRAY(sa.Text()),
            server_default=sa.text("'{}'::text[]"),
            nullable=False,
        ),
        sa.Column(
            "date_span",
            postgresql.DATERANGE(),
            sa.Computed(
                "CASE WHEN date_lower <= date_upper THEN daterange(date_lower, date_upper, '[]') END",
                persisted=True,
            ),
            nullable=True,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "date_precision IS NULL OR date_precision IN ('day', 'month', 'season', 'year', 'decade')",
            name=op.f("ck_decisions_date_precision"),
        ),
        sa.CheckConstraint(
            "outcome IN ('approved', 'approved_with_changes', 'rejected', 'postponed', 'referred')",
            name=op.f("ck_decisions_outcome"),
        ),
        sa.CheckConstraint("procedure IN ('meeting', 'poll', 'plenum_vote')", name=op.f("ck_decisions_procedure")),
        sa.CheckConstraint(
            "(date_edtf IS NULL) = (date_lower IS NULL) AND (date_lower IS NULL) = (date_upper IS NULL) AND (date_lower IS NULL) = (date_precision IS NULL)",
            name=op.f("ck_decisions_date_complete"),
        ),
        sa.CheckConstraint("date_lower <= date_upper", name=op.f("ck_decisions_date_bounds_ordered")),
        sa.CheckConstraint("length(btrim(title)) > 0", name=op.f("ck_decisions_title_not_blank")),
        sa.ForeignKeyConstraint(
            ["archival_reference_id"],
            ["archival_references.id"],
            name=op.f("fk_decisions_archival_reference_id_archival_references"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["body_id"],
            ["bodies.id"],
            name=op.f("fk_decisions_body_id_bodies"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(["id"], ["records.id"], name=op.f("fk_decisions_id_records"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
        sa.UniqueConstraint("natural_key", name=op.f("uq_decisions_natural_key")),
    )
    op.create_index(
        op.f("ix_decisions_archival_reference_id"),
        "decisions",
        ["archival_reference_id"],
        unique=False,
    )
    op.create_index(op.f("ix_decisions_body_id"), "decisions", ["body_id"], unique=False)
    op.create_index("ix_decisions_date_lower_id", "decisions", ["date_lower", "id"], unique=False)
    op.create_index("ix_decisions_date_span", "decisions", ["date_span"], unique=False, postgresql_using="gist")
    op.create_table(
        "document_parties",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.BigInteger(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.BigInteger(), nullable=True),
        sa.Column("body_id", sa.BigInteger(), nullable=True),
        sa.Column("name_as_printed", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("role IN ('author', 'recipient', 'intermediary')", name=op.f("ck_document_parties_role")),
        sa.CheckConstraint(
            "(person_id IS NULL) <> (body_id IS NULL)",
            name=op.f("ck_document_parties_person_or_body"),
        ),
        sa.CheckConstraint("position >= 1", name=op.f("ck_document_parties_position_positive")),
        sa.ForeignKeyConstraint(
            ["body_id"],
            ["bodies.id"],
            name=op.f("fk_document_parties_body_id_bodies"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_parties_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_document_parties_person_id_persons"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_parties")),
        sa.UniqueConstraint(
            "document_id",
            "role",
            "position",
            name=op.f("uq_document_parties_document_id_role_position"),
        ),
    )
    op.create_index("ix_document_parties_body_role", "document_parties", ["body_id", "role"], unique=False)
    op.create_index(op.f("ix_document_parties_document_id"), "document_parties", ["document_id"], unique=False)
    op.create_index("ix_document_parties_person_role", "document_parties", ["person_id", "role"], unique=False)
    op.create_table(
        "editions",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.BigInteger(), nullable=False),
        sa.Column("publication_id", sa.BigInteger(), nullable=False),
        sa.Column("document_number", sa.Text(), nullable=True),
        sa.Column("pages", sa.Text(), nullable=True),
        sa.Column("translation_text", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_editions_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["publication_id"],
            ["publications.id"],
            name=op.f("fk_editions_publication_id_publications"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_editions")),
        sa.UniqueConstraint("document_id", "publication_id", name=op.f("uq_editions_document_id_publication_id")),
    )
    op.create_index(op.f("ix_editions_document_id"), "editions", ["document_id"], unique=False)
    op.create_index(op.f("ix_editions_publication_id"), "editions", ["publication_id"], unique=False)
    op.create_table(
        "event_participants",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.BigInteger(), nullable=False),
        sa.Column("person_id", sa.BigInteger(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_participants_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_event_participants_person_id_persons"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_participants")),
        sa.UniqueConstraint(
            "event_id",
            "person_id",
            "role",
            name=op.f("uq_event_participants_event_id_person_id_role"),
        ),
    )
    op.create_index(op.f("ix_event_participants_event_id"), "event_participants", ["event_id"], unique=False)
    op.create_index(op.f("ix_event_participants_person_id"), "event_participants", ["person_id"], unique=False)
    op.create_table(
        "memberships",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.BigInteger(), nullable=False),
        sa.Column("body_id", sa.BigInteger(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("date_verbatim", sa.Text(), nullable=True),
        sa.Column("date_edtf", sa.Text(), nullable=True),
        sa.Column("date_lower", sa.Date(), nullable=True),
        sa.Column("date_upper", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.Text(), nullable=True),
        sa.Column(
            "date_qualifiers",
            postgresql.ARRAY(sa.Text()),
            server_default=sa.text("'{}'::text[]"),
            nullable=False,
        ),
        sa.Column(
            "date_span",
            postgresql.DATERANGE(),
            sa.Computed(
                "CASE WHEN date_lower <= date_upper THEN daterange(date_lower, date_upper, '[]') END",
                persisted=True,
            ),
            nullable=True,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "date_precision IS NULL OR date_precision IN ('day', 'month', 'season', 'year', 'decade')",
            name=op.f("ck_memberships_date_precision"),
        ),
        sa.CheckConstraint(
            "role IN ('member', 'candidate', 'secretary', 'chair')",
            name=op.f("ck_memberships_role"),
        ),
        sa.CheckConstraint(
            "(date_edtf IS NULL) = (date_lower IS NULL) AND (date_lower IS NULL) = (date_upper IS NULL) AND (date_lower IS NULL) = (date_precision IS NULL)",
            name=op.f("ck_memberships_date_complete"),
        ),
        sa.CheckConstraint("date_lower <= date_upper", name=op.f("ck_memberships_date_bounds_ordered")),
        sa.ForeignKeyConstraint(
            ["body_id"],
            ["bodies.id"],
            name=op.f("fk_memberships_body_id_bodies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_memberships_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memberships")),
    )
    op.create_index(op.f("ix_memberships_body_id"), "memberships", ["body_id"], unique=False)
    op.create_index("ix_memberships_date_lower_id", "memberships", ["date_lower", "id"], unique=False)
    op.create_index(
        "ix_memberships_date_span",
        "memberships",
        ["date_span"],
        unique=False,
        postgresql_using="gist",
    )
    op.create_index(op.f("ix_memberships_person_id"), "memberships", ["person_id"], unique=False)
    op.create_table(
        "name_variants",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "kind IN ('canonical', 'transliteration', 'spelling', 'ocr_error', 'party_name', 'initials', 'short', 'birth_name')",
            name=op.f("ck_name_variants_kind"),
        ),
        sa.CheckConstraint("length(btrim(name)) > 0", name=op.f("ck_name_variants_name_not_blank")),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_name_variants_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_name_variants")),
        sa.UniqueConstraint("person_id", "name", name=op.f("uq_name_variants_person_id_name")),
    )
    op.create_index(
        "ix_name_variants_name_trgm",
        "name_variants",
        ["name"],
        unique=False,
        postgresql_using="gin",
        postgresql_ops={"name": "gin_trgm_ops"},
    )
    op.create_index(op.f("ix_name_variants_person_id"), "name_variants", ["person_id"], unique=False)
    op.create_table(
        "tallies",
        sa.Column("decision_id", sa.BigInteger(), nullable=False),
        sa.Column("votes_for", sa.Integer(), nullable=True),
        sa.Column("votes_against", sa.Integer(), nullable=True),
        sa.Column("abstentions", sa.Integer(), nullable=True),
        sa.Column("unanimous", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("verbatim", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "coalesce(votes_for, 0) >= 0 AND coalesce(votes_against, 0) >= 0 AND coalesce(abstentions, 0) >= 0",
            name=op.f("ck_tallies_counts_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decisions.id"],
            name=op.f("fk_tallies_decision_id_decisions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("decision_id", name=op.f("pk_tallies")),
    )
    op.create_table(
        "votes",
        sa.Column("decision_id", sa.BigInteger(), nullable=False),
        sa.Column("person_id", sa.BigInteger(), nullable=False),
        sa.Column("position", sa.Text(), nullable=False),
        sa.Column("recorded_in", sa.Text(), nullable=False),
        sa.Column("source_document_id", sa.BigInteger(), nullable=True),
        sa.Column("name_as_printed", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column(
            "id",
            sa.BigInteger(),
            server_default=sa.text("nextval('record_id_seq')"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("position IN ('for', 'against', 'abstained', 'agreed')", name=op.f("ck_votes_position")),
        sa.CheckConstraint(
            "recorded_in IN ('cipher_marks', 'secretary_note', 'own_telegram', 'minutes')",
            name=op.f("ck_votes_recorded_in"),
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decisions.id"],
            name=op.f("fk_votes_decision_id_decisions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["id"], ["records.id"], name=op.f("fk_votes_id_records"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_votes_person_id_persons"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["source_document_id"],
            ["documents.id"],
            name=op.f("fk_votes_source_document_id_documents"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_votes")),
        sa.UniqueConstraint("decision_id", "person_id", name=op.f("uq_votes_decision_id_person_id")),
    )
    op.create_index(op.f("ix_votes_decision_id"), "votes", ["decision_id"], unique=False)
    op.create_index(op.f("ix_votes_person_id"), "votes", ["person_id"], unique=False)
    op.create_index(op.f("ix_votes_source_document_id"), "votes", ["source_document_id"], unique=False)
    # ### end Alembic commands ###
    for statement in create_triggers():
        op.execute(statement)


def downgrade() -> None:
    """Revert this revision."""
    for statement in drop_triggers():
        op.execute(statement)
    op.drop_index(op.f("ix_votes_source_document_id"), table_name="votes")
    op.drop_index(op.f("ix_votes_person_id"), table_name="votes")
    op.drop_index(op.f("ix_votes_decision_id"), table_name="votes")
    op.drop_table("votes")
    op.drop_table("tallies")
    op.drop_index(op.f("ix_name_variants_person_id"), table_name="name_variants")
    op.drop_index(
        "ix_name_variants_name_trgm",
        table_name="name_variants",
        postgresql_using="gin",
        postgresql_ops={"name": "gin_trgm_ops"},
    )
    op.drop_table("name_variants")
    op.drop_index(op.f("ix_memberships_person_id"), table_name="memberships")
    op.drop_index("ix_memberships_date_span", table_name="memberships", postgresql_using="gist")
    op.drop_index("ix_memberships_date_lower_id", table_name="memberships")
    op.drop_index(op.f("ix_memberships_body_id"), table_name="memberships")
    op.drop_table("memberships")
    op.drop_index(op.f("ix_event_participants_person_id"), table_name="event_participants")
    op.drop_index(op.f("ix_event_participants_event_id"), table_name="event_participants")
    op.drop_table("event_participants")
    op.drop_index(op.f("ix_editions_publication_id"), table_name="editions")
    op.drop_index(op.f("ix_editions_document_id"), table_name="editions")
    op.drop_table("editions")
    op.drop_index("ix_document_parties_person_role", table_name="document_parties")
    op.drop_index(op.f("ix_document_parties_document_id"), table_name="document_parties")
    op.drop_index("ix_document_parties_body_role", table_name="document_parties")
    op.drop_table("document_parties")
    op.drop_index("ix_decisions_date_span", table_name="decisions", postgresql_using="gist")
    op.drop_index("ix_decisions_date_lower_id", table_name="decisions")
    op.drop_index(op.f("ix_decisions_body_id"), table_name="decisions")
    op.drop_index(op.f("ix_decisions_archival_reference_id"), table_name="decisions")
    op.drop_table("decisions")
    op.drop_index(op.f("ix_copies_document_id"), table_name="copies")
    op.drop_index(op.f("ix_copies_archival_reference_id"), table_name="copies")
    op.drop_table("copies")
    op.drop_index(op.f("ix_annotations_document_id"), table_name="annotations")
    op.drop_table("annotations")
    op.drop_index("ix_relations_target_type", table_name="relations")
    op.drop_index("ix_relations_source_type", table_name="relations")
    op.drop_table("relations")
    op.drop_index(
        "ix_persons_canonical_name_trgm",
        table_name="persons",
        postgresql_using="gin",
        postgresql_ops={"canonical_name": "gin_trgm_ops"},
    )
    op.drop_table("persons")
    op.drop_index("ix_events_date_span", table_name="events", postgresql_using="gist")
    op.drop_index("ix_events_date_lower_id", table_name="events")
    op.drop_table("events")
    op.drop_index("ix_documents_search", table_name="documents", postgresql_using="gin")
    op.drop_index("ix_documents_kind_date_lower_id", table_name="documents")
    op.drop_index("ix_documents_date_span", table_name="documents", postgresql_using="gist")
    op.drop_index("ix_documents_date_lower_id", table_name="documents")
    op.drop_table("documents")
    op.drop_table("bodies")
    op.drop_table("records")
    op.drop_table("publications")
    op.drop_index("ix_audit_log_table_key", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_index(op.f("ix_archival_references_normalised"), table_name="archival_references")
    op.drop_index("ix_archival_references_location", table_name="archival_references")
    op.drop_table("archival_references")
    op.drop_table("api_tokens")
    # ### end Alembic commands ###
    op.execute("DROP SEQUENCE record_id_seq")
