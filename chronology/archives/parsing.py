"""Reading archival references out of text: one reference, an Archive: field, or every one in prose."""

from __future__ import annotations

import math
import re

from chronology.archives.folios import read_folios
from chronology.archives.misprints import lettered_inventory, misprints
from chronology.archives.reference import ArchivalReference, FolioSpan, Level, Repair
from chronology.archives.repositories import find_repository, inventories, match_repository
from chronology.archives.syntax import REFERENCE, VALUE_PARTS, Fix, read_value

_LEVELS: tuple[Level, ...] = ("fond", "opis", "delo", "folios")


class ReferenceParseError(ValueError):
    """The text is not an archival reference that can be read."""


def _assemble(
    verbatim: str,
    repository: str | None,
    repository_as_printed: str | None,
    fields: dict[Level, str | None],
    folios: tuple[FolioSpan, ...],
    repairs: list[Repair],
    *,
    via_ibid: bool = False,
) -> ArchivalReference:
    """Build the reference from the fields read, flagging misprints and offering the likely reading."""
    fond = fields["fond"]
    assert fond is not None  # callers raise ReferenceParseError first
    found = misprints(repository, fond, fields["opis"])
    kept = tuple(repairs)
    all_repairs = kept + tuple(found)
    likely = None
    if found:
        corrected = {m.level: m.reading for m in found}
        likely = ArchivalReference(
            verbatim=verbatim,
            repository=repository,
            repository_as_printed=repository_as_printed,
            fond=corrected.get("fond") or fond,
            opis=corrected.get("opis", fields["opis"]),
            delo=fields["delo"],
            folios=folios,
            doubtful=True,
            note="conjectural reading: " + "; ".join(m.describe() for m in found),
            confidence=round(0.8 * math.prod((r.confidence for r in kept), start=1.0), 3),
            repairs=kept,
            via_ibid=via_ibid,
        )
    return ArchivalReference(
        verbatim=verbatim,
        repository=repository,
        repository_as_printed=repository_as_printed,
        fond=fond,
        opis=fields["opis"],
        delo=fields["delo"],
        folios=folios,
        doubtful=bool(all_repairs),
        note="; ".join(r.describe() for r in all_repairs) or None,
        confidence=round(math.prod((r.confidence for r in all_repairs), start=1.0), 3),
        likely=likely,
        repairs=all_repairs,
        via_ibid=via_ibid,
    )


# --- from a match to a reference ------------------------------------------------------------


def _repair(level: Level, fix: Fix) -> Repair:
    return Repair(level, fix.as_printed, fix.reading, fix.reason, fix.confidence, fix.kind)


def _canonical(code: str | None) -> str | None:
    if code is None:
        return None
    known = find_repository(code)
    return code if known is None else known.code


def _repository_hint(
    match: re.Match[str], previous: ArchivalReference | None, default_repository: str | None
) -> str | None:
    """Guess the repository before the fields are read, to know which inventories exist."""
    if match.group("ibid") is not None:
        return previous.repository if previous is not None else None
    printed = match.group("repo")
    if printed is not None:
        found = match_repository(printed)
        return found.repository.code if found is not None else None
    return _canonical(default_repository)


