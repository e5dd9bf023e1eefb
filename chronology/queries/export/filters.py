"""The filters of an export, as the CLI and the web receive them, checked into DocumentCriteria.

They are the `documents` query's: a date window (`from`/`to` take any EDTF date, so
`from=1936-08&to=1936-08` is August 1936; `match` says how a fuzzy date must meet it),
kinds, a person or a body among the parties, an archival location and a search text.
A person is named by a global id, a Wikidata QID (`Q855`), an authority key (`stalin`), the
canonical name or any stored form of it (`queries.naming`); a body by a global id, an
authority key or its name or short name.
"""

from __future__ import annotations

import base64
import binascii
import datetime
from dataclasses import dataclass

from sqlalchemy import Connection, func, or_, select

from chronology import models
from chronology.archives.repositories import find_repository
from chronology.dates.edtf import DateParseError, parse_edtf
from chronology.models.vocabulary import DocumentKind
from chronology.queries.documents import DocumentCriteria
from chronology.queries.naming import person_naming
from chronology.queries.windows import DateMatch

MAX_TEXT = 500


class ExportFilterError(ValueError):
    """A filter that cannot be used; `field` names the parameter."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class ExportFilter:
    """The filters as given, unchecked."""

    start: str | None = None
    end: str | None = None
    match: str | None = None
    kinds: tuple[str, ...] = ()
    person: str | None = None
    body: str | None = None
    repository: str | None = None
    fond: str | None = None
    opis: str | None = None
    delo: str | None = None
    text: str | None = None


def _bound(value: str | None, field: str, *, upper: bool) -> datetime.date | None:
    if value is None or not value.strip():
        return None
    try:
        lower, last = parse_edtf(value.strip()).bounds()
    except DateParseError as error:
        raise ExportFilterError(field, f"{value!r} is not a date (use 1936-08-17, 1936-08 or 1936): {error}") from None
    return last if upper else lower


def _global_number(value: str, type_name: str) -> int | None:
    """Read a global id of TYPE_NAME (base64 of "Type:number"); the API's ids module owns the format."""
    try:
        decoded = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    name, _, number = decoded.partition(":")
    return int(number) if name == type_name and number.isdigit() else None


def find_body(connection: Connection, value: str) -> int | None:
    """Return the id of the body VALUE names, or None."""
    table = models.Body.__table__
    number = _global_number(value, "Body")
    if number is not None:
        condition = table.c.id == number
    else:
        folded = value.casefold()
        condition = or_(
            table.c.authority_key == value,
            func.lower(table.c.name) == folded,
            func.lower(table.c.short_name) == folded,
        )
    found = connection.execute(select(table.c.id).where(condition).order_by(table.c.id).limit(2)).scalars().all()
    return found[0] if len(found) == 1 else None


def build_criteria(connection: Connection, given: ExportFilter) -> DocumentCriteria:
    """Check the filters and return the documents' criteria, or raise ExportFilterError."""
    start = _bound(given.start, "from", upper=False)
    end = _bound(given.end, "to", upper=True)
    if start is not None and end is not None and start > end:
        raise ExportFilterError("to", "the window's `from` is after its `to`")
    if (start is None) != (end is None):
        start = start or datetime.date.min
        end = end or datetime.date.max
    try:
        match = DateMatch(given.match) if given.match else DateMatch.OVERLAPS
    except ValueError:
        choices = ", ".join(m.value for m in DateMatch)
        raise ExportFilterError("match", f"{given.match!r} is not a date match; use one of {choices}") from None
    known = {k.value for k in DocumentKind}
    for kind in given.kinds:
        if kind not in known:
            raise ExportFilterError("kind", f"{kind!r} is not a document kind; use one of {', '.join(sorted(known))}")
    person_id = body_id = None
    if given.person:
        naming = person_naming(connection, given.person)
        if naming.person is None:
            raise ExportFilterError("person", naming.problem())
        person_id = naming.person.number
    if given.body:
        body_id = find_body(connection, given.body.strip())
        if body_id is None:
            raise ExportFilterError("body", f"no single body is called {given.body!r}")
    text = given.text.strip() if given.text else None
    if text is not None and len(text) > MAX_TEXT:
        raise ExportFilterError("text", f"the search text is longer than {MAX_TEXT} characters")
    repository = None
    if given.repository:
        found = find_repository(given.repository)
        repository = found.code if found else given.repository
    return DocumentCriteria(
        start=start,
        end=end,
        match=match,
        kinds=tuple(sorted(set(given.kinds))),
        person_id=person_id,
        body_id=body_id,
        repository=repository,
        fond=given.fond or None,
        opis=given.opis or None,
        delo=given.delo or None,
        text=text or None,
    )
