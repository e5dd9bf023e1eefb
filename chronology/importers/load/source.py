"""Write one parsed source into the database: the only importer module family that writes.

The caller owns the transaction; `load_source` flushes through its session and never commits.
Order matters: documents first (votes and links name them), then decisions, votes, links.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.orm import Session

from chronology.authority.resolver import BodyResolver, PersonResolver
from chronology.importers.load.authority import AuthorityIds
from chronology.importers.load.context import SourceContext
from chronology.importers.load.decisions import load_decision, load_link, load_tally, load_vote
from chronology.importers.load.documents import load_document, prefetch_documents
from chronology.importers.load.names import Names
from chronology.importers.load.review import store_review
from chronology.importers.load.rows import Writer
from chronology.importers.records import ParsedSource, ReviewItem


@dataclass
class LoadResult:
    """What loading one source did: outcomes per table and the loader's review items."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)
    review: list[ReviewItem] = field(default_factory=list)
    document_ids: dict[str, int] = field(default_factory=dict)
    decision_ids: dict[str, int] = field(default_factory=dict)


def set_actor(session: Session, actor: str) -> None:
    """Name the importer in the audit trail for the rest of this transaction."""
    session.execute(text("SELECT set_config('chronology.actor', :actor, true)"), {"actor": actor})


def load_source(
    session: Session,
    parsed: ParsedSource,
    *,
    source_name: str,
    authority: AuthorityIds,
    persons: PersonResolver,
    bodies: BodyResolver,
    progress: Callable[[int], None] | None = None,
) -> LoadResult:
    """Write a parsed source's records, linking names to the authority rows."""
    writer = Writer(session)
    names = Names(writer, persons=persons, bodies=bodies, ids=authority, source_name=source_name)
    ctx = SourceContext(writer, names, source_id=parsed.format, source_name=source_name)
    existing = prefetch_documents(ctx, parsed.documents)
    for doc in parsed.documents:
        if doc.key in ctx.document_ids:
            ctx.review.append(ReviewItem(doc.line, "document key printed twice; skipped", doc.key))
            continue
        ctx.document_ids[doc.key] = load_document(ctx, doc, existing.get(doc.key))
        if progress is not None:
            progress(1)
    owned: set[int] = set()
    for decision in parsed.decisions:
        loaded = load_decision(ctx, decision)
        if loaded is not None:
            ctx.decision_ids[decision.key] = loaded[0]
            if loaded[1]:
                owned.add(loaded[0])
            load_tally(ctx, decision, loaded[0], owned=loaded[1])
    for vote in parsed.votes:
        load_vote(ctx, vote, owned)
    for link in parsed.links:
        load_link(ctx, link)
    review = [*parsed.review, *names.review, *ctx.review]
    concerns = dict(names.concerns)
    for item in review:
        if item.record is not None:
            record_id = ctx.document_ids.get(item.record) or ctx.decision_ids.get(item.record)
            if record_id is not None:
                concerns[item] = record_id
    store_review(writer, source_name, review, concerns, actor=f"import: {source_name}")
    session.flush()
    return LoadResult(
        counts=writer.counts,
        review=[*names.review, *ctx.review],
        document_ids=ctx.document_ids,
        decision_ids=ctx.decision_ids,
    )
