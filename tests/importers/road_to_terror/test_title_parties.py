"""Parties read from a Road to Terror title: no person from a token that only looks like a name."""

from __future__ import annotations

import pytest

from chronology.importers.records import ReviewItem
from chronology.importers.road_to_terror.kinds import title_parties
from chronology.importers.road_to_terror.names import checked_party


def _parties(title: str) -> tuple[list[tuple[str, bool]], list[ReviewItem]]:
    review: list[ReviewItem] = []
    found = [checked_party(name, is_body, 1, review) for name, _, is_body in title_parties(title)]
    return [p for p in found if p is not None], review


@pytest.mark.parametrize(
    ("title", "parties"),
    [
        ("Central Control Commission circular on hunger", [("Central Control Commission", True)]),
        ("Central CommitteeISNK decree of 8 May 1933", [("Central Committee", True), ("SNK", True)]),
        ("CC/SNK decree on the harvest", [("Central Committee", True), ("SNK", True)]),
        ("NKVDlProcuracy circular on arrests", [("NKVD", True), ("Procuracy", True)]),
        ("Politburo decree on Comrade Ivanov's letter", [("Politburo", True)]),
        ("Secret Central Committee letter on the assassination", [("Central Committee", True)]),
        ("FromYa. S. Agranov's speech to the plenum", [("Ya. S. Agranov", False)]),
        ("FrornN. I. Bukharin's second speech", [("N. I. Bukharin", False)]),
        ("Letter from A. Petrovsky to N. I. Yezhov", [("A. Petrovsky", False), ("N. I. Yezhov", False)]),
        ("Bukharin's statement to the Politbur", [("Bukharin", False), ("Politbur", True)]),
    ],
)
def test_title_parties_are_names_or_bodies(title: str, parties: list[tuple[str, bool]]) -> None:
    assert _parties(title)[0] == parties


@pytest.mark.parametrize(
    "title",
    ["Secret Central Cummillee letter on the terror", "Centra letter to the regions", "Contro memo on grain"],
)
def test_tokens_without_name_evidence_stay_review_text(title: str) -> None:
    parties, review = _parties(title)
    assert parties == []
    assert [item.verbatim for item in review if "no name evidence" in item.reason] == [
        title.split(" letter")[0].split(" memo")[0]
    ]
