"""API tokens over GraphQL, for admins: list them, create one (its secret shown once), revoke."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Annotated, Any

import strawberry
from sqlalchemy import select
from sqlalchemy.orm import Session

from chronology import models
from chronology.graphql.mutations.common import unit_of_work
from chronology.graphql.runtime.context import Info, Role
from chronology.graphql.runtime.errors import conflict, not_found, validation
from chronology.graphql.runtime.lists import ListFirst, first_items
from chronology.graphql.runtime.loaders import table
from chronology.graphql.types.describe import describe
from chronology.services.tokens import IssuedToken, create_token, revoke_token

_tokens = table(models.ApiToken)


@strawberry.enum(description="What a token lets its holder do.")
class TokenRole(Enum):
    READER = "reader"
    EDITOR = "editor"
    ADMIN = "admin"


describe(
    TokenRole,
    {
        "READER": "Read (where anonymous reading is off).",
        "EDITOR": "Read, and create, change and delete records.",
        "ADMIN": "Everything, including managing tokens.",
    },
)


@strawberry.type(description="A named API token; its secret is never shown again.")
class ApiToken:
    name: str = strawberry.field(description="The token's name; the audit trail records it.")
    role: TokenRole = strawberry.field(description="What the token lets its holder do.")
    created_at: datetime.datetime = strawberry.field(description="When it was created.")
    expires_at: datetime.datetime | None = strawberry.field(description="When it stops working.")
    revoked_at: datetime.datetime | None = strawberry.field(description="When it was revoked.")
    last_used_at: datetime.datetime | None = strawberry.field(description="When it was last used.")

    @strawberry.field(description="The token works now: neither revoked nor expired.")
    def active(self) -> bool:
        now = datetime.datetime.now(datetime.UTC)
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)

    @classmethod
    def from_row(cls, row: Any) -> ApiToken:
        """Build from an api_tokens row."""
        return cls(
            name=row.name,
            role=TokenRole(row.role),
            created_at=row.created_at,
            expires_at=row.expires_at,
            revoked_at=row.revoked_at,
            last_used_at=row.last_used_at,
        )


@strawberry.type(description="A token just created, with the secret to keep: it is shown only now.")
class IssuedApiToken:
    token: ApiToken = strawberry.field(description="The token.")
    secret: str = strawberry.field(description="Send it as `Authorization: Bearer <secret>`; only its hash is stored.")


async def _token(info: Info, name: str) -> ApiToken:
    rows = await info.context.database.rows(select(_tokens).where(_tokens.c.name == name))
    if not rows:
        raise not_found(f"the token {name!r}", field="name")
    return ApiToken.from_row(rows[0])


@strawberry.type
class TokenQuery:
    @strawberry.field(description="Every API token, newest first (admins only; never secrets).")
    async def tokens(self, info: Info, first: ListFirst = None) -> list[ApiToken]:
        info.context.require(Role.ADMIN)
        rows = await info.context.database.rows(select(_tokens).order_by(_tokens.c.created_at.desc(), _tokens.c.id))
        return first_items([ApiToken.from_row(row) for row in rows], first)


@strawberry.type
class TokenMutation:
    @strawberry.mutation(description="Create an API token; its secret is shown in this answer only.")
    async def create_token(
        self,
        info: Info,
        name: Annotated[str, strawberry.argument(description="A unique name: who holds it.")],
        role: Annotated[TokenRole, strawberry.argument(description="What it may do.")],
        expires_at: Annotated[
            datetime.datetime | None,
            strawberry.argument(description="When it stops working (never, if left out)."),
        ] = None,
    ) -> IssuedApiToken | None:
        async with unit_of_work(info, name, role=Role.ADMIN) as database:
            if not name.strip():
                raise validation("a token needs a name", field="name")
            if expires_at is not None:
                if expires_at.tzinfo is None:
                    expires_at = expires_at.replace(tzinfo=datetime.UTC)
                if expires_at <= datetime.datetime.now(datetime.UTC):
                    raise validation("the expiry is in the past", field="expiresAt")
            taken = await database.rows(select(_tokens.c.id).where(_tokens.c.name == name))
            if taken:
                raise conflict(f"a token named {name!r} exists already", field="name")
            session = await database.session()
            try:

                def issue(sync: Session) -> IssuedToken:
                    return create_token(sync, name=name, role=role.value, expires_at=expires_at)

                issued = await session.run_sync(issue)
            finally:
                await session.close()
            return IssuedApiToken(token=await _token(info, name), secret=issued.secret)

    @strawberry.mutation(description="Revoke an API token at once; return it.")
    async def revoke_token(
        self,
        info: Info,
        name: Annotated[str, strawberry.argument(description="The token's name.")],
    ) -> ApiToken | None:
        async with unit_of_work(info, name, role=Role.ADMIN) as database:
            session = await database.session()
            try:
                revoked = await session.run_sync(lambda sync: revoke_token(sync, name))
            finally:
                await session.close()
            if not revoked:
                await _token(info, name)  # NOT_FOUND when there is no such token at all
                raise conflict(f"the token {name!r} is revoked already", field="name")
            return await _token(info, name)
