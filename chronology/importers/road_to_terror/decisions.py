"""Decisions the Road to Terror documents record: polls by telegram, versions, protocol items."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from chronology.dates.fuzzy import DateParseError, FuzzyDate, parse_date
from chronology.importers.reading.tallies import read_tally
from chronology.importers.records import (
    Decision,
    Document,
    Link,
    ParsedSource,
    ReviewItem,
    Tally,
    Vote,
)

_VOTE_TITLE = re.compile(
    r"^(?P<voter>[A-Z][\w.' -]*?)\s+telegram to (?:the )?CC\s+"
    r"(?P<verb>voting|abstaining|voting against)\s+(?:to|on)\s+"
    r"(?P<action>\w+)\s+(?P<target>[A-Z]\w+)"
)
_VERSION = re.compile(r"[,.]?\s*(?:(?:original|first|second|third)\s+version|version\s+\w+)\s*$", re.IGNORECASE)
_TALLY = re.compile(
    r"(Who is against|Who abstains|Those opposed|Opposed|Any abstentions)\?\s*"
    r"([A-Z][a-z]+)"
)
_UNANIMOUS = re.compile(r"unanimously", re.IGNORECASE)
_DECIDING = {"Politburo", "Orgburo", "Secretariat", "Central Committee"}
_POSITIONS = (("against", "against"), ("abstain", "abstained"), ("agreed", "agreed"))


@dataclass
class _Poll:
    action: str
    target: str
    telegrams: list[tuple[Document, str, str]]  # document, voter, position


def add_decisions(parsed: ParsedSource, *, source_name: str) -> None:
    """Add the decisions, votes and links the documents of the edition state."""
    recorded: set[str] = set()
    _polls(parsed, recorded, source_name)
    _versions(parsed, recorded, source_name)
    _protocol_items(parsed, recorded, source_name)


def _position(document: Document, verb: str) -> str:
    if verb == "voting against":
        return "against"
    if verb == "abstaining":
        return "abstained"
    for word, position in _POSITIONS:
        if re.search(rf"\bI\s+(?:VOTE\s+)?{word.upper()}", document.body):
            return position
    return "for"


def _polls(parsed: ParsedSource, recorded: set[str], source_name: str) -> None:
    polls: dict[str, _Poll] = {}
    for document in parsed.documents:
        match = _VOTE_TITLE.match(document.title)
        if match is None or document.kind != "telegram":
            continue
        target = match.group("target")
        poll = polls.setdefault(target, _Poll(match.group("action"), target, []))
        poll.telegrams.append((document, match.group("voter"), _position(document, match.group("verb"))))
    for target, poll in polls.items():
        resolution = next(
            (
                document
                for document in parsed.documents
                if document.kind != "telegram"
                and re.search(rf"\b{poll.action}\w*\s+{re.escape(target)}\b", document.title)
            ),
            None,
        )
        first = poll.telegrams[0][0]
        anchor = resolution or first
        key = f"rtt:decision:{anchor.key.removeprefix('rtt:')}"
        decision = Decision(
            key=key,
            body="Central Committee",
            date=_poll_date(resolution) if resolution is not None else None,
            procedure="poll",
            outcome="approved",
            title=resolution.title if resolution is not None else f"Motion to {poll.action} {target}",
            line=anchor.line,
            reference=resolution.copies[0].reference if resolution and resolution.copies else None,
            summary=None
            if resolution is not None
            else (
                f"Poll of the Central Committee on the motion to {poll.action} {target}; "
                "the edition prints the vote but not the decision, so date and outcome "
                "are not stated here."
            ),
        )
        parsed.decisions.append(decision)
        if resolution is None:
            parsed.review.append(
                ReviewItem(
                    first.line,
                    "poll decision inferred from a vote telegram; check its date and outcome",
                    first.title,
                )
            )
        else:
            recorded.add(resolution.key)
            parsed.links.append(
                Link(
                    "decided_by",
                    resolution.key,
                    key,
                    "certain",
                    f"{source_name}: document {_number(resolution)}",
                    "The document is the protocol record of the Central Committee poll.",
                    resolution.line,
                )
            )
        voted: set[str] = set()
        for telegram, voter, position in poll.telegrams:
            parsed.links.append(
                Link(
                    "vote_on",
                    telegram.key,
                    key,
                    "certain",
                    f"{source_name}: title of document {_number(telegram)}",
                    f"{voter}'s telegram casts a vote on the motion to {poll.action} {target}.",
                    telegram.line,
                )
            )
            if voter in voted:
                continue  # a later version of the same telegram repeats the same vote
            voted.add(voter)
            parsed.votes.append(Vote(key, voter, position, "own_telegram", telegram.line, telegram.key))


def _poll_date(document: Document) -> FuzzyDate | None:
    """Prefer the protocol's own dates (``10-11 September 1936``) to the title's."""
    match = re.search(r"poll\w*[^\n]{0,30}?\)?\s*((?:\d{1,2}-)?\d{1,2}\s+[A-Z][a-z]+\s+19\d\d)", document.body)
    if match is not None:
        try:
            return parse_date(match.group(1))
        except DateParseError:
            pass
    return document.date


def _number(document: Document) -> str:
    if document.edition is not None and document.edition.document_number is not None:
        return document.edition.document_number
    return document.key


def _stem(title: str) -> str:
    stem = _VERSION.sub("", title)
    stem = re.sub(r"[,.]\s*\d{1,2}\b.*$", "", stem)
    return stem.strip(" ,.")


def _versions(parsed: ParsedSource, recorded: set[str], source_name: str) -> None:
    versioned = [d for d in parsed.documents if _VERSION.search(d.title)]
    groups: list[list[Document]] = []
    for document in versioned:
        for group in groups:
            if fuzz.ratio(_stem(group[0].title).lower(), _stem(document.title).lower()) >= 85:
                group.append(document)
                break
        else:
            groups.append([document])
    for group in groups:
        if len(group) < 2:
            continue
        first = group[0]
        for later in group[1:]:
            parsed.links.append(
                Link(
                    "version_of",
                    later.key,
                    first.key,
                    "certain",
                    f"{source_name}: titles of documents {_number(first)} and {_number(later)}",
                    "The editors print both as versions of one record.",
                    later.line,
                )
            )
        if first.kind == "telegram":
            continue
        key = f"rtt:decision:{first.key.removeprefix('rtt:')}"
        tallies = [_tally(document) for document in group]
        counted = [t for d in group if (t := _counts(d, source_name)) is not None]
        polled = any(re.search(r"\bpoll", d.body[:400], re.IGNORECASE) for d in group)
        parsed.decisions.append(
            Decision(
                key=key,
                body="Central Committee",
                date=first.date,
                procedure="poll" if polled else "plenum_vote",
                outcome="approved",
                title=_stem(first.title),
                line=first.line,
                reference=first.copies[0].reference if first.copies else None,
                summary="; ".join(t for t in tallies if t) or None,
                tallies=counted,
            )
        )
        for document in group:
            recorded.add(document.key)
            parsed.links.append(
                Link(
                    "decided_by",
                    document.key,
                    key,
                    "certain",
                    f"{source_name}: document {_number(document)}",
                    "One of the versions recording the same decision.",
                    document.line,
                )
            )


def _counts(document: Document, source_name: str) -> Tally | None:
    """Read the counts a document records, citing the document as their source."""
    source = f"{source_name}: document {_number(document)}"
    return read_tally(document.body, source=source, line=document.line, document_key=document.key)


def _tally(document: Document) -> str:
    """Summarise how a version records the count: the questions asked and the answers."""
    found = [f"{question.strip()}? {answer}" for question, answer in _TALLY.findall(document.body)]
    if _UNANIMOUS.search(document.body):
        found.append("carried unanimously")
    if not found:
        return ""
    return f"document {_number(document)} records a tally, not names: " + ", ".join(found)


def _protocol_items(parsed: ParsedSource, recorded: set[str], source_name: str) -> None:
    for document in parsed.documents:
        if document.key in recorded or document.protocol_number is None:
            continue
        body = next((p.name for p in document.parties if p.is_body), None)
        if body not in _DECIDING:
            continue
        head = document.body[:600]
        outcome = "approved"
        if re.search(r"submitted to the \w+ for consideration|referred", head):
            outcome = "referred"
        elif re.search(r"\bpostponed\b", head):
            outcome = "postponed"
        procedure = "poll" if re.search(r"\bpoll", head, re.IGNORECASE) else "meeting"
        key = f"rtt:decision:{document.key.removeprefix('rtt:')}"
        parsed.decisions.append(
            Decision(
                key=key,
                body=body or "",
                date=document.date,
                procedure=procedure,
                outcome=outcome,
                title=document.title,
                line=document.line,
                reference=document.copies[0].reference if document.copies else None,
                protocol_number=document.protocol_number,
                protocol_item=document.protocol_item,
                tallies=[t for t in [_counts(document, source_name)] if t is not None],
            )
        )
        parsed.links.append(
            Link(
                "decided_by",
                document.key,
                key,
                "certain",
                f"{source_name}: protocol line of document {_number(document)}",
                "The document is an extract from the protocol that records the decision.",
                document.line,
            )
        )
