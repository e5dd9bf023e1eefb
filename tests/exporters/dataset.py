"""A small, fixed export set in memory: the golden files are written from it.

The facts are names, dates and references of the kind the sources give; every sentence is
our own. The records are listed in the order the database reader yields them (documents,
decisions and events by first day then id, persons by sort name, bodies by name, the rest
by id), so that the same set read back from a database gives byte-identical exports.
"""

from __future__ import annotations

import datetime

from chronology.interchange.records import (
    ExportAnnotation,
    ExportArchivalReference,
    ExportBody,
    ExportCopy,
    ExportDate,
    ExportDecision,
    ExportDocument,
    ExportEdition,
    ExportEvent,
    ExportNameVariant,
    ExportParticipant,
    ExportParty,
    ExportPerson,
    ExportPublication,
    ExportRelation,
    ExportSet,
    ExportTally,
    ExportTransmission,
    ExportVote,
)

D = datetime.date

STALIN = ExportPerson(
    1,
    "Iosif Vissarionovich Stalin",
    "Stalin, Iosif Vissarionovich",
    authority_key="stalin",
    short_name="Stalin",
    wikidata_qid="Q855",
    born_edtf="1878-12-18",
    born_lower=D(1878, 12, 18),
    born_upper=D(1878, 12, 18),
    variants=(ExportNameVariant("I. St[alin]", "initials"), ExportNameVariant("Koba", "party_name", "A party name.")),
)
KAGANOVICH = ExportPerson(
    2,
    "Lazar Moiseevich Kaganovich",
    "Kaganovich, Lazar Moiseevich",
    authority_key="kaganovich",
    short_name="Kaganovich",
    variants=(ExportNameVariant("L. Kaganovich", "initials"),),
)
MOLOTOV = ExportPerson(3, "Viacheslav Mikhailovich Molotov", "Molotov, Viacheslav Mikhailovich", short_name="Molotov")
SERGO = ExportPerson(
    4,
    "Grigory Konstantinovich Ordzhonikidze",
    "Ordzhonikidze, Grigory Konstantinovich",
    short_name="Ordzhonikidze",
    needs_review=True,
    note="Signs as Sergo.",
)

CC = ExportBody(11, "Central Committee", "party_organ", authority_key="central_committee", short_name="CC")
POLITBURO = ExportBody(
    10,
    "Politburo of the Central Committee",
    "party_organ",
    authority_key="politburo",
    short_name="Politburo",
    variants=("PB", "Politbiuro"),
    parent_id=11,
    description="The inner leadership.",
)

STALIN_FOND = ExportArchivalReference(
    20,
    "RGASPI",
    "RGASPI",
    "558",
    "11",
    "93",
    "42–46",
    "RGASPI F. 558. Op. 11. D. 93. L. 42–46",
    "RGASPI, f. 558, op. 11, d. 93, ll. 42–46",
)
PROTOCOL = ExportArchivalReference(
    21,
    "RGASPI",
    "RTsKhIDNI",
    "17",
    "3",
    "974",
    "48",
    "RTsKhIDNI, f. 17, op. 3, d. 974, l. 48",
    "RGASPI, f. 17, op. 3, d. 974, l. 48",
)
MISPRINT = ExportArchivalReference(
    22,
    "RGASPI",
    "RGASPI",
    "558",
    "P",
    "94",
    "12, 12v",
    "RGASPI F. 558. Op. P. D. 94. L. 12, 12v",
    "RGASPI, f. 558, op. P, d. 94, l. 12, 12v",
    doubtful=True,
    note="Op. P. is probably a misprint for Op. 11",
    confidence=0.6,
)

EDITION = ExportPublication(
    30,
    "The Stalin-Kaganovich Correspondence, 1931-36",
    editors="R. W. Davies et al.",
    publisher="Yale University Press",
    place="New Haven",
    year=2003,
    language="en",
)


def _person_party(role: str, position: int, person: ExportPerson, printed: str | None = None) -> ExportParty:
    return ExportParty(
        role,
        position,
        person.id,
        None,
        person.canonical_name,
        person.sort_name,
        person.wikidata_qid,
        printed,
        person.authority_key,
    )


def _body_party(role: str, position: int, body: ExportBody) -> ExportParty:
    return ExportParty(role, position, None, body.id, body.name, authority_key=body.authority_key)


def _date(verbatim: str, edtf: str, lower: D, upper: D, precision: str, *qualifiers: str) -> ExportDate:
    return ExportDate(verbatim, edtf, lower, upper, precision, qualifiers)


