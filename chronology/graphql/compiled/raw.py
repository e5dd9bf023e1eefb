"""JSON already serialised by the database, carried through execution and spliced into the response."""

from __future__ import annotations

import json
import re
import secrets
from typing import Any

# A marker no client can guess: values that JSON-encode to it are replaced by raw texts.
_NONCE = secrets.token_hex(8)
_MARK = re.compile(r'"\\u0000' + _NONCE + r':(\d+)\\u0000"')


class RawJSON:
    """A value's JSON text, made by the database; execution and encoding pass it through untouched."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"RawJSON({self.text!r})"


def encode(data: Any) -> str:
    """Return DATA as compact JSON (UTF-8 text left unescaped), with every RawJSON's text spliced in."""
    raws: list[str] = []

    def placeholder(value: Any) -> str:
        if isinstance(value, RawJSON):
            raws.append(value.text)
            return f"\x00{_NONCE}:{len(raws) - 1}\x00"
        raise TypeError(f"{type(value).__name__} is not JSON serialisable")

    # Unescaped non-ASCII, like PostgreSQL's json output, so that both paths give the same bytes.
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False, default=placeholder)
    if not raws:
        return text
    return _MARK.sub(lambda match: raws[int(match.group(1))], text)
