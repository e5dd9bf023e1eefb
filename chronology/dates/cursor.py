"""A backtracking cursor over the words, numbers and marks of a text."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

_TOKEN = re.compile(r"(?P<num>\d+)|(?P<word>[^\W\d_]+)|(?P<dash>[-‐‑‒–—])|(?P<mark>\S)")

T = TypeVar("T")


@dataclass(frozen=True)
class Token:
    """One word, number, dash or mark, and where it stands in the text."""

    kind: str
    text: str
    start: int
    end: int


class TokenCursor:
    """Tokens and a position that rules move forward and rewind."""

    def __init__(self, text: str) -> None:
        self.tokens = [Token(m.lastgroup or "", m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        self.pos = 0

    def peek(self) -> Token | None:
        """Return the token at the cursor, or None at the end."""
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, *texts: str, kind: str | None = None) -> Token | None:
        """Consume the next token if it is one of TEXTS (any case) and of KIND."""
        token = self.peek()
        if token is None or (kind and token.kind != kind):
            return None
        if texts and token.text.lower() not in texts:
            return None
        self.pos += 1
        return token

    def glued(self) -> bool:
        """Tell whether the next token touches the previous one, with no space between."""
        token = self.peek()
        return token is not None and self.pos > 0 and self.tokens[self.pos - 1].end == token.start

    def attempt(self, rule: Callable[[], T | None]) -> T | None:
        """Run a rule, rewinding the cursor if it fails."""
        saved = self.pos
        result = rule()
        if result is None:
            self.pos = saved
        return result

    def longest(self, rules: Sequence[Callable[[], T | None]]) -> T | None:
        """Run each rule from here and keep the result that reads furthest."""
        start, best, best_end = self.pos, None, self.pos
        for rule in rules:
            self.pos = start
            result = rule()
            if result is not None and self.pos > best_end:
                best, best_end = result, self.pos
        self.pos = best_end
        return best

    def number(self, *sizes: int) -> int | None:
        """Consume a number written with one of SIZES digits."""
        token = self.peek()
        if token is None or token.kind != "num" or len(token.text) not in sizes:
            return None
        self.pos += 1
        return int(token.text)

    def dash(self) -> bool:
        """Consume a hyphen or dash of any kind."""
        return self.take(kind="dash") is not None
