"""Decisions a note states: which body decided, its outcome and date, its link to the document, and the votes."""

from __future__ import annotations

import re

from chronology.archives.reference import ArchivalReference
from chronology.dates.fuzzy import FuzzyDate
from chronology.importers.correspondence.statements import (
    NoteReading,
    Statement,
    date_for,
    document_label,
    inside,
    provenance,
)
from chronology.importers.reading.tallies import read_tally
from chronology.importers.records import Decision, Document, Footnote, Link, ReviewItem, Vote

_BODY = (
    r"PB|Politburo|Council of People's Commissars(?: of the USSR)?|SNK|Orgburo|Secretariat|"
    r"Central Committee"
)
_ACTIVE = re.compile(
    rf"\b(?P<body>{_BODY})\s+(?P<verb>considered|approved|accepted|agreed|allowed|decided|adopted|"
    r"rejected|refused|postponed|deferred|issued|made a decision|confirmed|permitted|granted)\b"
)
# Every English rendering of "oprosom": the members asked one by one instead of meeting.
_POLL_WORDS = r"poll(?:ing)?|survey(?:ing)?|questioning|canvass(?:ing)?|opros(?:om)?"
_POLL = re.compile(rf"\b(?:by|through)\s+(?:an?\s+|the\s+)?(?:{_POLL_WORDS})\b|\bpoll\b|\boprosom\b", re.I)
# "<act> was adopted by the PB", "Pyatakov was expelled ... by a poll of members of the Central Committee".
_PASSIVE_BY = re.compile(
    r"\bw(?:as|ere)\s+(?:(?:also|then|later|unanimously)\s+)?(?P<verb>adopted|approved|issued|accepted|confirmed|"
    r"passed|taken|made|expelled|removed|dismissed|relieved|appointed|rejected|postponed)\b"
    rf"[^.;]{{0,120}}?\bby\s+(?:an?\s+|the\s+)?(?:(?:{_POLL_WORDS})\s+(?:of\s+)?(?:all\s+)?(?:the\s+)?"
    rf"(?:members\s+of\s+(?:the\s+)?)?)?(?P<body>{_BODY})\b",
    re.I,
)
_PASSIVE = re.compile(r"\b(?:decision|resolution) of the (?P<body>PB|Politburo|SNK)\b|\b(?P<body2>PB) decision\b")
_FORMALISED = re.compile(r"formali[sz]ed\s+(?:as|by)\b")
_OUTCOME_AFTER = re.compile(r"\band\s+(approved|agreed|accepted|adopted|rejected|refused|postponed)\b")
_CHANGES = re.compile(r"with (?:amendments|changes|corrections)|amended", re.I)
_EXPLICIT = re.compile(
    r"\b(?:this|these|corresponding|on this issue|his proposals?|proposals of|measures he|"
    r"at the suggestion|telegram)\b",
    re.I,
)
_PROPOSED = re.compile(r"propos", re.I)
_BODY_NAMES = {"PB": "Politburo", "Politburo": "Politburo", "SNK": "Council of People's Commissars"}
# The body as the pattern spells it, whatever the case the note printed.
_CANONICAL_BODY = _BODY.replace("(?: of the USSR)?", "").split("|")
_OUTCOMES = {
    "rejected": "rejected",
    "refused": "rejected",
    "postponed": "postponed",
    "deferred": "postponed",
}


def decision_mentions(text: str, quotes: list[tuple[int, int]]) -> list[tuple[int, str, str | None]]:
    """Find where a note names a body deciding, outside quotations, in order."""
    found: list[tuple[int, str, str | None]] = [(m.start(), m["body"], m["verb"]) for m in _ACTIVE.finditer(text)]
    for m in _PASSIVE_BY.finditer(text):
        if not any(abs(m.start() - p) < 40 for p, _, _ in found):
            body = next((name for name in _CANONICAL_BODY if name.lower() == m["body"].lower()), m["body"])
            found.append((m.start(), body, m["verb"].lower()))
    for m in _PASSIVE.finditer(text):
        if not any(abs(m.start() - p) < 40 for p, _, _ in found):
            found.append((m.start(), m["body"] or m["body2"], None))
    return sorted(f for f in found if not inside(f[0], quotes))


