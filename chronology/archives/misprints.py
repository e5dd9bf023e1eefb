"""Misprints in archival references, by one principle at every level: kept as printed, likely reading beside.

A value is a likely misprint when it is not what is known at its level (the fond's inventories,
the fonds that hold an inventory, the file its neighbours cite) and differs from exactly one
known value the way print and scans confuse glyphs: 7/1, 3/8, 0/6/9, a letter for digits
(a lone `P` or `П` for 11), or one digit apart. The value is never changed; the reference is
flagged and offers the likely reading. Ambiguous cases (two known values fit) are left to
the neighbours' evidence, which the importers weigh.
"""

from __future__ import annotations

from chronology.archives.reference import Repair
from chronology.archives.repositories import INVENTORIES, inventories
from chronology.archives.syntax import readings

# Digits print and scans confuse with each other.
_CONFUSABLE = frozenset({frozenset("71"), frozenset("38"), frozenset("06"), frozenset("09"), frozenset("69")})
# One glyph standing for a number: a Cyrillic П or a Latin P is two strokes joined, 11; a lone
# L or I in an inventory is a stroke too many lost.
_GLYPHS = {"P": ("11",), "П": ("11",), "L": ("11", "1"), "I": ("11", "1"), "l": ("11", "1")}


def confusable(printed: str, known: str) -> str | None:
    """Say how a printed value may be a misreading of a known one, or None when it may not."""
    if printed == known:
        return None
    if known in _GLYPHS.get(printed, ()):
        return f"a lone {printed} is how {known} looks misprinted or misread"
    if len(printed) != len(known):
        return None
    differ = [(a, b) for a, b in zip(printed, known, strict=True) if a != b]
    if all(a.isdigit() and frozenset((a, b)) in _CONFUSABLE for a, b in differ):
        return "confusable digits " + ", ".join(f"{a} for {b}" for a, b in differ)
    if all(not a.isdigit() for a, _ in differ) and known in readings(printed):
        return "letters for digits " + ", ".join(f"{a} for {b}" for a, b in differ)
    if len(differ) == 1 and len(known) > 1:  # any lone digit is one apart from any other
        return f"one digit apart ({differ[0][0]} for {differ[0][1]})"
    return None


def likely_reading(printed: str, known: set[str] | frozenset[str]) -> tuple[str, str] | None:
    """Return the one known value a printed value may misread, and how; None if none or several."""
    fits = [(value, why) for value in sorted(known) if (why := confusable(printed, value)) is not None]
    return fits[0] if len(fits) == 1 else None


def lettered_inventory(fond: str | None, opis: str) -> bool:
    """Tell whether an inventory is one glyph that misprints a known inventory of its fond (fond 558's `Op. P`)."""
    known = inventories("RGASPI", fond)
    return len(opis) == 1 and any(value in _GLYPHS.get(opis, ()) for value in known)


def misprints(repository: str | None, fond: str, opis: str | None) -> list[Repair]:
    """Find the fond or inventory that misprints a known one, each with its likely reading."""
    if repository not in (None, "RGASPI") or opis is None:
        return []
    known = inventories(repository, fond)
    if known:
        if opis in known:
            return []
        found = likely_reading(opis, known)
        if found is None:
            return []
        reason = f"op. {opis} is not a known inventory of f. {fond}; {found[1]}"
        return [Repair("opis", opis, found[0], reason, 0.5, "misprint")]
    holders = {held for (archive, held), values in INVENTORIES.items() if archive == "RGASPI" and opis in values}
    found = likely_reading(fond, holders)
    if found is None:
        return []
    reason = f"op. {opis} is an inventory of f. {found[0]}, and f. {fond} has none known; {found[1]}"
    return [Repair("fond", fond, found[0], reason, 0.6, "misprint")]
