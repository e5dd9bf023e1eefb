"""API tokens: create one (shown once), list, revoke, and check a presented one."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from chronology.models import ApiToken

PREFIX = "chron_"
ROLES = ("reader", "editor", "admin")


def token_hash(token: str) -> str:
    """Return the stored form of a token: its SHA-256, never the token itself."""
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    """A token just created: the secret is shown this once."""

    name: str
    role: str
    secret: str
    expires_at: datetime.datetime | None


def create_token(session: Session, *, name: str, role: str, expires_at: datetime.datetime | None = None) -> IssuedToken:
    """Create a named token with ROLE and return its secret."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if not name.strip():
        raise ValueError("a token needs a name")
    if session.scalar(select(ApiToken.id).where(ApiToken.name == name)) is not None:
        raise ValueError(f"a token named {name!r} exists already")
    secret = PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(name=name, role=role, token_hash=token_hash(secret), expires_at=expires_at))
    session.flush()
    return IssuedToken(name=name, role=role, secret=secret, expires_at=expires_at)


def list_tokens(session: Session) -> list[ApiToken]:
    """Return every token, newest first."""
    return list(session.scalars(select(ApiToken).order_by(ApiToken.created_at.desc(), ApiToken.id)))


def revoke_token(session: Session, name: str) -> bool:
    """Revoke the token called NAME; return whether there was one to revoke."""
    result = session.execute(
        update(ApiToken)
        .where(ApiToken.name == name, ApiToken.revoked_at.is_(None))
        .values(revoked_at=datetime.datetime.now(datetime.UTC))
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
