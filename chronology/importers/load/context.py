"""What every loader step of one source shares: the writer, the names, the review list."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from chronology import models
from chronology.importers.load.names import Names
from chronology.importers.load.rows import Writer, table_of
from chronology.importers.records import Edition, ReviewItem

_PUBLICATIONS = table_of(models.Publication)


@dataclass
class SourceContext:
    """One source being loaded: the parser's keys map to these record ids."""

    writer: Writer
    names: Names
    source_id: str  # prefixes the parser's keys to make database natural keys
    source_name: str
    review: list[ReviewItem] = field(default_factory=list)
    document_ids: dict[str, int] = field(default_factory=dict)
    decision_ids: dict[str, int] = field(default_factory=dict)
    publication_id: int | None = None  # the edition this source is; provenance of its links
    _publications: dict[tuple[str, int | None], int] = field(default_factory=dict)

    def natural_key(self, key: str) -> str:
        """Return the database natural key of a parser key."""
        return f"{self.source_id}:{key}"

    def publication(self, edition: Edition) -> int:
        """Return the id of the publication an edition belongs to, writing it once per run."""
        key = (edition.title, edition.year)
        if key not in self._publications:
            self._publications[key] = self.writer.upsert(
                _PUBLICATIONS,
                {"title": edition.title, "year": edition.year},
                {"editors": edition.editors, "language": edition.language},
            )
        if self.publication_id is None:
            self.publication_id = self._publications[key]
        return self._publications[key]

    def vocabulary(self, value: str, allowed: type[StrEnum], *, line: int, what: str) -> str | None:
        """Return `value` when the vocabulary has it, else report it and return None."""
        if value in {v.value for v in allowed}:
            return value
        self.review.append(ReviewItem(line, f"{what} {value!r} is not in the vocabulary; not imported", value))
        return None
