"""The synthetic dataset as COPY text rows, table by table, from one seeded generator.

Pure: it yields lines; `generate.py` sends them to PostgreSQL. Ids are assigned here so
that relations, parties and votes can name records before they are loaded.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from chronology.bench.dates import SyntheticDate, fuzzy_date
from chronology.bench.names import PersonName, person_names
from chronology.bench.vocabulary import Texts

DOCUMENTS_PER_SCALE = 10_000
KIND_WEIGHTS = {
    "letter": 22,
    "cipher_telegram": 20,
    "telegram": 8,
    "ticker_tape": 3,
    "memorandum": 9,
    "protocol_extract": 9,
    "decree": 7,
    "resolution": 4,
    "circular": 3,
    "order": 4,
    "speech": 3,
    "report": 4,
    "note": 2,
    "article": 1,
    "transcript": 1,
}
BODIES = (
    ("Politburo of the Central Committee", "PB", "party_organ"),
    ("Orgburo of the Central Committee", "OB", "party_organ"),
    ("Secretariat of the Central Committee", "Sec", "party_organ"),
    ("Central Committee", "CC", "party_organ"),
    ("Council of People's Commissars", "SNK", "state_organ"),
    ("Council of Labour and Defence", "STO", "state_organ"),
    ("People's Commissariat of Internal Affairs", "NKVD", "commissariat"),
    ("People's Commissariat of Transport", "NKPS", "commissariat"),
    ("People's Commissariat of Heavy Industry", "NKTP", "commissariat"),
    ("People's Commissariat of Agriculture", "NKZem", "commissariat"),
    ("People's Commissariat of Foreign Affairs", "NKID", "commissariat"),
    ("Military Collegium of the Supreme Court", "MC", "court"),
    ("Western Regional Committee", "WRC", "regional_committee"),
    ("North Caucasus Regional Committee", "NCRC", "regional_committee"),
    ("Ukrainian Central Committee", "UCC", "regional_committee"),
    ("State Planning Commission", "Gosplan", "state_organ"),
)
MEMBERS = 15  # the first persons sit on the Politburo and vote by poll
PLACES = ("Moscow", "Sochi", "Kislovodsk", "Leningrad", "Kharkov", "Novosibirsk", "Tiflis", None)
EVENT_TYPES = ("plenum", "meeting", "trial", "arrest", "appointment", "journey", "vacation", "campaign")
FORMS = ("{original,typescript}", "{autograph}", "{typewritten_copy}", "{ticker_tape}", "{certified_typewritten_copy}")


def _field(value: object) -> str:
    return "\\N" if value is None else str(value)


def line(*values: object) -> str:
    """Return one COPY text line (the values never hold tabs, newlines or backslashes)."""
    return "\t".join(_field(v) for v in values) + "\n"


def _array(values: Sequence[str]) -> str:
    return "{" + ",".join(values) + "}"


@dataclass(frozen=True)
class Counts:
    """How many of each record a scale holds."""

    documents: int
    persons: int
    bodies: int
    decisions: int
    events: int
    hubs: int

    @classmethod
    def at(cls, scale: float) -> Counts:
        """Return the counts for SCALE × 10,000 documents."""
        documents = max(100, round(scale * DOCUMENTS_PER_SCALE))
        return cls(
            documents=documents,
            persons=max(60, round(documents * 0.02)),
            bodies=len(BODIES),
            decisions=round(documents * 0.12),
            events=max(10, round(documents * 0.02)),
            hubs=max(5, round(scale * 2)),
        )


class Dataset:
    """Every table's rows, drawn in a fixed order from one seed."""

    def __init__(self, scale: float, seed: int) -> None:
        self.counts = Counts.at(scale)
        self.rng = random.Random(seed)  # noqa: S311
        self.texts = Texts(self.rng)
        c = self.counts
        # One id space: persons, bodies, documents, decisions, events, then votes.
        self.person_base = 1
        self.body_base = self.person_base + c.persons
        self.document_base = self.body_base + c.bodies
        self.decision_base = self.document_base + c.documents
        self.event_base = self.decision_base + c.decisions
        self.vote_base = self.event_base + c.events
        self.votes_made = 0
        self.names: list[PersonName] = person_names(c.persons, self.rng)
        weights = itertools.accumulate(1.0 / (rank + 1) ** 0.9 for rank in range(c.persons))
        self.person_weights = list(weights)
        self.kinds = self.rng.choices(
            list(KIND_WEIGHTS), cum_weights=list(itertools.accumulate(KIND_WEIGHTS.values())), k=c.documents
        )
        self.by_kind: dict[str, list[int]] = {}
        for index, kind in enumerate(self.kinds):
            self.by_kind.setdefault(kind, []).append(self.document_base + index)
        decrees = self.by_kind.get("decree", []) or [self.document_base]
        self.hubs = self.rng.sample(decrees, min(c.hubs, len(decrees)))
        self.hub_weights = list(itertools.accumulate(1.0 / (rank + 1) ** 0.5 for rank in range(len(self.hubs))))
        self.proposer: dict[int, int] = {}  # decision id -> the telegram that proposed it
        self.reference_id = 0

    def person(self) -> int:
        """Draw a person, the leaders far more often than the rest."""
        return self.person_base + self.rng.choices(range(self.counts.persons), cum_weights=self.person_weights)[0]

    def hub(self) -> int:
        """Draw one of the much-cited decrees."""
        return self.rng.choices(self.hubs, cum_weights=self.hub_weights)[0]

    def records(self) -> Iterator[str]:
        """Yield the `records` rows of every record (votes come last, once they are drawn)."""
        c = self.counts
        spans = (
            (self.person_base, c.persons, "person"),
            (self.body_base, c.bodies, "body"),
            (self.document_base, c.documents, "document"),
            (self.decision_base, c.decisions, "decision"),
            (self.event_base, c.events, "event"),
        )
        for base, count, kind in spans:
            for record in range(base, base + count):
                yield f"{record}\t{kind}\n"

    def vote_records(self) -> Iterator[str]:
        """Yield the `records` rows of the votes drawn by `votes()`."""
        for record in range(self.vote_base, self.vote_base + self.votes_made):
            yield f"{record}\tvote\n"

    def persons(self) -> Iterator[str]:
        """Yield `persons` rows: id, canonical_name, sort_name, short_name."""
        for offset, name in enumerate(self.names):
            yield line(self.person_base + offset, name.canonical, name.sort_name, name.short)

    def name_variants(self) -> Iterator[str]:
        """Yield `name_variants` rows: person_id, name, kind."""
        for offset, name in enumerate(self.names):
            for variant, kind in name.variants:
                yield line(self.person_base + offset, variant, kind)

    def bodies(self) -> Iterator[str]:
        """Yield `bodies` rows: id, name, short_name, kind."""
        for offset, (name, short, kind) in enumerate(BODIES):
            yield line(self.body_base + offset, name, short, kind)

    def _date(self, d: SyntheticDate) -> tuple[object, ...]:
        return (d.verbatim, d.edtf, d.lower, d.upper, d.precision, _array(d.qualifiers))

    def _reference(self, fond: int, opis: int) -> tuple[int, str]:
        """Return a new archival_references line and its id."""
        self.reference_id += 1
        delo, leaf = self.rng.randint(1, 1200), self.rng.randint(1, 240)
        last = leaf + self.rng.randint(0, 4)
        folios = str(leaf) if last == leaf else f"{leaf}–{last}"
        listy = "L." if last == leaf else "Ll."
        verbatim = f"RGASPI. F. {fond}. Op. {opis}. D. {delo}. {listy[0]}. {folios}"
        normalised = f"RGASPI, f. {fond}, op. {opis}, d. {delo}, {listy.lower()} {folios}"
        row = line(self.reference_id, "RGASPI", "RGASPI", fond, opis, delo, folios, verbatim, normalised)
        return self.reference_id, row

    def documents(self, parties: list[str], copies: list[str], references: list[str]) -> Iterator[str]:
        """Yield `documents` rows, filling the parties, copies and references of each."""
        rng, texts, names = self.rng, self.texts, self.names
        for index, kind in enumerate(self.kinds):
            record = self.document_base + index
            date = fuzzy_date(rng)
            collective = kind in {"decree", "resolution", "protocol_extract", "circular"}
            authors = [self.body_base + rng.randrange(6)] if collective else [self.person()]
            if not collective and rng.random() < 0.15:
                authors.append(self.person())
            recipient = self.person() if rng.random() < 0.8 else self.body_base
            parties.extend(self._parties(record, authors, recipient))
            author = (
                names[authors[0] - self.person_base].short if not collective else BODIES[authors[0] - self.body_base][1]
            )
            to = names[recipient - self.person_base].short if recipient != self.body_base else "PB"
            subject = texts.summaries[index % 97].split()[0]
            title = (
                f"{kind.replace('_', ' ').capitalize()} of the {author} on {subject}"
                if collective
                else f"{author} to {to} {date.verbatim}"
            )
            summary = texts.summaries[rng.randrange(len(texts.summaries))]
            if rng.random() < 0.01:
                summary += " " + rng.choice(texts.rare)
            full_text = texts.passages[rng.randrange(len(texts.passages))]
            for position in range(1, 2 + (rng.random() < 0.2) + (rng.random() < 0.02)):
                reference, row = self._reference(558 if not collective else 17, 11 if not collective else 3)
                references.append(row)
                copies.append(line(record, position, reference, rng.choice(FORMS)))
            telegram = kind in {"cipher_telegram", "telegram", "ticker_tape"}
            yield line(
                record,
                kind,
                title,
                rng.choice(PLACES),
                "Top secret" if telegram and rng.random() < 0.6 else None,
                "en",
                summary,
                full_text,
                *self._date(date),
                f"From {rng.choice(PLACES) or 'Moscow'} {date.lower.day}/{date.lower.month}" if telegram else None,
                f"{rng.randint(1, 9999)}/sh" if telegram else None,
                f"No. {rng.randint(1, 400)}" if telegram and rng.random() < 0.5 else None,
            )

    def _parties(self, record: int, authors: list[int], recipient: int) -> Iterator[str]:
        for position, author in enumerate(dict.fromkeys(authors), start=1):
            yield self._party(record, "author", position, author)
        yield self._party(record, "recipient", 1, recipient)

    def _party(self, record: int, role: str, position: int, agent: int) -> str:
        if agent < self.body_base:
            return line(record, role, position, agent, None, self.names[agent - self.person_base].short)
        return line(record, role, position, None, agent, BODIES[agent - self.body_base][1])

    def decisions(self, references: list[str]) -> Iterator[str]:
        """Yield `decisions` rows; draw which telegram proposed each one."""
        rng = self.rng
        telegrams = self.by_kind.get("cipher_telegram", []) + self.by_kind.get("telegram", [])
        for index in range(self.counts.decisions):
            record = self.decision_base + index
            roll = rng.random()
            procedure = "poll" if roll < 0.4 else "meeting" if roll < 0.95 else "plenum_vote"
            if telegrams and rng.random() < 0.6:
                self.proposer[record] = rng.choice(telegrams)
            special = rng.random() < 0.1
            reference, row = self._reference(17, 162 if special else 3)
            references.append(row)
            outcome = rng.choices(
                ("approved", "approved_with_changes", "rejected", "postponed", "referred"), weights=(80, 8, 4, 5, 3)
            )[0]
            yield line(
                record,
                self.body_base + (0 if rng.random() < 0.75 else rng.randrange(1, 6)),
                procedure,
                rng.randint(1, 200),
                f"{rng.randint(1, 60)}/{rng.randint(1, 30)}",
                f"On the {self.texts.summaries[index % len(self.texts.summaries)]}",
                self.texts.summaries[rng.randrange(len(self.texts.summaries))],
                outcome,
                reference,
                "true" if special else "false",
                *self._date(fuzzy_date(rng)),
            )

    def votes(self) -> Iterator[str]:
        """Yield `votes` rows for the decisions taken by poll (call after `decisions`)."""
        rng = self.rng
        for decision, telegram in self.proposer.items():
            if rng.random() >= 0.7:
                continue
            for person in rng.sample(range(self.person_base, self.person_base + MEMBERS), rng.randint(4, 9)):
                position = rng.choices(("for", "agreed", "against", "abstained"), weights=(85, 10, 3, 2))[0]
                recorded = rng.choice(("cipher_marks", "secretary_note", "own_telegram"))
                yield line(
                    self.vote_base + self.votes_made,
                    decision,
                    person,
                    position,
                    recorded,
                    telegram,
                    self.names[person - self.person_base].short,
                )
                self.votes_made += 1

    def events(self, participants: list[str]) -> Iterator[str]:
        """Yield `events` rows, filling their participants."""
        rng = self.rng
        for index in range(self.counts.events):
            record = self.event_base + index
            kind = rng.choice(EVENT_TYPES)
            for person in dict.fromkeys(self.person() for _ in range(rng.randint(1, 4))):
                participants.append(line(record, person, rng.choice(("chair", "speaker", "defendant", "traveller"))))
            yield line(
                record,
                kind,
                f"{kind.capitalize()} on the {self.texts.summaries[index % len(self.texts.summaries)]}",
                _array([rng.choice(PLACES) or "Moscow"]),
                self.texts.summaries[rng.randrange(len(self.texts.summaries))],
                *self._date(fuzzy_date(rng)),
            )

    def relations(self) -> Iterator[str]:
        """Yield `relations` rows: type, source_id, target_id, certainty, publication, locator."""
        rng = self.rng
        decrees = self.by_kind.get("decree", []) + self.by_kind.get("resolution", [])
        letters = self.by_kind.get("letter", []) + self.by_kind.get("memorandum", [])
        exchanged = letters + self.by_kind.get("cipher_telegram", []) + self.by_kind.get("telegram", [])

        def link(kind: str, source: int, target: int) -> str:
            certainty = "certain" if rng.random() < 0.8 else "probable"
            footnote = f"footnote {rng.randint(1, 12)} to document {rng.randint(1, 400)}"
            return line(kind, source, target, certainty, 1 if rng.random() < 0.5 else 2, footnote)

        for decision, telegram in self.proposer.items():
            yield link("proposes", telegram, decision)
        for decision in range(self.decision_base, self.decision_base + self.counts.decisions):
            if letters and rng.random() < 0.15:
                yield link("decided_by", rng.choice(letters), decision)
            if decrees and rng.random() < 0.4:
                yield link("formalised_as", decision, rng.choice(decrees))
        for document in exchanged:
            if rng.random() < 0.25:
                earlier = rng.choice(exchanged)
                if earlier != document:
                    yield link("replies_to", document, earlier)
        for document in self.by_kind.get("order", []) + self.by_kind.get("circular", []):
            yield link("implements", document, self.hub() if rng.random() < 0.7 else rng.choice(decrees))
        hubs = set(self.hubs)
        for index in range(self.counts.documents):
            document = self.document_base + index
            if rng.random() < 0.03 and document not in hubs:
                yield link("mentions", document, self.hub())
            if rng.random() < 0.02:
                yield link("mentions", document, self.event_base + rng.randrange(self.counts.events))
        articles = self.by_kind.get("article", [])
        for decree in decrees:
            if articles and rng.random() < 0.2:
                yield link("published_as", decree, rng.choice(articles))
        for speech in self.by_kind.get("speech", []) + self.by_kind.get("transcript", []):
            if rng.random() < 0.7:
                yield link("part_of", speech, self.event_base + rng.randrange(self.counts.events))
