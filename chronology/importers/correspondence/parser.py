"""Parse the Stalin–Kaganovich correspondence edition: headers, archive, text and notes."""

from __future__ import annotations

import re

from chronology.archives.parsing import ReferenceParseError, parse_references
from chronology.archives.unread import unread_reference
from chronology.importers.correspondence import footnotes
from chronology.importers.correspondence.answers import link_replies, merge_links
from chronology.importers.correspondence.boundaries import (
    Block,
    candidate_parts,
    count_structure,
    date_line,
    find_blocks,
)
from chronology.importers.correspondence.front import ARCHIVE_LINE, read_front_matter
from chronology.importers.correspondence.notes import RULE, split_notes, tie_notes
from chronology.importers.correspondence.review import check_neighbours, check_received, copy_misprints
from chronology.importers.reading import letters
from chronology.importers.reading.copy_forms import read_form
from chronology.importers.reading.keys import document_key, surname
from chronology.importers.reading.letters import (
    NAME,
    LetterFacts,
    is_body,
    split_names,
    strip_markers,
)
from chronology.importers.records import (
    Copy,
    Document,
    Edition,
    ParsedSource,
    Party,
    PartyRole,
    ReviewItem,
    Transmission,
    Unparsed,
)

FORMAT = "correspondence"
EDITION_TITLE = "Stalin and Kaganovich. Correspondence. 1931–1936"
EDITION_YEAR = 2001
DEFAULT_REPOSITORY = "RGASPI"

# The single-letter page ends with a bare reference: "F. 558. Op. 11. D. 743. L. 56-63. Autograph."
_REFERENCE_LINE = re.compile(r"^(?:[A-Z][A-Za-z]{2,10}\.?\s+)?F\.\s*[\w-]+\.?\s*Op\.")
_CIPHER_NOTE = re.compile(
    r"\b(?:sent|transmitted|went out)\b[^.]*?\b(?:in|by) (?:cipher|code)\b|encryption marks|"
    r"Encrypted (?:notes|\d)|text of the encryption",
    re.I,
)
_OTHER_PAPER = re.compile(r"\b(?:repl|answer|consent|agreed)", re.I)
_TELEGRAM_NOTE = re.compile(r"telegraph tape|of the telegram|The telegram\b", re.I)
_SENT_FROM = re.compile(r"\b(?:[Ss]ent|went out)\b[^.]*?\bfrom (?:the village of |the station )?(?P<place>[A-Z][a-z]+)")


def parse(text: str, *, source_name: str) -> ParsedSource:
    """Parse one file of the correspondence edition into documents, decisions, votes and links."""
    result = ParsedSource(format=FORMAT)
    lines = text.splitlines()
    blocks = find_blocks(lines, result.review)
    if not blocks:
        first = next((i for i, t in enumerate(lines) if t.strip()), 0)
        snippet = lines[first][:200] if lines else ""
        result.unparsed.append(Unparsed(first + 1, snippet, f"{source_name}: no document header"))
        return result
    for block in blocks:
        result.documents.append(_read_block(lines, block, result))
    _unique_keys(result)
    check_neighbours(result.documents, result.review)
    footnotes.read_notes(result, source_name=source_name)
    count_structure(lines, blocks, result)
    replies, doubts = link_replies(result.documents)
    result.links = merge_links(result.links, replies)
    result.review.extend(doubts)
    return result


