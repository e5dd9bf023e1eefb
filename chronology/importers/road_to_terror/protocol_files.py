"""A Politburo protocol's file read from the files of the protocols numbered just before and after it.

The Politburo's protocols are kept in RGASPI f. 17, op. 3, one file to a protocol and in order,
so within one numbering period (the count starts again after each party congress) a protocol's
file number is its number plus a constant. Where a protocol extract's own note is lost, its file
is inferred from that constant, but only where the evidence brackets it tightly:

- the nearest protocols cited below and above it, each within `REACH` numbers, give the same
  constant (file minus protocol number);
- its date does not fall outside theirs;
- every other protocol cited between them gives the same constant, or shows itself out of step
  with the calendar on its own (numbered between the two but dated outside them, or dated between
  them but filed outside them): a misprint in that citation, not a break in the series.

The result stays an inference: no folios, doubtful, low confidence, put up for review.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from chronology.archives.reference import ArchivalReference
from chronology.importers.records import Copy, Document, ParsedSource, ReviewItem
from chronology.importers.road_to_terror.files import file_readings
from chronology.importers.road_to_terror.groups import INFERRED, cited_file

# The series known to be filed one protocol to a file: the body and its inventory.
ONE_FILE_PER_PROTOCOL = {"Politburo": ("RGASPI", "17", "3")}
REACH = 5  # protocols either side within which a bracketing citation must lie
_CONFIDENCE = 0.4
_CONFIDENCE_DESPITE_MISPRINTS = 0.3  # a citation in the window had to be set aside


@dataclass(frozen=True)
class Witness:
    """A protocol whose file a document's own note cites."""

    number: int
    file: int
    earliest: datetime.date
    latest: datetime.date
    document: str  # the edition's document number
    line: int  # the line of the note that cites the file

    @property
    def offset(self) -> int:
        """Return how far the file number lies from the protocol number."""
        return self.file - self.number

    def describe(self) -> str:
        """Say which protocol, document and note this is."""
        return f"#{self.number} (document {self.document}, note at line {self.line})"


@dataclass(frozen=True)
class Bracket:
    """The file inferred for a protocol, the two protocols that bracket it and the citations set aside."""

    file: int
    low: Witness
    high: Witness
    set_aside: tuple[tuple[Witness, str], ...]


def bracket_file(
    number: int,
    earliest: datetime.date,
    latest: datetime.date,
    witnesses: Sequence[Witness],
    *,
    reach: int = REACH,
) -> Bracket | None:
    """Infer a protocol's file from the protocols cited just below and above it, or None if they do not agree."""
    below = [witness for witness in witnesses if witness.number < number]
    above = [witness for witness in witnesses if witness.number > number]
    if not below or not above:
        return None
    low_number = max(witness.number for witness in below)
    high_number = min(witness.number for witness in above)
    if number - low_number > reach or high_number - number > reach:
        return None
    lows = [witness for witness in below if witness.number == low_number]
    highs = [witness for witness in above if witness.number == high_number]
    offsets = {witness.offset for witness in lows} & {witness.offset for witness in highs}
    if len(offsets) != 1:
        return None
    offset = offsets.pop()
    low = next(witness for witness in lows if witness.offset == offset)
    high = next(witness for witness in highs if witness.offset == offset)
    # Numbers run with dates: a protocol dated before its lower neighbour or after its upper one is no fit.
    if low.earliest > latest or earliest > high.latest:
        return None
    set_aside: list[tuple[Witness, str]] = []
    for witness in witnesses:
        if not low.number <= witness.number <= high.number or witness.offset == offset:
            continue
        reason = _out_of_step(witness, low, high)
        if reason is None:
            return None  # a citation in step with the calendar contradicts the constant
        set_aside.append((witness, reason))
    return Bracket(number + offset, low, high, tuple(set_aside))


