"""What an export says about itself: its links, the filter, when and by what it was made, who publishes it."""

from __future__ import annotations

from dataclasses import dataclass, field

from chronology.interchange.links import Links


@dataclass(frozen=True)
class PublicationStatement:
    """Who publishes an export and under what terms (the TEI/CMIF header says it)."""

    publisher: str = "Chronology"
    editor: str | None = None
    editor_email: str | None = None
    licence: str = "https://creativecommons.org/licenses/by/4.0/"


@dataclass(frozen=True)
class ExportOptions:
    """What a writer may say about the export itself; the caller gives the clock's reading."""

    title: str = "Chronology export"
    links: Links = field(default_factory=Links)
    format_name: str = "export"
    filters: tuple[tuple[str, str], ...] = ()  # the filter the records were chosen by, as query parameters
    created: str | None = None  # when the export was made (ISO 8601, UTC); None keeps golden files stable
    version: str | None = None  # the software's version
    schema_revision: str | None = None  # the database's migration revision
    database: str | None = None  # what tells the database apart: a package from it may be matched by id
    statement: PublicationStatement = field(default_factory=PublicationStatement)
    flavour: str = "cmif"  # TEI: "cmif" (the letters' metadata, harvestable) or "full" (texts, copies, decisions)

    @property
    def source_url(self) -> str:
        """Return the URL this export is served from, the same whether made by the CLI or HTTP."""
        extra = (("flavour", self.flavour),) if self.flavour != "cmif" else ()
        return self.links.export(self.format_name, (*self.filters, *extra))
