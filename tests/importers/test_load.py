"""The loader on sources built here: linked rows, idempotency, updates in place, shared documents."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterator
from typing import cast

import pytest
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.orm import Session

from chronology import models
from chronology.archives.parsing import parse_reference
from chronology.authority import load_bodies, load_persons
from chronology.authority.resolver import BodyResolver, PersonResolver
from chronology.dates.fuzzy import parse_date
from chronology.importers.load.authority import sync_authority
from chronology.importers.load.rows import Writer
from chronology.importers.load.source import LoadResult, load_source
from chronology.importers.records import (
    Annotation,
    Copy,
    Decision,
    Document,
    Edition,
    Footnote,
    Link,
    ParsedSource,
    Party,
    PartyRole,
    ReviewItem,
    Transmission,
    Vote,
)
from chronology.importers.report import total

EDITION = Edition(title="A test edition of the letters", editors="The Testers", year=2001)
OTHER_EDITION = Edition(title="Another test edition", year=2003, document_number="7", pages="11-12")
TELEGRAM = "1936-01-15:Kaganovich:telegram"
REPLY = "1936-01-16:Stalin:reply"
DECISION = "politburo:1936-01-15"


def telegram(title: str = "Kaganovich to Stalin") -> Document:
    """A cipher telegram with two copies, one of them with a misprinted reference."""
    return Document(
        key=TELEGRAM,
        kind="cipher_telegram",
        title=title,
        date=parse_date("January 15, 1936"),
        line=3,
        parties=[
            Party("L. Kaganovich", PartyRole.AUTHOR, 0),
            Party("Stalin", PartyRole.RECIPIENT, 0),
            Party("Central Committee of the CPSU (b)", PartyRole.RECIPIENT, 1, is_body=True),
        ],
        copies=[
            Copy(parse_reference("RGASPI F. 17. Op. 163. D. 1091. L. 59"), "original, typescript"),
            Copy(parse_reference("RGASPI F. 558. Op. P. D. 93. L. 4"), "typewritten copy"),
        ],
        transmission=Transmission(
            sent="Sent at nine, 15.1.1936",
            sent_date=parse_date("15.1.1936"),
            sent_time="09:00",
            incoming_number="37/sh",
        ),
        body="The depots are short of boilers; I ask for two crews.",
        annotations=[Annotation("resolution", "Agreed. Send the crews.", author="I. St[alin]", line=6)],
        footnotes=[Footnote(1, "Our own note: the members voted on the telegram.", 9)],
        edition=EDITION,
    )


def reply() -> Document:
    """Stalin's answer, with a name the authority list does not know as intermediary."""
    return Document(
        key=REPLY,
        kind="telegram",
        title="Stalin to Kaganovich",
        date=parse_date("16 January 1936"),
        line=12,
        parties=[
            Party("I. Stalin", PartyRole.AUTHOR, 1),
            Party("Kaganovich", PartyRole.RECIPIENT, 1),
            Party("Zzyzxovsky", PartyRole.INTERMEDIARY, 1),
        ],
        copies=[Copy(parse_reference("RGASPI F. 558. Op. 11. D. 93. L. 5"), "autograph")],
        body="Agreed.",
        edition=EDITION,
    )


def source(title: str = "Kaganovich to Stalin") -> ParsedSource:
    """A small correspondence-like source: two documents, a decision, votes and links."""
    return ParsedSource(
        format="test-letters",
        documents=[telegram(title), reply()],
        decisions=[
            Decision(
                key=DECISION,
                body="Politburo",
                date=parse_date("January 15, 1936"),
                procedure="poll",
                outcome="approved",
                title="On the depots",
                line=9,
                reference=parse_reference("RGASPI. F. 17. Op. 3. D. 974. L. 48"),
            )
        ],
        votes=[
            Vote(DECISION, "I.St[alin]", "for", "cipher_marks", 9, TELEGRAM),
            Vote(DECISION, "V. Molotov", "for", "cipher_marks", 9, TELEGRAM),
            Vote(DECISION, "Zzyzxovsky", "for", "secretary_note", 9, TELEGRAM),
        ],
        links=[
            Link("vote_on", TELEGRAM, DECISION, "certain", "footnote 1", "members voted on it", 9),
            Link("replies_to", REPLY, TELEGRAM, "probable", "footnote 2", "the answer", 10),
        ],
        review=[ReviewItem(3, "a parser's doubt", "as printed")],
    )


