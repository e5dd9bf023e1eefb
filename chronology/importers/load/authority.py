"""Write the shipped authority lists into persons, name variants, bodies and memberships.

Idempotent: rows are found by `authority_key` (memberships by person, body, role and dates,
variants by person and name), and a row is updated only where a value differs.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from chronology import models
from chronology.authority import AuthorityBody, AuthorityError, AuthorityPerson, edtf_bounds
from chronology.authority.lists import Membership as AuthorityMembership
from chronology.importers.load.rows import Writer, table_of
from chronology.models.vocabulary import NameVariantKind

# Memberships written from the list carry this source, so that a term dropped from the
# list can be told apart from one an editor added by hand.
MEMBERSHIP_SOURCE = "authority list"

_PERSONS = table_of(models.Person)
_VARIANTS = table_of(models.NameVariant)
_BODIES = table_of(models.Body)
_MEMBERSHIPS = table_of(models.Membership)

_EDTF_PRECISION = {4: "year", 7: "month", 10: "day"}
_PRECISION_ORDER = ("day", "month", "year")


@dataclass(frozen=True)
class AuthorityIds:
    """Database ids of the authority entries, by authority key."""

    persons: dict[str, int]
    bodies: dict[str, int]


def sync_authority(writer: Writer, persons: Sequence[AuthorityPerson], bodies: Sequence[AuthorityBody]) -> AuthorityIds:
    """Bring the database's persons and bodies into line with the authority lists."""
    body_ids = _sync_bodies(writer, bodies)
    person_ids = _sync_persons(writer, persons)
    _sync_variants(writer, persons, person_ids)
    _sync_memberships(writer, persons, person_ids, body_ids)
    return AuthorityIds(person_ids, body_ids)


def _sync_bodies(writer: Writer, bodies: Sequence[AuthorityBody]) -> dict[str, int]:
    existing = writer.prefetch(_BODIES, ("authority_key",))
    by_name = {row["name"]: row for row in existing.values() if row["authority_key"] is None}
    ids: dict[str, int] = {}
    for body in bodies:
        values: dict[str, Any] = {
            "name": body.name,
            "short_name": body.short_name,
            "kind": body.kind.value,
            "variants": [v.name for v in body.variants],
            "description": body.note,
        }
        row = existing.get((body.key,))
        if row is None and body.name in by_name:
            # A body the importer created before the list knew it: adopt it, keep its id.
            row = by_name[body.name]
            values["authority_key"] = body.key
        ids[body.key] = writer.upsert(_BODIES, {"authority_key": body.key}, values, known=row)
    # Parents in a second pass: a parent may come later in the list than its child.
    rows = writer.prefetch(_BODIES, ("authority_key",), _BODIES.c.authority_key.is_not(None))
    for body in bodies:
        parent = ids[body.parent] if body.parent else None
        row = rows[(body.key,)]
        if row["parent_id"] != parent:
            writer.session.execute(_BODIES.update().where(_BODIES.c.id == row["id"]).values(parent_id=parent))
    return ids


def _date_pair(value: str | None) -> tuple[str | None, datetime.date | None, datetime.date | None]:
    if value is None:
        return None, None, None
    lower, upper = edtf_bounds(value)
    return value, lower, upper


def _sync_persons(writer: Writer, persons: Sequence[AuthorityPerson]) -> dict[str, int]:
    existing = writer.prefetch(_PERSONS, ("authority_key",), _PERSONS.c.authority_key.is_not(None))
    ids: dict[str, int] = {}
    for person in persons:
        born_edtf, born_lower, born_upper = _date_pair(person.born)
        died_edtf, died_lower, died_upper = _date_pair(person.died)
        values = {
            "canonical_name": person.name,
            "sort_name": person.sort_name,
            "short_name": person.short_name,
            "wikidata_qid": person.wikidata,
            "viaf_id": person.viaf,
            "born_edtf": born_edtf,
            "born_lower": born_lower,
            "born_upper": born_upper,
            "died_edtf": died_edtf,
            "died_lower": died_lower,
            "died_upper": died_upper,
            "note": person.note,
            "needs_review": False,
        }
        ids[person.key] = writer.upsert(
            _PERSONS, {"authority_key": person.key}, values, known=existing.get((person.key,))
        )
    return ids


