"""The plain records both readers give: letters with their persons, places, dates and editions.

They are what the file says, in CMIF's own terms (a date's `when`, `notBefore`, `notAfter`,
`from`, `to`, `cert`, `evidence` and its wording), so that a CMIF file and the csv2cmi table it
was made from can be compared letter by letter before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass


class LetterFileError(ValueError):
    """A letter file cannot be read; the message names the line."""


@dataclass(frozen=True)
class Named:
    """A person or place as the file names it, with its authority URI (GND, VIAF, GeoNames…) if given."""

    name: str
    ref: str | None = None
    evidence: str | None = None  # "conjecture": the editors supplied the name (a table writes it in brackets)


@dataclass(frozen=True)
class LetterDate:
    """A date in CMIF's attributes, with the edition's wording."""

    when: str | None = None
    not_before: str | None = None
    not_after: str | None = None
    start: str | None = None  # CMIF `from`
    end: str | None = None  # CMIF `to`
    cert: str | None = None
    evidence: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class Action:
    """Sending or receiving: who, where, when."""

    persons: tuple[Named, ...] = ()
    places: tuple[Named, ...] = ()
    date: LetterDate | None = None


@dataclass(frozen=True)
class Edition:
    """A printed (or online) edition that the letters are published in."""

    id: str  # the `bibl`'s xml:id, or the table's edition code
    title: str
    type: str | None = None


@dataclass(frozen=True)
class Letter:
    """One letter: its number in the edition, the edition, and who sent it to whom."""

    line: int
    key: str | None
    edition: Edition | None
    sent: Action
    received: Action


@dataclass(frozen=True)
class LetterFile:
    """What a letter file holds: its title, editor, publisher, editions and letters."""

    title: str | None
    editor: str | None
    editor_email: str | None
    publisher: str | None
    url: str | None
    editions: tuple[Edition, ...]
    letters: tuple[Letter, ...]
