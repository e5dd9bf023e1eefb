"""What every resolver can reach: the request's database, record budget and loaders, and who is asking."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from starlette.requests import Request
from starlette.responses import Response
from strawberry.types import Info as StrawberryInfo

from chronology.graphql.runtime.budget import RecordBudget
from chronology.graphql.runtime.database import RequestDatabase
from chronology.graphql.runtime.errors import forbidden
from chronology.settings import Settings


class Role(StrEnum):
    """What a token lets its holder do."""

    READER = "reader"
    EDITOR = "editor"
    ADMIN = "admin"


RANK = {Role.READER: 1, Role.EDITOR: 2, Role.ADMIN: 3}


@dataclass(frozen=True)
class Actor:
    """Who is asking: a named token with a role, or nobody."""

    name: str | None
    role: Role | None


@dataclass
class Context:
    """The per-request context strawberry hands to every resolver."""

    request: Request
    response: Response
    settings: Settings
    database: RequestDatabase
    actor: Actor
    budget: RecordBudget
    loaders: dict[str, object] = field(default_factory=dict)
    wrote: bool = False

    def require(self, role: Role) -> None:
        """Refuse unless the caller holds ROLE or a higher one."""
        if self.actor.role is None or RANK[self.actor.role] < RANK[role]:
            who = "anonymous callers" if self.actor.role is None else f"{self.actor.role} tokens"
            raise forbidden(f"{who} may not do this; it needs an {role.value} token or better")

    def require_read(self) -> None:
        """Refuse anonymous reading when the service is configured so."""
        if self.actor.role is None and not self.settings.anonymous_read:
            raise forbidden("reading needs a token on this service")


Info = StrawberryInfo[Context, None]
