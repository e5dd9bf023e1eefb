"""The form of a surviving copy as an edition describes it: original, autograph, typescript."""

from __future__ import annotations

import re

_FORM_WORDS = {
    "original": "original",
    "script": "original",  # the machine translation's word for podlinnik, the original
    "typescript": "typescript",
    "autograph": "autograph",
    "autographs": "autograph",
    "ticker-tape": "ticker tape",
    "certified typewritten copy": "certified typewritten copy",
    "typewritten copy": "typewritten copy",
    "handwritten text": "handwritten",
}
_FORM_WITH = re.compile(
    r"^(?:(?:Text\s*-\s*)?[A-Z]\w+'s autograph|Autographs? of .+|"
    r"(?P<draft>Typewritten text with .+)|Handwritten text .+)$"
)


def _words(part: str) -> list[str] | None:
    """Read a phrase like `Original typescript` as several form words, or None."""
    lowered = part.lower()
    if lowered in _FORM_WORDS:
        return [_FORM_WORDS[lowered]]
    words = lowered.split()
    if len(words) > 1 and all(w in _FORM_WORDS for w in words):
        return [_FORM_WORDS[w] for w in words]
    return None


def read_form(tail: str) -> tuple[str, str | None]:
    """Read `Original. Typescript. Signatures are autographs.` as form and note."""
    forms: list[str] = []
    notes: list[str] = []
    for sentence in re.split(r"\.\s+|\.$", tail.strip()):
        part = sentence.strip(" .")
        if not part:
            continue
        words = None if part.lower().startswith("signature") else _words(part)
        if words is not None:
            forms += [w for w in words if w not in forms]
        elif m := _FORM_WITH.match(part):
            kind = "draft with corrections" if m["draft"] else "autograph"
            kind = "handwritten" if part.startswith("Handwritten") else kind
            forms += [kind] if kind not in forms else []
            notes.append(part)
        else:
            notes.append(part)
    return (", ".join(forms) or "unknown"), ("; ".join(notes) or None)
