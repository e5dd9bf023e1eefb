"""Descriptions for every value of a GraphQL enum: the SDL shows them to historians."""

from __future__ import annotations

from enum import Enum


def describe(enum: type[Enum], descriptions: dict[str, str]) -> None:
    """Attach a description to every value of a strawberry enum (the SDL shows them)."""
    definition = enum.__strawberry_definition__  # type: ignore[attr-defined]
    assert {value.name for value in definition.values} == set(descriptions), enum.__name__
    for value in definition.values:
        value.description = descriptions[value.name]
