"""Turn printed names into person and body ids, creating reviewable records for unknown ones."""

from __future__ import annotations

import datetime

from chronology import models
from chronology.authority.evidence import name_evidence
from chronology.authority.resolver import BodyResolver, PersonResolver, normalise_body_name, normalise_name
from chronology.importers.load.authority import AuthorityIds
from chronology.importers.load.rows import Writer, table_of
from chronology.importers.records import ReviewItem

_PERSONS = table_of(models.Person)
_VARIANTS = table_of(models.NameVariant)
_BODIES = table_of(models.Body)


def _person_key(name: str) -> str:
    return normalise_name(name) or " ".join(name.casefold().split())


def _body_key(name: str) -> str:
    return normalise_body_name(name) or " ".join(name.casefold().split())


class Names:
    """Resolve the names of one source, reporting each doubtful name once."""

    def __init__(
        self,
        writer: Writer,
        *,
        persons: PersonResolver,
        bodies: BodyResolver,
        ids: AuthorityIds,
        source_name: str,
    ) -> None:
        self._writer = writer
        self._persons = persons
        self._bodies = bodies
        self._ids = ids
        self._source_name = source_name
        self.review: list[ReviewItem] = []
        self._reported: set[tuple[str, str]] = set()
        # The record each item concerns: the person or body the name was linked to.
        self.concerns: dict[ReviewItem, int] = {}
        # One query each, up front: the names outside the lists are few, the look-ups many.
        unlisted = writer.session.execute(_PERSONS.select().where(_PERSONS.c.authority_key.is_(None))).mappings()
        self._unlisted_persons = {_person_key(r["canonical_name"]): int(r["id"]) for r in unlisted}
        self._all_bodies = {
            _body_key(r["name"]): int(r["id"]) for r in writer.session.execute(_BODIES.select()).mappings()
        }
        self._variants: set[tuple[int, str]] = set()

    def _report(self, kind: str, name: str, item: ReviewItem, record_id: int | None = None) -> None:
        if (kind, name) not in self._reported:
            self._reported.add((kind, name))
            self.review.append(item)
            if record_id is not None:  # a name made into no record concerns none
                self.concerns[item] = record_id

    def person(self, name: str, *, on: datetime.date | None, line: int) -> int:
        """Return the person a printed name denotes; unknown names get a person to review."""
        resolution = self._persons.lookup(name, on=on)
        match = resolution.match
        if match is not None and match.key in self._ids.persons:
            if not match.exact:
                self._report(
                    "person",
                    name,
                    ReviewItem(
                        line,
                        f"name read as {match.matched_variant!r} by similarity "
                        f"(score {match.score:.2f}); check the reading",
                        name,
                        match.key,
                        kind="name",
                    ),
                    self._ids.persons[match.key],
                )
            return self._ids.persons[match.key]
        if resolution.ambiguous:
            reason = "name fits several persons of the authority list; linked to a new person"
            suggestion: str | None = "one of: " + ", ".join(resolution.ambiguous)
        else:
            reason = "name matches no person of the authority list; linked to a new person"
            candidates = self._persons.candidates(name, limit=3)
            suggestion = ", ".join(c.key for c in candidates) or None
        person_id = self._unlisted_person(name)
        item = ReviewItem(line, reason + " marked for review", name, suggestion, kind="name")
        self._report("person", name, item, person_id)
        return person_id

    def _unlisted_person(self, name: str) -> int:
        printed = " ".join(name.split())
        key = _person_key(printed)
        person_id = self._unlisted_persons.get(key)
        if person_id is None:
            person_id = self._writer.insert(
                _PERSONS,
                {
                    "canonical_name": printed,
                    "sort_name": printed,
                    "needs_review": True,
                    "note": f"created by the import of {self._source_name}: "
                    "no person of the authority list matched this name",
                },
            )
            self._unlisted_persons[key] = person_id
        if (person_id, printed) not in self._variants:
            self._variants.add((person_id, printed))
            self._writer.upsert(_VARIANTS, {"person_id": person_id, "name": printed}, {"kind": "spelling"})
        return person_id

    def body(self, name: str, *, line: int) -> int:
        """Return the body a printed name denotes; unknown names get a new body to review."""
        resolution = self._bodies.lookup(name)
        match = resolution.match
        if match is not None and match.key in self._ids.bodies:
            return self._ids.bodies[match.key]
        key = _body_key(name)
        body_id = self._all_bodies.get(key)
        reason = "body name matches no body of the authority list"
        if resolution.ambiguous:
            reason = "body name fits several bodies of the authority list"
        suggestion = ", ".join(resolution.ambiguous) or None
        if body_id is None:
            body_id = self._writer.insert(
                _BODIES,
                {
                    "name": " ".join(name.split()),
                    "kind": "other",
                    "needs_review": True,
                    "description": f"created by the import of {self._source_name}; "
                    "not in the authority list: needs review",
                },
            )
            self._all_bodies[key] = body_id
        # Worded the same whether this run or an earlier one made the body, so a re-import finds the item.
        reason += "; linked to a body marked for review"
        self._report("body", name, ReviewItem(line, reason, name, suggestion, kind="name"), body_id)
        return body_id

    def party(self, name: str, *, is_body: bool, on: datetime.date | None, line: int) -> tuple[int | None, int | None]:
        """Return (person_id, body_id) for a document's party; (None, None) when it is no name at all."""
        if is_body:
            return None, self.body(name, line=line)
        if self._persons.lookup(name, on=on).match is None:
            # A party the parser took for a person may be a body ("Politburo").
            body = self._bodies.resolve(name)
            if body is not None and body.exact and body.key in self._ids.bodies:
                return None, self._ids.bodies[body.key]
            if name_evidence(name) is None:
                reason = "party shows no name evidence (initials, a comrade-form, a surname's shape); no person made"
                self._report("person", name, ReviewItem(line, reason, name, kind="name"))
                return None, None
        return self.person(name, on=on, line=line), None
