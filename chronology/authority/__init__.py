"""The authority lists of persons and bodies shipped with the package."""

from chronology.authority.lists import (
    AuthorityBody,
    AuthorityError,
    AuthorityPerson,
    BodyKind,
    Membership,
    MembershipRole,
    NameVariant,
    VariantKind,
    check_memberships,
    edtf_bounds,
    load_bodies,
    load_persons,
    parse_bodies,
    parse_persons,
)

__all__ = [
    "AuthorityBody",
    "AuthorityError",
    "AuthorityPerson",
    "BodyKind",
    "Membership",
    "MembershipRole",
    "NameVariant",
    "VariantKind",
    "check_memberships",
    "edtf_bounds",
    "load_bodies",
    "load_persons",
    "parse_bodies",
    "parse_persons",
]
