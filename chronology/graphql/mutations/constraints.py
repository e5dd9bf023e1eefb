"""Database refusals a client can cause, as typed errors that name the field at fault."""

from __future__ import annotations

from psycopg import errors as pg_errors
from sqlalchemy.exc import DBAPIError

from chronology.graphql.runtime.database import translate
from chronology.graphql.runtime.errors import ChronologyError, ErrorCode

# Constraint -> (field, what went wrong), for the constraints inputs can break.
KNOWN: dict[str, tuple[str, str]] = {
    "uq_bodies_name": ("name", "a body with this name exists already"),
    "uq_bodies_authority_key": ("authorityKey", "a body with this authority key exists already"),
    "uq_persons_wikidata_qid": ("wikidataQid", "another person has this Wikidata id"),
    "uq_persons_authority_key": ("authorityKey", "a person with this authority key exists already"),
    "uq_name_variants_person_id_name": ("variants", "a name variant is given twice"),
    "uq_votes_decision_id_person_id": ("person", "this person's vote on the decision is recorded"),
    "uq_relations_type_source_id_target_id": ("target", "this link is recorded already"),
    "uq_event_participants_event_id_person_id_role": (
        "participants",
        "a participant is given twice in the same role",
    ),
    "uq_editions_document_id_publication_id": (
        "editions",
        "the document is printed in the same publication twice",
    ),
    "uq_document_parties_document_id_role_position": ("parties", "two parties share a place"),
    "ck_persons_wikidata_qid_format": ("wikidataQid", "a Wikidata id looks like Q855"),
    "ck_relations_not_to_itself": ("target", "a record cannot be linked to itself"),
    "ck_tallies_counts_not_negative": ("tally", "counts cannot be negative"),
    "ck_archival_references_fond_not_blank": ("archivalReference", "the fond is blank"),
    "ck_name_variants_name_not_blank": ("variants", "a name variant is blank"),
    "ck_document_parties_person_or_body": ("parties", "a party is a person or a body, not both"),
    "ck_persons_born_bounds_ordered": ("born", "the dates are in the wrong order"),
    "ck_persons_died_bounds_ordered": ("died", "the dates are in the wrong order"),
}

# What a historian calls the rows that still point at a record being deleted.
_USERS = {
    "document_parties": "documents (as a party)",
    "votes": "recorded votes",
    "event_participants": "events (as a participant)",
    "decisions": "decisions",
    "memberships": "memberships",
    "editions": "editions",
    "copies": "copies",
}

# The fields checked on every table that has them.
_BY_SUFFIX = {
    "title_not_blank": ("title", "the title is blank"),
    "date_bounds_ordered": ("date", "the date's bounds are reversed"),
    "date_complete": ("date", "the date is incomplete"),
    "sent_bounds_ordered": ("transmission.sentDate", "the dates are in the wrong order"),
    "received_bounds_ordered": ("transmission.receivedDate", "the dates are in the wrong order"),
}


def constraint_error(error: DBAPIError) -> ChronologyError | DBAPIError:
    """Turn a refused write into VALIDATION, CONFLICT or NOT_FOUND; leave real faults alone."""
    original = error.orig
    diag = getattr(original, "diag", None)
    name = (diag.constraint_name if diag else None) or ""
    field, reason = KNOWN.get(name) or next(
        (known for suffix, known in _BY_SUFFIX.items() if name.endswith(suffix)),
        (getattr(diag, "column_name", None), None),
    )
    if isinstance(original, pg_errors.UniqueViolation):
        return ChronologyError(ErrorCode.CONFLICT, reason or _detail(original), field=field)
    if isinstance(original, pg_errors.CheckViolation):
        return ChronologyError(ErrorCode.VALIDATION, reason or _detail(original), field=field)
    if isinstance(original, pg_errors.NotNullViolation):
        return ChronologyError(ErrorCode.VALIDATION, f"`{field}` is required", field=field)
    if isinstance(original, pg_errors.ForeignKeyViolation | pg_errors.RestrictViolation):
        detail = _detail(original)
        if "referenced from table" in detail:
            table = detail.rpartition("from table")[2].strip(' ".')
            user = _USERS.get(table, table or "other records")
            return ChronologyError(
                ErrorCode.CONFLICT,
                f"the record is still used by {user}; change or remove those first",
                field="id",
            )
        return ChronologyError(ErrorCode.NOT_FOUND, "a record the input names does not exist", field=field)
    return translate(error)


def _detail(original: BaseException | None) -> str:
    diag = getattr(original, "diag", None)
    return str((diag.message_detail if diag else None) or original)