LETTER_1935 = ExportDocument(
    102,
    "letter",
    "Ordzhonikidze to Stalin",
    date=_date("c. December 1935", "1935-12~", D(1935, 12, 1), D(1935, 12, 31), "month", "approximate"),
    place="Moscow",
    language="en",
    summary="Reports on the coal plan and asks for leave.",
    parties=(_person_party("author", 1, SERGO, "Sergo"), _person_party("recipient", 1, STALIN)),
)
TELEGRAM = ExportDocument(
    100,
    "cipher_telegram",
    "Kaganovich to Stalin",
    date=_date("January 15, 1936", "1936-01-15", D(1936, 1, 15), D(1936, 1, 15), "day"),
    natural_key="sk-1936-01-15-kaganovich",
    place="Moscow",
    classification="Top secret",
    language="en",
    summary="Asks for a decision on the winter freight plan.",
    full_text="The freight plan for the winter is ready.\n\nWe propose that the commissariat report on it weekly.",
    sent=ExportTransmission("Sent 9-00 15.1.1936", "1936-01-15", D(1936, 1, 15), D(1936, 1, 15), "09:00"),
    received=ExportTransmission("Received 15.1.1936", "1936-01-15", D(1936, 1, 15), D(1936, 1, 15), "15:55"),
    incoming_number="37/sh",
    outgoing_number="HP 2",
    parties=(_person_party("author", 1, KAGANOVICH), _person_party("recipient", 1, STALIN)),
    copies=(ExportCopy(1, STALIN_FOND, ("original", "typescript"), "Original. Typescript."),),
    editions=(ExportEdition(EDITION, "117", "301–302"),),
)
LETTER_1936 = ExportDocument(
    101,
    "letter",
    "Stalin to Kaganovich and Molotov",
    date=_date("August 17 [1936]", "1936-08-17", D(1936, 8, 17), D(1936, 8, 17), "day", "supplied"),
    place="Sochi",
    secretary_number="No. 3",
    summary="Agrees with the draft & asks for the <final> text.",
    parties=(
        _person_party("author", 1, STALIN, "I. St[alin]"),
        _person_party("recipient", 1, KAGANOVICH),
        _person_party("recipient", 2, MOLOTOV),
    ),
    copies=(
        ExportCopy(1, MISPRINT, ("autograph",), "Autograph."),
        ExportCopy(2, STALIN_FOND, ("typewritten_copy",), note="Made for the archive."),
    ),
    annotations=(
        ExportAnnotation("secretary_mark", "No. 3", locator="top right"),
        ExportAnnotation("resolution", "To the archive.", STALIN.id, "St."),
    ),
)
DECREE = ExportDocument(
    103,
    "decree",
    "Decree on freight transport",
    date=_date("4 [?] December 1936", "1936-12-04?", D(1936, 12, 4), D(1936, 12, 4), "day", "uncertain"),
    parties=(_body_party("author", 1, CC),),
    copies=(ExportCopy(1, PROTOCOL, ("certified_typewritten_copy",)),),
    needs_review=True,
)
NOTE = ExportDocument(
    104,
    "memorandum",
    'Grain & freight: "plan" <draft>',
    summary="An undated note; its date is unknown.",
)

PLENUM_AGENDA = ExportDecision(
    201,
    10,
    POLITBURO.name,
    "meeting",
    "On the plenum agenda",
    "approved_with_changes",
    date=_date("[end of 1935]", "[1935-10..1935-12]", D(1935, 10, 1), D(1935, 12, 31), "month", "supplied"),
    tally=ExportTally(votes_for=7, unanimous=False, verbatim="For: all present."),
)
FREIGHT = ExportDecision(
    200,
    10,
    POLITBURO.name,
    "poll",
    "On the winter freight plan",
    "approved",
    date=_date("15 January 1936", "1936-01-15", D(1936, 1, 15), D(1936, 1, 15), "day"),
    natural_key="pb-1936-01-15-freight",
    protocol_number="37",
    protocol_item="17/10",
    reference=PROTOCOL,
)

VOTES = (
    ExportVote(300, 200, STALIN.id, "for", "cipher_marks", TELEGRAM.id, "I. St[alin]"),
    ExportVote(301, 200, MOLOTOV.id, "for", "cipher_marks"),
    ExportVote(302, 200, SERGO.id, "agreed", "own_telegram", note="By telegram."),
)

VACATION = ExportEvent(
    401,
    "vacation",
    "Stalin's vacation in Sochi",
    date=_date("10 August – 2 November 1935", "1935-08-10/1935-11-02", D(1935, 8, 10), D(1935, 11, 2), "day"),
    places=("Sochi",),
    participants=(ExportParticipant(STALIN.id, "traveller"),),
)
TRIAL = ExportEvent(
    400,
    "trial",
    "Trial of the Trotskyist-Zinovievite centre",
    date=_date("19–24 August 1936", "1936-08-19/1936-08-24", D(1936, 8, 19), D(1936, 8, 24), "day"),
    natural_key="trial-1936-08",
    places=("Moscow",),
    description="The first Moscow show trial.",
)

RELATIONS = (
    ExportRelation(
        500, "proposes", 100, "document", 200, "decision", "certain", 30, "note 3", "The editors link them."
    ),
    ExportRelation(501, "replies_to", 101, "document", 100, "document", "probable"),
    ExportRelation(502, "formalised_as", 200, "decision", 103, "document", "possible", note="Wording differs."),
    ExportRelation(503, "mentions", 101, "document", 400, "event", "certain"),
    ExportRelation(504, "mentions", 102, "document", 401, "event", "probable"),
    ExportRelation(505, "decided_by", 102, "document", 201, "decision", "certain"),
)


def dataset() -> ExportSet:
    """Return the fixed export set."""
    return ExportSet(
        document_list=(LETTER_1935, TELEGRAM, LETTER_1936, DECREE, NOTE),
        person_list=(KAGANOVICH, MOLOTOV, SERGO, STALIN),
        body_list=(CC, POLITBURO),
        decision_list=(PLENUM_AGENDA, FREIGHT),
        vote_list=VOTES,
        event_list=(VACATION, TRIAL),
        relation_list=RELATIONS,
        publication_list=(EDITION,),
        reference_list=(STALIN_FOND, PROTOCOL, MISPRINT),
    )
