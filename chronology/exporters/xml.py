"""Writing XML by hand, safely: escaped text and attributes in a stable order (pure)."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

# XML 1.0 forbids most control characters even when escaped; OCR text may carry them.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """Remove the characters XML 1.0 cannot carry."""
    return _FORBIDDEN.sub("", text)


def attributes(values: dict[str, str | None]) -> str:
    """Render attributes in the given order, leaving out the absent ones."""
    return "".join(f" {name}={quoteattr(clean(value))}" for name, value in values.items() if value is not None)


def element(tag: str, text: str | None = None, **values: str | None) -> str:
    """Render one element with text content (empty when TEXT is None)."""
    attrs = attributes({name.rstrip("_").replace("__", ":"): value for name, value in values.items()})
    if text is None:
        return f"<{tag}{attrs}/>"
    return f"<{tag}{attrs}>{escape(clean(text))}</{tag}>"


def start(tag: str, **values: str | None) -> str:
    """Render a start tag."""
    attrs = attributes({name.rstrip("_").replace("__", ":"): value for name, value in values.items()})
    return f"<{tag}{attrs}>"
