"""The Stalin–Kaganovich correspondence edition: headers, archive lines, texts and notes."""

from chronology.importers.correspondence.parser import parse

__all__ = ["parse"]
