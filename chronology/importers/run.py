"""The import use-case: read files, check them, parse them, load each in one transaction.

Every file is read, checked and parsed before anything is written, so a bad file (empty,
binary, truncated, of the wrong format) stops the run with nothing written. Each file is
loaded in one transaction together with the authority lists' sync it relies on, and
imports take turns on a transaction-scoped advisory lock.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from chronology.authority import load_bodies, load_persons
from chronology.authority.resolver import BodyResolver, PersonResolver
from chronology.importers import correspondence, road_to_terror, sda
from chronology.importers.correspondence.headers import is_header
from chronology.importers.correspondence.replies import REPLY_KEY_PREFIX
from chronology.importers.detect import FormatError, detect_format
from chronology.importers.load.authority import sync_authority
from chronology.importers.load.rows import Writer
from chronology.importers.load.source import load_source, set_actor
from chronology.importers.load.turns import take_turn
from chronology.importers.records import ParsedSource
from chronology.importers.report import FileReport, ImportReport

AUTO = "auto"
PARSERS: dict[str, Callable[..., ParsedSource]] = {
    "correspondence": correspondence.parse,
    "sda": sda.parse,
    "road-to-terror": road_to_terror.parse,
}
FORMATS = (AUTO, *PARSERS)

# A paragraph line this long that stops without closing punctuation was cut off.
_LONG_LINE = 50
_CLOSING = (".", "!", "?", ")", "]", '"', "'", "”", "»", "…", ":")
# A line ending like this goes on: the next words are missing.
_CONTINUES = re.compile(r"(?:[,;(\[#/&–-]|\b(?:and|of|the|to|in|a|on|for|by|with|from))$", re.I)
_NOTES_RULE = re.compile(r"^[_\-–—]{5,}$")
# The start of a correspondence header, "Kaganovich, Chubar to Sta", with no date after it.
_HEADER_START = re.compile(r"^[A-Z][\w’'.\[\]]*(?:,\s*[A-Z][\w’'.\[\]]*)*\s+(?:to|-|–)(?:\s|$)")


class SourceError(ValueError):
    """A file cannot be imported; the message says why in a historian's terms."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


class Progress(Protocol):
    """Where the run reports how far it has got."""

    def begin(self, total: int) -> None:
        """Announce the number of documents to load."""

    def file(self, name: str) -> None:
        """Announce the file being loaded."""

    def advance(self, n: int) -> None:
        """Count documents loaded."""


@dataclass(frozen=True)
class PreparedSource:
    """A file read, recognised and parsed, ready to load."""

    path: Path
    format: str
    parsed: ParsedSource


