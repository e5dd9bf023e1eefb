"""The OCR text of *The Road to Terror* (Getty and Naumov, 1999): pages, documents, notes and sources."""

from chronology.importers.road_to_terror.parser import parse

__all__ = ["parse"]
