"""What shows that a printed token is a person's name, before a new person is made from it.

A name on the authority lists needs no evidence. A new person does: initials (`A. Flegontov`,
`Ya. S. Agranov`), a comrade-form (`Comrade Balashova`, `Tov. Zimin`), or one capitalised word
shaped like a surname of the period (`Berezin`, `Ivnitsky`, `Tkachenko`). Cut-off English words
(`Centra`, `Politbur`), phrases (`Secret Central Committee`) and lowercase text are not names.
"""

from __future__ import annotations

import re
from enum import StrEnum

_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.\s*){1,3}(?P<surname>[A-Z][a-z’'-]+(?:-[A-Z][a-z]+)?)(?:\s*\([^)]*\))?$")
_COMRADE = re.compile(r"^(?:Comrade|Comrades|Tov\.|Com\.)\s+(?P<surname>[A-Z][a-z’'-]+)$")
_SURNAME = re.compile(r"^[A-Z][a-z’'-]{2,}$")
# Endings of Russian, Ukrainian, Georgian, Armenian, Jewish and Baltic surnames of the period.
_SURNAME_ENDING = re.compile(
    r"(?:ov|ev|ёв|in|yn|sky|skii|skiy|ski|skaia|skaya|enko|ko|ich|vich|ova|eva|ina|yna|aia|aya|"
    r"dze|shvili|ian|yan|uk|chuk|ak|ets|man|berg|stein|ner|ikh|ykh|is|as|us|ys)$"
)
# OCR glues the title's "From" to the name: "FromYa. S. Agranov", "FrornN. I. Bukharin".
_GLUED_FROM = re.compile(r"^(?:From|Frorn|Frorn|Fronn|Frolll|Frm)(?=[A-Z])")


class NameEvidence(StrEnum):
    """Why a printed token may be taken for a new person's name."""

    INITIALS = "initials"
    COMRADE = "comrade-form"
    SURNAME = "surname shape"


def name_evidence(name: str) -> NameEvidence | None:
    """Say what shows a token is a person's name, or None when nothing does."""
    text = " ".join(name.split())
    if _INITIALS.match(text):
        return NameEvidence.INITIALS
    if _COMRADE.match(text):
        return NameEvidence.COMRADE
    if _SURNAME.match(text) and _SURNAME_ENDING.search(text.lower()):
        return NameEvidence.SURNAME
    return None


def unglue_from(name: str) -> str | None:
    """Return a name with an OCR-glued "From" taken off ("FromYa. S. Agranov"), or None if none is glued."""
    match = _GLUED_FROM.match(name)
    return name[match.end() :] if match else None
