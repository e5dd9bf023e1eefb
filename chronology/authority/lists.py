"""Read and validate the shipped authority lists of persons and bodies."""

from __future__ import annotations

import calendar
import datetime
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from typing import Any, TypeVar

_KEY = re.compile(r"[a-z][a-z0-9_-]*")
_QID = re.compile(r"Q[1-9][0-9]*")
_VIAF = re.compile(r"[1-9][0-9]*")
# The EDTF subset the lists use: a calendar date at day, month or year precision,
# optionally qualified as uncertain (?), approximate (~) or both (%).
_E = TypeVar("_E", bound=StrEnum)
_EDTF = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?P<q>[?~%])?")


class AuthorityError(ValueError):
    """The authority list breaks one of its invariants."""


class VariantKind(StrEnum):
    """Why a name form differs from the canonical one."""

    TRANSLITERATION = "transliteration"
    SPELLING = "spelling"
    OCR_ERROR = "ocr_error"
    PARTY_NAME = "party_name"
    INITIALS = "initials"
    BIRTH_NAME = "birth_name"
    ABBREVIATION = "abbreviation"
    TRANSLATION = "translation"


class MembershipRole(StrEnum):
    """A person's standing in a body."""

    MEMBER = "member"
    CANDIDATE = "candidate"
    SECRETARY = "secretary"
    CHAIR = "chair"


class BodyKind(StrEnum):
    """What sort of institution a body is."""

    PARTY_ORGAN = "party_organ"
    STATE_ORGAN = "state_organ"
    COMMISSARIAT = "commissariat"
    COURT = "court"
    REGIONAL_COMMITTEE = "regional_committee"


@dataclass(frozen=True)
class NameVariant:
    """One attested form of a name; `ambiguous` marks a form shared by several entries."""

    name: str
    kind: VariantKind
    ambiguous: bool = False
    note: str | None = None


@dataclass(frozen=True)
class Membership:
    """A term in a body: EDTF start and end, open where unrecorded."""

    body: str
    role: MembershipRole
    start: str | None = None
    end: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class AuthorityPerson:
    """A person of the authority list."""

    key: str
    name: str
    sort_name: str
    short_name: str
    variants: tuple[NameVariant, ...] = ()
    wikidata: str | None = None
    viaf: str | None = None
    born: str | None = None
    died: str | None = None
    memberships: tuple[Membership, ...] = ()
    note: str | None = None

    def name_forms(self) -> tuple[str, ...]:
        """Return every form under which the person may be written, canonical first."""
        return (self.name, self.sort_name, self.short_name, *(v.name for v in self.variants))

    def memberships_on(self, day: datetime.date) -> tuple[Membership, ...]:
        """Return the terms that may have been running on `day`."""
        return tuple(m for m in self.memberships if _may_cover(m.start, m.end, day))

    def alive_on(self, day: datetime.date) -> bool:
        """Tell whether the person may have been alive on `day`, as far as the list knows."""
        return _may_cover(self.born, self.died, day)


@dataclass(frozen=True)
class AuthorityBody:
    """A party or state body of the authority list."""

    key: str
    name: str
    short_name: str
    kind: BodyKind
    variants: tuple[NameVariant, ...] = ()
    parent: str | None = None
    wikidata: str | None = None
    note: str | None = None

    def name_forms(self) -> tuple[str, ...]:
        """Return every form under which the body may be written, canonical first."""
        return (self.name, self.short_name, *(v.name for v in self.variants))


def edtf_bounds(value: str) -> tuple[datetime.date, datetime.date]:
    """Return the earliest and latest day an EDTF date of the lists' subset may mean."""
    match = _EDTF.fullmatch(value)
    if match is None:
        raise AuthorityError(f"not an EDTF date of the supported form: {value!r}")
    year = int(match["y"])
    try:
        if match["d"]:
            day = datetime.date(year, int(match["m"]), int(match["d"]))
            return day, day
        if match["m"]:
            month = int(match["m"])
            last = calendar.monthrange(year, month)[1]
            return datetime.date(year, month, 1), datetime.date(year, month, last)
    except ValueError as error:
        raise AuthorityError(f"impossible date: {value!r}") from error
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def _may_cover(start: str | None, end: str | None, day: datetime.date) -> bool:
    # Bounds are read generously: an imprecise date counts as covering its whole span.
    if start is not None and edtf_bounds(start)[0] > day:
        return False
    return not (end is not None and edtf_bounds(end)[1] < day)


def _text(entry: Mapping[str, Any], field: str, where: str, *, required: bool = True) -> str | None:
    value = entry.get(field)
    if value is None:
        if required:
            raise AuthorityError(f"{where}: missing {field!r}")
        return None
    if not isinstance(value, str) or not value.strip():
        raise AuthorityError(f"{where}: {field!r} must be a non-empty string")
    return value


def _required(entry: Mapping[str, Any], field: str, where: str) -> str:
    value = _text(entry, field, where)
    assert value is not None
    return value


def _date(entry: Mapping[str, Any], field: str, where: str) -> str | None:
    value = _text(entry, field, where, required=False)
    if value is not None:
        edtf_bounds(value)
    return value


def _enum(kind: type[_E], value: object, where: str) -> _E:
    try:
        return kind(str(value))
    except ValueError as error:
        raise AuthorityError(f"{where}: unknown {kind.__name__} {value!r}") from error


