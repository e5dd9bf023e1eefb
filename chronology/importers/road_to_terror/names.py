"""Parties read from an editors' title: a person only with name evidence, a body only as a body."""

from __future__ import annotations

import functools
import re

from chronology.authority.evidence import name_evidence, unglue_from
from chronology.authority.resolver import BodyResolver, PersonResolver
from chronology.importers.records import ReviewItem

# A "body" that holds a document's kind is the title's words, not an institution.
_KIND_WORD = re.compile(r"\b(?:decree|letter|circular|report|resolution|order|speech|statement|telegram)\b", re.I)

# "Secret Central Committee letter": the secrecy is the letter's, not the body's name.
_SECRECY = re.compile(r"^(?:(?:Top|Strictly)\s+)?(?:Secret|Confidential)\s+(?=[A-Z])")


@functools.cache
def _persons() -> PersonResolver:
    return PersonResolver.default()


@functools.cache
def _bodies() -> BodyResolver:
    return BodyResolver.default()


def checked_party(name: str, is_body: bool, line: int, review: list[ReviewItem]) -> tuple[str, bool] | None:
    """Return (name, is_body) for a title's party, or None with a review item when it is no name."""
    if is_body:
        if (plain := _SECRECY.sub("", name)) != name and plain:
            review.append(ReviewItem(line, "a classification in the title is not part of the body's name", name, plain))
            name = plain
        kind = _KIND_WORD.search(name)
        if kind is None:
            return name, True
        # "Politburo decree on Comrade Shliapnikov": the body is what stands before the kind.
        before = name[: kind.start()].strip(" ,")
        if before and _bodies().resolve(before) is not None:
            reason = "title words taken for a body; the body before the kind is kept"
            review.append(ReviewItem(line, reason, name, before))
            return before, True
        review.append(ReviewItem(line, "title words taken for a body name a document, not a body", name))
        return None
    if (bare := unglue_from(name)) is not None:
        review.append(ReviewItem(line, "'From' glued to the name by the scan; read without it", name, bare))
        name = bare
    if _persons().resolve(name) is not None:
        return name, False
    body = _bodies().resolve(name)
    if body is not None:
        review.append(ReviewItem(line, f"title words read as the body {body.key!r} by similarity", name, body.key))
        return name, True
    if name_evidence(name) is None:
        review.append(
            ReviewItem(
                line,
                "title words taken for a name show no name evidence (initials, a comrade-form, a surname's "
                "shape); kept as review text, no person made",
                name,
            )
        )
        return None
    return name, False
