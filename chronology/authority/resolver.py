"""Resolve names as the sources print them to persons and bodies of the authority lists."""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from chronology.authority import AuthorityBody, AuthorityPerson, load_bodies, load_persons

# Forms of address that precede a name and carry no identity.
_HONORIFICS = frozenset({"tov", "tovarishch", "comrade", "comrades", "com", "citizen"})
_TOKEN = re.compile(r"[a-z]+(?:['-][a-z]+)*\.?")
_QUOTES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "ʹ": "'", "‘": "'", "[": "", "]": ""})
# Ordered: two-letter spellings of one Cyrillic letter first, then vowel spellings.
_FOLDS = (("'", ""), ("x", "ks"), ("tz", "ts"), ("kh", "h"), ("yu", "iu"), ("ya", "ia"),
          ("yo", "io"), ("ye", "e"), ("ie", "e"))  # fmt: skip
_WORD_END = re.compile(r"(?:ii|iy|yi|y)$")
# Below these lengths a one-letter slip makes another real name, so only exact forms count.
_MIN_FUZZY_LENGTH = 5
_MIN_BODY_FUZZY_LENGTH = 8


@dataclass(frozen=True)
class Match:
    """A resolved name: the authority key, a score in [0, 1] and the form that matched."""

    key: str
    score: float
    matched_variant: str
    exact: bool


@dataclass(frozen=True)
class Resolution:
    """The outcome of a look-up: a match, or the keys that tied when it is ambiguous."""

    match: Match | None
    ambiguous: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Parsed:
    core: str  # folded surname (or party name), the part looked up
    initials: tuple[str, ...]  # folded first letters of given names and patronymic


def _plain(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.translate(_QUOTES))
    text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    text = re.sub(r"\([^)]*\)", " ", text)  # "(V. V. Obolensky)" is another name, not a part
    # Rejoin words broken across lines by the typesetter or the OCR ("Ord- zhonikidze").
    return re.sub(r"(?<=[a-z])-\s+(?=[a-z])", "", text)


def _fold(word: str) -> str:
    for old, new in _FOLDS:
        word = word.replace(old, new)
    return _WORD_END.sub("i", word)


def _split(name: str) -> tuple[list[str], list[str]]:
    """Split a printed name into folded words, surname last, and folded initials."""
    text = _plain(name)
    initials: list[str] = []
    words: list[str] = []
    for raw in _TOKEN.findall(text.replace(",", " ")):
        bare = raw.rstrip(".").removesuffix("'s")
        folded = _fold(bare)
        if bare in _HONORIFICS or not folded:
            continue
        if len(bare) <= 2 and (raw.endswith(".") or len(bare) == 1):
            initials.append(folded[0])
        else:
            words.append(folded)
    if "," in text and len(words) > 1:  # "Stalin, Iosif Vissarionovich"
        words = [*words[1:], words[0]]
    return words, initials


def _parse(name: str) -> _Parsed:
    words, initials = _split(name)
    if not words:
        return _Parsed("", tuple(initials))
    # Given names written out count as initials, so "Iosif Stalin" and "I. Stalin" agree.
    return _Parsed(words[-1], tuple(w[0] for w in words[:-1]) + tuple(initials))


def normalise_name(name: str) -> str:
    """Fold a printed personal name to its comparable core, given names before the surname.

    Forms of address, editorial brackets, initials, punctuation and case go; transliteration
    variants (ye/e, ya/ia, yu/iu, kh/h, soft signs, -sky/-skii) fold together.
    """
    return " ".join(_split(name)[0])


def _compatible(query: tuple[str, ...], known: Iterable[tuple[str, ...]]) -> bool:
    known = list(known)
    if not query or not known:
        return True
    return any(query[0] == k[0] and (len(query) == 1 or len(k) == 1 or query[1] == k[1]) for k in known)


