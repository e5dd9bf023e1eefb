"""Invented words ranked by frequency, the search terms they give, and texts drawn from them.

Pure: no database, no I/O. Every word here is invented for the benchmark.
"""

from __future__ import annotations

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
