"""The archives that hold the documents, under today's and former names (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein


@dataclass(frozen=True)
class Repository:
    """An archive, known by today's acronym, with the names it was cited under before."""

    code: str
    name: str
    former_codes: tuple[str, ...] = ()
    place: str = "Moscow"
    spellings: tuple[str, ...] = ()  # other ways of writing today's code, not former names


REPOSITORIES: dict[str, Repository] = {
    repository.code: repository
    for repository in (
        Repository(
            "RGASPI",
            "Russian State Archive of Socio-Political History",
            ("RTsKhIDNI", "TsPA IML", "TsPA"),
            spellings=("РГАСПИ", "РЦХИДНИ"),
        ),
        Repository("GARF", "State Archive of the Russian Federation", ("TsGAOR",), spellings=("ГАРФ",)),
        Repository(
            "APRF",
            "Archive of the President of the Russian Federation",
            spellings=("AP RF", "АП РФ"),
        ),
        Repository("RGANI", "Russian State Archive of Contemporary History", ("TsKhSD",)),
        Repository("RGAE", "Russian State Archive of the Economy", ("TsGANKh",)),
        Repository("RGVA", "Russian State Military Archive", ("TsGASA",)),
        Repository("RGALI", "Russian State Archive of Literature and Art", ("TsGALI",)),
        Repository(
            "TsA FSB",
            "Central Archive of the Federal Security Service of the Russian Federation",
            spellings=("TsA FSB RF", "TsA FSB Rossii"),
        ),
        Repository(
            "TsAMO",
            "Central Archive of the Ministry of Defence of the Russian Federation",
            place="Podolsk",
        ),
    )
}

# The inventories (opisi) of a fond that editions of the 1930s cite, where the OCR of a number
# leaves a choice of digits: the Central Committee's plenums (2), Politburo protocols (3),
# regional committees (21), Orgburo and Secretariat (113, 114, 116), departments (120),
# Politburo special files and working papers (162, 163) and others cited beside them.
# The inventories of each fond the editions cite (Stalin's fond 558, the Central Committee's
# fond 17, Kaganovich's fond 81); the misprint rules compare against them, so a value cited
# only through a misprint or a scan's damage is not listed.
INVENTORIES: dict[tuple[str, str], frozenset[str]] = {
    ("RGASPI", "17"): frozenset(
        {"2", "3", "21", "42", "71", "85", "113", "114", "116", "120", "162", "163", "165", "166"}
    ),
    ("RGASPI", "558"): frozenset({"11"}),
    ("RGASPI", "81"): frozenset({"3"}),
}


def inventories(repository: str | None, fond: str | None) -> frozenset[str]:
    """Return the known inventories of a fond (empty when none are listed)."""
    if fond is None:
        return frozenset()
    # A reference naming no archive with fond 17 is, in these editions, the party archive's.
    return INVENTORIES.get((repository or "RGASPI", fond), frozenset())


# OCR confuses these shapes; both sides of a comparison are folded the same way.
_FOLD = str.maketrans({"1": "I", "L": "I", "|": "I", "!": "I", "0": "O"})


def _compact(text: str) -> str:
    return re.sub(r"[\s.\-]", "", text).casefold()


def _skeleton(text: str) -> str:
    return re.sub(r"[\s.\-]", "", text).upper().translate(_FOLD)


def _names(repository: Repository) -> tuple[str, ...]:
    return (repository.code, *repository.former_codes, *repository.spellings)


_BY_COMPACT = {_compact(name): (r, name) for r in REPOSITORIES.values() for name in _names(r)}
_BY_SKELETON = {_skeleton(name): (r, name) for r in REPOSITORIES.values() for name in _names(r)}


@dataclass(frozen=True)
class RepositoryMatch:
    """How a printed repository name was recognised."""

    repository: Repository
    name: str  # the code, former code or spelling it was recognised as
    exact: bool  # False when OCR noise had to be read through
    confidence: float


def match_repository(text: str) -> RepositoryMatch | None:
    """Recognise a printed repository name, reading through OCR noise."""
    key = text.strip().strip(".,:;()[] ")
    if not key:
        return None
    hit = _BY_COMPACT.get(_compact(key))
    if hit is not None:
        return RepositoryMatch(hit[0], hit[1], exact=True, confidence=1.0)
    skeleton = _skeleton(key)
    hit = _BY_SKELETON.get(skeleton)
    if hit is not None:
        return RepositoryMatch(hit[0], hit[1], exact=False, confidence=0.95)
    # One wrong letter is only safe to forgive in a long name (RTrKhIDNI); GARF/GAR? is not.
    if len(skeleton) < 6:
        return None
    near = {
        (repository.code, name)
        for known, (repository, name) in _BY_SKELETON.items()
        if len(known) >= 6 and Levenshtein.distance(skeleton, known) <= 1
    }
    if len({code for code, _ in near}) != 1:
        return None
    code, name = near.pop()
    return RepositoryMatch(REPOSITORIES[code], name, exact=False, confidence=0.85)


def find_repository(text: str) -> Repository | None:
    """Return the repository a printed name denotes (today's, former or OCR-noisy), if any."""
    found = match_repository(text)
    return None if found is None else found.repository