def _read_block(lines: list[str], block: Block, result: ParsedSource) -> Document:
    header_line = block.start + 1
    head = block.header
    if head is None:
        authors, recipients, date, archive = candidate_parts(lines[block.start], block.candidate)
    else:
        authors, recipients = split_names(head.authors), split_names(head.recipients)
        date, archive = head.date, head.archive
    archive_line = header_line
    cursor = block.start + 1
    rest = [(i, lines[i].strip()) for i in range(cursor, block.end) if lines[i].strip()]
    if archive is None and rest and (m := ARCHIVE_LINE.match(rest[0][1])):
        archive, archive_line, cursor = m["archive"], rest[0][0] + 1, rest[0][0] + 1
        rest = rest[1:]
    if rest and (line_date := date_line(rest[0][1])) is not None:
        # The single-letter layout repeats the date with the editors' brackets; that one counts.
        date = line_date
        cursor = rest[0][0] + 1
    rule = next((i for i in range(cursor, block.end) if RULE.match(lines[i])), block.end)
    doc_lines = [(i + 1, lines[i].strip()) for i in range(cursor, rule) if lines[i].strip()]
    note_lines = [(i + 1, lines[i]) for i in range(rule + 1, block.end)]
    printed = list(doc_lines)  # markers stand in the dispatch lines and marks too
    facts = LetterFacts()
    year = date.lower.year if date is not None else None
    party_names = {surname(n).lower() for n in authors + recipients}
    doc_lines, front = read_front_matter(
        doc_lines, facts, year, party_names, result.review, result.unparsed, archive_known=archive is not None
    )
    if front.archive is not None:
        archive, archive_line = front.archive, front.archive_line or header_line
    facts.classification.extend(front.markings or [])
    if archive is None and doc_lines and _REFERENCE_LINE.match(doc_lines[-1][1]):
        archive, archive_line = doc_lines[-1][1], doc_lines[-1][0]
        doc_lines = doc_lines[:-1]
    if archive is None:
        result.review.append(ReviewItem(header_line, "document has no archival reference", ""))
    while doc_lines and letters.read_back_line(doc_lines[-1][1], doc_lines[-1][0], facts, year, party_names):
        doc_lines = doc_lines[:-1]
    texts = [t for _, t in doc_lines]
    facts.outgoing_number = facts.outgoing_number or letters.outgoing_number(texts)
    facts.annotations.sort(key=lambda a: a.line or 0)

    copies = _copies(archive, archive_line, result.review) if archive else []
    notes = split_notes(note_lines, "\n".join(t for _, t in printed))
    footnote_list, note_review = tie_notes(notes, printed)
    result.review.extend(note_review)
    notes_text = " ".join(n.text for n in footnote_list)
    parties = _parties(authors, recipients, texts)
    signature = letters.find_signature(texts, authors)
    check_received(facts, date, result.review)
    result.review.extend(facts.review)
    body = "\n".join(texts)
    title = f"{', '.join(authors)} to {', '.join(recipients)}" if authors else block.candidate
    doc = Document(
        key="",
        kind=_kind(facts, copies, notes_text),
        title=title or "Document found by its archive label",
        date=date,
        line=header_line,
        parties=parties,
        copies=copies,
        transmission=_transmission(facts),
        place=facts.place or _place_from_notes(notes_text),
        classification=", ".join(facts.classification) or None,
        body=body,
        signatures=signature[1] if signature else [],
        annotations=facts.annotations,
        footnotes=footnote_list,
        edition=Edition(title=EDITION_TITLE, year=EDITION_YEAR, language="en", text=body),
        needs_review=head is None,
    )
    doc.key = document_key(doc)
    return doc


def _copies(archive: str, line: int, review: list[ReviewItem]) -> list[Copy]:
    try:
        pairs = parse_references(archive, default_repository=DEFAULT_REPOSITORY)
    except ReferenceParseError as error:
        review.append(ReviewItem(line, f"archival reference cannot be read, kept as printed: {error}", archive))
        return [Copy(unread_reference(archive.strip(), DEFAULT_REPOSITORY, None), "")]
    copies = [Copy(reference, *read_form(tail)) for reference, tail in pairs]
    review.extend(copy_misprints(copies, line))
    return copies


_ADDRESS_BODY = re.compile(r"(?P<body>Central Committee of the CPSU(?:\s*\(b\))?|CC ON|CC)\s*\.\s*")
_RANK = re.compile(r"^[A-Z][^.!?]*?\bcomrade\.\s*")
_COPY_TO = re.compile(rf"^Copy (?:of|to) (?P<name>{NAME})\s*\.$")
_ADDRESS_NAMES = re.compile(rf"^(?:(?:To\s+)?(?:Comrade|Tov\.)?\s*{NAME}[\s,.]*)+$")


