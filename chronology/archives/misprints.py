"""Misprints in archival references: kept as printed, the likely reading offered beside them."""

from __future__ import annotations

import re

from chronology.archives.reference import Repair

_LETTER = re.compile(r"[A-Za-zА-Яа-я]")


def lettered_inventory(fond: str | None, opis: str) -> bool:
    """Tell whether an inventory is a lone letter in fond 558, a misprint rather than OCR noise."""
    return fond == "558" and _LETTER.fullmatch(opis) is not None


def misprints(repository: str | None, fond: str, opis: str | None) -> list[Repair]:
    """Find the misprints among the fond and inventory, each with its likely reading."""
    if repository not in (None, "RGASPI"):
        return []
    found = []
    if opis is not None and lettered_inventory(fond, opis):
        reason = "an inventory is numbered, and in fond 558 a lone P, L or I is a misread 11"
        found.append(Repair("opis", opis, "11", reason, 0.5, "misprint"))
    if fond != "17" and opis in ("162", "163"):
        reason = "op. 162 and op. 163 are the Politburo inventories of fond 17"
        found.append(Repair("fond", fond, "17", reason, 0.6, "misprint"))
    return found
