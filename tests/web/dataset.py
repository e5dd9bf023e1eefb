"""A small record for the browser tests: a poll from telegram to decree, names in many spellings.

The wording of titles and summaries is invented for the tests; only the formulaic facts
(names, dates, archival references) follow the historical record.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from sqlalchemy.orm import Session

from chronology import models
from tests import factories


@dataclass(frozen=True)
class Sample:
    """The global primary keys of the records the tests look for."""

    telegram: int
    decision: int
    decree: int
    trial: int
    memorandum: int
    doubtful_letter: int
    early_letter: int
    yezhov: int
    kaganovich: int


def _span(verbatim: str, edtf: str, lower: str, upper: str, precision: str, *qualifiers: str) -> dict[str, object]:
    return {
        "date_verbatim": verbatim,
        "date_edtf": edtf,
        "date_lower": datetime.date.fromisoformat(lower),
        "date_upper": datetime.date.fromisoformat(upper),
        "date_precision": precision,
        "date_qualifiers": list(qualifiers),
    }


def _person(session: Session, name: str, sort: str, short: str, variants: dict[str, str]) -> models.Person:
    person = models.Person(canonical_name=name, sort_name=sort, short_name=short)
    session.add(person)
    session.flush()
    for variant, kind in variants.items():
        session.add(models.NameVariant(person_id=person.id, name=variant, kind=kind))
    session.flush()
    return person


def _party(session: Session, document: int, role: str, position: int, **agent: object) -> None:
    session.add(models.DocumentParty(document_id=document, role=role, position=position, **agent))


def _copy(session: Session, document: int, fond: str, opis: str, delo: str, folios: str) -> None:
    verbatim = f"RGASPI. F. {fond}. Op. {opis}. D. {delo}. L. {folios}"
    reference = factories.archival_reference(
        session,
        fond=fond,
        opis=opis,
        delo=delo,
        folios=folios,
        verbatim=verbatim,
        normalised=f"RGASPI, f. {fond}, op. {opis}, d. {delo}, l. {folios}",
    )
    session.add(models.Copy(document_id=document, position=1, archival_reference_id=reference.id, forms=["original"]))


def build(session: Session) -> Sample:
    """Add the sample record and commit it."""
    stalin = _person(session, "Iosif Vissarionovich Stalin", "Stalin, Iosif", "Stalin", {"I. St[alin]": "initials"})
    kaganovich = _person(
        session,
        "Lazar Moiseevich Kaganovich",
        "Kaganovich, Lazar",
        "Kaganovich",
        {"L. M. Kaganovich": "initials", "Kaganovitch": "spelling"},
    )
    molotov = _person(session, "Viacheslav Mikhailovich Molotov", "Molotov, Viacheslav", "Molotov", {})
    voroshilov = _person(session, "Kliment Efremovich Voroshilov", "Voroshilov, Kliment", "Voroshilov", {})
    sergo = _person(
        session,
        "Grigorii Konstantinovich Ordzhonikidze",
        "Ordzhonikidze, Grigorii",
        "Ordzhonikidze",
        {"Sergo": "party_name", "Ordhonikidze": "ocr_error"},
    )
    yezhov = _person(
        session,
        "Nikolai Ivanovich Yezhov",
        "Yezhov, Nikolai",
        "Yezhov",
        {"Ezhov": "transliteration", "Yezhav": "ocr_error"},
    )
    politburo = models.Body(name="Politburo of the Central Committee", short_name="PB", kind="party_organ")
    session.add(politburo)
    session.flush()

    telegram = factories.document(
        session,
        "Kaganovich to Stalin August 17, 1936",
        kind="cipher_telegram",
        place="Moscow",
        summary="Asks for approval of a plan to repair freight wagons on the southern lines.",
        **_span("August 17 [1936]", "1936-08-17", "1936-08-17", "1936-08-17", "day", "supplied"),
    )
    _party(session, telegram.id, "author", 1, person_id=kaganovich.id, name_as_printed="Kaganovich")
    _party(session, telegram.id, "recipient", 1, person_id=stalin.id, name_as_printed="Stalin")
    _copy(session, telegram.id, "558", "11", "93", "42–46")
    edition = models.Publication(title="The Stalin-Kaganovich Correspondence, 1931–36", year=2003)
    session.add(edition)
    session.flush()
    session.add(
        models.Edition(document_id=telegram.id, publication_id=edition.id, document_number="136", pages="331–332")
    )

    decision = factories.decision(
        session,
        title="On the repair of freight wagons",
        body_id=politburo.id,
        summary="Approves the wagon repair plan put forward by telegram.",
        archival_reference_id=factories.archival_reference(session).id,
        **_span("17 August 1936", "1936-08-17", "1936-08-17", "1936-08-17", "day"),
    )
    for member in (stalin, molotov, voroshilov, sergo):
        session.add(
            models.Vote(
                decision_id=decision.id,
                person_id=member.id,
                position="for",
                recorded_in="cipher_marks",
                source_document_id=telegram.id,
            )
        )
    decree = factories.document(
        session,
        "Decree of the CC and SNK on the repair of freight wagons",
        kind="decree",
        **_span("20 August 1936", "1936-08-20", "1936-08-20", "1936-08-20", "day"),
    )
    _party(session, decree.id, "author", 1, body_id=politburo.id)
    session.add_all(
        [
            models.Relation(type="proposes", source_id=telegram.id, target_id=decision.id, certainty="certain"),
            models.Relation(type="formalised_as", source_id=decision.id, target_id=decree.id, certainty="probable"),
        ]
    )

    trial = models.Event(
        type="trial",
        title="Trial of the Trotskyist-Zinovievite centre",
        places=["Moscow"],
        **_span("19–24 August 1936", "1936-08-19/1936-08-24", "1936-08-19", "1936-08-24", "day"),
    )
    session.add(trial)
    session.flush()
    session.add(models.EventParticipant(event_id=trial.id, person_id=yezhov.id, role="organiser"))

    memorandum = factories.document(
        session,
        "Yezhov to Stalin August 1936",
        kind="memorandum",
        summary="A report on the progress of the investigation, dated only by month.",
        **_span("August 1936", "1936-08", "1936-08-01", "1936-08-31", "month"),
    )
    _party(session, memorandum.id, "author", 1, person_id=yezhov.id, name_as_printed="Ezhov")
    _party(session, memorandum.id, "recipient", 1, person_id=stalin.id)

    doubtful = factories.document(
        session,
        "Ordzhonikidze to Stalin August 4, 1936",
        kind="letter",
        **_span("4 [?] August 1936", "1936-08-04?", "1936-08-04", "1936-08-04", "day", "uncertain"),
    )
    _party(session, doubtful.id, "author", 1, person_id=sergo.id, name_as_printed="Sergo")

    early = factories.document(
        session,
        "Stalin to Kaganovich September 2, 1935",
        kind="letter",
        **_span("2 September 1935", "1935-09-02", "1935-09-02", "1935-09-02", "day"),
    )
    _party(session, early.id, "author", 1, person_id=stalin.id)
    _party(session, early.id, "recipient", 1, person_id=kaganovich.id)
    session.commit()
    return Sample(
        telegram=telegram.id,
        decision=decision.id,
        decree=decree.id,
        trial=trial.id,
        memorandum=memorandum.id,
        doubtful_letter=doubtful.id,
        early_letter=early.id,
        yezhov=yezhov.id,
        kaganovich=kaganovich.id,
    )
