"""Turning export query rows into export records: fuzzy dates, references, publications."""

from __future__ import annotations

from typing import Any

from chronology.interchange.records import (
    ExportArchivalReference,
    ExportDate,
    ExportPublication,
    ExportTransmission,
)


def export_date(row: Any, prefix: str = "date") -> ExportDate | None:
    edtf = getattr(row, f"{prefix}_edtf")
    if edtf is None:
        return None
    return ExportDate(
        getattr(row, f"{prefix}_verbatim"),
        edtf,
        getattr(row, f"{prefix}_lower"),
        getattr(row, f"{prefix}_upper"),
        getattr(row, f"{prefix}_precision"),
        tuple(getattr(row, f"{prefix}_qualifiers") or ()),
    )


def transmission(row: Any, prefix: str) -> ExportTransmission:
    return ExportTransmission(
        getattr(row, f"{prefix}_verbatim"),
        getattr(row, f"{prefix}_edtf"),
        getattr(row, f"{prefix}_lower"),
        getattr(row, f"{prefix}_upper"),
        getattr(row, f"{prefix}_time"),
    )


def archival_reference(row: Any, prefix: str = "") -> ExportArchivalReference:
    def get(name: str) -> Any:
        return getattr(row, prefix + name)

    return ExportArchivalReference(
        get("id"),
        get("repository"),
        get("repository_as_printed"),
        get("fond"),
        get("opis"),
        get("delo"),
        get("folios"),
        get("verbatim"),
        get("normalised"),
        get("doubtful"),
        get("note"),
        get("confidence"),
    )


def publication(row: Any, prefix: str = "") -> ExportPublication:
    def get(name: str) -> Any:
        return getattr(row, prefix + name)

    return ExportPublication(
        get("id"),
        get("title"),
        get("editors"),
        get("publisher"),
        get("place"),
        get("year"),
        get("language"),
        get("url"),
    )
