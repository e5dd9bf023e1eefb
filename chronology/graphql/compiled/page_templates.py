"""A page of documents compiled to SQL once per shape, with the search phrase and the cursor bound anew.

Building a page's statement with SQLAlchemy (filters, keyset order, the attached JSON) and
deriving its cache key costs more than PostgreSQL takes to answer a rare term. A shortcut
page differs from the last one of its shape only in the phrase searched for and the cursor
it starts from, so the statement is built once with a placeholder phrase, compiled to the
driver's SQL, and each request binds its own phrase where the placeholder went and its own
cursor's values to the named cursor parameters.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Dialect

from chronology.graphql.compiled.plans import Plan
from chronology.graphql.compiled.resolvers import attachment
from chronology.graphql.runtime.pagination import PageRequest, SortKey, cursor_values, page_statement
from chronology.graphql.types.document.filter import document_keys
from chronology.queries.documents import DocumentCriteria, filtered

# Cannot be a search phrase a client sends: NUL bytes are refused by PostgreSQL in text.
_PLACEHOLDER = "\x00chronology: the search phrase\x00"
MAX_TEMPLATES = 512


@dataclass(frozen=True)
class PageTemplate:
    """SQL for a page, its fixed parameters and the names to bind the search phrase to."""

    sql: str
    parameters: dict[str, Any]
    phrase: tuple[str, ...]
    keys: tuple[SortKey, ...]

    def bind(self, criteria: DocumentCriteria, request: PageRequest) -> dict[str, Any]:
        """Return the parameters for CRITERIA and REQUEST, of this template's shape."""
        values = cursor_values(self.keys, request) or []
        cursor = {f"cursor_{i}": value for i, value in enumerate(values)}
        return {**self.parameters, **dict.fromkeys(self.phrase, criteria.text), **cursor}


_TEMPLATES: dict[tuple[Any, ...], PageTemplate | None] = {}


def page_template(
    dialect: Dialect, criteria: DocumentCriteria, order_by: Any, request: PageRequest, plan: Plan
) -> PageTemplate | None:
    """Return the template of this page's shape (built on first use), or None when it cannot have one."""
    shaped = dataclasses.replace(criteria, text=_PLACEHOLDER) if criteria.text is not None else criteria
    cursor = None if request.cursor is None else len(request.cursor)
    key = (shaped, order_by, request.first, request.last, cursor, plan.sql)
    if key not in _TEMPLATES:
        if len(_TEMPLATES) >= MAX_TEMPLATES:
            _TEMPLATES.clear()
        _TEMPLATES[key] = _compile(dialect, shaped, order_by, request, plan)
    return _TEMPLATES[key]


def _compile(
    dialect: Dialect, shaped: DocumentCriteria, order_by: Any, request: PageRequest, plan: Plan
) -> PageTemplate | None:
    keys, descending = document_keys(shaped, order_by)
    statement = page_statement(
        filtered(shaped, only_ids=True), keys, request, descending=descending, attached=attachment(plan)
    )
    compiled = statement.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    parameters = dict(compiled.params)
    phrase = tuple(name for name, value in parameters.items() if value == _PLACEHOLDER)
    derived: Sequence[Any] = [v for v in parameters.values() if isinstance(v, str) and _PLACEHOLDER in v]
    if len(derived) != len(phrase) or (shaped.text is not None and not phrase):
        return None  # the phrase went into the SQL some other way than as itself: build each time
    return PageTemplate(compiled.string, parameters, phrase, tuple(keys))
