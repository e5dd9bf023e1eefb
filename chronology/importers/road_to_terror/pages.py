"""Page furniture of the Road to Terror OCR text: headings, running headers, footnotes."""

from __future__ import annotations

import re
from dataclasses import dataclass

# OCR reads superscript and body digits as look-alike letters; this is the table the
# edition's scan needs (``1g3os`` for 1930s, ``Document igo`` for 190, ``op. z`` for 2).
_DIGIT_LOOKALIKES = str.maketrans(
    {
        "o": "0",
        "O": "0",
        "l": "1",
        "I": "1",
        "i": "1",
        "r": "1",
        "t": "1",
        "z": "2",
        "Z": "2",
        "j": "3",
        "q": "4",
        "s": "5",
        "S": "5",
        "b": "6",
        "g": "9",
        "B": "8",
    }
)
_LOOKALIKE_CHARS = "0123456789oOlIirtzZjqsSbgB"

_HEADING = re.compile(r"Document\s+([0-9oOlIizZgS][0-9oOlIizZgS ]{0,4}?)\s*(?:\(([ab])\))?")
_RUNNING_DOCUMENT = re.compile(r"Document\s+[0-9oOlIizZgS]{1,3}(?:\s*\([ab]\))?\s+(?:\(cont\.?\)|c\w{2,4}tinued|~.*)")
# A printed page number beside the running title: "128 Closing Ranks", "Repression andLegality 109".
_PAGE_LEFT = re.compile(r"(\d{2,3})\s+([A-Z][A-Za-z :,]{3,40})")
_PAGE_RIGHT = re.compile(r"([A-Z][A-Za-z :,]{3,40}?)\s+(\d{2,3})")
_RUNNING_TITLES = ("The Terror", "TheTerror", "The Sky Darkens", "The Road to Terror")

_FOOTNOTE_START = re.compile(r"\s*([0-9oOlIirtzZjqsSbgB]{1,2}(?: ?[0-9oOlIirtzZjqsSbgB])?)\s*\.\s+(\S.*)")
# What a note of this edition says: a source, a cross-reference or a translator's remark.
_CITATION = re.compile(
    r"RT\s*s|TsKh|GARF|APRF|RGASPI|\b[fi][.,]\s*\d|\bop\.|Pra[uv]d|Izvesti|Vop[rm]os|I[rs]toch|"
    r"Ibid|Trans\.|\bSee\b|\bCf\.|Moscow|New York|Cambridge|Princeton|\bno\.\s*\d|Mo[sr]kov\S*\s+no|"
    r"Identity unknown|literally|Russian|\bword\b|\bcited\b|Typescript|Typed",
    re.IGNORECASE,
)


# A book or article cited by its author: "J. Stalin, ", "V. P. Danilov and ...".
_AUTHOR = re.compile(r"(?:[A-Z]\.\s?){1,2}[A-Z][a-z]+(?:,\s|\sand\s)")


def repair_number(token: str, *, letters_only: bool = False) -> int | None:
    """Read a number that OCR may have printed with look-alike letters (``igo`` is 190)."""
    compact = token.replace(" ", "")
    if not compact or any(ch not in _LOOKALIKE_CHARS for ch in compact):
        return None
    # A token of letters alone ("is", "to") is a word, not a mangled number, unless the
    # context (a note before a citation) says it is a number.
    wordlike = not any(ch.isdigit() for ch in compact) and len(compact) > 1
    if wordlike and not letters_only and not all(ch in "lIizZgoO" for ch in compact):
        return None
    return int(compact.translate(_DIGIT_LOOKALIKES))


@dataclass(frozen=True)
class Heading:
    """A ``Document N`` line that opens a document."""

    line: int
    number: int
    suffix: str  # "a" or "b" for the edition's 148(a) and 148(b), else ""

    @property
    def label(self) -> str:
        """Return the edition's own numbering, e.g. ``148(a)``."""
        return f"{self.number}({self.suffix})" if self.suffix else str(self.number)


@dataclass(frozen=True)
class Note:
    """One numbered note at the foot of a page, its continuation lines joined."""

    number: int
    text: str
    line: int
    last_line: int
    printed: str | None = None  # the number as printed, when the note sequence corrected it
    in_sequence: bool = True  # False: it only looks like a note (a numbered list's item)