def _from_match(
    match: re.Match[str],
    text: str,
    *,
    previous: ArchivalReference | None,
    default_repository: str | None,
    strict: bool,
) -> tuple[int, ArchivalReference]:
    """Build the reference a match found; return where it starts and the reference."""
    start = match.start()
    repairs: list[Repair] = []
    fields: dict[Level, str | None] = {}
    hint = _repository_hint(match, previous, default_repository)
    for level in VALUE_PARTS:
        raw = match.group(level)
        if raw is None:
            fields[level] = None
        elif level == "opis" and lettered_inventory(fields["fond"], raw.strip()):
            # A lone letter in fond 558 is a misprint, not OCR noise: misprints() flags it.
            fields[level] = raw.strip()
        else:
            known = inventories(hint, fields["fond"]) if level == "opis" else frozenset()
            if level == "delo" and match.group("glued") is not None:
                raw, lost = _split_glued(raw, match.group("glued"))
                repairs.append(lost)
            fields[level], fix = read_value(raw, known)
            repairs += [_repair(level, fix)] if fix is not None else []
            if level != "fond" and fix is not None and fix.kind == "unreadable" and "?" in (fields[level] or ""):
                fields[level] = None  # a lost digit: the value is not known, only its shape (in the note)
    if match.group("dmark") is not None and not match.group("dmark").lstrip().startswith(("d", "D", "Д")):
        reason = "the file's mark is a smudge; the number between the inventory and the folios is the file"
        repairs.append(Repair("delo", match.group("dmark"), "d.", reason, 0.6))
    folios: tuple[FolioSpan, ...] = ()
    printed_folios = match.group("folios") or match.group("glued")
    if printed_folios is not None:
        spans, fixes = read_folios(printed_folios)
        folios = tuple(FolioSpan(s.start, s.start_verso, s.end, s.end_verso) for s in spans)
        repairs += [_repair("folios", fix) for fix in fixes]

    if match.group("ibid") is not None:
        if previous is None:
            raise ReferenceParseError(f"{text!r}: Ibid. needs the previous reference")
        verbatim = text[start : match.end()]
        return start, _resolve_ibid(previous, verbatim, fields, folios, repairs)

    repository, as_printed = _canonical(default_repository), None
    printed = match.group("repo")
    if printed is not None:
        found = match_repository(printed)
        if found is None and strict:
            raise ReferenceParseError(f"{text!r}: unknown repository {printed!r}")
        if found is None:
            start = match.start("fmark")
        else:
            repository, as_printed = found.repository.code, printed
            if not found.exact:
                reading = f"{found.name} (= {found.repository.code})"
                reason = "OCR noise in the repository name"
                repairs.insert(0, Repair("repository", printed, reading, reason, found.confidence))
    verbatim = text[start : match.end()]
    return start, _assemble(verbatim, repository, as_printed, fields, folios, repairs)


_GLUED_MARK = re.compile(r"(?P<file>.+?)(?P<mark>[1lI]{1,2})")


def _split_glued(printed: str, folios: str) -> tuple[str, Repair]:
    """Split the folio mark off a file number it ran into: "9741. 137" is d. 974, l. 137."""
    many = bool(re.search(r"[-–—,]", folios))
    # "ll." before a range or a list, "l." before one leaf; a file keeps at least two digits.
    width = 2 if many and re.search(r"[1lI]{2}$", printed) and len(printed) > 3 else 1
    file = printed[:-width]
    reason = (
        f"the folio mark {printed[-width:]}. ran into the file number, its space lost; read as d. {file},"
        f" {'ll' if width == 2 else 'l'}. {folios.strip()} (d. {printed} with the folios unmarked is the other reading)"
    )
    return file, Repair("delo", printed, file, reason, 0.6)


def _resolve_ibid(
    previous: ArchivalReference,
    verbatim: str,
    fields: dict[Level, str | None],
    folios: tuple[FolioSpan, ...],
    repairs: list[Repair],
) -> ArchivalReference:
    """Repeat the previous reference, changing what Ibid. names and resetting what follows."""
    named = [level for level in _LEVELS if (fields.get(level) if level != "folios" else folios)]
    first = _LEVELS.index(named[0]) if named else len(_LEVELS)
    kept = set(_LEVELS[:first]) | {"repository"}
    inherited = [r for r in previous.repairs if r.kind != "misprint" and r.level in kept]
    values: dict[Level, str | None] = {
        "fond": previous.fond if first > 0 else fields["fond"],
        "opis": previous.opis if first > 1 else fields["opis"],
        "delo": previous.delo if first > 2 else fields["delo"],
    }
    return _assemble(
        verbatim,
        previous.repository,
        previous.repository_as_printed,
        values,
        previous.folios if first > 3 else folios,
        inherited + repairs,
        via_ibid=True,
    )


