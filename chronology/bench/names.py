"""Invented persons and the forms the sources give their names: initials, short, transliterated, misspelt.

Pure: no database, no I/O. Every name here is invented for the benchmark.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

_FIRST_NAMES = [
    "Ivan",
    "Pyotr",
    "Nikolai",
    "Sergei",
    "Mikhail",
    "Aleksei",
    "Grigory",
    "Lev",
    "Vasily",
    "Andrei",
    "Fyodor",
    "Yakov",
    "Boris",
    "Semyon",
    "Matvei",
    "Kliment",
    "Anastas",
    "Lazar",
    "Vyacheslav",
    "Avel",
    "Genrikh",
    "Yemelyan",
    "Valerian",
    "Robert",
]
_STEMS = [
    "Kal",
    "Mor",
    "Vor",
    "Zhel",
    "Pet",
    "Sok",
    "Bel",
    "Gor",
    "Lav",
    "Rud",
    "Tik",
    "Mal",
    "Dub",
    "Kras",
    "Svet",
    "Chern",
    "Ost",
    "Prok",
    "Sav",
    "Fed",
    "Zar",
    "Luk",
    "Nov",
    "Star",
    "Byk",
    "Kos",
    "Lip",
    "Ryab",
    "Sel",
    "Tur",
    "Yag",
    "Zub",
]
_MIDDLES = ("", "an", "el", "in", "ar", "ush", "ich", "ov", "et")
_ENDINGS = ("ov", "in", "sky", "enko", "ev", "ich", "ian", "idze", "ovich", "ishvili")


@dataclass(frozen=True)
class PersonName:
    """An invented person and the forms the sources give the name."""

    canonical: str
    sort_name: str
    short: str
    variants: tuple[tuple[str, str], ...]  # (name, kind)


def person_names(count: int, rng: random.Random) -> list[PersonName]:
    """Return COUNT distinct invented persons with canonical, initials, short and misspelt forms."""
    surnames = [s + m + e for s in _STEMS for m in _MIDDLES for e in _ENDINGS]
    rng.shuffle(surnames)
    people: list[PersonName] = []
    for index in range(count):
        surname = surnames[index % len(surnames)]
        first = _FIRST_NAMES[(index // len(surnames) + index) % len(_FIRST_NAMES)]
        father = _FIRST_NAMES[(index * 7 + index // len(surnames)) % len(_FIRST_NAMES)]
        patronymic = father.rstrip("y") + "ovich"
        canonical = f"{first} {patronymic} {surname}"
        variants = [
            (canonical, "canonical"),
            (f"{first[0]}. {patronymic[0]}. {surname}", "initials"),
            (surname, "short"),
            (transliterated(surname), "transliteration"),
            (misspelt(surname, rng), "ocr_error"),
        ]
        unique: dict[str, str] = {}
        for name, kind in variants:
            unique.setdefault(name, kind)
        people.append(
            PersonName(
                canonical=canonical,
                sort_name=f"{surname}, {first} {patronymic}",
                short=surname,
                variants=tuple(unique.items()),
            )
        )
    return people


def transliterated(surname: str) -> str:
    """Return another transliteration of a surname (Zh as J, -sky as -ski, -ev as -yev)."""
    return surname.replace("Zh", "J").replace("sky", "ski").replace("ev", "yev").replace("ch", "tch")


def misspelt(surname: str, rng: random.Random) -> str:
    """Return the surname with one vowel misread, as OCR or a hurried clerk would."""
    vowels = [i for i, c in enumerate(surname) if c in "aeiou"]
    if not vowels:
        return surname + "e"
    at = rng.choice(vowels)
    swap = {"a": "o", "o": "a", "e": "i", "i": "e", "u": "o"}[surname[at]]
    return surname[:at] + swap + surname[at + 1 :]
