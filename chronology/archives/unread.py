"""Citations that name an archive but cannot be read: kept as printed, never dropped.

A parenthesised citation such as "(RGASPI, fund 17, list 3, case 974, sheet 48)" or one
the scan broke beyond repair still says where the document is. It becomes a reference
whose fond is `?` (unknown), marked doubtful, its verbatim kept, cited as printed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chronology.archives.reference import UNREAD, ArchivalReference
from chronology.archives.repositories import match_repository

_PARENTHESES = re.compile(r"\((?P<inside>[^()]{4,200})\)")
_FIRST_WORD = re.compile(r"[\w|!]+")


def unread_reference(verbatim: str, repository: str | None, repository_as_printed: str | None) -> ArchivalReference:
    """Keep a citation that could not be read, as printed and doubtful."""
    return ArchivalReference(
        verbatim=verbatim,
        repository=repository,
        repository_as_printed=repository_as_printed,
        fond=UNREAD,
        opis=None,
        delo=None,
        folios=(),
        doubtful=True,
        note="the citation names an archive but its fond, inventory, file and folios cannot be read; kept as printed",
        confidence=0.0,
    )


def unread_citations(text: str, read: Sequence[tuple[int, int]]) -> list[tuple[int, int, ArchivalReference]]:
    """Find the parenthesised citations naming an archive that no reference read covers."""
    found = []
    for match in _PARENTHESES.finditer(text):
        start, end = match.span("inside")
        if any(a < end and start < b for a, b in read):
            continue
        first = _FIRST_WORD.search(match["inside"])
        hit = match_repository(first.group(0)) if first is not None else None
        if first is None or hit is None or first.start() > 2:
            continue
        found.append((start, end, unread_reference(match["inside"].strip(), hit.repository.code, first.group(0))))
    return found