def read_text(path: Path) -> str:
    """Read a file as UTF-8 text, refusing empty and binary files."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(path, f"cannot be read ({error.strerror or error})") from None
    if not data.strip():
        raise SourceError(path, "the file is empty: there is nothing to import")
    if b"\x00" in data:
        raise SourceError(path, "the file contains NUL bytes: it is binary, not an edition's text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(path, f"the file is not UTF-8 text (undecodable byte at offset {error.start})") from None


def _cut_line(fmt: str, last: str) -> str | None:
    """Say how the last line shows the text was cut, or None when it may be a true end."""
    if _NOTES_RULE.match(last):
        return "the file ends at the rule that opens the notes, with no notes after it"
    if fmt == "correspondence" and _HEADER_START.match(last) and not is_header(last):
        return "the file ends inside a document header"
    if _CONTINUES.search(last):
        return "the file stops in mid-sentence"
    # Correspondence ends with signatures and marks ("No. 3"), never with open prose.
    wordy = len(last.split()) > 3 if fmt == "correspondence" else len(last) >= _LONG_LINE
    if wordy and not last.endswith(_CLOSING):
        return "the file stops in mid-sentence"
    return None


def check_complete(path: Path, text: str, fmt: str, parsed: ParsedSource) -> None:
    """Raise SourceError when the text looks cut off: mid-sentence, mid-header, an empty end."""
    lines = text.rstrip().splitlines()
    last = lines[-1].strip()
    cut = _cut_line(fmt, last)
    if cut is not None:
        raise SourceError(path, f"{cut} (line {len(lines)}: {last[-60:]!r}); is it truncated?")
    # Articles and Stalin's unprinted replies are records the notes mention, not documents of the file.
    documents = [d for d in parsed.documents if d.kind != "article" and not d.key.startswith(REPLY_KEY_PREFIX)]
    if not documents:
        raise SourceError(path, f"no document could be read in this {fmt} file")
    final = max(documents, key=lambda doc: doc.line)
    if fmt == "sda" and (final.date is None or not final.copies):
        raise SourceError(path, "the page's Document Details lack the date or the archival ID; is it truncated?")
    if not final.body.strip() and (fmt == "correspondence" or not final.copies):
        raise SourceError(path, f"the last document (line {final.line}) has no text; is the file truncated?")


def prepare(path: Path, fmt: str = AUTO) -> PreparedSource:
    """Read, recognise, parse and check one file; raise SourceError when it cannot be imported."""
    if fmt not in FORMATS:
        raise SourceError(path, f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    text = read_text(path)
    try:
        detected = detect_format(text)
    except FormatError as error:
        message = str(error)
        if "Stalin Digital Archive" in text and "Document Details" not in text:
            message = "an SDA page without its Document Details block; is it truncated?"
        raise SourceError(path, message) from None
    if fmt != AUTO and detected != fmt:
        raise SourceError(path, f"the file is in the {detected} format, not {fmt}")
    parsed = PARSERS[detected](text, source_name=path.name)
    check_complete(path, text, detected, parsed)
    return PreparedSource(path, detected, parsed)


@contextmanager
def _unit(session: Session, *, dry_run: bool, actor: str) -> Iterator[None]:
    # A dry run nests every unit in one outer transaction that is rolled back at the end,
    # so that later files still see what earlier ones would have written.
    with session.begin_nested() if dry_run else session.begin():
        set_actor(session, actor)
        yield


def prepare_all(paths: Sequence[Path], fmt: str = AUTO) -> list[PreparedSource]:
    """Prepare every file; raise SourceError for the first that cannot be imported."""
    return [prepare(path, fmt) for path in paths]


def import_paths(engine: Engine, paths: Sequence[Path], *, fmt: str = AUTO, dry_run: bool = False) -> ImportReport:
    """Import the files; raise SourceError, writing nothing, if any cannot be imported."""
    return run_import(engine, prepare_all(paths, fmt), dry_run=dry_run)


def run_import(
    engine: Engine,
    prepared: Sequence[PreparedSource],
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    waiting: Callable[[str], None] | None = None,
) -> ImportReport:
    """Load each prepared file in one transaction with the authority lists' sync, one import at a time."""
    persons, bodies = load_persons(), load_bodies()
    person_resolver, body_resolver = PersonResolver(persons), BodyResolver(bodies)
    report = ImportReport(dry_run=dry_run)
    if progress is not None:
        progress.begin(sum(len(source.parsed.documents) for source in prepared))
    with Session(engine) as session:
        outer = session.begin() if dry_run else None
        if not prepared:
            with _unit(session, dry_run=dry_run, actor="import: authority lists"):
                take_turn(session, waiting)
                writer = Writer(session)
                sync_authority(writer, persons, bodies)
                report.authority = writer.counts
        for source in prepared:
            file_report = FileReport(str(source.path), source.format)
            file_report.unparsed = list(source.parsed.unparsed)
            report.files.append(file_report)
            if progress is not None:
                progress.file(source.path.name)
            started = time.perf_counter()
            try:
                with _unit(session, dry_run=dry_run, actor="import: authority lists"):
                    take_turn(session, waiting)
                    # The lists are synced in the file's transaction: a file never commits without the
                    # persons and bodies it points to, nor they without it (the first file reports the sync).
                    writer = Writer(session)
                    authority = sync_authority(writer, persons, bodies)
                    set_actor(session, f"import: {source.path.name}")
                    result = load_source(
                        session,
                        source.parsed,
                        source_name=source.path.name,
                        authority=authority,
                        persons=person_resolver,
                        bodies=body_resolver,
                        progress=progress.advance if progress is not None else None,
                    )
            except SQLAlchemyError as error:
                # The file's transaction is rolled back; the others stand.
                file_report.error = f"not imported: {type(error).__name__}: {error.args[0]}"
            else:
                if not report.authority:
                    report.authority = writer.counts
                file_report.counts = result.counts
                file_report.review = [*source.parsed.review, *result.review]
            file_report.seconds = time.perf_counter() - started
        if outer is not None:
            outer.rollback()
    return report