class PersonResolver:
    """Resolve printed personal names against an authority list."""

    def __init__(self, persons: Sequence[AuthorityPerson], *, cutoff: float = 0.8, margin: float = 0.05) -> None:
        self._persons = {p.key: p for p in persons}
        self._cutoff = cutoff
        self._margin = margin
        # core -> key -> the forms with that core, with their initials
        self._by_core: dict[str, dict[str, list[tuple[str, tuple[str, ...]]]]] = {}
        self._initials: dict[str, set[tuple[str, ...]]] = {}
        for person in persons:
            known = self._initials.setdefault(person.key, set())
            for form in person.name_forms():
                parsed = _parse(form)
                if not parsed.core:
                    continue
                forms = self._by_core.setdefault(parsed.core, {}).setdefault(person.key, [])
                forms.append((form, parsed.initials))
                if parsed.initials:
                    known.add(parsed.initials)
        self._cores = list(self._by_core)

    @classmethod
    def default(cls) -> PersonResolver:
        """Build a resolver over the person list shipped with the package."""
        return cls(load_persons())

    def _scored(self, parsed: _Parsed) -> dict[str, tuple[float, str, bool]]:
        """Score every compatible person: key -> (score, matched form, exact)."""
        scored: dict[str, tuple[float, str, bool]] = {}
        if len(parsed.core) >= _MIN_FUZZY_LENGTH:
            # Levenshtein, not indel: OCR substitutes letters (Yezbov), while a longer or
            # shorter name (Petrov, Petrovsky) is usually another person.
            hits = process.extract(
                parsed.core,
                self._cores,
                scorer=Levenshtein.normalized_similarity,
                score_cutoff=self._cutoff,
                limit=None,
            )
        else:
            hits = [(parsed.core, 1.0, 0)] if parsed.core in self._by_core else []
        for core, score, _ in hits:
            exact = core == parsed.core
            for key, forms in self._by_core[core].items():
                if not _compatible(parsed.initials, self._initials[key]):
                    continue
                form = next((f for f, i in forms if i == parsed.initials), forms[0][0])
                value = 1.0 if exact else float(score)
                if key not in scored or value > scored[key][0]:
                    scored[key] = (value, form, exact)
        return scored

    def lookup(self, name: str, *, on: datetime.date | None = None) -> Resolution:
        """Resolve `name`, reporting the tied keys when it is ambiguous."""
        parsed = _parse(name)
        if not parsed.core:
            return Resolution(None)
        scored = self._scored(parsed)
        if not scored:
            return Resolution(None)
        exacts = sorted(k for k, v in scored.items() if v[2])
        best = max(v[0] for v in scored.values())
        tied = exacts or sorted(k for k, v in scored.items() if v[0] >= best - self._margin)
        if len(tied) > 1 and on is not None:
            living = [k for k in tied if self._persons[k].alive_on(on)]
            tied = living or tied
        if len(tied) > 1:
            return Resolution(None, tuple(tied))
        score, form, exact = scored[tied[0]]
        return Resolution(Match(tied[0], score, form, exact))

    def resolve(self, name: str, *, on: datetime.date | None = None) -> Match | None:
        """Return the one person `name` denotes, or None when none or several fit."""
        return self.lookup(name, on=on).match

    def candidates(self, name: str, limit: int = 5) -> list[Match]:
        """List the best-scoring persons for `name`, best first."""
        scored = self._scored(_parse(name))
        ranked = sorted(scored.items(), key=lambda item: (-item[1][0], item[0]))
        return [Match(k, s, f, e) for k, (s, f, e) in ranked[:limit]]


def normalise_body_name(name: str) -> str:
    """Fold a printed body name to a comparable key without spaces, articles or punctuation."""
    text = unicodedata.normalize("NFKD", name.translate(_QUOTES)).lower()
    words = re.findall(r"[a-z0-9]+", text.replace("&", " and "))
    return "".join(w for w in words if w not in {"the", "of", "for", "ussr", "sssr"})


class BodyResolver:
    """Resolve printed names of party and state bodies against an authority list."""

    def __init__(self, bodies: Sequence[AuthorityBody], *, cutoff: float = 90.0) -> None:
        self._cutoff = cutoff
        self._by_form: dict[str, dict[str, str]] = {}
        for body in bodies:
            for form in body.name_forms():
                folded = normalise_body_name(form)
                if folded:
                    self._by_form.setdefault(folded, {}).setdefault(body.key, form)
        self._forms = list(self._by_form)

    @classmethod
    def default(cls) -> BodyResolver:
        """Build a resolver over the body list shipped with the package."""
        return cls(load_bodies())

    def _scored(self, folded: str) -> dict[str, tuple[float, str, bool]]:
        scored: dict[str, tuple[float, str, bool]] = {}
        if len(folded) >= _MIN_BODY_FUZZY_LENGTH:
            hits = process.extract(folded, self._forms, scorer=fuzz.ratio, score_cutoff=self._cutoff, limit=None)
        else:
            hits = [(folded, 100.0, 0)] if folded in self._by_form else []
        for form_key, score, _ in hits:
            exact = form_key == folded
            for key, form in self._by_form[form_key].items():
                value = 1.0 if exact else score / 100.0
                if key not in scored or value > scored[key][0]:
                    scored[key] = (value, form, exact)
        return scored

    def lookup(self, name: str, *, on: datetime.date | None = None) -> Resolution:
        """Resolve `name`, reporting the tied keys when it is ambiguous."""
        del on  # bodies are not dated in the list yet; kept for the resolvers' common shape
        scored = self._scored(normalise_body_name(name))
        if not scored:
            return Resolution(None)
        best = max(v[0] for v in scored.values())
        tied = sorted(k for k, v in scored.items() if v[0] >= best)
        if len(tied) > 1:
            return Resolution(None, tuple(tied))
        score, form, exact = scored[tied[0]]
        return Resolution(Match(tied[0], score, form, exact))

    def resolve(self, name: str, *, on: datetime.date | None = None) -> Match | None:
        """Return the one body `name` denotes, or None when none or several fit."""
        return self.lookup(name, on=on).match

    def candidates(self, name: str, limit: int = 5) -> list[Match]:
        """List the best-scoring bodies for `name`, best first."""
        ranked = sorted(self._scored(normalise_body_name(name)).items(), key=lambda i: (-i[1][0], i[0]))
        return [Match(k, s, f, e) for k, (s, f, e) in ranked[:limit]]