def _variants(entries: Iterable[Mapping[str, Any]], where: str) -> tuple[NameVariant, ...]:
    return tuple(
        NameVariant(
            name=_required(v, "name", where),
            kind=_enum(VariantKind, v.get("kind"), where),
            ambiguous=bool(v.get("ambiguous", False)),
            note=_text(v, "note", where, required=False),
        )
        for v in entries
    )


def _identifier(entry: Mapping[str, Any], field: str, pattern: re.Pattern[str], where: str) -> str | None:
    value = _text(entry, field, where, required=False)
    if value is not None and not pattern.fullmatch(value):
        raise AuthorityError(f"{where}: malformed {field} {value!r}")
    return value


def _membership(entry: Mapping[str, Any], where: str) -> Membership:
    start = _date(entry, "start", where)
    end = _date(entry, "end", where)
    if start is not None and end is not None and edtf_bounds(start)[0] > edtf_bounds(end)[1]:
        raise AuthorityError(f"{where}: term ends before it starts ({start} > {end})")
    return Membership(
        body=_required(entry, "body", where),
        role=_enum(MembershipRole, entry.get("role"), where),
        start=start,
        end=end,
        note=_text(entry, "note", where, required=False),
    )


def parse_persons(data: Mapping[str, Any]) -> tuple[AuthorityPerson, ...]:
    """Build and validate persons from the parsed TOML document (`[[person]]` tables)."""
    persons = []
    for index, entry in enumerate(data.get("person", [])):
        key = _required(entry, "key", f"person #{index}")
        where = f"person {key!r}"
        born = _date(entry, "born", where)
        died = _date(entry, "died", where)
        if born is not None and died is not None and edtf_bounds(born)[0] > edtf_bounds(died)[1]:
            raise AuthorityError(f"{where}: died before born")
        persons.append(
            AuthorityPerson(
                key=key,
                name=_required(entry, "name", where),
                sort_name=_required(entry, "sort_name", where),
                short_name=_required(entry, "short_name", where),
                variants=_variants(entry.get("variants", []), where),
                wikidata=_identifier(entry, "wikidata", _QID, where),
                viaf=_identifier(entry, "viaf", _VIAF, where),
                born=born,
                died=died,
                memberships=tuple(
                    _membership(m, f"{where} membership #{i}") for i, m in enumerate(entry.get("memberships", []))
                ),
                note=_text(entry, "note", where, required=False),
            )
        )
    _check_unique(persons)
    return tuple(persons)


def parse_bodies(data: Mapping[str, Any]) -> tuple[AuthorityBody, ...]:
    """Build and validate bodies from the parsed TOML document (`[[body]]` tables)."""
    bodies = []
    for index, entry in enumerate(data.get("body", [])):
        key = _required(entry, "key", f"body #{index}")
        where = f"body {key!r}"
        bodies.append(
            AuthorityBody(
                key=key,
                name=_required(entry, "name", where),
                short_name=_required(entry, "short_name", where),
                kind=_enum(BodyKind, entry.get("kind"), where),
                variants=_variants(entry.get("variants", []), where),
                parent=_text(entry, "parent", where, required=False),
                wikidata=_identifier(entry, "wikidata", _QID, where),
                note=_text(entry, "note", where, required=False),
            )
        )
    _check_unique(bodies)
    keys = {b.key for b in bodies}
    for body in bodies:
        if body.parent is not None and body.parent not in keys:
            raise AuthorityError(f"body {body.key!r}: unknown parent {body.parent!r}")
    return tuple(bodies)


def _check_unique(entries: Sequence[AuthorityPerson | AuthorityBody]) -> None:
    keys: set[str] = set()
    owners: dict[str, str] = {}
    for entry in entries:
        if not _KEY.fullmatch(entry.key):
            raise AuthorityError(f"malformed key {entry.key!r}")
        if entry.key in keys:
            raise AuthorityError(f"duplicate key {entry.key!r}")
        keys.add(entry.key)
        shared = {v.name.casefold() for v in entry.variants if v.ambiguous}
        for form in {f.casefold() for f in entry.name_forms()} - shared:
            # A short name such as "Smirnov" is shared by design; full forms must not be.
            if form == entry.short_name.casefold():
                continue
            other = owners.setdefault(form, entry.key)
            if other != entry.key:
                raise AuthorityError(
                    f"name form {form!r} belongs to both {other!r} and {entry.key!r}; "
                    "flag the variant ambiguous if that is true"
                )


def check_memberships(persons: Iterable[AuthorityPerson], bodies: Iterable[AuthorityBody]) -> None:
    """Raise AuthorityError when a membership names a body missing from the body list."""
    keys = {b.key for b in bodies}
    for person in persons:
        for term in person.memberships:
            if term.body not in keys:
                raise AuthorityError(f"person {person.key!r}: unknown body {term.body!r}")


def _read(filename: str) -> dict[str, Any]:
    text = resources.files("chronology.authority").joinpath(filename).read_text("utf-8")
    return tomllib.loads(text)


def load_persons() -> tuple[AuthorityPerson, ...]:
    """Load and validate the shipped person list."""
    return parse_persons(_read("persons.toml"))


def load_bodies() -> tuple[AuthorityBody, ...]:
    """Load and validate the shipped body list."""
    return parse_bodies(_read("bodies.toml"))