def _parties(authors: list[str], recipients: list[str], texts: list[str]) -> list[Party]:
    parties = [Party(n, PartyRole.AUTHOR, i, is_body(n)) for i, n in enumerate(authors, 1)]
    parties += [Party(n, PartyRole.RECIPIENT, i, is_body(n)) for i, n in enumerate(recipients, 1)]
    known = {surname(n).lower() for n in authors + recipients}
    extra_recipients: list[str] = []
    intermediaries: list[str] = []
    for text in texts[:3]:
        line = strip_markers(text).strip()
        if m := _COPY_TO.match(line):
            extra_recipients.append(m["name"])
            continue
        if len(line) > 110 or "!" in line or "?" in line:
            break
        place = re.match(r"^(?P<word>[A-Z][a-z]+)\.\s+(?=\S)", line)
        if place and place["word"].lower() not in known:
            line = line[place.end() :]
        bodies = [b["body"] for b in _ADDRESS_BODY.finditer(line)]
        line = _RANK.sub("", _ADDRESS_BODY.sub("", line)).strip()
        if line and not _ADDRESS_NAMES.fullmatch(line):
            break
        extra_recipients += [b for b in bodies if b not in ("CC ON", "CC")]
        for name in re.findall(NAME, re.sub(r"\b(?:To|Comrade|Tov\.)\s+", "", line)):
            if surname(name).lower() not in known and name not in intermediaries:
                intermediaries.append(name)
    position = len(recipients)
    for name in dict.fromkeys(extra_recipients):
        position += 1
        parties.append(Party(name, PartyRole.RECIPIENT, position, is_body(name)))
    parties += [Party(n, PartyRole.INTERMEDIARY, i, False) for i, n in enumerate(intermediaries, 1)]
    return parties


def _kind(facts: LetterFacts, copies: list[Copy], notes_text: str) -> str:
    numbers = (facts.incoming_number or "") + " " + (facts.outgoing_number or "")
    deciphered = facts.received is not None and re.search(r"interpret|decrypt|deciph", facts.received)
    own_cipher = any(
        _CIPHER_NOTE.search(s) and not _OTHER_PAPER.search(s) for s in re.split(r"(?<=[.)])\s+", notes_text)
    )
    if {"encryption", "cipher", "cipher telegram"} & set(facts.kinds) or "/sh" in numbers:
        return "cipher_telegram"
    if deciphered or own_cipher:
        return "cipher_telegram"
    if any("ticker" in c.form for c in copies) or "ticker-tape" in facts.kinds:
        return "ticker_tape"
    if "telegram" in facts.kinds or _TELEGRAM_NOTE.search(notes_text):
        return "telegram"
    if facts.sent is not None and facts.sent.startswith("Transmitted"):
        return "telegram"
    return "letter"


def _place_from_notes(notes_text: str) -> str | None:
    for sentence in re.split(r"(?<=[.)])\s+", notes_text):
        m = _SENT_FROM.search(sentence)
        if m and not _OTHER_PAPER.search(sentence[: m.start()]):
            return m["place"]
    return None


def _transmission(facts: LetterFacts) -> Transmission | None:
    values = Transmission(
        sent=facts.sent,
        sent_date=facts.sent_date,
        sent_time=facts.sent_time,
        received=facts.received,
        received_date=facts.received_date,
        received_time=facts.received_time,
        incoming_number=facts.incoming_number,
        outgoing_number=facts.outgoing_number,
        secretary_number=facts.secretary_number,
    )
    return None if values == Transmission() else values


def _unique_keys(result: ParsedSource) -> None:
    seen: dict[str, int] = {}
    for doc in result.documents:
        count = seen.get(doc.key, 0) + 1
        seen[doc.key] = count
        if count > 1:
            result.review.append(ReviewItem(doc.line, "two documents share a natural key; numbered by order", doc.key))
            doc.key = f"{doc.key}#{count}"