def _out_of_step(witness: Witness, low: Witness, high: Witness) -> str | None:
    """Say how a citation contradicts the calendar on its own, if it does."""
    if witness.latest < low.earliest or witness.earliest > high.latest:
        return (
            f"numbered between #{low.number} and #{high.number} but dated outside their dates,"
            " so its number or its date is misprinted"
        )
    if not low.file <= witness.file <= high.file:
        return (
            f"dated between #{low.number} and #{high.number} but cited from a file outside"
            f" d. {low.file}–{high.file}, so its file number is misprinted"
        )
    return None


def apply_protocol_offsets(parsed: ParsedSource, series: dict[str, tuple[str, int]]) -> None:
    """Give a protocol extract whose note is lost the file its bracketing protocols imply, as inferred.

    `series` maps a document key to the body and number of the protocol it is taken from.
    """
    for body, inventory in ONE_FILE_PER_PROTOCOL.items():
        witnesses = _witnesses(parsed.documents, series, body, inventory)
        for document in parsed.documents:
            if document.copies or document.published_source or document.date is None:
                continue
            if series.get(document.key, ("", 0))[0] != body:
                continue
            number = series[document.key][1]
            bracket = bracket_file(number, document.date.lower, document.date.upper, witnesses)
            if bracket is None:
                continue
            reference = _reference(inventory, bracket, number, document)
            document.copies.append(Copy(reference=reference, form="", note=reference.note))
            parsed.review.append(
                ReviewItem(document.line, reference.note or "", document.title, reference.normalised())
            )


def _witnesses(
    documents: Sequence[Document],
    series: dict[str, tuple[str, int]],
    body: str,
    inventory: tuple[str, str, str],
) -> list[Witness]:
    """Collect the protocols of a body whose file a document's own note cites in clean digits."""
    found: list[Witness] = []
    for document in documents:
        reference = cited_file(document)
        if (
            reference is None
            or series.get(document.key, ("", 0))[0] != body
            or document.date is None
            or not document.footnotes
            or (reference.repository, reference.fond, reference.opis) != inventory
            or reference.likely is not None
        ):
            continue
        options = file_readings(reference)
        # A file read from look-alike letters or from its neighbours is no witness for others.
        if len(options) != 1 or not options[0].isdigit() or options[0] != reference.delo:
            continue
        found.append(
            Witness(
                number=series[document.key][1],
                file=int(options[0]),
                earliest=document.date.lower,
                latest=document.date.upper,
                document=document.key.removeprefix("rtt:"),
                line=document.footnotes[0].line,
            )
        )
    return found


def _reference(inventory: tuple[str, str, str], bracket: Bracket, number: int, document: Document) -> ArchivalReference:
    repository, fond, opis = inventory
    low, high = bracket.low, bracket.high
    when = document.date.verbatim if document.date is not None else "undated"
    reason = (
        f"{INFERRED}: f. {fond}, op. {opis}, d. {bracket.file} from the files of protocols {low.describe()}"
        f" and {high.describe()}, d. {low.file} and d. {high.file}, which differ from their protocol numbers"
        f" by the same {low.offset}; the protocols of this inventory are filed one to a file in order, and this"
        f" #{number} ({when}) lies between them by number and date; the document's own note is lost;"
        " folios not known"
    )
    if bracket.set_aside:
        reason += "; set aside: " + "; ".join(
            f"document {witness.document} (#{witness.number}, d. {witness.file}, note at line {witness.line}), {why}"
            for witness, why in bracket.set_aside
        )
    confidence = _CONFIDENCE_DESPITE_MISPRINTS if bracket.set_aside else _CONFIDENCE
    return ArchivalReference(
        verbatim="",  # nothing was printed for this document
        inferred=True,
        repository=repository,
        repository_as_printed=None,
        fond=fond,
        opis=opis,
        delo=str(bracket.file),
        folios=(),
        doubtful=True,
        note=reason,
        confidence=confidence,
    )
