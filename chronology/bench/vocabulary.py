"""Deterministic synthetic vocabulary, names, dates and texts shaped like the documentary record.

Pure: no database, no I/O. Every name and word here is invented for the benchmark.
"""

from __future__ import annotations

import datetime
import itertools
import random
from dataclasses import dataclass

# The domain words a cipher telegram or a decree is made of; they head the Zipf ranking,
# so the first few occur in nearly every document (the "common" search terms).
DOMAIN_WORDS = [
    "grain",
    "committee",
    "railway",
    "harvest",
    "plan",
    "comrade",
    "regional",
    "shipment",
    "order",
    "commissariat",
    "procurement",
    "factory",
    "coal",
    "delivery",
    "proposal",
    "collective",
    "farm",
    "telegram",
    "district",
    "quota",
    "transport",
    "workers",
    "supply",
    "report",
    "measures",
    "tractor",
    "cattle",
    "seed",
    "export",
    "steel",
    "station",
    "engineer",
    "trust",
    "repair",
    "wagon",
    "bread",
    "fuel",
    "oil",
    "timber",
    "cotton",
    "sugar",
    "wages",
    "credit",
    "budget",
    "inspection",
    "trial",
    "sabotage",
    "arrest",
    "purge",
    "opposition",
    "plenum",
    "congress",
    "protocol",
    "secretary",
    "delegation",
    "brigade",
    "mine",
    "dam",
    "canal",
    "harbour",
    "fleet",
    "aviation",
    "garrison",
    "frontier",
    "customs",
    "census",
    "school",
    "hospital",
    "housing",
    "newspaper",
    "journal",
    "printing",
    "theatre",
    "archive",
    "library",
]
_SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "da",
    "de",
    "di",
    "do",
    "du",
    "ga",
    "ge",
    "go",
    "gu",
    "ka",
    "ke",
    "ki",
    "ko",
    "ku",
    "la",
    "le",
    "li",
    "lo",
    "lu",
    "ma",
    "me",
    "mi",
    "mo",
    "mu",
    "na",
    "ne",
    "ni",
    "no",
    "nu",
    "pa",
    "pe",
    "po",
    "pu",
    "ra",
    "re",
    "ri",
    "ro",
    "ru",
    "sa",
    "se",
    "si",
    "so",
    "su",
    "ta",
    "te",
    "ti",
    "to",
    "tu",
    "va",
    "ve",
    "vi",
    "vo",
    "za",
    "ze",
    "zo",
    "zu",
    "kra",
    "pro",
    "sto",
    "vla",
    "tre",
    "gri",
    "bro",
    "dva",
]
VOCABULARY_SIZE = 3_000
RARE_WORDS = 200
PASSAGES = 4_096
SUMMARIES = 1_024
# The share of documents whose summary carries one of the rare words (a word found in
# a few dozen documents at a million).
RARE_SHARE = 0.01

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


def vocabulary() -> list[str]:
    """Return the word list by descending frequency: domain words, then invented ones."""
    words = list(DOMAIN_WORDS)
    seen = set(words)
    for length in (2, 3, 4):
        for combo in itertools.product(_SYLLABLES, repeat=length):
            word = "".join(combo)
            if word not in seen:
                seen.add(word)
                words.append(word)
            if len(words) >= VOCABULARY_SIZE + RARE_WORDS:
                return words
    return words


@dataclass(frozen=True)
class TermBands:
    """Search terms by how many documents they occur in."""

    common: tuple[str, ...]
    mid: tuple[str, ...]
    rare: tuple[str, ...]


def term_bands() -> TermBands:
    """Return the common, mid-frequency and rare search terms of the vocabulary."""
    words = vocabulary()
    return TermBands(
        common=tuple(words[0:6]),
        mid=tuple(words[400:440]),
        rare=tuple(words[VOCABULARY_SIZE : VOCABULARY_SIZE + RARE_WORDS]),
    )


class Texts:
    """Pools of passages and summaries drawn from a Zipf distribution over the vocabulary."""

    def __init__(self, rng: random.Random) -> None:
        words = vocabulary()
        common = words[:VOCABULARY_SIZE]
        self.rare = words[VOCABULARY_SIZE:]
        weights = list(itertools.accumulate(1.0 / (rank + 1) ** 1.05 for rank in range(len(common))))
        self.passages = [
            " ".join(rng.choices(common, cum_weights=weights, k=rng.randint(20, 40))) for _ in range(PASSAGES)
        ]
        self.summaries = [
            " ".join(rng.choices(common, cum_weights=weights, k=rng.randint(6, 12))) for _ in range(SUMMARIES)
        ]


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


@dataclass(frozen=True)
class SyntheticDate:
    """One fuzzy date, as the date_* columns store it."""

    verbatim: str
    edtf: str
    lower: datetime.date
    upper: datetime.date
    precision: str
    qualifiers: tuple[str, ...]


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_SEASONS = {21: ("Spring", 3, 5), 22: ("Summer", 6, 8), 23: ("Autumn", 9, 11)}
# Years weighted as an edition of the 1930s is: thin before 1929, thick 1931–1938.
YEARS = tuple(range(1917, 1954))
_YEAR_WEIGHTS = tuple(
    itertools.accumulate(8.0 if 1931 <= y <= 1938 else 4.0 if 1929 <= y <= 1941 else 0.6 for y in YEARS)
)


def _month_end(year: int, month: int) -> datetime.date:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def fuzzy_date(rng: random.Random) -> SyntheticDate:
    """Draw a date: about 60% to the day, 25% to the month, 15% to the year or a season span."""
    year = rng.choices(YEARS, cum_weights=_YEAR_WEIGHTS)[0]
    roll = rng.random()
    qualifier = rng.random()
    mark = "?" if qualifier < 0.03 else "~" if qualifier < 0.05 else ""
    qualifiers = ("uncertain",) if mark == "?" else ("approximate",) if mark == "~" else ()
    supplied = not mark and qualifier < 0.15
    if supplied:
        qualifiers = ("supplied",)
    if roll < 0.60:
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        value = datetime.date(year, month, day)
        shown = f"{_MONTHS[month - 1]} {day} [{year}]" if supplied else f"{day} {_MONTHS[month - 1]} {year}"
        return SyntheticDate(shown, value.isoformat() + mark, value, value, "day", qualifiers)
    if roll < 0.85:
        month = rng.randint(1, 12)
        shown = f"[{_MONTHS[month - 1]} {year}]" if supplied else f"{_MONTHS[month - 1]} {year}"
        lower, upper = datetime.date(year, month, 1), _month_end(year, month)
        return SyntheticDate(shown, f"{year}-{month:02d}{mark}", lower, upper, "month", qualifiers)
    if roll < 0.95:
        shown = f"[{year}]" if supplied else str(year)
        lower, upper = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        return SyntheticDate(shown, f"{year}{mark}", lower, upper, "year", qualifiers)
    first = rng.choice((21, 22))
    last = first + rng.randint(0, 1)
    lower = datetime.date(year, _SEASONS[first][1], 1)
    upper = _month_end(year, _SEASONS[last][2])
    if first == last:
        return SyntheticDate(f"[{_SEASONS[first][0]} {year}]", f"{year}-{first}", lower, upper, "season", ())
    shown = f"[{_SEASONS[first][0]}-{_SEASONS[last][0]} {year}]"
    return SyntheticDate(shown, f"{year}-{first}/{year}-{last}", lower, upper, "season", ())
