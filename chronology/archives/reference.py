"""An archival reference as read: its parts, the repairs made in reading it, and how it is cited.

`RGASPI F. 558. Op. 11. D. 93. L. 42–46` is repository, fond, opis (inventory), delo (file)
and folios. Nothing printed is silently changed or dropped:

- `verbatim` is always the reference exactly as printed.
- A former name (RTsKhIDNI) is a renaming, not an error: `repository` is today's code (RGASPI),
  `repository_as_printed` the name on the page.
- OCR noise (`op. z`, `d. 5 1 1`, `l . 16`, `RTsKhlDNI`) is repaired *in the fields*; each repair
  is listed in `repairs`, summarised in `note`, sets `doubtful` and lowers `confidence`.
  The Road to Terror OCR puts `z` for 2 (op. z goes with the plenum files d. 453, 511, 573 of
  op. 2) and `j` for 3 (op. j with the protocol files d. 874-985 of op. 3).
- A misprint (`Op. P.`, `Op. L.` or `Op. I.` in fond 558; `F. 77. Op. 163`) is NOT repaired: the
  field keeps what was printed, `doubtful` is set, `note` gives the likely reading, and `likely`
  holds the corrected reference, so neither reading is lost.
- An abbreviated folio range (`168-78`) is expanded (`168–178`): a convention, not a repair.
- One leaf, even recto and verso (`L. 55, 55v`), is cited `l.`; more than one leaf `ll.`.
- An inferred reference (nothing printed for the document; reasoned from its neighbours) has an
  empty `verbatim`, `inferred` set, and every citation of it ends `[inferred]`: `d. 970 [inferred]`.
- A citation that names an archive but cannot be read keeps its verbatim, fond `?`, and is
  cited as printed (`archives/unread.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

Level = Literal["repository", "fond", "opis", "delo", "folios"]
UNREAD = "?"  # the fond of a citation that names an archive but could not be read
INFERRED_MARK = " [inferred]"  # how every citation of an inferred reference ends
_LABELS: dict[Level, str] = {
    "repository": "repository",
    "fond": "F.",
    "opis": "Op.",
    "delo": "D.",
    "folios": "L.",
}


class CitationStyle(StrEnum):
    """How a reference is written out for a reader."""

    CHICAGO = "chicago"
    GOST = "gost"


@dataclass(frozen=True)
class FolioSpan:
    """One folio or a range of folios, each side recto or verso."""

    start: str
    start_verso: bool = False
    end: str | None = None
    end_verso: bool = False

    def __str__(self) -> str:
        return self.render("v")

    def render(self, verso: str) -> str:
        """Write the span with the given verso mark ("v", or " ob." for GOST)."""
        text = self.start + (verso if self.start_verso else "")
        if self.end is not None:
            text += "–" + self.end + (verso if self.end_verso else "")
        return text


@dataclass(frozen=True)
class Repair:
    """One place where the printed reference was not taken as printed."""

    level: Level
    as_printed: str
    reading: str | None  # None: nothing sensible could be read
    reason: str
    confidence: float
    kind: Literal["repaired", "misprint", "unreadable"] = "repaired"

    def describe(self) -> str:
        """Say in one clause what was done and why."""
        label = _LABELS[self.level]
        if self.kind == "misprint":
            return f"{label} {self.as_printed} is probably a misprint for {label} {self.reading} ({self.reason})"
        if self.kind == "unreadable":
            return f"{label} {self.as_printed!r} could not be read ({self.reason})"
        return f"{label} {self.as_printed!r} read as {self.reading!r} ({self.reason})"


@dataclass(frozen=True)
class ArchivalReference:
    """Where an archive keeps a document: repository, fond, opis, delo, folios."""

    verbatim: str
    repository: str | None
    repository_as_printed: str | None
    fond: str
    opis: str | None
    delo: str | None
    folios: tuple[FolioSpan, ...]
    doubtful: bool = False
    note: str | None = None
    confidence: float = 1.0
    likely: ArchivalReference | None = None  # the corrected reading of a misprint
    repairs: tuple[Repair, ...] = ()
    via_ibid: bool = False  # printed as `Ibid.`; the unnamed parts come from the previous one
    inferred: bool = False  # nothing was printed for it: reasoned from neighbours; `verbatim` is empty

    def __str__(self) -> str:
        return self.normalised()

    @property
    def folio_text(self) -> str:
        """Return the folios as a list of spans: "42–46", "55, 55v"."""
        return ", ".join(str(span) for span in self.folios)

    @property
    def single_leaf(self) -> bool:
        """Tell whether the folios are one leaf (either or both sides)."""
        spans = self.folios
        one_side_each = all(span.end in (None, span.start) for span in spans)
        return bool(spans) and one_side_each and len({span.start for span in spans}) == 1

    def normalised(self) -> str:
        """Return the reference in one canonical form, whatever was printed."""
        return self.cite(CitationStyle.CHICAGO)

    @property
    def unread(self) -> bool:
        """Tell whether the citation could not be read and is kept only as printed."""
        return self.fond == UNREAD

    def cite(self, style: CitationStyle = CitationStyle.CHICAGO) -> str:
        """Write the reference in a citation style (an unread one as printed, so marked)."""
        if self.unread:
            return f"{self.verbatim} [as printed; not read]"
        return self._cite(style) + (INFERRED_MARK if self.inferred else "")

    def _cite(self, style: CitationStyle) -> str:
        if style is CitationStyle.GOST:
            parts = [f"F. {self.fond}"]
            parts += [f"Op. {self.opis}"] if self.opis else []
            parts += [f"D. {self.delo}"] if self.delo else []
            if self.folios:
                parts.append("L. " + ", ".join(span.render(" ob.") for span in self.folios))
            text = ". ".join(([self.repository] if self.repository else []) + parts)
            return text if text.endswith(".") else text + "."
        parts = [f"f. {self.fond}"]
        parts += [f"op. {self.opis}"] if self.opis else []
        parts += [f"d. {self.delo}"] if self.delo else []
        if self.folios:
            parts.append(("l. " if self.single_leaf else "ll. ") + self.folio_text)
        return ", ".join(([self.repository] if self.repository else []) + parts)
