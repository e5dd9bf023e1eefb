"""People, their names, the bodies they sat on, and when."""

from __future__ import annotations

import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column, relationship

from chronology.models.base import Audited, Base, serial_pk
from chronology.models.records import FuzzyDated, RecordMixin, fuzzy_date_constraints
from chronology.models.vocabulary import BodyKind, MembershipRole, NameVariantKind, sql_in


class Person(RecordMixin, Audited, Base):
    """One historical person, whatever the sources call them."""

    __tablename__ = "persons"
    __table_args__ = (
        CheckConstraint("wikidata_qid ~ '^Q[0-9]+$'", name="wikidata_qid_format"),
        CheckConstraint(
            "born_lower IS NULL OR born_upper IS NULL OR born_lower <= born_upper",
            name="born_bounds_ordered",
        ),
        CheckConstraint(
            "died_lower IS NULL OR died_upper IS NULL OR died_lower <= died_upper",
            name="died_bounds_ordered",
        ),
        Index(
            "ix_persons_canonical_name_trgm",
            "canonical_name",
            postgresql_using="gin",
            postgresql_ops={"canonical_name": "gin_trgm_ops"},
        ),
    )

    authority_key: Mapped[str | None] = mapped_column(Text, unique=True)
    canonical_name: Mapped[str] = mapped_column(Text)
    sort_name: Mapped[str] = mapped_column(Text)
    short_name: Mapped[str | None] = mapped_column(Text)
    wikidata_qid: Mapped[str | None] = mapped_column(Text, unique=True)
    viaf_id: Mapped[str | None] = mapped_column(Text)
    born_edtf: Mapped[str | None] = mapped_column(Text)
    born_lower: Mapped[datetime.date | None] = mapped_column(Date)
    born_upper: Mapped[datetime.date | None] = mapped_column(Date)
    died_edtf: Mapped[str | None] = mapped_column(Text)
    died_lower: Mapped[datetime.date | None] = mapped_column(Date)
    died_upper: Mapped[datetime.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    needs_review: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))

    variants: Mapped[list[NameVariant]] = relationship(
        back_populates="person", lazy="raise", cascade="all, delete-orphan"
    )


class NameVariant(Audited, Base):
    """A form of a person's name found in a source or a reference work."""

    __tablename__ = "name_variants"
    __table_args__ = (
        UniqueConstraint("person_id", "name"),
        CheckConstraint(f"kind IN {sql_in(NameVariantKind)}", name="kind"),
        CheckConstraint("length(btrim(name)) > 0", name="name_not_blank"),
        Index(
            "ix_name_variants_name_trgm",
            "name",
            postgresql_using="gin",
            postgresql_ops={"name": "gin_trgm_ops"},
        ),
    )

    id: Mapped[serial_pk]
    person_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)

    person: Mapped[Person] = relationship(back_populates="variants", lazy="raise")


class Body(RecordMixin, Audited, Base):
    """A party or state body: the Politburo, a commissariat, a regional committee."""

    __tablename__ = "bodies"
    __table_args__ = (CheckConstraint(f"kind IN {sql_in(BodyKind)}", name="kind"),)

    authority_key: Mapped[str | None] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    short_name: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)
    variants: Mapped[list[str]] = mapped_column(
        ARRAY(Text),
        server_default=text("'{}'::text[]"),
    )
    parent_id: Mapped[int | None] = mapped_column(BigInteger, ForeignKey("bodies.id", ondelete="SET NULL"))
    description: Mapped[str | None] = mapped_column(Text)
    needs_review: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))


class Membership(FuzzyDated, Audited, Base):
    """A person's place in a body over a (fuzzy) period."""

    __tablename__ = "memberships"
    __table_args__ = (
        CheckConstraint(f"role IN {sql_in(MembershipRole)}", name="role"),
        *fuzzy_date_constraints("memberships"),
    )

    id: Mapped[serial_pk]
    person_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    body_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("bodies.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