Loader = Callable[[ParsedSource], LoadResult]


@pytest.fixture
def engine(fresh_database: str) -> Iterator[Engine]:
    engine = create_engine(fresh_database)
    yield engine
    engine.dispose()


@pytest.fixture
def load(engine: Engine) -> Loader:
    """Sync the authority lists and load a source in one committed transaction."""
    persons, bodies = load_persons(), load_bodies()
    person_resolver, body_resolver = PersonResolver(persons), BodyResolver(bodies)

    def run(parsed: ParsedSource) -> LoadResult:
        with Session(engine) as session, session.begin():
            authority = sync_authority(Writer(session), persons, bodies)
            return load_source(
                session,
                parsed,
                source_name="letters.txt",
                authority=authority,
                persons=person_resolver,
                bodies=body_resolver,
            )

    return run


def _scalar(engine: Engine, sql: str, **params: object) -> object:
    with engine.connect() as connection:
        return connection.execute(text(sql), params).scalar_one()


def _audit_count(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(models.AuditEntry)).scalar_one())


def test_documents_link_parties_to_authority_persons_and_bodies(engine: Engine, load: Loader) -> None:
    result = load(source())
    doc = result.document_ids[TELEGRAM]
    with engine.connect() as connection:
        parties = connection.execute(
            text(
                """SELECT dp.role, dp.position, p.authority_key AS person, b.authority_key AS body,
                          dp.name_as_printed
                     FROM document_parties dp
                     LEFT JOIN persons p ON p.id = dp.person_id
                     LEFT JOIN bodies b ON b.id = dp.body_id
                    WHERE dp.document_id = :doc ORDER BY dp.role, dp.position"""
            ),
            {"doc": doc},
        ).all()
        documents = models.Document.__table__
        row = connection.execute(select(documents).where(documents.c.id == doc)).one()
    assert [tuple(p) for p in parties] == [
        ("author", 1, "kaganovich", None, "L. Kaganovich"),
        ("recipient", 1, "stalin", None, "Stalin"),
        ("recipient", 2, None, "central_committee", "Central Committee of the CPSU (b)"),
    ]
    assert row.natural_key == f"test-letters:{TELEGRAM}"
    assert (row.date_verbatim, row.date_edtf, row.date_precision) == ("January 15, 1936", "1936-01-15", "day")
    assert (row.sent_verbatim, row.sent_edtf, row.sent_time) == ("Sent at nine, 15.1.1936", "1936-01-15", "09:00")
    assert row.incoming_number == "37/sh"
    assert row.full_text == "The depots are short of boilers; I ask for two crews."


def test_copies_keep_the_printed_reference_beside_the_reading(engine: Engine, load: Loader) -> None:
    doc = load(source()).document_ids[TELEGRAM]
    with engine.connect() as connection:
        copies = connection.execute(
            text(
                """SELECT c.position, c.forms, c.form_verbatim, r.verbatim, r.normalised, r.doubtful, r.note
                     FROM copies c JOIN archival_references r ON r.id = c.archival_reference_id
                    WHERE c.document_id = :doc ORDER BY c.position"""
            ),
            {"doc": doc},
        ).all()
    first, second = copies
    assert first.forms == ["original", "typescript"]
    assert first.normalised == "RGASPI, f. 17, op. 163, d. 1091, l. 59"
    assert not first.doubtful
    assert second.forms == ["typewritten_copy"]
    assert second.verbatim == "RGASPI F. 558. Op. P. D. 93. L. 4"
    assert second.doubtful
    assert "op. 11" in second.note.lower() or "Op. 11" in second.note


