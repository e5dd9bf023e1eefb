"""A new person needs name evidence: initials, a comrade-form, or a surname's shape."""

from __future__ import annotations

import pytest

from chronology.authority.evidence import NameEvidence, name_evidence, unglue_from


@pytest.mark.parametrize(
    ("name", "evidence"),
    [
        ("A. Flegontov", NameEvidence.INITIALS),
        ("Ya. S. Agranov", NameEvidence.INITIALS),
        ("I.Moiseev", NameEvidence.INITIALS),
        ("I. Moiseev (Yershistyi)", NameEvidence.INITIALS),
        ("M. Tomskaya", NameEvidence.INITIALS),
        ("Comrade Balashova", NameEvidence.COMRADE),
        ("Tov. Zimin", NameEvidence.COMRADE),
        ("Berezin", NameEvidence.SURNAME),
        ("Ivnitsky", NameEvidence.SURNAME),
        ("Tkachenko", NameEvidence.SURNAME),
        ("Lominadze", NameEvidence.SURNAME),
        ("Mirzoyan", NameEvidence.SURNAME),
        ("Fufryansky", NameEvidence.SURNAME),
    ],
)
def test_names_with_evidence(name: str, evidence: NameEvidence) -> None:
    assert name_evidence(name) is evidence


@pytest.mark.parametrize(
    "token",
    [
        "Centra",  # a word cut by the scan
        "Contro",
        "Politbur",
        "Secret Central Cummillee",  # a phrase, with OCR damage
        "party control commissions",
        "Commission",
        "Page",
        "Text",
        "Out of turn",
        "FromYa. S. Agranov",  # glued: unglue it first
    ],
)
def test_tokens_that_only_look_like_names(token: str) -> None:
    assert name_evidence(token) is None


@pytest.mark.parametrize(
    ("glued", "name"),
    [("FromYa. S. Agranov", "Ya. S. Agranov"), ("FrornN. I. Bukharin", "N. I. Bukharin"), ("Fromkin", None)],
)
def test_an_ocr_glued_from_comes_off(glued: str, name: str | None) -> None:
    assert unglue_from(glued) == name