def _variant_rows(person: AuthorityPerson) -> dict[str, tuple[str, str | None]]:
    """Return name -> (kind, note) for every form of the person's name, first form winning."""
    rows: dict[str, tuple[str, str | None]] = {person.name: (NameVariantKind.CANONICAL, None)}
    rows.setdefault(person.short_name, (NameVariantKind.SHORT, None))
    for variant in person.variants:
        try:
            kind = NameVariantKind(variant.kind.value)
        except ValueError as error:
            raise AuthorityError(
                f"person {person.key!r}: variant kind {variant.kind.value!r} is not in the "
                "database vocabulary (chronology.models.vocabulary.NameVariantKind)"
            ) from error
        note = variant.note
        if variant.ambiguous:
            note = "; ".join(filter(None, [note, "this form is shared with another person"]))
        rows.setdefault(variant.name, (kind, note))
    return rows


def _sync_variants(writer: Writer, persons: Sequence[AuthorityPerson], person_ids: dict[str, int]) -> None:
    existing = writer.prefetch(_VARIANTS, ("person_id", "name"), _VARIANTS.c.person_id.in_(list(person_ids.values())))
    for person in persons:
        person_id = person_ids[person.key]
        for name, (kind, note) in _variant_rows(person).items():
            writer.upsert(
                _VARIANTS,
                {"person_id": person_id, "name": name},
                {"kind": kind, "note": note},
                known=existing.get((person_id, name)),
            )


def membership_dates(term: AuthorityMembership, person: AuthorityPerson) -> dict[str, Any]:
    """Return the fuzzy-date columns of a term; an open end is bounded by birth or death."""
    if term.start is None and term.end is None:
        return {
            "date_verbatim": None,
            "date_edtf": None,
            "date_lower": None,
            "date_upper": None,
            "date_precision": None,
            "date_qualifiers": [],
        }
    # EDTF writes an end the list does not record as open ("..").
    edtf = f"{term.start or '..'}/{term.end or '..'}"
    if term.start is not None:
        lower = edtf_bounds(term.start)[0]
    else:
        lower = edtf_bounds(person.born)[0] if person.born else datetime.date.min
    if term.end is not None:
        upper = edtf_bounds(term.end)[1]
    else:
        upper = edtf_bounds(person.died)[1] if person.died else datetime.date.max
    ends = [e for e in (term.start, term.end) if e is not None]
    precisions = [_EDTF_PRECISION[len(e.rstrip("?~%"))] for e in ends]
    qualifiers = set()
    for end in ends:
        if end[-1] in "?%":
            qualifiers.add("uncertain")
        if end[-1] in "~%":
            qualifiers.add("approximate")
    return {
        "date_verbatim": None,
        "date_edtf": edtf,
        "date_lower": lower,
        "date_upper": max(lower, upper),
        "date_precision": max(precisions, key=_PRECISION_ORDER.index),
        "date_qualifiers": sorted(qualifiers),
    }


def _sync_memberships(
    writer: Writer,
    persons: Sequence[AuthorityPerson],
    person_ids: dict[str, int],
    body_ids: dict[str, int],
) -> None:
    existing = writer.prefetch(
        _MEMBERSHIPS,
        ("person_id", "body_id", "role", "date_edtf"),
        _MEMBERSHIPS.c.source == MEMBERSHIP_SOURCE,
    )
    seen: set[int] = set()
    written: set[tuple[Any, ...]] = set()
    for person in persons:
        for term in person.memberships:
            if term.body not in body_ids:
                raise AuthorityError(f"person {person.key!r}: unknown body {term.body!r}")
            dates = membership_dates(term, person)
            key = {
                "person_id": person_ids[person.key],
                "body_id": body_ids[term.body],
                "role": term.role.value,
                "date_edtf": dates.pop("date_edtf"),
            }
            values = {**dates, "source": MEMBERSHIP_SOURCE, "note": term.note}
            if tuple(key.values()) in written:
                continue  # the same term stated twice
            written.add(tuple(key.values()))
            row = existing.get(tuple(key.values()))
            seen.add(writer.upsert(_MEMBERSHIPS, key, values, known=row))
    # A term the list no longer states (a corrected date) goes; hand-made terms stay.
    writer.delete(_MEMBERSHIPS, (row["id"] for row in existing.values() if row["id"] not in seen))