def test_votes_decisions_and_relations_carry_their_sources(engine: Engine, load: Loader) -> None:
    result = load(source())
    decision = result.decision_ids[DECISION]
    with engine.connect() as connection:
        votes = connection.execute(
            text(
                """SELECT p.authority_key, p.needs_review, v.position, v.recorded_in, v.name_as_printed,
                          v.source_document_id
                     FROM votes v JOIN persons p ON p.id = v.person_id
                    WHERE v.decision_id = :decision ORDER BY v.name_as_printed"""
            ),
            {"decision": decision},
        ).all()
        made = connection.execute(
            text(
                """SELECT b.authority_key, d.procedure, d.outcome, r.normalised, d.date_edtf
                     FROM decisions d JOIN bodies b ON b.id = d.body_id
                     JOIN archival_references r ON r.id = d.archival_reference_id WHERE d.id = :id"""
            ),
            {"id": decision},
        ).one()
        relations = connection.execute(
            text(
                """SELECT r.type, r.certainty, p.title, r.provenance_locator, r.provenance_summary
                     FROM relations r JOIN publications p ON p.id = r.provenance_publication_id
                    ORDER BY r.type"""
            )
        ).all()
    telegram_id = result.document_ids[TELEGRAM]
    assert [(v.authority_key, v.needs_review, v.name_as_printed) for v in votes] == [
        ("stalin", False, "I.St[alin]"),
        ("molotov", False, "V. Molotov"),
        (None, True, "Zzyzxovsky"),
    ]
    assert {(v.position, v.source_document_id) for v in votes} == {("for", telegram_id)}
    assert {v.recorded_in for v in votes} == {"cipher_marks", "secretary_note"}
    assert tuple(made) == ("politburo", "poll", "approved", "RGASPI, f. 17, op. 3, d. 974, l. 48", "1936-01-15")
    assert [tuple(r) for r in relations] == [
        ("replies_to", "probable", EDITION.title, "footnote 2", "the answer"),
        ("vote_on", "certain", EDITION.title, "footnote 1", "members voted on it"),
    ]


def test_an_unknown_name_becomes_one_person_to_review(engine: Engine, load: Loader) -> None:
    result = load(source())
    people = _scalar(engine, "SELECT count(*) FROM persons WHERE canonical_name = 'Zzyzxovsky'")
    flagged = _scalar(engine, "SELECT bool_and(needs_review) FROM persons WHERE authority_key IS NULL")
    assert people == 1  # the intermediary and the voter are the same unknown name
    assert flagged is True
    reasons = [item for item in result.review if item.verbatim == "Zzyzxovsky"]
    assert len(reasons) == 1
    assert "no person of the authority list" in reasons[0].reason


def test_annotations_resolve_their_author_and_footnotes_are_kept(engine: Engine, load: Loader) -> None:
    doc = load(source()).document_ids[TELEGRAM]
    with engine.connect() as connection:
        notes = connection.execute(
            text(
                """SELECT a.kind, p.authority_key, a.author_as_printed, a.locator FROM annotations a
                     LEFT JOIN persons p ON p.id = a.author_person_id
                    WHERE a.document_id = :doc ORDER BY a.kind"""
            ),
            {"doc": doc},
        ).all()
    assert [tuple(n) for n in notes] == [
        ("editorial_note", None, None, f"footnote 1, {EDITION.title}"),
        ("resolution", "stalin", "I. St[alin]", None),
    ]


def test_loading_the_same_source_twice_changes_nothing(engine: Engine, load: Loader) -> None:
    first = load(source())
    audit = _audit_count(engine)
    second = load(source())
    assert total(first.counts, "created") > 10
    assert total(second.counts, "created") == 0
    assert total(second.counts, "updated") == 0
    assert second.document_ids == first.document_ids
    assert second.decision_ids == first.decision_ids
    assert _audit_count(engine) == audit


def test_a_corrected_title_updates_the_document_in_place(engine: Engine, load: Loader) -> None:
    first = load(source())
    second = load(source(title="Kaganovich to Stalin, corrected"))
    updated = {table: tally["updated"] for table, tally in second.counts.items() if tally["updated"]}
    assert updated == {"documents": 1}
    assert total(second.counts, "created") == 0
    assert second.document_ids == first.document_ids
    title = _scalar(engine, "SELECT title FROM documents WHERE id = :id", id=first.document_ids[TELEGRAM])
    assert title == "Kaganovich to Stalin, corrected"
    changes = _scalar(engine, "SELECT count(*) FROM audit_log WHERE table_name = 'documents' AND action = 'update'")
    assert changes == 1


