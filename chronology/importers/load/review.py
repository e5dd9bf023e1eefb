"""Store an import's review items as records, once per file, line and doubt."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping

from sqlalchemy import func, literal_column, update
from sqlalchemy.dialects.postgresql import insert

from chronology import models
from chronology.importers.load.rows import CREATED, UNCHANGED, UPDATED, Writer, table_of
from chronology.importers.records import ReviewItem
from chronology.models.review import REVIEW_KINDS

_ITEMS = table_of(models.ReviewItem)

# The first rule whose words the reason holds names its kind; the order puts the specific first.
_KIND_RULES = (
    ("misprint", re.compile(r"misprint|confusable|likely reading", re.I)),
    ("count", re.compile(r"\bcount(?:s|ed)?\b|\bexpected\b.*\bmade\b|\bmade\b.*\bexpected\b", re.I)),
    ("vocabulary", re.compile(r"vocabulary", re.I)),
    ("name", re.compile(r"\bname\b|\bperson\b|\bbody\b", re.I)),
    ("reference", re.compile(r"referen|archiv|folio|\bfond\b|\bopis\b|\bdelo\b", re.I)),
    ("date", re.compile(r"\bdate|\bmonth|\byear\b|\bday\b", re.I)),
    ("structure", re.compile(r"header|document key|footnote|\bnote\b|front matter|boundar", re.I)),
)


def kind_of(item: ReviewItem) -> str:
    """Return the kind of doubt an item records: the parser's word, else one told from its reason."""
    if item.kind in REVIEW_KINDS:
        return item.kind
    for kind, rule in _KIND_RULES:
        if rule.search(item.reason):
            return kind
    return "reading"


def fingerprint(item: ReviewItem) -> str:
    """Return the digest that, with file and line, says two items are the same doubt."""
    return hashlib.sha256(f"{item.reason}\x1f{item.verbatim}".encode()).hexdigest()


def store_review(
    writer: Writer,
    source_name: str,
    items: Iterable[ReviewItem],
    concerns: Mapping[ReviewItem, int],
    *,
    actor: str,
) -> list[int]:
    """Write each item unless this file already has it; resolve the file's items the reading no longer makes."""
    session = writer.session
    kept: list[int] = []
    seen: set[tuple[int, str]] = set()
    for item in items:
        digest = fingerprint(item)
        if (item.line, digest) in seen:
            continue
        seen.add((item.line, digest))
        record_id = concerns.get(item)
        statement = (
            insert(_ITEMS)
            .values(
                source_file=source_name,
                line=item.line,
                kind=kind_of(item),
                reason=item.reason,
                verbatim=item.verbatim,
                likely_reading=item.suggestion,
                fingerprint=digest,
                record_id=record_id,
            )
            # The editor's verdict stands; only what the reading says is brought up to date.
            .on_conflict_do_update(
                index_elements=["source_file", "line", "fingerprint"],
                set_={"likely_reading": item.suggestion, "record_id": record_id, "kind": kind_of(item)},
            )
            # A row this statement inserted has no deleting transaction: PostgreSQL's usual tell.
            .returning(_ITEMS.c.id, literal_column("xmax = 0"))
        )
        row = session.execute(statement).one()
        kept.append(int(row[0]))
        writer.count(_ITEMS, CREATED if row[1] else UNCHANGED)
    stale = session.execute(
        update(_ITEMS)
        .where(_ITEMS.c.source_file == source_name, _ITEMS.c.status == "open", _ITEMS.c.id.not_in(kept))
        .values(
            status="resolved",
            resolved_by=actor,
            resolved_at=func.now(),
            resolution="the improved reading no longer raises this doubt",
        )
        .returning(_ITEMS.c.id)
    ).all()
    if stale:
        writer.count(_ITEMS, UPDATED, len(stale))
    return kept