def read_decision(
    statement: Statement,
    body: str,
    verb: str | None,
    reference: ArchivalReference | None,
    context: NoteReading,
) -> None:
    """Record the decision a statement reports: its outcome, date and procedure, linked to the document."""
    sentence, start, position = statement.sentence, statement.start, statement.position
    tail = sentence[position - start :]
    outcome = _OUTCOMES.get(verb or "", "approved")
    if verb == "considered" and (m := _OUTCOME_AFTER.search(tail)):
        outcome = _OUTCOMES.get(m[1], "approved")
    if outcome == "approved" and _CHANGES.search(tail):
        outcome = "approved_with_changes"
    date = date_for(position, start, sentence, statement.dates, context)
    procedure = "poll" if _POLL.search(sentence) else "meeting"
    formalised = bool(_FORMALISED.search(sentence[: position - start]))
    _record_decision(statement.note, body, date, procedure, outcome, reference, sentence, formalised, context)


def _record_decision(
    note: Footnote,
    printed_body: str,
    date: FuzzyDate | None,
    procedure: str,
    outcome: str,
    reference: ArchivalReference | None,
    sentence: str,
    formalised: bool,
    context: NoteReading,
) -> None:
    doc = context.doc
    body = _BODY_NAMES.get(printed_body, printed_body)
    body = "Council of People's Commissars" if body.startswith("Council of People") else body
    edtf = date.edtf if date else "undated"
    anchor = reference.normalised() if reference else f"{doc.key}/note{note.number}"
    key = f"{body.lower().replace(' ', '-')}:{edtf}:{anchor}"
    existing = next((d for d in context.result.decisions if d.key == key), None)
    when = date.display() if date else "an unstated date"
    before = date is not None and doc.date is not None and date.upper < doc.date.lower
    if existing is None:
        existing = Decision(
            key=key,
            body=body,
            date=date,
            procedure=procedure,
            outcome=outcome,
            title=f"{body} decision of {when}",
            line=note.line,
            reference=reference,
            special_file=reference is not None and reference.fond == "17" and reference.opis == "162",
            summary=_summary(body, outcome, doc, formalised, before),
        )
        context.result.decisions.append(existing)
    tally = read_tally(sentence, source=provenance(note, doc), line=note.line, document_key=doc.key)
    if tally is not None and tally not in existing.tallies:
        existing.tallies.append(tally)
    context.decisions.append((existing, before))
    if formalised:
        link_type, certainty = "formalised_as", "certain"
        summary = f"{document_label(doc)} issued as a {body} decision of {when}"
    elif before:
        link_type, certainty = "mentions", "probable"
        summary = f"earlier {body} decision of {when} bearing on {document_label(doc)}"
    else:
        link_type = "proposes" if _PROPOSED.search(sentence) else "decided_by"
        certainty = "certain" if _EXPLICIT.search(sentence) else "probable"
        summary = f"{document_label(doc)} settled by the {body} on {when}"
    context.result.links.append(
        Link(link_type, doc.key, existing.key, certainty, provenance(note, doc), summary, note.line)
    )


def _summary(body: str, outcome: str, doc: Document, formalised: bool, before: bool) -> str:
    if formalised:
        return f"{body} gave {document_label(doc)} the force of its decision"
    if before:
        return f"{body} decision cited in the notes to {document_label(doc)}"
    verb = {
        "approved": "approved",
        "approved_with_changes": "approved with changes",
        "rejected": "turned down",
        "postponed": "put off",
    }.get(outcome, outcome)
    return f"{body} {verb} what {document_label(doc)} put forward"


def attach_votes(found: list[tuple[Footnote, list[tuple[str, str, str]]]], context: NoteReading) -> None:
    """Record the members' votes a document's notes give, on the decision they settled or an assumed poll."""
    doc = context.doc
    decided = [d for d, mentioned in context.decisions if not mentioned]
    first_note = found[0][0]
    if decided:
        decision = decided[0]
    else:
        decision = Decision(
            key=f"politburo:{doc.date.edtf if doc.date else 'undated'}:{doc.key}/votes",
            body="Politburo",
            date=doc.date,
            procedure="poll",
            outcome="approved",
            title=f"Politburo poll on {document_label(doc)}",
            line=first_note.line,
            summary=f"members' votes on {document_label(doc)}; the edition states no decision",
        )
        context.result.decisions.append(decision)
        context.result.review.append(
            ReviewItem(
                first_note.line,
                "votes recorded but no decision stated; a poll decision was assumed",
                doc.key,
            )
        )
    decision.procedure = "poll"
    for note, votes in found:
        for person, position, recorded_in in votes:
            context.result.votes.append(Vote(decision.key, person, position, recorded_in, note.line, doc.key))
        context.result.links.append(
            Link(
                "vote_on",
                doc.key,
                decision.key,
                "certain",
                provenance(note, doc),
                f"members voted on {document_label(doc)}",
                note.line,
            )
        )