def test_a_document_in_a_second_edition_is_the_same_document(engine: Engine, load: Loader) -> None:
    first = load(source())
    other = telegram(title="Kaganovich and others to Stalin, in another translation")
    other = dataclasses.replace(
        other,
        key="another-key",
        edition=OTHER_EDITION,
        # The second edition cites the first copy correctly and adds one of its own.
        copies=[other.copies[0], Copy(parse_reference("GARF. F. R-5446. Op. 1. D. 487"), "typescript")],
        annotations=[],
        footnotes=[],
    )
    result = load(ParsedSource(format="test-pages", documents=[other]))
    doc = first.document_ids[TELEGRAM]
    assert result.document_ids == {"another-key": doc}
    assert result.counts["documents"] == Counter({"matched": 1})
    assert result.counts["copies"] == Counter({"created": 1, "unchanged": 1})
    editions = _scalar(engine, "SELECT count(*) FROM editions WHERE document_id = :doc", doc=doc)
    title = _scalar(engine, "SELECT title FROM documents WHERE id = :doc", doc=doc)
    positions = _scalar(
        engine, "SELECT array_agg(position ORDER BY position) FROM copies WHERE document_id = :d", d=doc
    )
    assert editions == 2
    assert title == "Kaganovich to Stalin"  # the first source owns the document's own fields
    assert positions == [1, 2, 3]
    again = load(ParsedSource(format="test-pages", documents=[other]))
    assert total(again.counts, "created") == total(again.counts, "updated") == 0


def test_two_documents_of_one_source_sharing_a_folio_stay_apart(load: Loader) -> None:
    answer = dataclasses.replace(reply(), key="same-folio", date=telegram().date, copies=telegram().copies[:1])
    result = load(ParsedSource(format="test-letters", documents=[telegram(), answer]))
    assert result.document_ids[TELEGRAM] != result.document_ids["same-folio"]


def test_authority_sync_is_idempotent_and_keeps_birth_names(engine: Engine) -> None:
    persons, bodies = load_persons(), load_bodies()
    with Session(engine) as session, session.begin():
        writer = Writer(session)
        ids = sync_authority(writer, persons, bodies)
        first = writer.counts
    with Session(engine) as session, session.begin():
        writer = Writer(session)
        assert sync_authority(writer, persons, bodies) == ids
        second = writer.counts
    assert first["persons"]["created"] == len(persons)
    assert first["bodies"]["created"] == len(bodies)
    assert first["memberships"]["created"] > 100
    assert total(second, "created") == total(second, "updated") == total(second, "deleted") == 0
    kinds = cast(
        list[str],
        _scalar(
            engine,
            "SELECT array_agg(DISTINCT kind ORDER BY kind) FROM name_variants WHERE person_id = :id",
            id=ids.persons["stalin"],
        ),
    )
    assert {"birth_name", "canonical", "initials"} <= set(kinds)
    with engine.connect() as connection:
        term = connection.execute(
            text(
                """SELECT date_edtf, date_lower, date_upper, date_precision FROM memberships
                    WHERE person_id = :p AND body_id = :b AND date_edtf LIKE '1934-02-10/%'"""
            ),
            {"p": ids.persons["kaganovich"], "b": ids.bodies["central_committee"]},
        ).one()
    assert term.date_edtf == "1934-02-10/1939-03-21"
    assert (str(term.date_lower), str(term.date_upper), term.date_precision) == ("1934-02-10", "1939-03-21", "day")


@pytest.mark.parametrize("token", ["Centra", "Page", "Secret Central Cummillee", "party control commissions"])
def test_a_party_without_name_evidence_makes_no_person(engine: Engine, load: Loader, token: str) -> None:
    document = dataclasses.replace(
        telegram(), parties=[Party(token, PartyRole.AUTHOR, 0), Party("Stalin", PartyRole.RECIPIENT, 0)]
    )
    result = load(ParsedSource(format="test", documents=[document]))
    assert _scalar(engine, "SELECT count(*) FROM persons WHERE canonical_name = :n", n=token) == 0
    assert _scalar(engine, "SELECT count(*) FROM document_parties") == 1
    assert [item.verbatim for item in result.review if "no name evidence" in item.reason] == [token]
