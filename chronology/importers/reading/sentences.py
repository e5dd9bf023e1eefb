"""Sentence and quotation boundaries in an edition's notes, where references are full of dots."""

from __future__ import annotations

import re

# Words that end in a full stop without ending the sentence.
_ABBREVIATIONS = frozenset(
    {"tov", "comrade", "st", "no", "op", "f", "d", "l", "ll", "s", "p", "pp", "vol", "min", "nr"}
)
_OPEN_CURLY = "“«"
_CLOSE_CURLY = "”»"
# What opens the editors' next statement after a quotation they left unclosed.
_EDITORIAL = re.compile(
    r"(?<=[.!?])\s+(?=On\s+(?:the\s+(?:same|next|following)\s+day|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})|"
    r"The\s+(?:same|next|following)\s+day\b|\((?:RGASPI|Ibid|GARF|APRF)\b|See\b|Ibid\b)"
)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each quotation; an unclosed one runs to the editors' next statement."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for index, char in enumerate(text):
        if opened is None and (char in _OPEN_CURLY or char == '"'):
            opened = index
        elif opened is not None and (char in _CLOSE_CURLY or char == '"'):
            spans.append((opened, index + 1))
            opened = None
    if opened is not None:
        # The edition left it open: it runs to the signature, where the editors speak again.
        statement = _EDITORIAL.search(text, opened)
        spans.append((opened, statement.start() if statement else len(text)))
    return spans


def _ends_sentence(text: str, index: int) -> bool:
    """Tell whether the full stop at `index` ends a sentence."""
    word_start = index
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] in "[]"):
        word_start -= 1
    word = text[word_start:index]
    if len(word) == 1 and word.isupper():
        return False  # an initial: "I. Stalin"
    return word.lower() not in _ABBREVIATIONS


def sentences(text: str) -> list[tuple[int, int]]:
    """Split a note into sentences as (start, end); never inside brackets or quotations."""
    quotes = quoted_spans(text)
    bounds: list[tuple[int, int]] = []
    start = 0
    depth = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        if char == "\n":
            bounds.append((start, index))
            start = index + 1
        elif char in ".!?" and depth == 0 and not any(a <= index < b - 1 for a, b in quotes):
            end = index + 1
            while end < len(text) and text[end] in '”"»)':
                end += 1
            nxt = end
            while nxt < len(text) and text[nxt] == " ":
                nxt += 1
            starts_anew = nxt < len(text) and (text[nxt].isupper() or text[nxt] in "“«")
            if nxt > end and starts_anew and _ends_sentence(text, index):
                bounds.append((start, end))
                start = nxt
                index = nxt
                continue
        index += 1
    if start < len(text) and text[start:].strip():
        bounds.append((start, len(text)))
    return [(a, b) for a, b in bounds if text[a:b].strip()]