# --- public parsing -------------------------------------------------------------------------

_TRAILER = re.compile(r"[\s.,;)]*")
_ARCHIVE_LABEL = re.compile(r"\s*Archive\s*:\s*", re.IGNORECASE)
_BOOK_PAGE = re.compile(r"[\s.,]*(?:pp?|S)\.\s*\d")
_CARRY_GAP = 80
_ANY_FOND = re.compile(r"(?<![\w|])(?:[Ff]ond\b|[Ff]\s?\.|Ф\.)")


def _parse_at(
    text: str,
    *,
    previous: ArchivalReference | None,
    default_repository: str | None,
) -> tuple[ArchivalReference, int]:
    start = len(text) - len(text.lstrip(" \t\n("))
    match = REFERENCE.match(text, start)
    if match is None or (match.group("ibid") is None and match.group("fond") is None):
        if not text.strip():
            raise ReferenceParseError("an archival reference cannot be empty")
        if _ANY_FOND.search(text) is None and not text.lstrip(" (").lower().startswith("ibid"):
            raise ReferenceParseError(f"{text!r}: no fond (F. ...); a reference must name one")
        raise ReferenceParseError(f"{text!r}: not an archival reference that can be read")
    _, reference = _from_match(match, text, previous=previous, default_repository=default_repository, strict=True)
    return reference, match.end()


def parse_reference(
    text: str,
    *,
    previous: ArchivalReference | None = None,
    default_repository: str | None = None,
) -> ArchivalReference:
    """Parse one archival reference; `Ibid.` is resolved against `previous`."""
    reference, end = _parse_at(text, previous=previous, default_repository=default_repository)
    if not _TRAILER.fullmatch(text, end):
        raise ReferenceParseError(
            f"{text!r}: unexpected {text[end:].strip()!r} after the reference"
            " (use parse_references for an Archive: field with the form of each copy)"
        )
    return reference


def parse_references(text: str, *, default_repository: str | None = None) -> list[tuple[ArchivalReference, str]]:
    """Parse an `Archive:` field: each copy's reference with the form text after it."""
    body = _ARCHIVE_LABEL.sub("", text, count=1) if _ARCHIVE_LABEL.match(text) else text
    if not body.strip():
        raise ReferenceParseError("an Archive: field cannot be empty")
    copies: list[tuple[ArchivalReference, str]] = []
    repository = default_repository
    for segment in body.split(";"):
        if not segment.strip():
            continue
        reference, end = _parse_at(segment.strip(), previous=None, default_repository=repository)
        repository = reference.repository
        copies.append((reference, segment.strip()[end:].lstrip(" .,").strip()))
    return copies


def find_references(
    text: str,
    *,
    previous: ArchivalReference | None = None,
    default_repository: str | None = None,
) -> list[tuple[int, int, ArchivalReference]]:
    """Find the references in prose or footnotes, as (start, end, reference), in order."""
    found: list[tuple[int, int, ArchivalReference]] = []
    last_end: int | None = None
    for match in REFERENCE.finditer(text):
        if match.group("ibid") is not None:
            if previous is None or _BOOK_PAGE.match(text, match.end()):
                continue
        elif match.group("opis") is None and match.group("delo") is None:
            continue  # a bare "f. 12" in prose is too weak a signal
        # A reference naming no archive, in a run of them on one line ("...; F. 81. Op. 3..."),
        # is in the archive named before it; further away the guess is not safe.
        carried = default_repository
        gap = text[last_end : match.start()] if last_end is not None else "\n"
        if previous is not None and len(gap) <= _CARRY_GAP and "\n" not in gap:
            carried = previous.repository
        start, reference = _from_match(match, text, previous=previous, default_repository=carried, strict=False)
        found.append((start, match.end(), reference))
        previous, last_end = reference, match.end()
    return found
