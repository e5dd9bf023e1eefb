"""Read the counts of a vote from a record or a note, and merge several sources' counts into one row.

A stenographic record asks "Who is against?" and prints the answer ("None", "Two", "Fewer");
a note may say "unanimously" or "with one abstention". Counts are kept only where the words
make a number; any other answer is kept verbatim and noted, never guessed.
"""

from __future__ import annotations

import re
from typing import Any

from chronology.importers.records import Tally

_QUESTIONS = (
    ("votes_against", re.compile(r"against|opposed", re.I)),
    ("abstentions", re.compile(r"abstain|abstention", re.I)),
    ("votes_for", re.compile(r"\bfor\b|in favou?r", re.I)),
)
_ASKED = re.compile(
    r"(?P<question>Who is against|Who abstains|Those opposed|Opposed|Any abstentions|Abstentions|"
    r"Who is for|Those in favou?r)\?\s*(?P<answer>[A-Z][a-z]+|\d+)"
)
_UNANIMOUS = re.compile(r"\bunanimous(?:ly)?\b", re.I)
_WITH = re.compile(
    r"\bwith (?P<count>\w+) (?P<what>abstentions?|votes? against|against)\b|"
    r"\b(?P<count2>\d+|[a-z]+) (?P<what2>votes? (?:for|against)|abstentions?|abstained)\b",
    re.I,
)
_NUMBERS = {
    "none": 0,
    "no": 0,
    "nobody": 0,
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_COUNTS = ("votes_for", "votes_against", "abstentions")


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word.lower())


def _field(question: str) -> str | None:
    return next((name for name, pattern in _QUESTIONS if pattern.search(question)), None)


def read_tally(text: str, *, source: str, line: int, document_key: str | None = None) -> Tally | None:
    """Return the tally a text states, or None when it states no counts."""
    blocks: list[dict[str, tuple[str, int | None]]] = [{}]
    printed: list[str] = []
    for m in _ASKED.finditer(text):
        name = _field(m["question"])
        if name is None:
            continue
        if name in blocks[-1]:
            blocks.append({})  # the same question again: the chair has moved to the next vote
        blocks[-1][name] = (m["answer"], _number(m["answer"]))
        printed.append(f"{m['question']}? {m['answer']}")
    for m in _WITH.finditer(text):
        count, what = (m["count"], m["what"]) if m["count"] else (m["count2"], m["what2"])
        number = _number(count)
        name = _field(what)
        if number is None or name is None:
            continue
        blocks[-1].setdefault(name, (count, number))
        printed.append(m[0].strip())
    unanimous = bool(_UNANIMOUS.search(text))
    if unanimous:
        printed.append("unanimously")
    if not printed:
        return None
    last = blocks[-1]
    notes = []
    if len(blocks) > 1:
        notes.append(f"the record holds {len(blocks)} votes; the counts are those of the last")
    words = [f"{answer!r} ({name.replace('_', ' ')})" for name, (answer, n) in last.items() if n is None]
    if words:
        notes.append("not read as a number: " + ", ".join(words))
    counts = {name: last[name][1] if name in last else None for name in _COUNTS}
    return Tally(
        source=source,
        line=line,
        verbatim="; ".join(printed),
        unanimous=unanimous,
        note="; ".join(notes) or None,
        source_document_key=document_key,
        **counts,
    )


def tally_columns(tallies: list[Tally]) -> dict[str, Any] | None:
    """Return one `tallies` row for a decision: a count only where every source agrees on it.

    The table holds one tally per decision; each source's wording is kept in `verbatim`,
    prefixed by its locator, and a disagreement between sources is stated in `note`.
    """
    if not tallies:
        return None
    if len(tallies) == 1:
        only = tallies[0]
        return {
            **{name: getattr(only, name) for name in _COUNTS},
            "unanimous": only.unanimous,
            "verbatim": f"{only.source}: {only.verbatim}",
            "note": only.note,
        }
    columns: dict[str, Any] = {}
    notes: list[str] = []
    for name in _COUNTS:
        values = {getattr(t, name) for t in tallies}
        agreed = len(values) == 1
        columns[name] = next(iter(values)) if agreed else None
        if not agreed:
            stated = ", ".join(f"{t.source}: {_shown(getattr(t, name))}" for t in tallies)
            notes.append(f"the sources disagree on {name.replace('_', ' ')} ({stated})")
    if len({t.unanimous for t in tallies}) > 1:
        said = ", ".join(t.source for t in tallies if t.unanimous)
        notes.append(f"only {said} calls the vote unanimous")
    columns["unanimous"] = all(t.unanimous for t in tallies)
    columns["verbatim"] = " | ".join(f"{t.source}: {t.verbatim}" for t in tallies)
    notes.extend(f"{t.source}: {t.note}" for t in tallies if t.note)
    columns["note"] = "; ".join(notes) or None
    return columns


def _shown(count: int | None) -> str:
    return "not stated" if count is None else str(count)