def read_heading(text: str) -> tuple[int, str] | None:
    """Return the document number and suffix when a line is a ``Document N`` heading."""
    match = _HEADING.fullmatch(text.strip())
    if match is None:
        return None
    number = repair_number(match.group(1))
    if number is None or not 1 <= number <= 400:
        return None
    return number, match.group(2) or ""


def is_running_header(text: str) -> bool:
    """Say whether a line is page furniture: ``Document 51 continued`` or a running title."""
    stripped = text.strip()
    if not stripped:
        return False
    if stripped == "--" or _RUNNING_DOCUMENT.fullmatch(stripped):
        return True
    return stripped in _RUNNING_TITLES or page_number(stripped) is not None


def page_number(text: str) -> int | None:
    """Return the printed page number when a line is a running title with its folio."""
    stripped = text.strip()
    for pattern, group in ((_PAGE_LEFT, 1), (_PAGE_RIGHT, 2)):
        match = pattern.fullmatch(stripped)
        if match is None:
            continue
        words = match.group(3 - group).replace(" ", "")
        # Running titles are a few capitalised words; table rows are longer sentences.
        if any(title.replace(" ", "") in words for title in _TITLE_WORDS):
            return int(match.group(group))
    return None


_TITLE_WORDS = (
    "Repression and Legality",
    "Closing Ranks",
    "The Terror",
    "The Forkin the Road",
    "The Fork in the Road",
    "The Sky Darkens",
    "Appendix One",
    "Biographical Sketches",
)


def footnote_start(text: str, *, loose: bool = False) -> tuple[int, str] | None:
    """Return number and text when a line opens a note (a number, a dot, a citation).

    With `loose`, any wording will do: the caller knows a note is due (the next number).
    """
    match = _FOOTNOTE_START.fullmatch(text.rstrip())
    if match is None:
        return None
    number = repair_number(match.group(1), letters_only=True)
    if number is None or not 1 <= number <= 199:
        return None
    body = match.group(2).strip()
    if not loose and not _CITATION.search(body) and not _AUTHOR.match(body):
        return None
    return number, body


# A two-digit number whose second digit the scan lost ('5" RTsKhIDNI, ...'): only a citation
# right after it makes it a note; the sequence of notes supplies the digit.
_DAMAGED_START = re.compile(r"\s*([1-9])[\"'`”’]\s+((?:RT\s*s|TsKh|GARF|RGASPI)\S*,?\s+[fi][.,].*)")


# The same with the tens digit lost and the units kept ('" 5 .  RTsKhIDNI, ...').
_LOST_TENS_START = re.compile(r"\s*[\"'`”’]\s?([0-9])\s*\.\s+((?:RT\s*s|TsKh|GARF|RGASPI)\S*,?\s+[fi][.,].*)")


def damaged_footnote_start(text: str) -> tuple[int, str, bool] | None:
    """Return the surviving digit and text of a note whose number lost one, and whether it is the units."""
    stripped = text.rstrip()
    match = _DAMAGED_START.fullmatch(stripped)
    if match is not None:
        return int(match.group(1)), match.group(2).strip(), False
    match = _LOST_TENS_START.fullmatch(stripped)
    if match is not None:
        return int(match.group(1)), match.group(2).strip(), True
    return None


_SOFT_HYPHEN_END = re.compile(r"[a-z]-$")


def join_hyphenated(parts: list[str]) -> str:
    """Join wrapped lines, mending words the typesetter broke with a hyphen (``expel-ling``)."""
    text = ""
    for raw in parts:
        part = raw.strip()
        if not part:
            continue
        if not text:
            text = part
        elif _SOFT_HYPHEN_END.search(text) and part[:1].islower():
            text = text[:-1] + part
        elif text.endswith("-"):
            # "February-" + "March": a real compound, keep the hyphen.
            text += part
        else:
            text += " " + part
    return re.sub(r"\s{2,}", " ", text)


def join_paragraphs(lines: list[str]) -> str:
    """Join body lines into paragraphs separated by blank lines, mending hyphenation."""
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    joined = [join_hyphenated(paragraph) for paragraph in paragraphs if paragraph]
    merged: list[str] = []
    for paragraph in joined:
        # The OCR leaves blank lines inside sentences at page and column breaks.
        if merged and (merged[-1].endswith("-") or paragraph[:1].islower()):
            merged[-1] = join_hyphenated([merged[-1], paragraph])
        else:
            merged.append(paragraph)
    return "\n\n".join(merged)
