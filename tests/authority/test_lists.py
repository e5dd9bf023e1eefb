"""The shipped authority lists load, validate, and state the 1930s leadership correctly."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest

from chronology.authority import (
    AuthorityError,
    AuthorityPerson,
    MembershipRole,
    VariantKind,
    check_memberships,
    edtf_bounds,
    load_bodies,
    load_persons,
    parse_bodies,
    parse_persons,
)
from chronology.dates.fuzzy import from_edtf
from tests.paths import CORPUS

# Identifiers checked by hand against an independent record. Adding one to persons.toml
# without adding it here fails, so that no identifier arrives unreviewed.
REVIEWED_WIKIDATA = {"stalin": "Q855", "trotsky": "Q33391"}


@pytest.fixture(scope="module")
def persons() -> dict[str, AuthorityPerson]:
    return {p.key: p for p in load_persons()}


def _person(key: str, **extra: Any) -> dict[str, Any]:
    return {
        "key": key,
        "name": f"Ivan {key.title()}",
        "sort_name": f"{key.title()}, Ivan",
        "short_name": key.title(),
        **extra,
    }


def test_shipped_lists_load_and_reference_known_bodies(persons: dict[str, AuthorityPerson]) -> None:
    bodies = load_bodies()
    check_memberships(persons.values(), bodies)
    assert len(persons) >= 100
    assert {"politburo", "orgburo", "secretariat", "central_committee", "nkvd"} <= {b.key for b in bodies}


REQUIRED = [
    "stalin",
    "kaganovich",
    "molotov",
    "voroshilov",
    "kalinin",
    "zhdanov",
    "chubar",
    "andreev",
    "mikoyan",
    "ordzhonikidze",
    "yezhov",
    "kosior",
    "postyshev",
    "rudzutak",
    "eikhe",
    "petrovsky",
    "kirov",
    "kuibyshev",
    "yagoda",
    "vyshinsky",
    "zinoviev",
    "kamenev",
    "trotsky",
    "bukharin",
    "rykov",
    "tomsky",
    "piatakov",
    "radek",
    "sokolnikov",
    "yenukidze",
    "smirnov_i_n",
    "mrachkovsky",
    "ter_vaganian",
    "yevdokimov_g_e",
    "bakaev",
    "reingold",
    "dreitser",
    "pikel",
    "holtzman",
    "olberg",
    "berman_yurin",
    "lurye_m",
    "lurye_n",
    "uglanov",
    "beria",
    "malenkov",
    "khrushchev",
    "poskrebyshev",
    "chechulin",
    "pauker",
    "mekhlis",
    "agranov",
    "krestinsky",
    "gamarnik",
    "tukhachevsky",
    "rakovsky",
    "syrtsov",
    "lominadze",
    "riutin",
    "stetsky",
    "shkiriatov",
    "kosarev",
    "litvinov",
    "kuritsyn",
    "ulanov",
    "fufryansky",
    "zimin",
]


def test_every_required_person_is_listed(persons: dict[str, AuthorityPerson]) -> None:
    assert [key for key in REQUIRED if key not in persons] == []


def test_identifiers_are_only_the_reviewed_ones(persons: dict[str, AuthorityPerson]) -> None:
    listed = {p.key: p.wikidata for p in persons.values() if p.wikidata}
    assert listed == REVIEWED_WIKIDATA
    assert [p.key for p in persons.values() if p.viaf] == []


def test_every_date_is_edtf_the_dates_module_reads(persons: dict[str, AuthorityPerson]) -> None:
    values = [d for p in persons.values() for d in (p.born, p.died) if d]
    values += [d for p in persons.values() for m in p.memberships for d in (m.start, m.end) if d]
    assert len(values) > 300
    for value in values:
        parsed = from_edtf(value)
        assert (parsed.lower, parsed.upper) == edtf_bounds(value), value


def test_politburo_in_august_1936(persons: dict[str, AuthorityPerson]) -> None:
    day = datetime.date(1936, 8, 20)
    seats = {(p.key, m.role) for p in persons.values() for m in p.memberships_on(day) if m.body == "politburo"}
    member, candidate = MembershipRole.MEMBER, MembershipRole.CANDIDATE
    members = "stalin molotov kaganovich voroshilov kalinin ordzhonikidze andreev mikoyan chubar kosior"
    candidates = "petrovsky postyshev rudzutak zhdanov eikhe"
    assert seats == {(k, member) for k in members.split()} | {(k, candidate) for k in candidates.split()}


def test_politburo_after_the_eighteenth_congress(persons: dict[str, AuthorityPerson]) -> None:
    day = datetime.date(1939, 4, 1)
    seats = {(p.key, m.role) for p in persons.values() for m in p.memberships_on(day) if m.body == "politburo"}
    members = "andreev voroshilov zhdanov kaganovich kalinin mikoyan molotov stalin khrushchev"
    assert seats == {(k, MembershipRole.MEMBER) for k in members.split()} | {
        ("beria", MembershipRole.CANDIDATE),
        ("shvernik", MembershipRole.CANDIDATE),
    }


def test_secretaries_in_1935_and_life_spans(persons: dict[str, AuthorityPerson]) -> None:
    day = datetime.date(1935, 6, 1)
    secretaries = {p.key for p in persons.values() for m in p.memberships_on(day) if m.body == "secretariat"}
    assert secretaries == {"stalin", "kaganovich", "zhdanov", "yezhov", "andreev"}
    assert persons["kirov"].alive_on(datetime.date(1934, 11, 30))
    assert not persons["kirov"].alive_on(datetime.date(1934, 12, 2))
    assert persons["chechulin"].alive_on(datetime.date(1700, 1, 1))  # nothing known: no bound


def test_ocr_variants_are_attested_in_the_corpus(persons: dict[str, AuthorityPerson]) -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"reference corpus not found at {CORPUS}")
    text = " ".join(p.read_text("utf-8") for p in CORPUS.glob("*.txt"))
    text = re.sub(r"\s+", " ", text)
    ocr = [v.name for p in persons.values() for v in p.variants if v.kind is VariantKind.OCR_ERROR]
    assert len(ocr) > 40
    assert [name for name in ocr if name not in text] == []


@pytest.mark.parametrize(
    ("value", "lower", "upper"),
    [
        ("1936", datetime.date(1936, 1, 1), datetime.date(1936, 12, 31)),
        ("1936-02", datetime.date(1936, 2, 1), datetime.date(1936, 2, 29)),
        ("1935-02-01", datetime.date(1935, 2, 1), datetime.date(1935, 2, 1)),
        ("1937-04-01?", datetime.date(1937, 4, 1), datetime.date(1937, 4, 1)),
    ],
)
def test_edtf_bounds(value: str, lower: datetime.date, upper: datetime.date) -> None:
    assert edtf_bounds(value) == (lower, upper)


@pytest.mark.parametrize("value", ["1936-13", "1935-02-30", "Feb 1935", "36-02-01", "1936/1937"])
def test_edtf_bounds_rejects(value: str) -> None:
    with pytest.raises(AuthorityError):
        edtf_bounds(value)


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([_person("ivanov"), _person("ivanov")], "duplicate key"),
        ([_person("Ivanov")], "malformed key"),
        ([{"key": "ivanov", "name": "Ivan Ivanov"}], "missing 'sort_name'"),
        ([_person("ivanov", born="1890-02-30")], "impossible date"),
        ([_person("ivanov", born="1900", died="1899")], "died before born"),
        ([_person("ivanov", wikidata="855")], "malformed wikidata"),
        ([_person("ivanov", variants=[{"name": "I. Ivanov", "kind": "nickname"}])], "VariantKind"),
        (
            [_person("ivanov", memberships=[{"body": "politburo", "role": "boss"}])],
            "MembershipRole",
        ),
        (
            [
                _person(
                    "ivanov",
                    memberships=[{"body": "politburo", "role": "member", "start": "1935", "end": "1934"}],
                )
            ],
            "ends before it starts",
        ),
        (
            [
                _person("ivanov", variants=[{"name": "P. Ivanov", "kind": "initials"}]),
                _person("petrov", variants=[{"name": "P. Ivanov", "kind": "ocr_error"}]),
            ],
            "belongs to both",
        ),
    ],
)
def test_invalid_person_lists_are_refused(entries: list[dict[str, Any]], message: str) -> None:
    with pytest.raises(AuthorityError, match=re.escape(message)):
        parse_persons({"person": entries})


def test_a_shared_variant_is_allowed_when_flagged() -> None:
    shared = {"name": "P. Ivanov", "kind": "ocr_error", "ambiguous": True}
    parsed = parse_persons(
        {
            "person": [
                _person("ivanov", variants=[{"name": "P. Ivanov", "kind": "initials"}]),
                _person("petrov", variants=[shared]),
            ]
        }
    )
    assert parsed[1].variants[0].ambiguous
    assert parsed[1].variants[0].kind is VariantKind.OCR_ERROR


def test_invalid_body_lists_are_refused() -> None:
    body = {"key": "pb", "name": "Politburo", "short_name": "PB", "kind": "party_organ"}
    with pytest.raises(AuthorityError, match="unknown parent"):
        parse_bodies({"body": [{**body, "parent": "cc"}]})
    with pytest.raises(AuthorityError, match="BodyKind"):
        parse_bodies({"body": [{**body, "kind": "club"}]})
    bodies = parse_bodies({"body": [body]})
    person = parse_persons({"person": [_person("ivanov", memberships=[{"body": "cc", "role": "member"}])]})
    with pytest.raises(AuthorityError, match="unknown body 'cc'"):
        check_memberships(person, bodies)
