"""Write decisions, the votes on them and the typed links a source asserts.

A decision is found by its natural key, or else as the same decision another source
recorded (same body, date and archival reference); votes by (decision, person); relations
by (type, source, target). What another source wrote is added to, never rewritten.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.engine import RowMapping

from chronology import models
from chronology.importers.load.context import SourceContext
from chronology.importers.load.documents import MATCHED
from chronology.importers.load.rows import (
    date_columns,
    reference_columns,
    reference_labels,
    table_of,
)
from chronology.importers.reading.tallies import tally_columns
from chronology.importers.records import Decision, Link, ReviewItem, Vote
from chronology.models.vocabulary import (
    Certainty,
    DecisionOutcome,
    DecisionProcedure,
    RelationType,
    VotePosition,
    VoteRecordedIn,
)

_DECISIONS = table_of(models.Decision)
_REFERENCES = table_of(models.ArchivalReferenceRow)
_VOTES = table_of(models.Vote)
_RELATIONS = table_of(models.Relation)
_TALLIES = table_of(models.Tally)


def _match(ctx: SourceContext, decision: Decision, body_id: int) -> RowMapping | None:
    if decision.reference is None:
        return None  # without a reference two decisions of a day cannot be told apart
    date = decision.date.edtf if decision.date is not None else None
    query = (
        select(_DECISIONS)
        .join(_REFERENCES, _REFERENCES.c.id == _DECISIONS.c.archival_reference_id)
        .where(
            _DECISIONS.c.body_id == body_id,
            _REFERENCES.c.normalised.in_(sorted(reference_labels(decision.reference))),
            _DECISIONS.c.date_edtf.is_(None) if date is None else _DECISIONS.c.date_edtf == date,
            or_(
                _DECISIONS.c.natural_key.is_(None),
                ~_DECISIONS.c.natural_key.startswith(ctx.source_id + ":", autoescape=True),
            ),
        )
        .order_by(_DECISIONS.c.id)
    )
    return ctx.writer.session.execute(query).mappings().first()


def load_decision(ctx: SourceContext, decision: Decision) -> tuple[int, bool] | None:
    """Write one decision with its reference; return its id and whether this source owns it."""
    writer = ctx.writer
    procedure = ctx.vocabulary(decision.procedure, DecisionProcedure, line=decision.line, what="procedure")
    outcome = ctx.vocabulary(decision.outcome, DecisionOutcome, line=decision.line, what="outcome")
    if procedure is None or outcome is None:
        return None
    body_id = ctx.names.body(decision.body, line=decision.line)
    values: dict[str, Any] = {
        "body_id": body_id,
        "procedure": procedure,
        "outcome": outcome,
        "title": decision.title.strip() or f"Decision of the {decision.body}",
        "summary": decision.summary,
        "protocol_number": decision.protocol_number,
        "protocol_item": decision.protocol_item,
        "special_file": decision.special_file,
        **date_columns(decision.date),
    }
    row = writer.find(_DECISIONS, {"natural_key": ctx.natural_key(decision.key)})
    if row is None and (row := _match(ctx, decision, body_id)) is not None:
        writer.count(_DECISIONS, MATCHED)
        return int(row["id"]), False  # another source's decision keeps its own reading
    reference_id = row["archival_reference_id"] if row is not None else None
    if decision.reference is not None:
        columns = reference_columns(decision.reference)
        reference = writer.find(_REFERENCES, {"id": reference_id}) if reference_id else None
        if reference is None:
            reference_id = writer.insert(_REFERENCES, columns)
        else:
            writer.update_changed(_REFERENCES, reference, columns)
    else:
        reference_id = None
    values["archival_reference_id"] = reference_id
    if row is None:
        new_id = writer.insert(_DECISIONS, {"natural_key": ctx.natural_key(decision.key), **values})
        return new_id, True
    writer.update_changed(_DECISIONS, row, values)
    return int(row["id"]), True


def load_tally(ctx: SourceContext, decision: Decision, decision_id: int, *, owned: bool) -> None:
    """Write the counts the source states for a decision; another source's tally is kept."""
    columns = tally_columns(decision.tallies)
    if columns is None:
        return  # a tally entered by hand or by another source stays
    ctx.writer.upsert(_TALLIES, {"decision_id": decision_id}, columns, update=owned)


def load_vote(ctx: SourceContext, vote: Vote, owned: set[int]) -> None:
    """Write one member's vote; on another source's decision only a missing vote is added."""
    decision_id = ctx.decision_ids.get(vote.decision_key)
    if decision_id is None:
        ctx.review.append(ReviewItem(vote.line, "vote on a decision the source does not state", vote.person))
        return
    position = ctx.vocabulary(vote.position, VotePosition, line=vote.line, what="vote position")
    recorded = ctx.vocabulary(vote.recorded_in, VoteRecordedIn, line=vote.line, what="record")
    if position is None or recorded is None:
        return
    decision_date = ctx.writer.session.execute(
        select(_DECISIONS.c.date_lower).where(_DECISIONS.c.id == decision_id)
    ).scalar_one()
    person_id = ctx.names.person(vote.person, on=decision_date, line=vote.line)
    source = ctx.document_ids.get(vote.source_document_key) if vote.source_document_key else None
    ctx.writer.upsert(
        _VOTES,
        {"decision_id": decision_id, "person_id": person_id},
        {
            "position": position,
            "recorded_in": recorded,
            "source_document_id": source,
            "name_as_printed": vote.person,
        },
        update=decision_id in owned,
    )


def _record_id(ctx: SourceContext, key: str) -> int | None:
    return ctx.document_ids.get(key, ctx.decision_ids.get(key))


def load_link(ctx: SourceContext, link: Link) -> None:
    """Write one typed link with its provenance; another edition's wording is kept."""
    source_id = _record_id(ctx, link.source_key)
    target_id = _record_id(ctx, link.target_key)
    if source_id is None or target_id is None:
        missing = link.source_key if source_id is None else link.target_key
        ctx.review.append(ReviewItem(link.line, f"{link.type} link names a record the source lacks", missing))
        return
    if source_id == target_id:
        ctx.review.append(ReviewItem(link.line, f"{link.type} link from a record to itself", link.source_key))
        return
    kind = ctx.vocabulary(link.type, RelationType, line=link.line, what="link type")
    certainty = ctx.vocabulary(link.certainty, Certainty, line=link.line, what="certainty")
    if kind is None or certainty is None:
        return
    key = {"type": kind, "source_id": source_id, "target_id": target_id}
    row = ctx.writer.find(_RELATIONS, key)
    ours = row is None or row["provenance_publication_id"] in (None, ctx.publication_id)
    ctx.writer.upsert(
        _RELATIONS,
        key,
        {
            "certainty": certainty,
            "provenance_publication_id": ctx.publication_id,
            "provenance_locator": link.provenance,
            "provenance_summary": link.summary,
        },
        known=row,
        update=ours,
    )
