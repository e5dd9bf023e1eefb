"""The database refuses rows that make no historical sense, with a constraint that says why."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from chronology import models
from tests import factories


def _refused(session: Session, row: object, constraint: str) -> None:
    session.add(row)
    with pytest.raises(IntegrityError) as error:
        session.flush()
    assert constraint in str(error.value)
    session.rollback()


def test_a_vote_needs_a_decision(session: Session) -> None:
    voter = factories.person(session)
    _refused(
        session,
        models.Vote(person_id=voter.id, position="for", recorded_in="cipher_marks"),
        "decision_id",
    )


def test_a_vote_on_a_missing_decision_is_refused(session: Session) -> None:
    voter = factories.person(session)
    vote = models.Vote(decision_id=999_999_999, person_id=voter.id, position="for", recorded_in="minutes")
    _refused(session, vote, "fk_votes_decision_id_decisions")


def test_an_archival_reference_needs_a_fond(session: Session) -> None:
    _refused(
        session,
        models.ArchivalReferenceRow(verbatim="RGASPI. Op. 3", normalised="RGASPI, op. 3"),
        "fond",
    )


def test_a_blank_fond_is_refused(session: Session) -> None:
    _refused(
        session,
        models.ArchivalReferenceRow(fond="  ", verbatim="x", normalised="x"),
        "ck_archival_references_fond_not_blank",
    )


def test_a_date_whose_lower_bound_is_after_its_upper_bound_is_refused(session: Session) -> None:
    fields = factories.day("1936-08-20")
    fields["date_upper"] = factories.day("1936-08-19")["date_upper"]
    _refused(
        session,
        models.Document(kind="letter", title="Backwards", **fields),
        "ck_documents_date_bounds_ordered",
    )


def test_a_half_stated_date_is_refused(session: Session) -> None:
    fields = factories.day("1936-08-20")
    del fields["date_edtf"]
    _refused(
        session,
        models.Document(kind="letter", title="Half a date", **fields),
        "ck_documents_date_complete",
    )


def test_a_record_never_relates_to_itself(session: Session) -> None:
    telegram = factories.document(session)
    _refused(
        session,
        models.Relation(type="replies_to", source_id=telegram.id, target_id=telegram.id, certainty="certain"),
        "ck_relations_not_to_itself",
    )


def test_one_person_votes_once_on_one_decision(session: Session) -> None:
    voter = factories.person(session, "Molotov")
    decided = factories.decision(session)
    session.add(models.Vote(decision_id=decided.id, person_id=voter.id, position="for", recorded_in="cipher_marks"))
    session.flush()
    _refused(
        session,
        models.Vote(decision_id=decided.id, person_id=voter.id, position="against", recorded_in="minutes"),
        "uq_votes_decision_id",
    )


def test_unknown_vocabulary_is_refused(session: Session) -> None:
    _refused(session, models.Document(kind="fax", title="Anachronism"), "ck_documents_kind")


def test_a_relation_to_a_missing_record_is_refused(session: Session) -> None:
    telegram = factories.document(session)
    _refused(
        session,
        models.Relation(type="proposes", source_id=telegram.id, target_id=999_999_999, certainty="certain"),
        "fk_relations_target_id_records",
    )


def test_a_party_is_a_person_or_a_body_not_both(session: Session) -> None:
    letter = factories.document(session)
    author = factories.person(session)
    politburo = factories.body(session)
    _refused(
        session,
        models.DocumentParty(
            document_id=letter.id,
            role="author",
            position=1,
            person_id=author.id,
            body_id=politburo.id,
        ),
        "ck_document_parties_person_or_body",
    )


def test_every_record_gets_a_global_id_of_its_kind(session: Session) -> None:
    telegram = factories.document(session)
    decided = factories.decision(session)
    kinds: dict[int, str] = dict(
        session.execute(
            text("SELECT id, kind FROM records WHERE id IN (:a, :b)"),
            {"a": telegram.id, "b": decided.id},
        ).all()
    )
    assert kinds == {telegram.id: "document", decided.id: "decision"}


def test_deleting_a_record_deletes_its_relations(session: Session) -> None:
    telegram = factories.document(session)
    decided = factories.decision(session)
    session.add(models.Relation(type="proposes", source_id=telegram.id, target_id=decided.id, certainty="certain"))
    session.flush()
    session.execute(text("DELETE FROM documents WHERE id = :id"), {"id": telegram.id})
    left = session.execute(
        text("SELECT count(*) FROM relations WHERE target_id = :id"), {"id": decided.id}
    ).scalar_one()
    assert left == 0
