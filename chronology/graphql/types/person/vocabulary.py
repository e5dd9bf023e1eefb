"""The vocabularies of people and bodies as GraphQL enums: kinds of body, memberships, name forms."""

from __future__ import annotations

from enum import Enum

import strawberry

from chronology.graphql.types.describe import describe


@strawberry.enum(description="Where a body sits in the party and the state.")
class BodyKind(Enum):
    PARTY_ORGAN = "party_organ"
    STATE_ORGAN = "state_organ"
    COMMISSARIAT = "commissariat"
    COURT = "court"
    REGIONAL_COMMITTEE = "regional_committee"
    OTHER = "other"


describe(
    BodyKind,
    {
        "PARTY_ORGAN": "An organ of the party: Politburo, Orgburo, Secretariat, Central Committee.",
        "STATE_ORGAN": "An organ of the state: Council of People's Commissars, Central Executive Committee.",
        "COMMISSARIAT": "A people's commissariat (ministry), e.g. the NKVD.",
        "COURT": "A court, e.g. the Military Collegium of the Supreme Court.",
        "REGIONAL_COMMITTEE": "A regional or republican party committee.",
        "OTHER": "Any other body.",
    },
)


@strawberry.enum(description="A person's standing in a body.")
class MembershipRole(Enum):
    MEMBER = "member"
    CANDIDATE = "candidate"
    SECRETARY = "secretary"
    CHAIR = "chair"


describe(
    MembershipRole,
    {
        "MEMBER": "Full member.",
        "CANDIDATE": "Candidate (non-voting) member.",
        "SECRETARY": "Secretary.",
        "CHAIR": "Chair.",
    },
)


@strawberry.enum(description="Why a person's name appears in another form.")
class NameVariantKind(Enum):
    CANONICAL = "canonical"
    TRANSLITERATION = "transliteration"
    SPELLING = "spelling"
    OCR_ERROR = "ocr_error"
    PARTY_NAME = "party_name"
    INITIALS = "initials"
    SHORT = "short"
    BIRTH_NAME = "birth_name"


describe(
    NameVariantKind,
    {
        "CANONICAL": "The canonical form this service uses.",
        "TRANSLITERATION": "Another transliteration from Cyrillic (Ezhov for Yezhov).",
        "SPELLING": "Another spelling found in a source.",
        "OCR_ERROR": "A misreading by OCR (Yezhav).",
        "PARTY_NAME": "A party name or pseudonym (Sergo).",
        "INITIALS": "A form with initials (L. M. Kaganovich).",
        "SHORT": "The surname alone.",
        "BIRTH_NAME": "The name at birth, before a party name: Dzhugashvili.",
    },
)
