"""A garbled file number read from the company it keeps: the session's stenogram, the protocol series.

The scan often leaves a file number as look-alike letters that allow several readings ("gr2":
912 or 922) or loses a digit outright ("~ooz"). Two facts of the party archive narrow them:

- the speeches of one plenum session are kept in one file, the session's stenogram;
- the Politburo's protocols (f. 17, op. 3) are filed in date order, one file after another,
  so a document's file lies between those of the documents dated just before and just after it.

A reading is taken only when these leave exactly one; it stays doubtful, says why, and is
put up for review. A file number printed in clean digits is never changed here.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import replace

from chronology.archives.reference import ArchivalReference, Repair
from chronology.archives.syntax import readings
from chronology.importers.records import Document, ParsedSource, ReviewItem
from chronology.importers.road_to_terror.groups import INFERRED, cited_file, plenum_key
from chronology.importers.road_to_terror.sources import with_repair

# Inventories whose files follow the calendar: the Politburo's protocols.
CHRONOLOGICAL = frozenset({("RGASPI", "17", "3")})
_AMONG_READINGS = 0.5  # one of the readings the letters allow, picked by the file's company
_CONJECTURE = 0.4  # no digit survived and no reading fits: the session's file, as a conjecture
_WITNESSES = 2  # speeches of the session that must agree before a conjecture is made


def _shape_repair(reference: ArchivalReference) -> Repair | None:
    """Return the repair that read the file number from letters or lost digits, if any."""
    for repair in reference.repairs:
        if repair.level == "delo" and repair.kind in ("repaired", "unreadable") and repair.reading != "d.":
            return repair
    return None


def file_readings(reference: ArchivalReference) -> list[str]:
    """List the file numbers a reference's printed file may be: one when it is settled."""
    repair = _shape_repair(reference)
    if repair is None:
        return [reference.delo] if reference.delo else []
    options = readings(repair.as_printed)
    # A repair that did not read the printed shape (a folio mark split off) leaves the file as read.
    if reference.delo is not None and reference.delo not in options:
        return [reference.delo]
    return options


def _settled(reference: ArchivalReference) -> str | None:
    options = file_readings(reference)
    return options[0] if len(options) == 1 and options[0].isdigit() else None


def mend_files(parsed: ParsedSource) -> None:
    """Read garbled file numbers from the session's other speeches or the protocol series; review each."""
    documents = parsed.documents
    for document in documents:
        for index, copy in enumerate(document.copies):
            if (copy.note or "").startswith(INFERRED):
                continue
            mended = _by_session(document, copy.reference, documents) or _by_series(document, copy.reference, documents)
            if mended is None:
                continue
            document.copies[index] = replace(copy, reference=mended)
            parsed.review.append(
                ReviewItem(
                    document.line,
                    "file number read from the company it keeps: " + (mended.note or ""),
                    mended.verbatim,
                    mended.normalised(),
                )
            )


def _day(document: Document) -> str | None:
    return document.date.edtf.rstrip("?~%") if document.date is not None else None


def _by_session(
    document: Document, reference: ArchivalReference, documents: Sequence[Document]
) -> ArchivalReference | None:
    plenum = plenum_key(document.title)
    repair = _shape_repair(reference)
    if document.kind != "speech" or plenum is None or _day(document) is None or repair is None:
        return None
    witnesses: dict[tuple[str | None, str, str | None, str], list[str]] = {}
    for other in documents:
        if other is document or other.kind != "speech" or _day(other) != _day(document):
            continue
        cited = cited_file(other)
        settled = _settled(cited) if cited is not None and plenum_key(other.title) == plenum else None
        if cited is not None and settled is not None:
            key = (cited.repository, cited.fond, cited.opis, settled)
            witnesses.setdefault(key, []).append(other.key.removeprefix("rtt:"))
    if len(witnesses) != 1:
        return None
    (repository, fond, opis, delo), names = next(iter(witnesses.items()))
    if (reference.repository, reference.fond, reference.opis) != (repository, fond, opis) or reference.delo == delo:
        return None
    options = file_readings(reference)
    company = (
        f"every other speech of the session ({_day(document)}: documents {', '.join(names)}) is cited from d. {delo}"
    )
    if delo in options:
        reason = f"the printed letters allow {', '.join(options[:6])}; {company}"
        confidence = _AMONG_READINGS
    elif (
        len(names) >= _WITNESSES
        and not any(ch.isdigit() for ch in repair.as_printed)
        and len(repair.as_printed.replace(" ", "")) == len(delo)
    ):
        reason = (
            f"no digit of the file survived and by shape the letters read {reference.delo or '?'};"
            f" {company} of the same inventory, as this speech's stenogram most likely is (a conjecture)"
        )
        confidence = _CONJECTURE
    else:
        return None
    mended = replace(reference, delo=delo)
    return with_repair(mended, Repair("delo", repair.as_printed, delo, reason, confidence), reference.verbatim)


def _by_series(
    document: Document, reference: ArchivalReference, documents: Sequence[Document]
) -> ArchivalReference | None:
    series = (reference.repository, reference.fond, reference.opis)
    repair = _shape_repair(reference)
    if series not in CHRONOLOGICAL or document.date is None or repair is None:
        return None
    options = [option for option in file_readings(reference) if option.isdigit()]
    if len(options) < 2:
        return None
    lower, upper = document.date.lower, document.date.upper
    before: list[tuple[datetime.date, str, str]] = []
    after: list[tuple[datetime.date, str, str]] = []
    for other in documents:
        cited = cited_file(other)
        if other is document or other.date is None or cited is None:
            continue
        settled = _settled(cited)
        if settled is None or (cited.repository, cited.fond, cited.opis) != series:
            continue
        name = other.key.removeprefix("rtt:")
        if other.date.upper <= lower:
            before.append((other.date.upper, settled, name))
        if other.date.lower >= upper:
            after.append((other.date.lower, settled, name))
    low = max(before, key=lambda item: item[0], default=None)
    high = min(after, key=lambda item: item[0], default=None)
    if low is None or high is None or int(low[1]) > int(high[1]):
        return None
    fitting = [option for option in options if int(low[1]) <= int(option) <= int(high[1])]
    if len(fitting) != 1 or fitting[0] == reference.delo:
        return None
    delo = fitting[0]
    if low[2] == high[2]:
        company = f"document {low[2]}, of the same date, is in d. {delo}"
    else:
        company = (
            f"the documents dated just before and after it (documents {low[2]} and {high[2]}) are in"
            f" d. {low[1]} and d. {high[1]}: only {delo} lies between"
        )
    reason = (
        f"the printed letters allow {', '.join(options[:6])}{'…' if len(options) > 6 else ''};"
        f" the protocols of f. {reference.fond}, op. {reference.opis} are filed in date order, and {company}"
    )
    mended = replace(reference, delo=delo)
    return with_repair(mended, Repair("delo", repair.as_printed, delo, reason, _AMONG_READINGS), reference.verbatim)
